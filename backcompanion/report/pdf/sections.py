"""The sections of the weekly PDF after the pain chart, in the order they are printed.

The exercises, breathing, the strengthening gate, flare-ups, the "this hurts"
presses, the notes, the safety check and the no-improvement suggestion; each
starts with its heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from backcompanion.i18n import translate
from backcompanion.report.pdf.document import Document
from backcompanion.report.pdf.figures import figure_for, figure_op
from backcompanion.report.pdf.style import MUTED, WARN
from backcompanion.report.pdf.tables import Column, Picture, table
from backcompanion.report.pdf.words import day_and_time, gate_since
from backcompanion.report.summary import (
    ExerciseLine,
    HurtLine,
    WeeklySummary,
    cadence_text,
    long_date,
    minutes_text,
)


def _exercise_row(e: ExerciseLine) -> list[str]:
    name = e.name
    if e.easier_version_of:
        easier = translate("WeeklyPdf", "easier version of {exercise}")
        name += "\n" + easier.format(exercise=e.easier_version_of)
    if not e.offered:
        return [name, "0", e.not_offered_why, "-", "-"]
    if e.share_done is not None:
        reps = translate("WeeklyPdf", "{done} of {planned} ({percent} %)").format(
            done=e.reps_done, planned=e.reps_planned, percent=round(e.share_done * 100)
        )
    else:
        reps = translate("WeeklyPdf", "{done} of {planned}").format(
            done=e.reps_done, planned=e.reps_planned
        )
    low, high = e.hold_range
    if e.hold_s is None:
        hold = "-"
    elif high and low == high:
        hold = translate("WeeklyPdf", "{hold} s ({low} s)").format(hold=e.hold_s, low=low)
    elif high:
        hold = translate("WeeklyPdf", "{hold} s ({low}-{high} s)").format(
            hold=e.hold_s, low=low, high=high
        )
    else:
        hold = translate("WeeklyPdf", "{hold} s").format(hold=e.hold_s)
    if not e.per_side:
        sides = "-"
    elif len(e.sides) >= 2:
        sides = translate("WeeklyPdf", "both")
    elif e.sides:
        sides = translate("WeeklyPdf", "{side} only").format(side=e.sides[0])
    else:
        sides = translate("WeeklyPdf", "none finished")
    return [name, str(e.sessions), reps, hold, sides]


def _picture(exercise_id: str) -> Picture | None:
    """The exercise's figure in the pose that sums it up (vectors), for its row."""
    figure = figure_for(exercise_id)
    if figure is None:
        return None
    return lambda rect: figure_op(figure, rect)


def exercises(doc: Document, s: WeeklySummary) -> None:
    """The exercises table, each exercise with a small figure of it beside its name."""
    title = translate("WeeklyPdf", "Exercises this week")
    doc.heading(title, doc.mm(20))
    columns = [
        Column(translate("WeeklyPdf", "Exercise"), 0.34),
        Column(translate("WeeklyPdf", "Sessions"), 0.11, Qt.AlignmentFlag.AlignRight),
        Column(translate("WeeklyPdf", "Repeats done\nall sides, all sessions"), 0.23),
        Column(translate("WeeklyPdf", "Longest hold\n(the range)"), 0.17),
        Column(translate("WeeklyPdf", "Sides"), 0.15),
    ]
    rows: list[Sequence[str] | str] = []
    pictures: list[Picture | None] = []
    groups: dict[str, list[ExerciseLine]] = {}
    for e in s.exercises:
        groups.setdefault(e.phase, []).append(e)
    for phase, lines in groups.items():
        if phase == "stretch":
            group = translate("WeeklyPdf", "Stretches")
        elif phase == "strength":
            group = translate("WeeklyPdf", "Strengthening")
        else:
            group = translate("WeeklyPdf", "Other")
        whys = {e.not_offered_why for e in lines if not e.offered}
        if all(not e.offered for e in lines) and len(whys) == 1:
            names = ", ".join(e.name for e in lines)
            rows.append(
                translate("WeeklyPdf", "{group} ({exercises}): {why}.").format(
                    group=group, exercises=names, why=whys.pop()
                )
            )
            pictures.append(None)
            continue
        rows.append(group)
        pictures.append(None)
        rows.extend(_exercise_row(e) for e in lines)
        pictures.extend(_picture(e.exercise_id) for e in lines)
    table(doc, title, columns, rows, pictures=pictures)


