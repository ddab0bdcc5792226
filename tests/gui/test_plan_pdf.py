"""The weekly PDF for the therapist: the plan in force with its changes marked, adherence."""

from __future__ import annotations

import dataclasses
from datetime import date

from report_helpers import PROGRAM, at, open_store, session
from test_pdf import pages_text

from backcompanion import prescription
from backcompanion.program.plan import FIRST, UNLOCKED, apply_plan
from backcompanion.report.pdf import write_summary_pdf
from backcompanion.report.summary import weekly_summary
from backcompanion.session.rules import load_rules

RULES = load_rules()
MON, WED, FRI = date(2026, 11, 16), date(2026, 11, 18), date(2026, 11, 20)


def therapists_plan():
    plan = prescription.standard(PROGRAM)
    items = tuple(
        dataclasses.replace(e, hold_s=(8, 12), sides=FIRST, note="left side only for now")
        if e.id == "hamstring_stretch"
        else e
        for e in plan.exercises
        if e.id != "piriformis_stretch"
    )
    return dataclasses.replace(
        plan,
        exercises=items,
        days_per_week=3,
        note="Walk 20 minutes on the other days.",
        prescribed_by="Dr. Ana Ruiz",
        prescribed_on=date(2026, 11, 9),
    )


def test_the_pdf_shows_the_plan_its_changes_and_the_days_done(qapp, tmp_path):
    with open_store(tmp_path / "data") as store:
        prescription.put_in_force(store, therapists_plan(), "file", at(date(2026, 11, 9), 9))
        program = apply_plan(therapists_plan(), PROGRAM)
        session(store, "mon", at(MON, 9), 4, 3)
        session(store, "wed", at(WED, 9), 4, 3, outcome="stopped", stretches=2)
        session(store, "fri", at(FRI, 9), 3, 2)
        summary = weekly_summary(
            store, program, RULES, 2026, 47, at(date(2026, 11, 25), 9), plan_program=PROGRAM
        )
    text = " ".join(pages_text(write_summary_pdf(summary, tmp_path / "w47.pdf")))
    assert "Sessions against the plan" in text
    assert "This week: 2.3 of 3 days (the plan asks for 3 days a week)." in text
    assert "1 session done only partly, counted for the share done." in text
    assert "The plan in force" in text
    assert "Prescribed by Dr. Ana Ruiz on Monday 9 November 2026" in text
    assert "Days per week: 3 *" in text
    assert "8-12 s *" in text and "left leg only *" in text
    assert "left side only for now" in text
    assert "Left out of the standard program: Piriformis stretch." in text
    assert "Therapist's note: Walk 20 minutes on the other days." in text
    assert "* changed from the standard program." in text
    assert "The therapist's plan unlocks strengthening" not in text  # this plan waits for it


def test_a_plan_that_unlocks_strengthening_says_so_beside_the_gate(qapp, tmp_path):
    unlocked = dataclasses.replace(therapists_plan(), strengthening=UNLOCKED)
    with open_store(tmp_path / "data") as store:
        prescription.put_in_force(store, unlocked, "file", at(date(2026, 11, 9), 9))
        session(store, "mon", at(MON, 9), 4, 3)
        summary = weekly_summary(
            store, PROGRAM, RULES, 2026, 47, at(date(2026, 11, 25), 9), plan_program=PROGRAM
        )
    text = " ".join(pages_text(write_summary_pdf(summary, tmp_path / "w47.pdf")))
    assert "The therapist's plan unlocks strengthening: it is offered whatever" in text
