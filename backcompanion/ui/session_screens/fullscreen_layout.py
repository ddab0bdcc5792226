"""Where everything goes in the full-screen session view: pure arithmetic, no painting.

Every size is a share of the screen's height. :func:`fullscreen_layout` is tested
at 1366 x 768, 1920 x 1080 and 3840 x 2160 without a widget.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QRect

from backcompanion.ui.widgets.timer_dial import dial_geometry

__all__ = [
    "CUE_H",
    "LINE_H",
    "MARGIN",
    "NAME_H",
    "PHASE_H",
    "Layout",
    "Rect",
    "fullscreen_layout",
]

# Shares of the height (the unit of everything here)
MARGIN = 0.035  # round the edges
GAP = 0.02  # between the blocks of a column
ROW_GAP = 0.008  # between two lines of text
COLUMN_GAP = 0.04  # between the left column and the dial
NAME_H = 0.10  # the step name's line
LINE_H = 0.085  # "Rep 7 of 20", the side
CUE_H = 0.09  # the cue under the picture
PHASE_H = 0.12  # the phase word over the dial
BAR_H = 0.012  # the session bar
BAR_GAP = 0.03  # above the bar
MESSAGE_TOP = 0.3775  # the gate's or the pause's large line: with the detail, centred
MESSAGE_H = 0.14
DETAIL_H = 0.085  # the smaller line under it
DIAL_MAX_SHARE = 0.55  # the dial never takes more than this share of the width inside


class Rect(NamedTuple):
    """A rectangle in logical pixels; ``right`` and ``bottom`` are exclusive."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def is_empty(self) -> bool:
        return self.w <= 0 or self.h <= 0

    def inside(self, w: int, h: int) -> bool:
        """True when the whole rectangle lies within a ``w`` x ``h`` screen."""
        return self.x >= 0 and self.y >= 0 and self.right <= w and self.bottom <= h

    def overlaps(self, other: Rect) -> bool:
        """True when the two share an area (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def qrect(self) -> QRect:
        return QRect(self.x, self.y, max(0, self.w), max(0, self.h))


class Layout(NamedTuple):
    """Where everything goes on a ``width`` x ``height`` screen (see :func:`fullscreen_layout`)."""

    width: int
    height: int
    name: Rect  # left column, top: the step name
    rep: Rect  # "Rep 7 of 20" / "Breath 3 of 10"
    side: Rect  # "Right leg" or "Switch sides: right leg"
    figure: Rect  # the exercise figure
    cue: Rect  # "Breathe out into the stretch"
    phase: Rect  # right column, top: "Hold", "Release", "Get ready"
    dial: Rect  # a square: the dial and its digits
    bar: Rect  # the whole session, along the bottom
    pacer: Rect  # breathing: the pacer takes the phase word's and the dial's place
    breath_picture: Rect  # breathing: the picture takes the side's and the cue's place too
    message: Rect  # the gate's one line, the pause's "Paused - press Space"
    detail: Rect  # a smaller line under the message
    digit_px: float  # the dial's digits' pixel size (before fitting the ring)

    def exercise_rects(self) -> dict[str, Rect]:
        return {
            "name": self.name,
            "rep": self.rep,
            "side": self.side,
            "figure": self.figure,
            "cue": self.cue,
            "phase": self.phase,
            "dial": self.dial,
            "bar": self.bar,
        }

    def breathing_rects(self) -> dict[str, Rect]:
        return {
            "name": self.name,
            "rep": self.rep,
            "breath_picture": self.breath_picture,
            "pacer": self.pacer,
            "bar": self.bar,
        }

    def message_rects(self) -> dict[str, Rect]:
        return {"message": self.message, "detail": self.detail, "bar": self.bar}


def fullscreen_layout(w: int, h: int) -> Layout:
    """Pure layout of the full-screen view on a ``w`` x ``h`` screen (logical pixels).

    Every size is a share of the height. The right column is the phase word over
    a square dial as tall as the rest of the height allows (at most
    ``DIAL_MAX_SHARE`` of the width); the left column takes the rest of the width:
    name, rep, side, picture, cue. The session bar runs along the bottom.
    """
    w, h = max(0, int(w)), max(0, int(h))

    def share(x: float) -> int:
        return round(x * h)

    m = share(MARGIN)
    gap, row_gap, col_gap = share(GAP), share(ROW_GAP), share(COLUMN_GAP)
    inner_w = max(0, w - 2 * m)
    bar_h = max(3, share(BAR_H))
    bar = Rect(m, max(0, h - m - bar_h), inner_w, bar_h)
    top = m
    bottom = max(top, bar.y - share(BAR_GAP))  # the content ends here (exclusive)

    # right column: the phase word, then the dial, as large as fits
    phase_h = share(PHASE_H)
    dial_top = top + phase_h + row_gap
    room = max(0, bottom - dial_top)
    side = max(0, min(room, math.floor((inner_w - col_gap) * DIAL_MAX_SHARE)))
    right_x = w - m - side
    phase = Rect(right_x, top, side, phase_h)
    dial = Rect(right_x, dial_top + (room - side) // 2, side, side)
    pacer = Rect(right_x, top, side, bottom - top)

    # left column: everything else
    left_w = max(0, right_x - col_gap - m)
    name = Rect(m, top, left_w, share(NAME_H))
    rep = Rect(m, name.bottom + row_gap, left_w, share(LINE_H))
    side_r = Rect(m, rep.bottom + row_gap, left_w, share(LINE_H))
    cue_h = share(CUE_H)
    cue = Rect(m, max(side_r.bottom, bottom - cue_h), left_w, min(cue_h, bottom - side_r.bottom))
    picture_top = side_r.bottom + gap
    figure = Rect(m, picture_top, left_w, max(0, cue.y - gap - picture_top))
    breath_picture = Rect(m, side_r.y, left_w, max(0, cue.bottom - side_r.y))

    message = Rect(m, share(MESSAGE_TOP), inner_w, share(MESSAGE_H))
    detail = Rect(m, message.bottom + gap, inner_w, share(DETAIL_H))
    return Layout(
        width=w,
        height=h,
        name=name,
        rep=rep,
        side=side_r,
        figure=figure,
        cue=cue,
        phase=phase,
        dial=dial,
        bar=bar,
        pacer=pacer,
        breath_picture=breath_picture,
        message=message,
        detail=detail,
        digit_px=dial_geometry(side, side, 1.0).digit_px,
    )
