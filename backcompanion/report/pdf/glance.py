"""The top of the weekly PDF's first page: the title, the week, the person, and the week
at a glance (five boxes and the safety answers in a line or two)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from backcompanion.i18n import translate
from backcompanion.report.pdf.document import Document
from backcompanion.report.pdf.style import INK, MUTED, RULE, SHADE, WARN
from backcompanion.report.pdf.words import from_to, gate_since, weekday
from backcompanion.report.summary import (
    WeeklySummary,
    long_date,
    minutes_text,
    rating_text,
    short_day,
)


def header(doc: Document, s: WeeklySummary) -> None:
    f = doc.fonts
    title = translate("WeeklyPdf", "BackCompanion weekly summary")
    label_w = doc.text_w(s.label, f.h2) + doc.mm(4)
    doc.text_at(0, 0, title, doc.fitted(title, f.h1, doc.width - label_w))
    doc.text_right(doc.width, doc.mm(1.5), s.label, f.h2, MUTED)
    doc.y = doc.line_h(f.h1) + doc.mm(0.5)
    first, last = s.week.start, s.week.last_day
    days = from_to(long_date(first), long_date(last))
    doc.text_at(0, doc.y, days[:1].upper() + days[1:], f.bold)  # "lunes, ..." starts a line
    doc.y += doc.line_h(f.bold)
    if s.name:
        who = translate("WeeklyPdf", "For {name}").format(name=s.name)
    else:
        who = translate("WeeklyPdf", "Name not given")
    made_on = long_date(s.made_at.date())
    if s.complete:
        made = translate("WeeklyPdf", "Made on {date}").format(date=made_on)
    else:
        made = translate("WeeklyPdf", "Made on {date} (the week was not over yet)").format(
            date=made_on
        )
    doc.text_at(0, doc.y, f"{who}  ·  {made}", f.body, MUTED)
    doc.y += doc.line_h(f.body) + doc.mm(4)


def glance(doc: Document, s: WeeklySummary) -> None:
    """Five boxes across the page: the week in one look."""
    f = doc.fonts
    sessions_detail = []
    # (lupdate reads the count only when it is a plain name)
    done, partly, stopped, partial = s.done, s.partly, s.stopped, s.partial
    unfinished = s.unfinished
    if done:
        sessions_detail.append(translate("WeeklyPdf", "%n done", None, done))
    if partly:
        sessions_detail.append(translate("WeeklyPdf", "%n partly done", None, partly))
    if stopped:
        sessions_detail.append(translate("WeeklyPdf", "%n stopped early", None, stopped))
    if partial:
        sessions_detail.append(translate("WeeklyPdf", "%n interrupted", None, partial))
    if unfinished:
        sessions_detail.append(translate("WeeklyPdf", "%n not finished", None, unfinished))
    sessions_detail.append(
        translate("WeeklyPdf", "on {days} of 7 days").format(days=s.days_with_sessions)
    )

    pair = s.first_and_last_opening
    if pair is None:
        pain_value, pain_detail = "-", translate("WeeklyPdf", "no ratings this week")
    else:
        a, b = pair
        if a.day == b.day:
            pain_value = rating_text(a.opening)
            pain_detail = translate("WeeklyPdf", "{day} only").format(day=short_day(a.day))
        else:
            pain_value = from_to(rating_text(a.opening), rating_text(b.opening))
            pain_detail = translate("WeeklyPdf", "{first} to {last}, out of 10").format(
                first=weekday(a.day), last=weekday(b.day)
            )
    if s.baseline is not None:
        pain_detail = translate("WeeklyPdf", "{detail}; baseline {baseline}").format(
            detail=pain_detail, baseline=rating_text(s.baseline)
        )

    if s.flare_ups:
        flare_detail = ", ".join(weekday(fl.day) for fl in s.flare_ups)
    else:
        flare_detail = translate("WeeklyPdf", "none")
    gate_value = translate("WeeklyPdf", "Open") if s.gate.open else translate("WeeklyPdf", "Locked")
    gate_detail = gate_since(s, lambda at: short_day(at.date()), lambda at: short_day(at.date()))

    cells = [
        (translate("WeeklyPdf", "Sessions"), str(s.sessions), ", ".join(sessions_detail)),
        (
            translate("WeeklyPdf", "Active time"),
            minutes_text(s.minutes),
            translate("WeeklyPdf", "pauses not counted"),
        ),
        (translate("WeeklyPdf", "Pain at the start"), pain_value, pain_detail),
        (translate("WeeklyPdf", "Flare-ups"), str(len(s.flare_ups)), flare_detail),
        (translate("WeeklyPdf", "Strengthening"), gate_value, gate_detail),
    ]
    gap = doc.mm(2)
    w = (doc.width - gap * (len(cells) - 1)) / len(cells)
    pad = doc.mm(2)
    details = [doc.wrap(d, f.small, w - 2 * pad) for _, _, d in cells]
    h = (
        pad
        + doc.line_h(f.small_bold)
        + doc.line_h(f.big)
        + max(len(d) for d in details) * doc.line_h(f.small)
        + pad
    )
    doc.ensure(h)
    top = doc.y
    for i, ((label, value, _), lines) in enumerate(zip(cells, details, strict=True)):
        x = i * (w + gap)
        doc.rect(QRectF(x, top, w, h), fill=SHADE, line=RULE, w=0.3)
        y = top + pad
        caps = label.upper()
        doc.text_at(x + pad, y, caps, doc.fitted(caps, f.small_bold, w - 2 * pad), MUTED)
        y += doc.line_h(f.small_bold)
        doc.text_at(x + pad, y, value, doc.fitted(value, f.big, w - 2 * pad))
        y += doc.line_h(f.big)
        for line in lines:
            doc.text_at(x + pad, y, line, f.small, MUTED)
            y += doc.line_h(f.small)
    doc.y = top + h
    _safety_line(doc, s)


def _safety_line(doc: Document, s: WeeklySummary) -> None:
    """Under the boxes, the safety answers a clinician looks for first, in one or two lines."""
    c = s.safety
    f = doc.fonts
    sentences = []
    if not c.answered:
        sentences.append(translate("WeeklyPdf", "Red-flag check: never answered."))
        warn = True
    elif c.ticked:
        ticked = ", ".join(f"{n}. {label}" for n, label in zip(c.ticked, c.flags, strict=True))
        sentences.append(
            translate("WeeklyPdf", "Red-flag check {day}: ticked {flags}.").format(
                day=short_day(c.at.date()), flags=ticked
            )
        )
        warn = True
        if c.cleared_at is not None:
            sentences.append(c.clearance_text)
    else:
        sentences.append(
            translate("WeeklyPdf", "Red-flag check {day}: none applied.").format(
                day=short_day(c.at.date())
            )
        )
        warn = False
    if c.answered and c.due:
        sentences.append(translate("WeeklyPdf", "Due again."))
    pressed = len(s.hurts)
    if pressed:
        sentences.append(
            translate("WeeklyPdf", "\u201cThis hurts\u201d pressed %n time(s).", None, pressed)
        )
        too_much = sum(1 for h in s.hurts if h.too_much)
        if too_much:
            sentences.append(
                translate("WeeklyPdf", "%n of them too much: the exercise ended.", None, too_much)
            )
            warn = True
    if s.nudge:
        sentences.append(
            translate(
                "WeeklyPdf", "The app suggested seeing a physical therapist (see the last section)."
            )
        )
        warn = True
    doc.space(2)
    doc.paragraph(" ".join(sentences), f.bold, WARN if warn else INK)
