"""The benchmarks' pure helpers on made-up figures: no timing, no Qt, no child processes.

``make bench`` runs the benchmarks themselves; this only keeps the package
importable and its arithmetic and writers honest.
"""

# ruff: noqa: E402  (bench is found from the repository root, added to sys.path first)
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `bench` is not installed: it lives beside the package
    sys.path.insert(0, str(ROOT))

from bench import report, stats
from bench.memory import leak_growth
from bench.scale import cost_per_day, last_full_week
from bench.startup import lazy_candidates, median_rows, parse_importtime
from bench.timer import hold_errors

MODULES = [
    "bench.__main__",
    "bench.context",
    "bench.exercise_figure",
    "bench.machine",
    "bench.history_v2",
    "bench.memory",
    "bench.migration",
    "bench.pacer",
    "bench.peers",
    "bench.report",
    "bench.runner",
    "bench.scale",
    "bench.startup",
    "bench.stats",
    "bench.timer",
    "bench.xwatch",
    "bench.probes.common",
    "bench.probes.migrate",
]


@pytest.mark.parametrize("name", MODULES)
def test_bench_modules_import(name):
    importlib.import_module(name)


def test_median_and_percentile():
    assert stats.median([3, 1, 2]) == 2
    assert stats.median([4, 1, 3, 2]) == 2.5
    assert stats.median([]) is None
    assert stats.percentile([10, 20, 30, 40, 50], 50) == 30
    assert stats.percentile([10, 20], 99) == pytest.approx(19.9)
    with pytest.raises(ValueError):
        stats.percentile([1], 101)


def test_ratio_and_check():
    assert stats.ratio(3.0, 2.0) == 1.5
    assert stats.ratio(1.0, 0.0) is None
    assert stats.ratio(None, 1.0) is None
    assert stats.check(1.5, 1.5, "max") is True
    assert stats.check(1.5, 1.5, "below") is False
    assert stats.check(None, 1.0) is None


def test_frame_stats_counts_dropped_frames():
    period = 1 / 60
    stamps = [i * period for i in range(10)] + [12 * period, 13 * period]  # 3 periods: 2 lost
    found = stats.frame_stats(stamps)
    assert found["dropped"] == 2
    assert found["frames"] == 12
    assert found["p50_ms"] == pytest.approx(1000 / 60)


def test_interleave_runs_a_b_a_b():
    order = []
    runs = stats.interleave(
        [("a", lambda: order.append("a") or 1), ("b", lambda: order.append("b") or 2)], 3
    )
    assert order == ["a", "b"] * 3
    assert runs == {"a": [1, 1, 1], "b": [2, 2, 2]}


def test_linear_slope():
    assert stats.linear_slope([0, 1, 2], [1, 3, 5]) == pytest.approx(2)
    assert stats.linear_slope([1], [1]) is None


def test_figure_ratio_and_verdict():
    f = report.figure("x", "X", 3.0, "s", baseline=2.0, limit=1.5, on="ratio", target="<= 1.5x")
    assert f["ratio"] == 1.5 and f["pass"] is True
    g = report.figure("y", "Y", 30.0, "ms", limit=25.0, kind="below")
    assert g["pass"] is False and report.verdict(g) == "FAIL"
    h = report.figure("z", "Z", None, "ms", limit=25.0)
    assert h["pass"] is None and report.verdict(h) == "not measured"
    assert report.verdict(report.figure("i", "I", 1.0, "ms")) == "info"


