"""The store and the rules at scale: each operation timed on several folders, interleaved.

``--folders NAME=DIR,NAME=DIR`` (e.g. ``week=/tmp/a,ten_years=/tmp/b``),
``--week YYYY-Www`` (the week the summary reads), ``--repeat N``. Every round
runs every operation on every folder in turn (A B A B ...); the parent takes
the medians. ``--profile NAME`` adds the top functions (cProfile, cumulative)
of the slowest operations on that folder, to say where the time goes.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from pathlib import Path

from bench.probes.common import arg, emit


def main() -> None:
    from backcompanion.companion import Companion
    from backcompanion.history import Store
    from backcompanion.program import builtin_program
    from backcompanion.report.summary import weekly_summary
    from backcompanion.report.weeks import IsoWeek
    from backcompanion.session import rules as R
    from backcompanion.session.clock import local_now
    from backcompanion.session.plan import PRESETS

    try:
        from backcompanion.report.progress import progress_data
    except ImportError:
        progress_data = None

    folders = dict(item.split("=", 1) for item in arg("--folders").split(","))
    week = IsoWeek.parse(arg("--week"))
    repeat = int(arg("--repeat", "5"))
    program = builtin_program()
    rules = R.load_rules()
    phases = {e.id: e.phase.value for e in program.exercises}
    now = local_now()
    stores = {name: Store.open(Path(d), phases=phases) for name, d in folders.items()}
    companions = {name: Companion(program, rules, s) for name, s in stores.items()}

    def reopen(name: str):
        stores[name].close()
        stores[name] = Store.open(Path(folders[name]), phases=phases)
        companions[name] = Companion(program, rules, stores[name])

    def ops(name: str) -> dict:
        """Each operation as a call that looks the store up when it runs (store_open, last,
        replaces it)."""
        facts = stores[name].session_facts()
        safety = stores[name].safety_facts()
        last = facts[-1].session_id if facts else None
        # what the app reads for the rules: a bounded window (whole history only when needed)
        recent = companions[name].rule_facts(now)[0]
        table = {
            "session_facts": lambda: stores[name].session_facts(),
            "rule_facts": lambda: companions[name].rule_facts(now),
            "gate_evaluation": lambda: R.evaluate_gate(rules, recent, safety, now),
            "home_status": lambda: companions[name].home_status(),
            "session_plan": lambda: companions[name].plan(PRESETS["relaxed"]),
            "weekly_summary": lambda: weekly_summary(
                stores[name], program, rules, week.year, week.week, now
            ),
        }
        if last is not None:
            table["done_summary"] = lambda: companions[name].done_summary(last)
        if progress_data is not None:
            table["progress_data"] = lambda: progress_data(stores[name], rules, now)
        table["store_open"] = lambda: reopen(name)
        return table

    times: dict[str, dict[str, list[float]]] = {name: {} for name in folders}
    for _ in range(repeat):
        for name in folders:
            for op, fn in ops(name).items():
                t0 = time.perf_counter()
                fn()
                times[name].setdefault(op, []).append(time.perf_counter() - t0)

    profiles = {}
    target = arg("--profile")
    if target in folders:
        for op in ("home_status", "weekly_summary", "session_plan"):
            fn = ops(target)[op]
            prof = cProfile.Profile()
            prof.enable()
            fn()
            prof.disable()
            text = io.StringIO()
            pstats.Stats(prof, stream=text).sort_stats("cumulative").print_stats(14)
            profiles[op] = _trim(text.getvalue())
    counts = {name: len(s.session_facts()) for name, s in stores.items()}
    for s in stores.values():
        s.close()
    emit({"times": times, "sessions": counts, "profiles": profiles, "week": str(week)})


def _trim(text: str) -> str:
    """The table part of a pstats listing, with the repository's path shortened."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    root = str(Path(__file__).resolve().parents[2]) + "/"
    return "\n".join(ln.replace(root, "") for ln in lines[start:])


if __name__ == "__main__":
    main()
