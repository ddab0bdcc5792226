"""What the poses file holds, once checked: figures, their key poses, props and highlights."""

from __future__ import annotations

from dataclasses import dataclass

from backcompanion.figure.skeleton import Pose

__all__ = [
    "ACCENT_GROUPS",
    "CONTACTS",
    "GROUPS",
    "PARTS",
    "PLACES",
    "Chair",
    "Figure",
    "FigureBook",
    "KeyPose",
    "Props",
]

# the limb groups a figure is painted in, back to front unless a figure says otherwise
GROUPS = ("far_arm", "far_leg", "body", "near_leg", "near_arm")
# the parts a figure is drawn from (also the names an ``accent`` list may use)
PARTS = (
    "head",
    "neck",
    "torso",
    "pelvis",
    *(f"{side}_{p}" for side in ("near", "far") for p in ("upper_arm", "forearm", "hand")),
    *(f"{side}_{p}" for side in ("near", "far") for p in ("thigh", "shin", "foot")),
)
ACCENT_GROUPS = {
    f"{side}_{limb}": tuple(f"{side}_{p}" for p in parts)
    for side in ("near", "far")
    for limb, parts in (
        ("arm", ("upper_arm", "forearm", "hand")),
        ("leg", ("thigh", "shin", "foot")),
    )
}
# a body part that bears weight on a surface -> the joint that stays put while it does
CONTACTS = {
    "head": "head",
    "back": "shoulder",  # the upper back and shoulder blades
    "seat": "hip",  # the buttocks and sacrum
    **{f"{side}_hand": f"{side}_wrist" for side in ("near", "far")},
    **{f"{side}_forearm": f"{side}_elbow" for side in ("near", "far")},
    **{f"{side}_knee": f"{side}_knee" for side in ("near", "far")},
    **{f"{side}_shin": f"{side}_knee" for side in ("near", "far")},
    **{f"{side}_calf": f"{side}_ankle" for side in ("near", "far")},
    **{f"{side}_{p}": f"{side}_ankle" for side in ("near", "far") for p in ("sole", "toes")},
}
PLACES = ("floor", "wall", "chair")  # what a contact can rest on


@dataclass(frozen=True, slots=True)
class KeyPose:
    """A named pose and the body parts that bear weight in it (part -> place)."""

    name: str
    pose: Pose
    contacts: tuple[tuple[str, str], ...] = ()

    def contact_map(self) -> dict[str, str]:
        return dict(self.contacts)


@dataclass(frozen=True, slots=True)
class Chair:
    """A chair seen from the side: ``front`` is the x of the seat edge nearest the person;
    the chair reaches ``depth`` cm away from the person (``toward`` = -1 left, +1 right)."""

    front: float
    seat: float  # height of the seat's top
    depth: float = 42.0
    toward: int = -1


@dataclass(frozen=True, slots=True)
class Props:
    mat: tuple[float, float] | None = None  # x from, x to (cm); a thin mat on the floor
    wall: float | None = None  # x of the wall's face; the wall stands on the far side of it
    wall_side: int = -1  # -1: the wall fills x < wall; +1: x > wall
    chair: Chair | None = None
    belt: str | None = None  # "near" or "far": a belt from both hands round that foot
    towel: bool = False  # a rolled towel lying across the low back


@dataclass(frozen=True, slots=True)
class Figure:
    """One exercise's picture: key poses (``start``, ``stretch``, maybe ``release``)."""

    id: str
    exercise: str  # the program's exercise id
    exercise_name: str  # the program's (English) name, translated in the context "program"
    description: str  # one sentence for the accessible description (English; context "figure")
    poses: tuple[KeyPose, ...]
    accent: frozenset[str] = frozenset()  # parts drawn in the accent colour
    props: Props = Props()
    arrow: str | None = None  # the joint whose path the reduced-motion arrow follows
    # the order the limb groups are painted in, back to front (see shapes.GROUPS)
    layers: tuple[str, ...] = GROUPS
    line: int = 0  # where it starts in the file (for messages)

    def key(self, name: str) -> KeyPose:
        for k in self.poses:
            if k.name == name:
                return k
        raise KeyError(f"{self.id} has no pose {name!r}")

    def has(self, name: str) -> bool:
        return any(k.name == name for k in self.poses)

    @property
    def via(self) -> str | None:
        """The pose the release passes through on its way back (``release``), if any."""
        return "release" if self.has("release") else None

    @property
    def moves(self) -> bool:
        """False for a figure that only breathes (its start and stretch are the same)."""
        return self.has("stretch")

    @property
    def end(self) -> str:
        """The pose that sums the exercise up (reduced motion, the PDF)."""
        return "stretch" if self.moves else "start"


@dataclass(frozen=True, slots=True)
class FigureBook:
    figures: tuple[Figure, ...]

    def get(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(f"no figure {figure_id!r}")

    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.figures)

    def for_exercise(self, exercise_id: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.exercise == exercise_id)
