"""Every session as CSV, for a spreadsheet or a clinician's records. No Qt.

One file, one header, and a ``row_type`` column, so it opens as one sheet and
reads back with ``csv.DictReader``:

- ``row_type = session``: one row per session, with ``session_id``, ``date``
  (YYYY-MM-DD, the local day it started), ``start_time`` (HH:MM, local),
  ``status`` (done, stopped, partial, open), ``minutes`` (active minutes, one
  decimal), ``opening`` and ``closing`` (0-10, empty when not rated),
  ``gate`` (``open`` when strengthening was offered, else ``locked``),
  ``cadence`` (the breathing pace, in-hold-out-hold seconds) and ``notes``
  (the check-in notes, the opening one first, joined with `` | ``), and what
  was done as ``session.completion`` counts it: ``complete`` (``yes`` when the
  session ended with at least ``complete_share`` of its planned repeats done,
  else ``no``: partly done, stopped or interrupted), ``exercises_done`` (with
  that share of their own repeats done), ``exercises_offered`` and
  ``repeats_share`` (repeats done over planned, 0-1, two decimals; empty when
  none were planned);
- ``row_type = exercise``: one row per exercise of that session, right after
  it, in the order they ended: ``session_id``, ``date``, ``exercise_id``,
  ``exercise`` (its name), ``outcome`` (done, skipped, hurt, easier, stopped,
  locked), ``reps_planned`` and ``reps_done`` (all sides together) and
  ``hold_s`` (the hold it was offered at, seconds).

For the therapist (docs/ARCHITECTURE.md §13), after the sessions:

- on each session row, ``plan_id`` (the plan it started under, empty for the
  standard program), ``share`` (how much of it counts for adherence, 0-1:
  1 when done, the share of its stretch repeats when only partly done) and
  ``leg_pain_before`` / ``leg_pain_after`` (0-10, when asked);
- ``row_type = plan``: each plan put in force, oldest first: ``plan_id``,
  ``date``, ``item`` (how: standard, editor, file, previous), ``value`` (who
  prescribed it), ``notes`` (the plan's note) and ``changed`` (every
  difference from the standard program, joined with `` | ``);
- ``row_type = adherence``: one row per week counted (:mod:`report.adherence`),
  ``week`` (YYYY-Www), ``date`` (its Monday), ``days_asked``, ``days_done``;
- ``row_type = psfs``: each activity of each PSFS rating, ``date``, ``item``
  (the activity) and ``value`` (0-10).

Columns that do not apply to a row are empty. Oldest session first. UTF-8
with a byte-order mark (so spreadsheet programs read accents right), CRLF
line ends as RFC 4180 asks. A note that begins with ``= + - @`` (or a tab or
carriage return) gets a leading ``'`` so a spreadsheet shows it as text
instead of running it as a formula; nothing else is changed.

The file is written atomically with mode 0600 (``report.files``).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from pathlib import Path

from backcompanion import prescription
from backcompanion.history import SessionRow, Store
from backcompanion.program import Program
from backcompanion.program.plan_file import load_plan_settings
from backcompanion.report.adherence import adherence, full_stretch_reps, session_share
from backcompanion.report.files import check_target, write_atomic
from backcompanion.session.completion import ExerciseTally, session_completion
from backcompanion.session.progression_config import load_rules

__all__ = ["COLUMNS", "NOTE_SEPARATOR", "export_history_csv", "history_csv_text"]

# The column names and their values (status, outcome, gate) stay in English in
# every language: the file is for machines (spreadsheets, scripts) as much as for
# people, and a header that changed with the language would break them.
COLUMNS = (
    "row_type",
    "session_id",
    "date",
    "start_time",
    "status",
    "minutes",
    "opening",
    "closing",
    "gate",
    "cadence",
    "notes",
    "exercise_id",
    "exercise",
    "outcome",
    "reps_planned",
    "reps_done",
    "hold_s",
    "complete",
    "exercises_done",
    "exercises_offered",
    "repeats_share",
    "plan_id",
    "share",
    "leg_pain_before",
    "leg_pain_after",
    "week",
    "days_asked",
    "days_done",
    "item",
    "value",
    "changed",
)
NOTE_SEPARATOR = " | "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_history_csv(
    store: Store,
    out: Path,
    program: Program,
    *,
    plan_program: Program | None = None,
    today: date | None = None,
    complete_share: float | None = None,
) -> Path:
    """Write every session and its exercises to ``out``; returns the path.

    ``program``: the program the sessions follow; ``plan_program`` the one
    before any plan (default: ``program``); ``today``: the last day adherence
    counts (default: the clock's today). Raises ``report.files.ExportError``
    when the file cannot be written.
    """
    out = check_target(out)
    text = history_csv_text(
        store, program, plan_program=plan_program, today=today, complete_share=complete_share
    )
    return write_atomic(out, text.encode("utf-8-sig"))


def history_csv_text(
    store: Store,
    program: Program,
    *,
    plan_program: Program | None = None,
    today: date | None = None,
    complete_share: float | None = None,
) -> str:
    """The CSV as text (see the module's docstring).

    ``complete_share``: ``progression.yaml``'s (read from the built-in file when None).
    """
    if complete_share is None:
        complete_share = load_rules().complete_share
    names = {e.id: e.name for e in program.exercises}
    sessions = store.sessions_between(date.min, date.max)
    exercises = _exercises_by_session(store)
    plan_ids = store.session_plans_between(date.min, date.max)
    full = full_stretch_reps(program)
    shares = {f.session_id: session_share(f, full, complete_share) for f in store.session_facts()}
    legs: dict[tuple[str, str], int] = {
        (r.session_id, r.kind): r.rating for r in store.leg_pain_between(date.min, date.max)
    }
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for s in sessions:
        ended = exercises.get(s.session_id, ())
        tallies = [ExerciseTally(e[0], e[1], e[2], e[3]) for e in ended]
        counted = session_completion(s.status, tallies, complete_share)
        row = _session_row(s)
        plan_id = plan_ids.get(s.session_id)
        row.update(
            complete="yes" if counted.complete else "no",
            exercises_done=counted.exercises_done,
            exercises_offered=counted.exercises_offered,
            repeats_share="" if counted.share is None else f"{counted.share:.2f}",
            plan_id="" if plan_id is None else plan_id,
            share=f"{shares.get(s.session_id, 0.0):.2f}",
            leg_pain_before=legs.get((s.session_id, "before"), ""),
            leg_pain_after=legs.get((s.session_id, "after"), ""),
        )
        writer.writerow(row)
        for exercise_id, outcome, planned, done, hold in ended:
            writer.writerow(
                {
                    "row_type": "exercise",
                    "session_id": s.session_id,
                    "date": s.day.isoformat(),
                    "exercise_id": exercise_id,
                    "exercise": safe_cell(names.get(exercise_id, exercise_id)),
                    "outcome": outcome,
                    "reps_planned": planned,
                    "reps_done": done,
                    "hold_s": hold,
                }
            )
    for row in _therapist_rows(store, plan_program or program, program, today or date.today()):
        writer.writerow(row)
    return buffer.getvalue()


def _therapist_rows(store: Store, base: Program, program: Program, today: date):
    """The plans, the weeks of adherence and the PSFS ratings (see the module's docstring)."""
    for row in store.plans():
        plan = prescription.decode(row, base)
        changes = prescription.changes_from_standard(plan, base) if plan else []
        yield {
            "row_type": "plan",
            "plan_id": row.id,
            "date": row.at.date().isoformat(),
            "item": row.source,
            "value": safe_cell(plan.prescribed_by) if plan else "",
            "notes": safe_cell(plan.note) if plan else "",
            "changed": safe_cell(NOTE_SEPARATOR.join(str(c) for c in changes)),
        }
    found = adherence(store, today, load_plan_settings().standard_days_per_week, program)
    for w in found.weeks:
        yield {
            "row_type": "adherence",
            "week": str(w.week),
            "date": w.week.start.isoformat(),
            "days_asked": w.target,
            "days_done": f"{w.done:g}",
        }
    for rating in store.psfs_rounds():
        for activity, score in rating.scores:
            yield {
                "row_type": "psfs",
                "date": rating.at.date().isoformat(),
                "item": safe_cell(activity),
                "value": score,
            }


def safe_cell(text: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _session_row(s: SessionRow) -> dict[str, object]:
    return {
        "row_type": "session",
        "session_id": s.session_id,
        "date": s.day.isoformat(),
        "start_time": f"{s.started_at:%H:%M}",
        "status": s.status,
        "minutes": f"{s.minutes:.1f}" if s.active_s is not None else "",
        "opening": "" if s.opening is None else s.opening,
        "closing": "" if s.closing is None else s.closing,
        "gate": "open" if s.gate_open else "locked",
        "cadence": s.cadence,
        "notes": safe_cell(NOTE_SEPARATOR.join(s.notes)),
    }


def _exercises_by_session(store: Store) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = defaultdict(list)
    for session_id, *rest in store.every_exercise():
        found[session_id].append(tuple(rest))
    return found
