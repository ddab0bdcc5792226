"""The weekly PDF's part for the therapist: the plan in force, the days done, PSFS, leg pain.

The numbers come from ``report.therapist`` and ``report.adherence`` (no Qt);
here they are only laid out. A field that differs from the standard program
is marked with an asterisk, explained under the table.
"""

from __future__ import annotations

from backcompanion.i18n import format_decimal, translate
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


def _signed(value: float) -> str:
    text = format_decimal(abs(value), 1)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def psfs(doc: Document, s: WeeklySummary) -> None:
    """The PSFS ratings against the first, with the minimal important change marked."""
    t = s.psfs
    if t is None:
        return
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Everyday activities (PSFS)"), doc.line_h(f.body) * 3)
    if not t.points:
        doc.paragraph(
            translate("WeeklyPdf", "Not rated yet (asked at the start, then every two weeks).")
        )
        return
    mic = format_decimal(t.important_change, 1)
    (first_at, first), (last_at, last) = t.points[0], t.points[-1]
    doc.paragraph(
        translate(
            "WeeklyPdf", "Mean score {last} of 10 on {when}; {first} at the first rating ({start})."
        ).format(
            last=format_decimal(last, 1),
            when=long_date(last_at.date()),
            first=format_decimal(first, 1),
            start=long_date(first_at.date()),
        ),
        f.bold,
    )
    if t.change is not None:
        if t.important:
            text = translate(
                "WeeklyPdf",
                "{change} points: at least the minimal important change ({points} points).",
            )
        else:
            text = translate(
                "WeeklyPdf",
                "{change} points: less than the minimal important change ({points} points).",
            )
        doc.paragraph(text.format(change=_signed(t.change), points=mic))
    columns = [
        Column(translate("WeeklyPdf", "Activity"), 0.46),
        Column(translate("WeeklyPdf", "First"), 0.14),
        Column(translate("WeeklyPdf", "Latest"), 0.14),
        Column(translate("WeeklyPdf", "Change"), 0.26),
    ]
    rows = [
        [
            a.activity,
            str(a.first),
            str(a.last),
            _marked(_signed(a.change), a.important),
        ]
        for a in t.activities
    ]
    table(doc, translate("WeeklyPdf", "Everyday activities (PSFS)"), columns, rows)
    doc.space(3)
    columns = [
        Column(translate("WeeklyPdf", "Rated on"), 0.46),
        Column(translate("WeeklyPdf", "Mean score"), 0.28),
        Column(translate("WeeklyPdf", "Against the first"), 0.26),
    ]
    rows = [
        [
            long_date(at.date()),
            format_decimal(mean, 1),
            _marked(_signed(mean - first), mean - first >= t.important_change),
        ]
        for at, mean in t.points[-SHOWN_WEEKS:]
    ]
    table(doc, translate("WeeklyPdf", "PSFS ratings"), columns, rows)
    single = format_decimal(t.activities[0].important_change, 1) if t.activities else mic
    doc.paragraph(
        translate(
            "WeeklyPdf",
            "* at least the minimal important change: {mean} points for the mean score, "
            "{single} for one activity (Horn et al. 2012).",
        ).format(mean=mic, single=single),
        f.small,
        MUTED,
    )


def leg_pain(doc: Document, s: WeeklySummary) -> None:
    """The week's leg-pain ratings, when the person was asked about them."""
    if not s.leg_pain:
        return
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Leg pain (0-10)"), doc.line_h(f.body) * 3)
    by_session: dict[str, dict[str, int]] = {}
    days = {}
    for r in s.leg_pain:
        by_session.setdefault(r.session_id, {})[r.kind] = r.rating
        days[r.session_id] = r.day
    columns = [
        Column(translate("WeeklyPdf", "Session"), 0.4),
        Column(translate("WeeklyPdf", "Before"), 0.3),
        Column(translate("WeeklyPdf", "After"), 0.3),
    ]
    rows = [
        [
            long_date(days[sid]),
            str(ratings["before"]) if "before" in ratings else "-",
            str(ratings["after"]) if "after" in ratings else "-",
        ]
        for sid, ratings in by_session.items()
    ]
    table(doc, translate("WeeklyPdf", "Leg pain (0-10)"), columns, rows)
