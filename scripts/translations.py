#!/usr/bin/env python3
"""Keep the translation catalogs under resources/translations/ in step with the code.

    python scripts/translations.py update        # lupdate: new strings into every .ts
    python scripts/translations.py release       # lrelease: .ts -> .qm (committed)
    python scripts/translations.py fill F.json   # put translations from JSON into the .ts
    python scripts/translations.py check         # what is missing or inconsistent
    python scripts/translations.py preview DIR [F.json ...]
        # catalog + JSON translations compiled into DIR only (nothing in resources/
        # changes); run the app with BACKCOMPANION_QM_DIR=DIR to see them

The catalog is made by Qt's own lupdate from every ``translate(context, text)``
in backcompanion/, plus ``program_texts.py``, which this script writes from the
program and safety YAML and the figures' descriptions in figure/poses.yaml
(context "figure"; lupdate cannot read YAML). Locations are left out so
the catalog does not change when code moves. `make translations` runs update
and release.

JSON for ``fill``: {"Context": {"English source": "translation" or [forms...]}}.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
PROGRAM_TEXTS = FOLDER / "program_texts.py"
LANGUAGES = ("es",)
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%\d|&(?=\w)")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / f"pyside6-{name}"
    return str(here) if here.exists() else f"pyside6-{name}"


def ts_path(code: str) -> Path:
    return FOLDER / f"backcompanion_{code}.ts"


def sources(program_texts: Path = PROGRAM_TEXTS) -> list[Path]:
    files = sorted((ROOT / "backcompanion").rglob("*.py"))
    return [f for f in files if "screenshots" not in f.name] + [program_texts]


def write_program_texts(path: Path = PROGRAM_TEXTS) -> None:
    sys.path.insert(0, str(ROOT))
    from backcompanion.figure import builtin_figures
    from backcompanion.program.loader import builtin_program_english
    from backcompanion.program.localize import texts
    from backcompanion.program.safety import load_safety_english

    lines = [
        '"""Written by scripts/translations.py from program.yaml, safety.yaml and',
        "figure/poses.yaml (what each exercise figure shows, for screen readers): do not edit.",
        "",
        "Qt's lupdate reads these calls; the app never imports this file.",
        '"""',
        "",
        "from backcompanion.i18n import QT_TRANSLATE_NOOP",
        "",
        "TEXTS = [",
    ]
    for context, text in texts(builtin_program_english(), load_safety_english()):
        lines.append(f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),")
    for figure in builtin_figures().figures:
        lines.append(f"    QT_TRANSLATE_NOOP('figure', {figure.description!r}),")
    lines.append("]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update(ts: Path, code: str, program_texts: Path = PROGRAM_TEXTS) -> None:
    """New texts into ``ts``, gone ones out, translations kept.

    lupdate marks a message as plural only for ``self.tr(text, "", n)``; every
    text with %n is made a plural message here, and its forms survive the run.
    """
    ts.parent.mkdir(parents=True, exist_ok=True)
    plurals = _plural_forms(ts) if ts.exists() else {}
    cmd = [tool("lupdate"), *map(str, sources(program_texts)), "-locations", "none"]
    cmd += ["-no-obsolete"]
    cmd += ["-target-language", code, "-ts", str(ts)]
    subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True, text=True)
    tree = ET.parse(ts)
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            if "%n" not in source:
                continue
            msg.set("numerus", "yes")
            tr = msg.find("translation")
            forms = plurals.get((ctx.findtext("name"), source))
            if forms is None and tr.text and tr.text.strip() and not len(tr):
                forms = [tr.text, tr.text]  # a translation from before it was plural
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            for form in forms or ["", ""]:
                ET.SubElement(tr, "numerusform").text = form
            if forms and all(f.strip() for f in forms) and tr.get("type") == "unfinished":
                tr.attrib.pop("type")
            elif not forms:
                tr.set("type", "unfinished")
    _write(tree, ts)


def _plural_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    found = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            forms = [f.text or "" for f in msg.iter("numerusform")]
            if any(forms):
                found[(ctx.findtext("name"), msg.findtext("source"))] = forms
    return found


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    with open(ts, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")


def release(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            found[(name, msg.findtext("source") or "")] = msg
    return found


def problems(ts: Path) -> list[str]:
    """Unfinished, empty or inconsistent translations, one line each."""
    out = []
    for (context, source), msg in messages(ts).items():
        tr = msg.find("translation")
        where = f"{ts.name}: {context}: {source[:60]!r}"
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            out.append(f"{where}: not translated")
            continue
        forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
        for text in forms:
            if not text.strip():
                out.append(f"{where}: empty translation")
            elif sorted(PLACEHOLDER.findall(source.replace("&&", ""))) != sorted(
                PLACEHOLDER.findall(text.replace("&&", ""))
            ):
                wanted = sorted(set(PLACEHOLDER.findall(source)) - {"&"})
                got = sorted(set(PLACEHOLDER.findall(text)) - {"&"})
                if wanted != got:
                    out.append(f"{where}: placeholders {wanted} became {got}")
    return out


def fill(ts: Path, data: dict) -> tuple[int, list[str]]:
    tree = ET.parse(ts)
    done, unknown = 0, []
    index = {}
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            index[(ctx.findtext("name"), msg.findtext("source"))] = msg
    for context, entries in data.items():
        for source, text in entries.items():
            msg = index.get((context, source))
            if msg is None:
                unknown.append(f"{context}: {source!r}")
                continue
            tr = msg.find("translation")
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                forms = text if isinstance(text, list) else [text, text]
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = text if isinstance(text, str) else text[0]
            done += 1
    _write(tree, ts)
    return done, unknown


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    verb, rest = argv[0], argv[1:]
    if verb == "update":
        write_program_texts()
        for code in LANGUAGES:
            update(ts_path(code), code)
        print(f"updated {', '.join(ts_path(c).name for c in LANGUAGES)}")
    elif verb == "release":
        for code in LANGUAGES:
            release(ts_path(code), ts_path(code).with_suffix(".qm"))
    elif verb == "fill":
        for name in rest:
            code = LANGUAGES[0]
            done, unknown = fill(ts_path(code), json.loads(Path(name).read_text("utf-8")))
            print(f"{name}: {done} filled")
            for line in unknown:
                print(f"  not in the catalog (run update first?): {line}")
    elif verb == "preview":
        out = Path(rest[0]).resolve()
        out.mkdir(parents=True, exist_ok=True)
        texts = out / "program_texts.py"
        write_program_texts(texts)
        for code in LANGUAGES:
            ts = out / ts_path(code).name
            ts.write_bytes(ts_path(code).read_bytes()) if ts_path(code).exists() else None
            update(ts, code, texts)
            for name in rest[1:]:
                done, unknown = fill(ts, json.loads(Path(name).read_text("utf-8")))
                print(f"{name}: {done} filled, {len(unknown)} not in the catalog")
                for line in unknown:
                    print(f"  not in the catalog: {line}")
            release(ts, ts.with_suffix(".qm"))
            left = problems(ts)
            print(f"{ts}: {len(left)} problems (first 20 below)")
            print("\n".join(left[:20]))
        print(f"BACKCOMPANION_QM_DIR={out}")
    elif verb == "check":
        found = [p for code in LANGUAGES for p in problems(ts_path(code))]
        print("\n".join(found) or "complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
