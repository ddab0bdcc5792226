"""One posable figure for every exercise: a side-view body posed from data (no Qt here).

``skeleton``: segment lengths, a pose, forward kinematics. ``motion``: poses in between, the
other side, where the figure is at a session moment or in the carousel loop. ``shapes``: the
outlines to paint, in order, with a colour role each. ``poses``: the checked poses file
(``resources/figure/poses.yaml``). ``ui/widgets/figure.py`` paints it with QPainter.
"""

from backcompanion.figure.model import Figure, FigureBook, KeyPose, Props
from backcompanion.figure.motion import (
    Moment,
    carousel_moment,
    figure_joints,
    mirror_joints,
    reduced_moment,
    session_moment,
    side_name,
)
from backcompanion.figure.poses import builtin_figures, load_figures, load_figures_file
from backcompanion.figure.skeleton import SKELETON, Arm, Joints, Leg, Pose, Skeleton, forward

__all__ = [
    "SKELETON",
    "Arm",
    "Figure",
    "FigureBook",
    "Joints",
    "KeyPose",
    "Leg",
    "Moment",
    "Pose",
    "Props",
    "Skeleton",
    "builtin_figures",
    "carousel_moment",
    "figure_joints",
    "forward",
    "load_figures",
    "load_figures_file",
    "mirror_joints",
    "reduced_moment",
    "session_moment",
    "side_name",
]
