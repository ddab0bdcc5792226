"""The moving figure's benchmark alone: its section of RESULTS.md is written in place, the rest
of the file kept as it was (pure helpers, made-up figures, no child processes)."""

from __future__ import annotations

import json

from bench import exercise_figure as ef
from bench.context import Context


def _runs(cpu: float, painted: int | None = None) -> dict:
    stamps = [i / 60 for i in range(120)]
    out = {"stamps": stamps, "wall_s": 2.0, "cpu_s": 2.0 * cpu / 100, "size": [981, 508]}
    if painted is not None:
        out["painted"] = painted
    return ef.summary(out)


def _figures() -> tuple[list[dict], dict]:
    raw = {}
    figures = []
    for _, _, name in ef.SCREENS:
        app, bare = [_runs(12.0, 70)], [_runs(8.0)]
        raw[f"figure_{name}"] = {"app": app, "bare": bare}
        figures += ef.figures_for(name, name, app, bare)
    return figures, raw


def test_the_section_lists_the_figures_and_how_often_a_new_picture_was_drawn():
    figures, raw = _figures()
    text = ef.section_text(figures, raw, 3, 10.0)
    assert "| Moving figure, full screen 1080: CPU against the bare ellipse | 12.0 % |" in text
    assert "1.50x" in text and "PASS" in text
    assert "new picture on 70 of 120 frames" in text


def test_splice_replaces_only_its_own_section():
    md = "# Benchmark results\n\n| a | b |\n\n## Notes\n\n- x\n\n## Other\n\nkept\n"
    once = ef.splice_section(md, "Moving exercise figure at full screen", "first")
    assert once.startswith(md.rstrip("\n")) and once.endswith(
        "## Moving exercise figure at full screen\n\nfirst\n"
    )
    twice = ef.splice_section(once, "Moving exercise figure at full screen", "second")
    assert "first" not in twice and twice.count("## Moving exercise figure") == 1
    middle = ef.splice_section(
        "# R\n\n## Moving exercise figure at full screen\n\nold\n\n## Other\n\nkept\n",
        "Moving exercise figure at full screen",
        "new",
    )
    assert middle == "# R\n\n## Moving exercise figure at full screen\n\nnew\n\n## Other\n\nkept\n"


def test_written_alone_it_keeps_the_other_figures_and_sections(tmp_path):
    (tmp_path / "RESULTS.md").write_text("# Benchmark results\n\n## Start-up imports\n\nT\n")
    others = {"id": "startup.offscreen", "title": "Start-up"}
    old = {"figures": [others, {"id": "figure.4k.p99"}], "sections": {"Start-up imports": "T"}}
    (tmp_path / "results.json").write_text(json.dumps(old))
    ctx = Context(workdir=tmp_path, memdir=tmp_path)
    figures, raw = _figures()
    ctx.add(*figures)
    ctx.raw.update(raw)
    ctx.section(ef.SECTION, ef.section_text(figures, raw, 1, 3.0))
    machine = {"commit": "abc", "uncommitted_files": 0, "loadavg_start": [0.1], "cpu_count": 2}
    ef.write_alone(ctx, machine, tmp_path)
    md = (tmp_path / "RESULTS.md").read_text()
    assert md.startswith("# Benchmark results\n\n## Start-up imports\n\nT\n")
    assert "## Moving exercise figure at full screen" in md and "commit abc" in md
    results = json.loads((tmp_path / "results.json").read_text())
    ids = [f["id"] for f in results["figures"]]
    assert ids[0] == "startup.offscreen" and ids.count("figure.4k.p99") == 1
    assert set(results["sections"]) == {"Start-up imports", ef.SECTION}
    assert "figure_1080" in results["raw"]
