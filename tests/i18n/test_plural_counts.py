"""Every plural translate()/tr() passes its count as a plain name.

Qt's lupdate silently leaves out a plural ``translate(context, text, "", n)``
whose ``n`` is an attribute (``self.count``) or a call (``len(items)``): the
text never reaches the catalog and is shown in English whatever the language.
So the count is always a plain local variable; this reads the code so that
the pattern cannot come back.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "backcompanion"


def plural_count(call: ast.Call) -> ast.expr | None:
    """The ``n`` argument of a translate()/tr() call, None when it has none."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    position = {"translate": 3, "tr": 2}.get(name)
    if position is None:
        return None
    for keyword in call.keywords:
        if keyword.arg == "n":
            return keyword.value
    return call.args[position] if len(call.args) > position else None


def counts_not_plain(source: str, file: str = "<source>") -> list[str]:
    """``file:line: count`` for each plural count in ``source`` that is not a plain name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            n = plural_count(node)
            if n is not None and not isinstance(n, ast.Name):
                found.append(f"{file}:{node.lineno}: {ast.unparse(n)}")
    return found


def test_no_plural_count_is_an_attribute_or_a_call():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        found += counts_not_plain(path.read_text("utf-8"), str(path.relative_to(ROOT.parent)))
    assert not found, "plural counts lupdate cannot see (use a local variable):\n" + "\n".join(
        found
    )


def test_the_scan_finds_each_kind_and_passes_a_plain_name():
    source = """
translate("C", "%n day(s)", "", self.days)
translate("C", "%n day(s)", None, len(days))
translate("C", "%n day(s)", n=days.count)
self.tr("%n day(s)", "", self._rating)
count = 3
translate("C", "%n day(s)", "", count)
self.tr("%n day(s)", "", count)
translate("C", "no plural")
"""
    assert [line.split(": ", 1)[1] for line in counts_not_plain(source)] == [
        "self.days",
        "len(days)",
        "days.count",
        "self._rating",
    ]
