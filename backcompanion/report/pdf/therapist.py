"""The weekly PDF's part for the therapist: the plan in force and the days done against it.

The numbers come from ``report.therapist`` and ``report.adherence`` (no Qt);
here they are only laid out. A field that differs from the standard program
is marked with an asterisk, explained under the table.
"""

from __future__ import annotations

from backcompanion.i18n import translate
from backcompanion.report.adherence import days_text
from backcompanion.report.pdf.document import Document
from backcompanion.report.pdf.style import MUTED
from backcompanion.report.pdf.tables import Column, table
from backcompanion.report.summary import WeeklySummary, long_date

MARK = " *"
SHOWN_WEEKS = 6  # the adherence table's rows: this week and the five before it [APP]


def _marked(text: str, changed: bool) -> str:
    return text + MARK if changed else text


def plan(doc: Document, s: WeeklySummary) -> None:
    p = s.plan
    if p is None:
        return
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "The plan in force"), doc.line_h(f.body) * 4)
    if p.standard:  # the exercises table above shows it; nothing to mark
        n = p.days_per_week  # a plain name: lupdate misses a plural counted by an attribute
        days = translate("WeeklyPdf", "%n day(s)", None, n)
        text = translate("WeeklyPdf", "The standard program (no therapist's plan), {days} a week.")
        doc.paragraph(text.format(days=days))
        return
    else:
        who = p.prescribed_by or translate("WeeklyPdf", "not named")
        when = long_date(p.prescribed_on) if p.prescribed_on else "-"
        doc.paragraph(
            translate("WeeklyPdf", "Prescribed by {who} on {when}; in force since {since}.").format(
                who=who, when=when, since=long_date(p.since.date()) if p.since else "-"
            ),
            f.bold,
        )
    doc.paragraph(
        translate(
            "WeeklyPdf",
            "Days per week: {days}. Breathing: {breathing}, breaths: {breaths}. "
            "Strengthening: {strengthening}.",
        ).format(
            days=_marked(str(p.days_per_week), "days_per_week" in p.changed),
            breathing=_marked(p.breathing, "breathing" in p.changed),
            breaths=_marked(p.breaths, "breaths" in p.changed),
            strengthening=_marked(p.strengthening, "strengthening" in p.changed),
        )
    )
    if p.note:
        doc.paragraph(translate("WeeklyPdf", "Therapist's note: {note}").format(note=p.note))
    columns = [
        Column(translate("WeeklyPdf", "Exercise"), 0.27),
        Column(translate("WeeklyPdf", "Hold"), 0.12),
        Column(translate("WeeklyPdf", "Repeats"), 0.1),
        Column(translate("WeeklyPdf", "Sides"), 0.16),
        Column(translate("WeeklyPdf", "Rest"), 0.14),
        Column(translate("WeeklyPdf", "Easier version"), 0.21),
    ]
    rows: list = []
    for line in p.lines:
        name = line.name
        if line.note:
            name += "\n" + line.note
        rows.append(
            [
                name,
                _marked(line.hold, "hold" in line.changed),
                _marked(line.reps, "reps" in line.changed),
                _marked(line.sides, "sides" in line.changed),
                _marked(line.rest, "rest" in line.changed),
                _marked(line.easier, "easier" in line.changed),
            ]
        )
    table(doc, translate("WeeklyPdf", "The plan in force"), columns, rows)
    if p.left_out:
        doc.paragraph(
            translate("WeeklyPdf", "Left out of the standard program: {names}.").format(
                names=", ".join(p.left_out)
            )
        )
    if p.changes:
        doc.paragraph(
            translate("WeeklyPdf", "* changed from the standard program."), f.small, MUTED
        )


def adherence(doc: Document, s: WeeklySummary) -> None:
    a = s.adherence
    if a is None:
        return
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Sessions against the plan"), doc.line_h(f.body) * 3)
    if not a.weeks:
        doc.paragraph(translate("WeeklyPdf", "No sessions to count yet."))
        return
    last = a.last
    per_week, partly = a.days_per_week, last.partly  # plain names for lupdate's plurals
    asked = translate("WeeklyPdf", "%n day(s) a week", None, per_week)
    text = translate("WeeklyPdf", "This week: {days} (the plan asks for {asked}).")
    doc.paragraph(text.format(days=last.text, asked=asked), f.bold)
    if partly:
        doc.paragraph(
            translate(
                "WeeklyPdf",
                "%n session(s) done only partly, counted for the share done.",
                None,
                partly,
            )
        )
    if a.overall is not None:
        doc.paragraph(
            translate("WeeklyPdf", "Since {day}: {share}.").format(
                day=long_date(a.since), share=a.overall_text
            )
        )
    columns = [
        Column(translate("WeeklyPdf", "Week"), 0.3),
        Column(translate("WeeklyPdf", "Days asked"), 0.2),
        Column(translate("WeeklyPdf", "Days done"), 0.2),
        Column(translate("WeeklyPdf", "Share"), 0.3),
    ]
    rows = []
    for w in a.weeks[-SHOWN_WEEKS:]:
        share = "-" if w.share is None else f"{round(w.share * 100)} %"
        if not w.complete:
            share += "\n" + translate("WeeklyPdf", "so far")
        rows.append([w.week.label, str(w.target), days_text(w.done), share])
    table(doc, translate("WeeklyPdf", "Sessions against the plan"), columns, rows)
