"""Figures and the files a run writes: ``results.json`` (everything) and ``RESULTS.md`` (a table).

A figure is a plain dict so that it goes to JSON as it is. :func:`figure` fills
in the ratio to the baseline and whether the target is met; the writers only
format. Pure: the smoke test feeds them made-up figures.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.stats import check, ratio

Figure = dict[str, Any]


def figure(
    fid: str,
    title: str,
    value: float | None,
    unit: str,
    *,
    baseline: float | None = None,
    baseline_label: str = "",
    target: str = "",
    limit: float | None = None,
    kind: str = "max",
    on: str = "value",
    runs: Sequence[float] | None = None,
    baseline_runs: Sequence[float] | None = None,
    note: str = "",
) -> Figure:
    """One measured figure; ``on`` says whether the target applies to the value or the ratio."""
    r = ratio(value, baseline)
    judged = r if on == "ratio" else value
    passed = check(judged, limit, kind) if limit is not None else None
    return {
        "id": fid,
        "title": title,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "baseline_label": baseline_label,
        "ratio": r,
        "target": target,
        "target_on": on if limit is not None else None,
        "limit": limit,
        "kind": kind if limit is not None else None,
        "pass": passed,
        "runs": list(runs) if runs is not None else None,
        "baseline_runs": list(baseline_runs) if baseline_runs is not None else None,
        "note": note,
    }


def fmt(value: float | None, unit: str = "") -> str:
    """A figure for a table cell: three significant digits or so, with its unit."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or (
        isinstance(value, float)
        and value.is_integer()
        and unit
        in (
            "",
            "frames",
            "count",
            "rows",
            "bytes",
        )
    ):
        text = f"{int(value):,}"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    elif abs(value) >= 1:
        text = f"{value:.2f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".strip() if unit else text


def verdict(fig: Figure) -> str:
    if fig.get("pass") is None:
        return "info" if fig.get("limit") is None else "not measured"
    return "PASS" if fig["pass"] else "FAIL"


def summary_counts(figures: Sequence[Figure]) -> dict[str, int]:
    out = {"pass": 0, "fail": 0, "not_measured": 0, "info": 0}
    for f in figures:
        v = verdict(f)
        key = {"PASS": "pass", "FAIL": "fail", "not measured": "not_measured"}.get(v, "info")
        out[key] += 1
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(results: dict[str, Any]) -> str:
    """RESULTS.md: machine, then one table row per figure with its baseline beside it."""
    m = results.get("machine", {})
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {results.get('finished', '?')} "
        f"in {fmt(results.get('duration_s'), 's')}. Machine: {m.get('cpu_count', '?')} CPUs "
        f"({m.get('cpu_model', '?')}), load average at start {m.get('loadavg_start', '?')} "
        f"and at the end {m.get('loadavg_end', '?')} (1, 5 and 15 minutes), "
        f"Python {m.get('python', '?')}, PySide6 {m.get('pyside6', '?')} / Qt {m.get('qt', '?')}, "
        f"SQLite {m.get('sqlite', '?')}; source at commit {m.get('commit', '?')} with "
        f"{m.get('uncommitted_files', '?')} files changed or new.",
        "",
        "Ratios are against a baseline measured in the same run, interleaved (A B A B ...); "
        "values are medians over the runs shown in results.json.",
        "",
        "| Figure | Value | Baseline | Ratio | Target | Result |",
        "|---|---|---|---|---|---|",
    ]
    for f in results.get("figures", []):
        base = fmt(f.get("baseline"), f.get("unit", ""))
        if f.get("baseline_label") and f.get("baseline") is not None:
            base = f"{base} ({f['baseline_label']})"
        r = f"{f['ratio']:.2f}x" if f.get("ratio") is not None else "-"
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    f["title"],
                    fmt(f.get("value"), f.get("unit", "")),
                    base,
                    r,
                    f.get("target") or "",
                    verdict(f),
                )
            )
            + " |"
        )
    counts = summary_counts(results.get("figures", []))
    lines += [
        "",
        f"Targets: {counts['pass']} pass, {counts['fail']} fail, "
        f"{counts['not_measured']} not measured.",
    ]
    notes = [f for f in results.get("figures", []) if f.get("note")]
    if notes:
        lines += ["", "## Notes on the figures", ""]
        lines += [f"- **{f['title']}**: {f['note']}" for f in notes]
    for title, body in results.get("sections", {}).items():
        lines += ["", f"## {title}", "", body.rstrip()]
    if results.get("errors"):
        lines += ["", "## Errors during the run", ""]
        lines += [f"- {_cell(e)}" for e in results["errors"]]
    return "\n".join(lines) + "\n"


def write_results(results: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    """Write results.json and RESULTS.md into ``folder`` (each replaced atomically)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = (folder / "results.json", folder / "RESULTS.md")
    texts = (
        json.dumps(results, indent=2, sort_keys=False, default=str) + "\n",
        render_markdown(results),
    )
    for path, text in zip(paths, texts, strict=True):
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return paths