def breathing(doc: Document, s: WeeklySummary) -> None:
    b = s.breathing
    doc.heading(translate("WeeklyPdf", "Breathing (90/90)"), doc.line_h(doc.fonts.body) * 2)
    if not b.sessions:
        doc.paragraph(translate("WeeklyPdf", "No breathing recorded this week."))
        return
    sessions, breaths = b.sessions, b.breaths
    text = translate("WeeklyPdf", "{time} in %n session(s), {breaths} in all.", None, sessions)
    doc.paragraph(
        text.format(
            time=minutes_text(b.minutes),
            breaths=translate("WeeklyPdf", "%n breath(s)", None, breaths),
        )
    )
    paces = "; ".join(cadence_text(c) for c in b.cadences)
    if len(b.cadences) == 1:
        doc.paragraph(translate("WeeklyPdf", "Pace: {pace}.").format(pace=paces))
    else:
        doc.paragraph(translate("WeeklyPdf", "Paces: {paces}.").format(paces=paces))


def gate(doc: Document, s: WeeklySummary) -> None:
    g = s.gate
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Strengthening"), doc.line_h(f.body) * 3)
    when = gate_since(
        s, lambda at: f"{long_date(at.date())}, {at:%H:%M}", lambda at: long_date(at.date())
    )
    if g.open and s.complete:
        state = translate("WeeklyPdf", "Open at the end of the week ({since}).")
    elif g.open:
        state = translate("WeeklyPdf", "Open when this summary was made ({since}).")
    elif s.complete:
        state = translate("WeeklyPdf", "Locked at the end of the week ({since}).")
    else:
        state = translate("WeeklyPdf", "Locked when this summary was made ({since}).")
    doc.paragraph(state.format(since=when), f.bold)
    if s.plan is not None and s.plan.unlocked:
        doc.paragraph(
            translate(
                "WeeklyPdf",
                "The therapist's plan unlocks strengthening: it is offered whatever the "
                "app's conditions say.",
            ),
            f.bold,
        )
    if g.open:
        doc.paragraph(
            translate(
                "WeeklyPdf",
                "The strengthening exercises are offered: the stretching, pain and safety "
                "conditions are met.",
            )
        )
    else:
        doc.paragraph(translate("WeeklyPdf", "What the app is waiting for:"), f.body)
        for reason in g.reasons:
            doc.paragraph(reason, f.body, indent=doc.mm(2), bullet="•")
    if g.changes:
        doc.space(2)
        rows = [
            [
                day_and_time(c.at),
                translate("WeeklyPdf", "Opened") if c.open else translate("WeeklyPdf", "Locked"),
                "; ".join(c.reasons)
                if c.reasons
                else translate("WeeklyPdf", "All conditions met."),
            ]
            for c in g.changes
        ]
        columns = [
            Column(translate("WeeklyPdf", "When"), 0.2),
            Column(translate("WeeklyPdf", "Change"), 0.18),
            Column(translate("WeeklyPdf", "Why"), 0.62),
        ]
        table(doc, translate("WeeklyPdf", "Changes this week"), columns, rows)
    else:
        doc.paragraph(translate("WeeklyPdf", "No change during the week."), f.body, MUTED)


def flare_ups(doc: Document, s: WeeklySummary) -> None:
    title = translate("WeeklyPdf", "Flare-ups")
    doc.heading(title, doc.line_h(doc.fonts.body) * 2)
    if not s.flare_ups:
        doc.paragraph(translate("WeeklyPdf", "None this week."))
        return
    rows = [[day_and_time(fl.started_at), fl.text] for fl in s.flare_ups]
    columns = [
        Column(translate("WeeklyPdf", "Session"), 0.2),
        Column(translate("WeeklyPdf", "What happened"), 0.8),
    ]
    table(doc, title, columns, rows)


