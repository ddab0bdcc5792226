"""The weekly PDF: its text (read back with pypdf), fonts, pages, paper and safe writing."""

from __future__ import annotations

import errno
import io
import os
import stat
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from report_helpers import NOW, PROGRAM, WEEK, at, day, open_store, reference_week, session

from backcompanion.program.safety import load_safety
from backcompanion.report import files
from backcompanion.report.pdf import (
    ExportError,
    default_page_size,
    render_summary_pdf,
    write_summary_pdf,
)
from backcompanion.report.summary import weekly_summary
from backcompanion.session.rules import load_rules

RULES = load_rules()
MM_PER_PT = 25.4 / 72


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data") as s:
        yield s


@pytest.fixture
def ref(store):
    reference_week(store)
    return store


def summary(store, week=WEEK, name=None, now=NOW):
    return weekly_summary(store, PROGRAM, RULES, *week, now, name=name)


def words(text: str) -> str:
    """Text as pypdf extracts it, with every run of spaces, tabs and newlines made one space."""
    return " ".join(text.split())


def pages_text(path) -> list[str]:
    return [words(p.extract_text()) for p in PdfReader(path).pages]


def test_the_reference_week_reads_back(qapp, ref, tmp_path):
    out = write_summary_pdf(summary(ref, name="Alex Example"), tmp_path / "w47.pdf", "A4")
    pages = pages_text(out)
    text = " ".join(pages)
    assert "BackCompanion weekly summary" in text and "2026-W47" in text
    assert "Monday 16 November 2026 to Sunday 22 November 2026" in text
    assert "For Alex Example" in text
    # at a glance
    assert "SESSIONS 6 4 done, 1 stopped early, 1 interrupted, on 5 of 7 days" in text
    assert "1 h 51 min" in text
    assert "5 to 3" in text and "baseline 6" in text
    # the figures under the chart, Monday to Sunday
    assert "Before 5 4 - 4 4.5 - 3" in text
    assert "After 4 3 - 7 4 - 2" in text
    # every exercise done, and the locked ones named
    for name in (
        "Angry cat",
        "Child's pose",
        "Hamstring stretch",
        "Piriformis stretch",
        "Hip flexor stretch",
        "Pelvic tilt",
    ):
        assert name in text
    assert "Hamstring stretch 4 160 of 160 (100 %) 5 s (5-10 s) both" in text
    assert "Strengthening (Bridge, Bird dog, Plank): not offered, locked all week." in text
    # breathing, gate, flare-ups, notes, safety check
    assert "10 min in 6 sessions, 60 breaths in all." in text
    assert "in 4 s, out 7 s (5.5 breaths a minute)" in text
    # pain fell from 6 to a mean of 4: a drop alone does not open the gate (issue 14)
    assert "Locked at the end of the week (" in text
    assert "3 or less on average over your last 3 sessions. Now: 4." in text
    assert "Thu 19 Nov, 18:00 Pain reached 7 out of 10." in text
    for note in ("stiff after a long drive", "sharp pain in the hip", "felt looser"):
        assert note in text
    assert "Last answered Sunday 22 November 2026, 09:00: none of the red flags applied." in text
    assert "Red-flag check Sun 22 Nov: none applied." in pages[0]
    # the disclaimer and the page number on every page
    disclaimer = words(load_safety().disclaimer.text)
    for n, page in enumerate(pages, start=1):
        assert disclaimer in page
        assert f"Page {n} of {len(pages)}" in page


def test_safety_answers_and_the_nudge_are_on_the_first_page(qapp, store, tmp_path):
    first = day(-28)
    for n in range(0, 35, 3):
        session(store, f"s{n}", at(first + timedelta(days=n), 18), 5, 5)
    store.record_red_flag_check(at(day(1), 8), (16,))
    store.record_clearance(at(day(2), 9), "", "Dr Lee", at(day(1), 8).date())
    pages = pages_text(write_summary_pdf(summary(store), tmp_path / "w.pdf"))
    assert (
        "Red-flag check Tue 17 Nov: ticked 16. Pain or numbness in one leg. "
        "Self-reported: cleared by Dr Lee on 2026-11-17." in pages[0]
    )
    assert "The app suggested seeing a physical therapist" in pages[0]
    text = " ".join(pages)
    assert "Suggestion to see a clinician" in text
    assert "You have kept at the program for 4 weeks" in text
    assert "16. Pain or numbness in one leg (see a clinician first)" in text


def test_metadata_and_embedded_fonts(qapp, ref, tmp_path):
    out = write_summary_pdf(summary(ref, name="Alex Example"), tmp_path / "w47.pdf")
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta.title == "BackCompanion weekly summary, 2026-W47"
    assert meta.author == "Alex Example"
    assert meta.creator.startswith("BackCompanion")
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values()), fonts  # every font embedded (TrueType)
    assert any("AtkinsonHyperlegible" in name for name in fonts)
    assert any("Bold" in name for name in fonts)


def test_drawn_as_vectors_without_images(qapp, ref, tmp_path):
    reader = PdfReader(write_summary_pdf(summary(ref), tmp_path / "w47.pdf"))
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
        assert images == []
    chart_page = reader.pages[0].get_contents().get_data()
    assert chart_page.count(b" l\n") + chart_page.count(b" l ") > 20  # line segments