def test_results_writer_on_fake_figures(tmp_path):
    figures = [
        report.figure(
            "a",
            "Start-up",
            0.6,
            "s",
            baseline=0.3,
            baseline_label="bare",
            limit=1.5,
            on="ratio",
            target="<= 1.5x bare",
        ),
        report.figure("b", "Pipe | in title", 12.0, "ms", note="a note"),
    ]
    results = {
        "finished": "2026-01-01T00:00:00+00:00",
        "duration_s": 1.0,
        "machine": {"cpu_count": 2, "cpu_model": "test", "python": "3", "qt": "6"},
        "figures": figures,
        "summary": report.summary_counts(figures),
        "sections": {"Extra": "text"},
        "errors": ["one error"],
    }
    json_path, md_path = report.write_results(results, tmp_path)
    assert json.loads(json_path.read_text())["figures"][0]["pass"] is False
    md = md_path.read_text()
    assert "| Start-up | 0.6 s | 0.3 s (bare) | 2.00x | <= 1.5x bare | FAIL |" in md
    assert "Pipe \\| in title" in md
    assert "## Extra" in md and "one error" in md
    assert report.summary_counts(figures) == {"pass": 0, "fail": 1, "not_measured": 0, "info": 1}


def test_parse_importtime_and_lazy_candidates():
    text = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:       100 |        100 |     backcompanion.report.pdf",
            "import time:       200 |        300 |   backcompanion.report",
            "import time:      1000 |       2000 | backcompanion.app",
            "noise",
        ]
    )
    rows = parse_importtime(text)
    assert [r["module"] for r in rows] == [
        "backcompanion.report.pdf",
        "backcompanion.report",
        "backcompanion.app",
    ]
    assert rows[-1]["depth"] == 0 and rows[0]["depth"] == 2
    assert rows[-1]["cumulative_ms"] == 2.0
    assert [r["module"] for r in lazy_candidates(rows)] == ["backcompanion.report.pdf"]
    slower = [{**r, "self_ms": r["self_ms"] * 3} for r in rows]
    again = [{**r, "self_ms": r["self_ms"] * 2} for r in rows]
    assert [r["self_ms"] for r in median_rows([rows, slower, again])] == [0.2, 0.4, 2.0]


def test_hold_errors_on_a_made_up_hold():
    start, hold = 100.0, 3
    end = start + hold
    records = [
        [start + 0.002, "stretching", "hold", 3, 2.998],
        [start + 1.001, "stretching", "hold", 2, 1.999],
        [start + 2.004, "stretching", "hold", 1, 0.996],
        [end + 0.010, "stretching", "get_ready", 3, 3.0],
    ]
    paints = [[start + 0.003, "3"], [start + 1.002, "2"], [start + 2.005, "1"], [end + 0.012, "3"]]
    found = hold_errors(
        {
            "hold_s": hold,
            "hold_start": start,
            "hold_end": end,
            "records": records,
            "paints": paints,
            "sent_before": 96.0,
            "sent_after": 96.001,
        }
    )
    assert found["end_page_ms"] == pytest.approx(10)
    assert found["max_screen_ms"] == pytest.approx(12)
    assert found["inner_max_screen_ms"] == pytest.approx(5)
    assert found["max_remaining_error_ms"] == pytest.approx(0, abs=1e-6)
    assert found["growth_ms"] == pytest.approx(3)


def test_leak_growth_and_cost_per_day():
    samples = [
        {"sessions": 10, "rss_kb": 100_000, "anon_kb": 50_000, "py_objects": 1000},
        {"sessions": 110, "rss_kb": 102_048, "anon_kb": 51_024, "py_objects": 1010},
    ]
    g = leak_growth(samples)
    assert g["growth_mb"] == pytest.approx(2.0) and g["kb_per_session"] == pytest.approx(20.48)
    per_day = cost_per_day([(0.0, 0.0, 0), (10.0, 5.0, 365), (40.0, 35.0, 730)], 730)
    assert per_day["first_cpu_s_per_day"] == pytest.approx(5 / 365)
    assert per_day["last_cpu_s_per_day"] == pytest.approx(30 / 365)


def test_last_full_week():
    from datetime import date

    monday, name = last_full_week(date(2026, 11, 26))
    assert monday == date(2026, 11, 16) and name == "2026-W47"