def _hurt_rating(h: HurtLine) -> str:
    if h.rating is None:
        return translate("WeeklyPdf", "No number: the person chose to stop the exercise")
    return translate("WeeklyPdf", "{rating} of 10").format(rating=h.rating)


def _hurt_followed(h: HurtLine, limit: int) -> str:
    if h.too_much:
        return translate(
            "WeeklyPdf",
            "Too much (above {limit}): the exercise ended, no strengthening in that session, "
            "and the next session starts it at its shortest hold.",
        ).format(limit=limit)
    return translate(
        "WeeklyPdf", "The exercise went on; its hold does not grow for the next two sessions."
    )


def hurts(doc: Document, s: WeeklySummary) -> None:
    """Each "this hurts" press of the week: when, which exercise, the rating, what followed."""
    title = translate("WeeklyPdf", "\u201cThis hurts\u201d during an exercise")
    doc.heading(title, doc.line_h(doc.fonts.body) * 2)
    if not s.hurts:
        doc.paragraph(translate("WeeklyPdf", "Not pressed this week."))
        return
    rows = [
        [day_and_time(h.started_at), h.name, f"{_hurt_rating(h)}\n{_hurt_followed(h, s.too_much)}"]
        for h in s.hurts
    ]
    columns = [
        Column(translate("WeeklyPdf", "Session"), 0.2),
        Column(translate("WeeklyPdf", "Exercise"), 0.3),
        Column(translate("WeeklyPdf", "Pain rating (0-10), and what followed"), 0.5),
    ]
    table(doc, title, columns, rows)


def notes(doc: Document, s: WeeklySummary) -> None:
    doc.heading(
        translate("WeeklyPdf", "Notes written at the check-ins"), doc.line_h(doc.fonts.body) * 2
    )
    if not s.notes:
        doc.paragraph(translate("WeeklyPdf", "No notes this week."))
        return
    rows = [[day_and_time(n.started_at), n.text] for n in s.notes]
    columns = [
        Column(translate("WeeklyPdf", "Session"), 0.2),
        Column(translate("WeeklyPdf", "Note"), 0.8),
    ]
    table(doc, translate("WeeklyPdf", "Notes"), columns, rows)


def safety(doc: Document, s: WeeklySummary) -> None:
    c = s.safety
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Safety check (red flags)"), doc.line_h(f.body) * 2)
    if not c.answered:
        doc.paragraph(
            translate("WeeklyPdf", "The red-flag questions were not answered yet."), f.bold, WARN
        )
        return
    when = f"{long_date(c.at.date())}, {c.at:%H:%M}"
    if not c.ticked:
        doc.paragraph(
            translate("WeeklyPdf", "Last answered {when}: none of the red flags applied.").format(
                when=when
            )
        )
    else:
        doc.paragraph(
            translate("WeeklyPdf", "Last answered {when}: these applied:").format(when=when),
            f.bold,
            WARN,
        )
        levels = c.levels or ("",) * len(c.ticked)
        for n, label, level in zip(c.ticked, c.flags, levels, strict=True):
            shown = f"{n}. {label} ({level})" if level else f"{n}. {label}"
            doc.paragraph(shown, f.bold, WARN, indent=doc.mm(2), bullet="•")
        if c.cleared_at is not None:
            doc.paragraph(c.clearance_text)
        else:
            doc.paragraph(translate("WeeklyPdf", "No clinician's clearance was recorded after it."))
    if c.due:
        doc.paragraph(
            translate("WeeklyPdf", "The check was due again (it is asked every week)."),
            f.body,
            MUTED,
        )


def nudge(doc: Document, s: WeeklySummary) -> None:
    if not s.nudge:
        return
    doc.heading(translate("WeeklyPdf", "Suggestion to see a clinician"), doc.mm(20))
    if s.nudge_plain:
        text = translate("WeeklyPdf", "Shown plainly at the start of each session: {suggestion}")
    else:
        text = translate("WeeklyPdf", "Suggested to the person this week: {suggestion}")
    doc.notice(text.format(suggestion=s.nudge))