def test_a_week_without_sessions_says_so(qapp, ref, tmp_path):
    out = write_summary_pdf(summary(ref, week=(2026, 45)), tmp_path / "empty.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = words(reader.pages[0].extract_text())
    assert "No sessions were recorded this week." in text
    assert "2026-W45" in text and "Page 1 of 1" in text
    assert "Name not given" in text
    assert "Before the session" not in text  # no empty chart


def test_many_notes_split_across_pages_without_losing_a_row(qapp, store, tmp_path):
    notes = []
    for d in range(7):
        for k in range(6):
            note = f"note {d}-{k}: " + "stiff in the morning, easier after walking " * (k % 3 + 1)
            notes.append(note.strip())
            start = at(day(d), 6) + timedelta(hours=2 * k)
            session(store, f"s{d}-{k}", start, 4, 3, stretches=1, note_before=notes[-1])
    few = write_summary_pdf(summary(store, week=(2026, 46)), tmp_path / "few.pdf")
    many = write_summary_pdf(summary(store), tmp_path / "many.pdf")
    pages = pages_text(many)
    assert len(pages) > len(PdfReader(few).pages)
    assert len(pages) >= 3
    text = " ".join(pages)
    for note in notes:
        assert text.count(words(note)) == 1, note  # every row once, never cut in two
    continued = [i for i, p in enumerate(pages) if "Notes, continued" in p]
    assert continued  # the table goes on over a page break ...
    for i in continued:  # ... and its header is repeated there
        assert "Session Note" in pages[i]
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page


def test_page_size_by_locale_and_by_choice(qapp, ref):
    assert default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == (
        "Letter"
    )
    assert default_page_size(QLocale(QLocale.Language.French, QLocale.Country.Canada)) == "Letter"
    assert default_page_size(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "A4"
    assert default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == (
        "A4"
    )
    s = summary(ref)
    for size, (w_mm, h_mm) in (("A4", (210, 297)), ("Letter", (215.9, 279.4))):
        box = PdfReader(io.BytesIO(render_summary_pdf(s, size))).pages[0].mediabox
        assert float(box.width) * MM_PER_PT == pytest.approx(w_mm, abs=0.5)
        assert float(box.height) * MM_PER_PT == pytest.approx(h_mm, abs=0.5)
    with pytest.raises(ValueError, match="A4"):
        render_summary_pdf(s, "A5")


def test_existing_file_is_replaced_whole_with_mode_0600(qapp, ref, tmp_path):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"an older summary")
    os.chmod(out, 0o644)
    write_summary_pdf(summary(ref), out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(out).pages) >= 1
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "summary.pdf"]


def test_a_failure_half_way_leaves_the_old_file(qapp, ref, tmp_path, monkeypatch):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"the old summary")

    def half_then_fail(f, data):
        f.write(data[: len(data) // 2])
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "_write_all", half_then_fail)
    with pytest.raises(ExportError) as caught:
        write_summary_pdf(summary(ref), out)
    assert str(out) in str(caught.value) and "\n" not in str(caught.value)
    assert out.read_bytes() == b"the old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "summary.pdf"]


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_read_only_folder(qapp, ref, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(ExportError, match="permission denied; choose a folder"):
            write_summary_pdf(summary(ref), folder / "summary.pdf")
        assert list(folder.iterdir()) == []
    finally:
        os.chmod(folder, 0o700)


def test_a_read_only_folder_even_for_root(qapp, ref, monkeypatch, tmp_path):
    """What a read-only folder does, made to happen for any user: the temp file is refused."""

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as caught:
        write_summary_pdf(summary(ref), tmp_path / "summary.pdf")
    message = str(caught.value)
    assert message == (
        f"cannot write {tmp_path / 'summary.pdf'}: permission denied; "
        "choose a folder you can write to"
    )


def test_a_folder_or_a_missing_folder_in_the_way(qapp, ref, tmp_path):
    s = summary(ref)
    with pytest.raises(ExportError) as caught:
        write_summary_pdf(s, tmp_path)
    assert (
        str(caught.value) == f"cannot write {tmp_path}: it is a folder; add a file name to the path"
    )
    missing = tmp_path / "nowhere" / "summary.pdf"
    with pytest.raises(ExportError, match=r"the folder .*nowhere does not exist; create it first"):
        write_summary_pdf(s, missing)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="is not a folder"):
        write_summary_pdf(s, a_file / "summary.pdf")


def test_each_exercise_done_has_its_figure_drawn_as_curves(qapp, ref, tmp_path):
    from backcompanion.report.pdf.figures import figure_for

    def curves(out) -> int:
        pages = PdfReader(out).pages
        return sum(p.get_contents().get_data().count(b" c\n") for p in pages)

    done = write_summary_pdf(summary(ref), tmp_path / "w47.pdf")
    empty = write_summary_pdf(summary(ref, week=(2026, 45)), tmp_path / "w45.pdf")
    assert curves(empty) == 0  # no exercises table: no figures (the chart is straight lines)
    offered = [e for e in summary(ref).exercises if e.offered]
    assert len(offered) == 6 and all(figure_for(e.exercise_id) for e in offered)
    assert curves(done) > 6 * 60  # a figure is dozens of Bézier curves, one per limb outline
    test_drawn_as_vectors_without_images(qapp, ref, tmp_path)  # and no picture of them
