"""Every word the weekly PDF prints goes through the catalog.

The PDF is made under a pseudo-translator that wraps each translated text in
« » (tests/i18n/visible_text.py). What the page draws is captured by spying on
QPainter.drawText (pypdf's text extraction of the embedded subset font is not
reliable enough to see the marks), and read back with pypdf as a cross-check
that the marks do reach the file. Only the app's name, the person's name and
their own notes may stand outside the marks; numbers, dates made of translated
names, and punctuation carry no words.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader
from report_helpers import NOW, WEEK, at, day, open_store, reference_week, session

from backcompanion.program.loader import builtin_program
from backcompanion.report.pdf import render_summary_pdf
from backcompanion.report.summary import weekly_summary
from backcompanion.session.records import PainReported
from backcompanion.session.rules import load_rules
from tests.i18n.visible_text import painted_texts, pseudo_translation, words_outside_marks

RULES = load_rules()
NAME = "Alex Example"
ALLOWED = {"BackCompanion", *NAME.split(), "W"}  # "W": the ISO week label 2026-W47
NOTES = ("stiff after a long drive", "sharp pain in the hip", "felt looser")


@pytest.fixture
def pseudo(qapp):
    with pseudo_translation() as translator:
        yield translator


def _leftovers(painted: list[str]) -> list[str]:
    """Words outside the marks. The page draws a wrapped text line by line, in order, so
    the lines are read joined: a mark opened on one line may close on the next."""
    text = " ".join(painted)
    for note in NOTES:
        text = text.replace(note, " ")
    return [w for w in words_outside_marks(text) if w not in ALLOWED]


def _pdf(store, week=WEEK, name=NAME) -> tuple[list[str], bytes]:
    """What the PDF of ``week`` draws, and its bytes; built under the installed translator."""
    program = builtin_program()  # its words in the installed language
    summary = weekly_summary(store, program, RULES, *week, NOW, name=name)
    with painted_texts() as painted:
        data = render_summary_pdf(summary, "A4")
    return painted, data


def _busy_week(store) -> None:
    """Everything the PDF can say at once: a flare-up, red flags ticked and cleared, the nudge,
    an interrupted and an unfinished session, two sessions in a day."""
    reference_week(store)
    first = day(-42)
    for n in range(0, 35, 3):
        session(store, f"old{n}", at(first + timedelta(days=n), 18), 6, 6)
    store.record_red_flag_check(at(day(2), 8), (3,))
    store.record_clearance(at(day(2), 9), "seen by a physio")
    session(store, "sat", at(day(5), 9), 9, 9)  # a flare-up
    store.record(PainReported("sat", 50.0, "hamstring_stretch", 7))  # "this hurts", too much
    store.record(PainReported("sat", 60.0, "piriformis_stretch", 2))
    store.record(PainReported("sat", 70.0, "hip_flexor_stretch", None))  # no number
    session(store, "sat-2", at(day(5), 19), None, None, outcome="open", stretches=0)


def test_the_reference_week_prints_nothing_outside_the_catalog(pseudo, tmp_path):
    with open_store(tmp_path / "data") as store:
        reference_week(store)
        painted, data = _pdf(store)
    assert len(painted) > 100
    left = _leftovers(painted)
    assert not left, f"words that bypass the catalog: {' '.join(left)}"
    # the marks reach the file (pypdf reads them back from the embedded font)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "«" in text and "»" in text


def test_a_busy_week_prints_nothing_outside_the_catalog(pseudo, tmp_path):
    with open_store(tmp_path / "data") as store:
        _busy_week(store)
        painted, _ = _pdf(store)
    joined = " ".join(painted)
    assert "flare-up" in joined and "physical therapist" in joined  # the sections are there
    assert "hurts" in joined and "of 10" in joined
    left = _leftovers(painted)
    assert not left, f"words that bypass the catalog: {' '.join(left)}"


def test_an_empty_week_and_a_long_table_print_nothing_outside_the_catalog(pseudo, tmp_path):
    with open_store(tmp_path / "data") as store:
        reference_week(store)
        empty, _ = _pdf(store, week=(2026, 45), name=None)
        for d in range(7):  # enough notes to carry the table over a page break
            for k in range(6):
                start = at(day(d + 7), 6) + timedelta(hours=2 * k)
                session(store, f"n{d}-{k}", start, 4, 3, stretches=1, note_before=NOTES[k % 3])
        long, _ = _pdf(store, week=(2026, 48))
    assert any("continued" in t for t in long)
    left = _leftovers(empty + long)
    assert not left, f"words that bypass the catalog: {' '.join(left)}"