def test_moving_figure_figures_on_made_up_runs():
    from bench.exercise_figure import figures_for, summary

    def run(cpu_s: float, gap: float = 1 / 60, size=(981, 508)) -> dict:
        stamps = [i * gap for i in range(600)]
        return summary({"stamps": stamps, "wall_s": 10.0, "cpu_s": cpu_s, "size": list(size)})

    app, bare = [run(1.2), run(1.3)], [run(1.0), run(0.9)]
    found = {f["id"]: f for f in figures_for("1080", "1920x1080", app, bare)}
    assert found["figure.1080.p99"]["value"] == pytest.approx(1000 / 60)
    assert report.verdict(found["figure.1080.p99"]) == "PASS"
    ratio = found["figure.1080.cpu_ratio"]
    assert ratio["ratio"] == pytest.approx(12.5 / 9.5)
    assert report.verdict(ratio) == "PASS"
    slow = [run(3.0, gap=1 / 20)]
    found = {f["id"]: f for f in figures_for("4k", "3840x2160", slow, bare)}
    assert report.verdict(found["figure.4k.p99"]) == "FAIL"
    assert report.verdict(found["figure.4k.cpu_ratio"]) == "FAIL"
    assert "981x508" in found["figure.4k.p99"]["note"]


def test_peers_table_says_what_was_not_installed(tmp_path):
    from bench.context import Context
    from bench.peers import _report

    ctx = Context(workdir=tmp_path, memdir=tmp_path)

    class Who:
        def __init__(self, label):
            self.label = label

    who = [Who("bare"), Who("BackCompanion"), Who("Workrave")]
    window = {"width": 300, "height": 200, "title": "x"}
    starts = {
        "bare": [{"first_window_s": 0.2, "window": window}],
        "BackCompanion": [{"first_window_s": 0.3, "window": window}],
        "Workrave": [{"first_window_s": 0.4, "window": window}],
    }
    idles = {
        "bare": [{"cpu_pct": 0.0, "rss_mb": 50.0}],
        "BackCompanion": [{"cpu_pct": 0.0, "rss_mb": 60.0}],
        "Workrave": [{"error": "it exited (status 1)"}],
    }
    _report(ctx, who, ["Safe Eyes (Debian package `safeeyes`)"], starts, idles)
    (fig,) = ctx.figures
    assert fig["ratio"] == pytest.approx(0.75) and fig["pass"] is True
    text = ctx.sections["Peers"]
    assert "| Workrave | 0.4" in text and "it exited (status 1)" in text
    assert "Not installed, so not measured: Safe Eyes" in text


def test_smaps_breakdown_sorts_resident_memory_by_kind():
    from bench.memory import where_text
    from bench.probes.common import smaps_breakdown

    text = "\n".join(
        [
            "7f00-7f10 r-xp 00000000 08:01 1 /venv/PySide6/Qt/lib/libQt6Core.so.6",
            "Size: 100 kB",
            "Rss: 40 kB",
            "7f10-7f20 rw-p 00000000 00:00 0 ",
            "Rss: 25 kB",
            "7f20-7f30 rw-p 00000000 00:00 0 [heap]",
            "Rss: 10 kB",
            "7f30-7f40 r--p 00000000 08:01 2 /usr/share/fonts/a.ttf",
            "Rss: 3 kB",
            "7f40-7f50 r-xp 00000000 08:01 3 /usr/lib/libcrypto.so.3",
            "Rss: 7 kB",
        ]
    )
    found = smaps_breakdown(text)
    assert found["Qt libraries and plugins"] == 40
    assert found["heap and anonymous (Python objects, Qt's own allocations, images)"] == 35
    assert found["font files"] == 3 and found["other shared libraries"] == 7
    table = where_text(found, {"Qt libraries and plugins": 30}, 2048, 1024, {}, 10)
    assert "| Qt libraries and plugins | 0.0 MB | 0.0 MB |" in table and "| total |" in table
