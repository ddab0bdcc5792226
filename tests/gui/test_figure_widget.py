"""The exercise figure widget: paints in both themes, tells a screen reader what it shows,
holds still under reduced motion, and paints as vectors into any painter (the PDF)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

from backcompanion.figure import Moment, builtin_figures
from backcompanion.figure.scene import scene
from backcompanion.ui.theme import DARK, LIGHT
from backcompanion.ui.widgets.figure import (
    FigureView,
    figure_colors,
    fit_transform,
    mix,
    paint_figure,
)

BOOK = builtin_figures()


def grab(view: FigureView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def colours(image: QImage, step: int = 3) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def test_it_paints_the_figure_in_both_themes(qtbot, light):
    for theme in (LIGHT, DARK):
        view = FigureView("bird_dog", theme=theme)
        qtbot.addWidget(view)
        view.resize(400, 300)
        view.set_fraction(1.0)
        seen = colours(grab(view))
        expected = figure_colors(theme)
        for tone in ("body", "accent", "far", "far_accent", "prop"):
            assert expected[tone].name() in seen, (theme.name, tone)
        assert len(seen) > 8


def test_dark_and_light_differ_and_far_limbs_are_lighter_on_light(qtbot, light):
    light_colors, dark_colors = figure_colors(LIGHT), figure_colors(DARK)
    assert light_colors["body"] != dark_colors["body"]
    assert light_colors["far"].lightness() > light_colors["body"].lightness()
    assert dark_colors["far"].lightness() < dark_colors["body"].lightness()  # toward the bg
    assert mix("#000000", "#ffffff", 0.5).name() in ("#7f7f7f", "#808080")
    on_card = figure_colors(LIGHT, LIGHT.card)
    assert on_card["halo"] == QColor(LIGHT.card)


def test_accessible_name_and_description_say_what_the_figure_shows(qtbot, light):
    view = FigureView("piriformis_stretch")
    qtbot.addWidget(view)
    assert view.accessibleName() == "Piriformis stretch"
    assert view.accessibleDescription() == BOOK.get("piriformis_stretch").description
    view.set_figure("breathing_90_90_chair")
    assert view.accessibleName() == "90/90 breathing"
    assert "chair" in view.accessibleDescription()
    view.set_figure(None)
    assert view.accessibleName() == "" and not grab(view).isNull()


def test_a_new_moment_repaints_and_reduced_motion_holds_the_end_pose(qtbot, light):
    view = FigureView("hamstring_stretch", theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.set_moment(Moment())
    at_start = grab(view)
    view.set_fraction(1.0)
    at_end = grab(view)
    assert at_start != at_end
    assert view.moment() == Moment("start", "stretch", 1.0)

    view.set_reduced_motion(True)
    assert view.reduced_motion()
    still = grab(view)
    for t in (0.0, 0.3, 0.9):
        view.set_moment(Moment("start", "stretch", t))
        assert grab(view) == still  # nothing moves
    reference = QImage(still.size(), QImage.Format.Format_RGB32)
    reference.fill(QColor(LIGHT.window))
    painter = QPainter(reference)
    paint_figure(
        painter, QRectF(0, 0, 400, 300), BOOK.get("hamstring_stretch"), reduced=True, theme=LIGHT
    )
    painter.end()
    assert _differing(still, reference) < 0.002  # the end pose with its arrow (give or take
    assert QColor(LIGHT.accent).name() in colours(still, step=1)  # an edge pixel); the arrow


def _differing(a: QImage, b: QImage, tolerance: int = 24) -> float:
    """The share of pixels whose colours differ by more than ``tolerance`` in a channel."""
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    bad = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > (
                tolerance
            ):
                bad += 1
    return bad / (a.width() * a.height())


def test_mirrored_shows_the_other_side(qtbot, light):
    left = FigureView("bird_dog", theme=LIGHT)
    right = FigureView("bird_dog", mirrored=True, theme=LIGHT)
    for view in (left, right):
        qtbot.addWidget(view)
        view.resize(400, 300)
        view.set_fraction(1.0)
    assert right.is_mirrored() and not left.is_mirrored()
    a, b = grab(left), grab(right).flipped(Qt.Orientation.Horizontal)
    assert a != grab(right)
    differing = sum(
        a.pixel(x, y) != b.pixel(x, y) for x in range(0, 400, 2) for y in range(0, 300, 2)
    )
    assert differing < 0.03 * 200 * 150  # the same picture, flipped (give or take a pixel)


def test_it_follows_the_app_theme_unless_given_one(qtbot, qapp, light):
    from backcompanion.ui.theme import apply_theme

    view = FigureView("plank")
    qtbot.addWidget(view)
    view.resize(400, 300)
    before = colours(grab(view))
    apply_theme(qapp, DARK)
    try:
        after = colours(grab(view))
        assert figure_colors(DARK)["body"].name() in after
        assert before != after
    finally:
        apply_theme(qapp, LIGHT)
    view.set_theme(LIGHT)
    assert view.painted_theme() == LIGHT


def test_moments_are_cached_so_repeats_cost_nothing(qtbot, light):
    view = FigureView("angry_cat")
    qtbot.addWidget(view)
    for i in range(200):
        view.set_moment(Moment("start", "stretch", (i % 20) / 20))
    assert len(view._cache) <= 21  # the twenty moments (and the first one)
    view.set_background("card")
    assert view.sizeHint() == QSize(400, 300) and view.heightForWidth(400) == 300


def test_the_figure_fits_any_rectangle_without_stretching():
    box = (-100.0, -2.0, 100.0, 98.0)  # 200 x 100 cm
    t = fit_transform(box, QRectF(0, 0, 400, 400))
    top_left, bottom_right = t.map(-100.0, 98.0), t.map(100.0, -2.0)
    assert top_left == (0.0, 100.0) and bottom_right == (400.0, 300.0)  # centred, y flipped


def test_paint_figure_draws_vectors_into_a_pdf_or_an_svg(qtbot):
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    for i, fig in enumerate(BOOK.figures[:4]):
        paint_figure(painter, QRectF(0, i * 500, 800, 480), fig, theme=LIGHT)
    painter.end()
    buffer.close()
    assert bytes(data).startswith(b"%PDF")
    assert b"/Subtype /Image" not in bytes(data)  # no pixels in the PDF

    svg_data = QByteArray()
    svg_buffer = QBuffer(svg_data)
    svg_buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(svg_buffer)
    generator.setSize(QSize(400, 300))
    painter = QPainter(generator)
    paint_figure(painter, QRectF(0, 0, 400, 300), BOOK.get("bird_dog"), theme=LIGHT)
    painter.end()
    svg = bytes(svg_data).decode()
    assert svg.count("<path") > 20 and "<image" not in svg  # shapes, not a picture of them


def test_paint_figure_without_a_moment_shows_the_end_pose():
    fig = BOOK.get("bridge")
    size = QSize(300, 200)
    images = []
    for moment in (None, Moment("stretch", "stretch", 1.0)):
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor(LIGHT.window))
        painter = QPainter(image)
        paint_figure(painter, QRectF(0, 0, 300, 200), fig, moment, theme=LIGHT)
        painter.end()
        images.append(image)
    assert images[0] == images[1]
    assert scene(fig).box == scene(fig, Moment("stretch", "stretch", 1.0)).box


def test_still_parts_are_a_picture_and_a_frame_looks_the_same_as_one_painted_whole(qtbot, light):
    for fid, t in (("hamstring_stretch", 0.4), ("bird_dog", 0.7), ("angry_cat", 0.5)):
        view = FigureView(fid, theme=LIGHT)
        qtbot.addWidget(view)
        view.resize(480, 360)
        view.set_moment(Moment("start", "stretch", t))
        frame = grab(view)
        whole = QImage(frame.size(), QImage.Format.Format_RGB32)
        whole.fill(QColor(LIGHT.window))
        painter = QPainter(whole)
        moment = Moment("start", "stretch", t)
        paint_figure(painter, QRectF(0, 0, 480, 360), BOOK.get(fid), moment, theme=LIGHT)
        painter.end()
        assert _differing(frame, whole) < 0.002, fid
        still = view._still
        kept = [layer for layer in still.layers if layer.pixmap is not None]
        assert kept, fid  # at least the mat and the floor are a picture
        assert still.layers[0].pixmap is not None  # the props behind come first


def test_a_new_moment_repaints_only_where_the_moving_limbs_were_and_are(qtbot, light):
    view = FigureView("hamstring_stretch", theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(600, 450)
    view.show()
    qtbot.waitExposed(view)
    view.set_moment(Moment("start", "stretch", 0.5))
    grab(view)  # painted once: the still parts are a picture now
    asked = []
    view.update = lambda *args: asked.append(args)  # record the region it asks to repaint
    view.set_moment(Moment("start", "stretch", 0.6))
    assert len(asked) == 1 and len(asked[0]) == 1
    region = asked[0][0]
    assert 0 < region.width() * region.height() < 0.8 * 600 * 450
    body = view._still.to.mapRect(QRectF(0, 0, 40, 20))  # the chest and head lie still
    assert not region.contains(body.toAlignedRect())
    view.set_moment(Moment("start", "stretch", 0.6))  # the same moment: nothing to repaint
    assert len(asked) == 1


def test_the_figure_is_named_and_described_through_the_accessibility_interface(qtbot, light):
    from PySide6.QtGui import QAccessible

    view = FigureView()
    qtbot.addWidget(view)
    for fig in BOOK.figures:
        view.set_figure(fig, name=f"Named {fig.id}")
        face = QAccessible.queryAccessibleInterface(view)
        assert face.text(QAccessible.Text.Name) == f"Named {fig.id}"
        assert face.text(QAccessible.Text.Description) == fig.description
        assert fig.description.endswith(".") and len(fig.description.split(". ")) == 1


def test_a_thumbnail_is_the_end_pose_at_the_device_resolution(qtbot):
    from backcompanion.ui.widgets.figure import figure_image

    pixmap = figure_image(BOOK.get("plank"), QSize(120, 90), theme=LIGHT, dpr=2.0)
    assert (pixmap.width(), pixmap.height()) == (240, 180)
    assert pixmap.devicePixelRatio() == 2.0
    image = pixmap.toImage()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent round the drawing
    assert QColor(LIGHT.illustration_accent).name() in colours(image, step=1)
