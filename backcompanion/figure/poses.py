"""Load and check the figure poses file (``resources/figure/poses.yaml``) key by key.

The same strict reader as the program (:mod:`backcompanion.program.yamlcheck`): the safe
loader only, no anchors, every key known, every number in its range, and a mistake named
as "file:line: field: problem". A file over :data:`MAX_BYTES` is refused before parsing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from backcompanion import resources
from backcompanion.figure.model import (
    ACCENT_GROUPS,
    CONTACTS,
    GROUPS,
    PARTS,
    PLACES,
    Chair,
    Figure,
    FigureBook,
    KeyPose,
    Props,
)
from backcompanion.figure.skeleton import Arm, Leg, Pose, forward
from backcompanion.program.yamlcheck import DataError, Node, Reader

__all__ = ["MAX_BYTES", "DataError", "builtin_figures", "load_figures", "load_figures_file"]

MAX_BYTES = 1_000_000
RESOURCE = "figure/poses.yaml"
POSE_NAMES = ("start", "stretch", "release")
# joint ranges (degrees): generous, but a typo such as 900 or a knee bent backward is caught
RANGES = {
    "torso": (-360.0, 360.0),
    "spine": (-60.0, 80.0),
    "pelvis": (-40.0, 40.0),
    "neck": (-70.0, 80.0),
    "shoulder": (-90.0, 200.0),
    "elbow": (-10.0, 165.0),
    "wrist": (-100.0, 100.0),
    "hip": (-60.0, 170.0),
    "knee": (-10.0, 165.0),
    "ankle": (-40.0, 100.0),
}
_POSE_KEYS = {"hip", "torso", "near_arm", "far_arm", "near_leg", "far_leg"}
_POSE_OPTIONAL = {"spine", "pelvis", "neck", "contacts"}
_FIGURE_KEYS = {"id", "exercise", "description", "poses"}
_FIGURE_OPTIONAL = {"accent", "props", "arrow", "layers"}
_SIDES = {"left": -1, "right": 1}


def builtin_figures() -> FigureBook:
    """The shipped figures, checked against the shipped program."""
    return _builtin()


@cache
def _builtin() -> FigureBook:
    from backcompanion.program.loader import builtin_program_english

    names = {e.id: e.name for e in builtin_program_english().exercises}
    return load_figures_file(resources.path(RESOURCE), RESOURCE, names)


def load_figures_file(
    path: Path, shown_name: str | None = None, exercises: dict[str, str] | None = None
) -> FigureBook:
    """The figures in ``path``; ``exercises`` (id -> name) are the ids a figure may draw."""
    shown = shown_name or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise DataError(shown, None, "", f"the file is too large ({size} bytes, at most 1 MB)")
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DataError(shown, None, "", f"cannot read the file ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(shown, line, "", "the file is not UTF-8 text") from None
    return load_figures(text, shown, exercises)


def load_figures(
    text: str, shown_name: str = "poses.yaml", exercises: dict[str, str] | None = None
) -> FigureBook:
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise DataError(shown_name, None, "", "the file is too large (at most 1 MB)")
    reader = Reader(text, shown_name)
    return _book(reader, reader.read(), exercises)


def _book(r: Reader, root: Node, exercises: dict[str, str] | None) -> FigureBook:
    top = r.mapping(root, {"version", "figures"})
    r.integer(top["version"], 1, 1)
    figures: list[Figure] = []
    for item in r.seq(top["figures"], min_len=1):
        fig = _figure(r, item, exercises)
        if any(f.id == fig.id for f in figures):
            raise r.error(item.value["id"], f"the id {fig.id!r} is used twice")
        figures.append(fig)
    if exercises is not None:
        drawn = {f.exercise for f in figures}
        missing = [e for e in exercises if e not in drawn]
        if missing:
            raise r.error(top["figures"], f"no figure for the exercise(s) {', '.join(missing)}")
    return FigureBook(tuple(figures))


def _figure(r: Reader, node: Node, exercises: dict[str, str] | None) -> Figure:
    m = r.mapping(node, _FIGURE_KEYS, _FIGURE_OPTIONAL)
    fig_id = _word(r, m["id"])
    exercise = _word(r, m["exercise"])
    if exercises is not None and exercise not in exercises:
        raise r.error(m["exercise"], f"the program has no exercise {exercise!r}")
    description = r.text(m["description"], 200)
    props = _props(r, m["props"]) if "props" in m else Props()
    poses_map = r.mapping(m["poses"], {"start"}, set(POSE_NAMES) - {"start"})
    if "release" in poses_map and "stretch" not in poses_map:
        raise r.error(poses_map["release"], "a release pose needs a stretch pose")
    poses = tuple(
        _key_pose(r, name, poses_map[name], props) for name in POSE_NAMES if name in poses_map
    )
    accent: set[str] = set()
    for p in r.seq(m["accent"]) if "accent" in m else []:
        part = r.text(p, 40)
        if part in ACCENT_GROUPS:
            accent.update(ACCENT_GROUPS[part])
        elif part in PARTS:
            accent.add(part)
        else:
            allowed = ", ".join(sorted({*PARTS, *ACCENT_GROUPS}))
            raise r.error(p, f"not a body part (use one of {allowed})")
    arrow = None
    if "arrow" in m:
        arrow = r.text(m["arrow"], 40)
        known = {*forward(poses[0].pose).points, "pelvis"}  # pelvis: how it turns
        if arrow not in known:
            raise r.error(m["arrow"], f"not a joint (use one of {', '.join(sorted(known))})")
    layers = GROUPS
    if "layers" in m:
        layers = tuple(r.text(n, 20) for n in r.seq(m["layers"]))
        if sorted(layers) != sorted(GROUPS):
            raise r.error(m["layers"], f"list each of {', '.join(GROUPS)} once, back to front")
    return Figure(
        id=fig_id,
        exercise=exercise,
        exercise_name=(exercises or {}).get(exercise, exercise),
        description=description,
        poses=poses,
        accent=frozenset(accent),
        props=props,
        arrow=arrow,
        layers=layers,
        line=node.line,
    )


def _word(r: Reader, node: Node) -> str:
    text = r.text(node, 41)
    if not text.replace("_", "").isalnum() or not text[0].isalpha() or text != text.lower():
        raise r.error(node, "use lower-case letters, digits and _ only, starting with a letter")
    return text


def _angle(r: Reader, node: Node, kind: str) -> float:
    lo, hi = RANGES[kind]
    return r.number(node, lo, hi)


def _key_pose(r: Reader, name: str, node: Node, props: Props) -> KeyPose:
    m = r.mapping(node, _POSE_KEYS, _POSE_OPTIONAL)
    hip = r.seq(m["hip"])
    if len(hip) != 2:
        raise r.error(m["hip"], "expected [x, y] in centimetres, for example [0, 48]")
    pose = Pose(
        hip=(r.number(hip[0], -300.0, 300.0), r.number(hip[1], 0.0, 200.0)),
        torso=_angle(r, m["torso"], "torso"),
        spine=_angle(r, m["spine"], "spine") if "spine" in m else 0.0,
        pelvis=_angle(r, m["pelvis"], "pelvis") if "pelvis" in m else 0.0,
        neck=_angle(r, m["neck"], "neck") if "neck" in m else 0.0,
        near_arm=_arm(r, m["near_arm"]),
        far_arm=_arm(r, m["far_arm"]),
        near_leg=_leg(r, m["near_leg"]),
        far_leg=_leg(r, m["far_leg"]),
    )
    contacts: list[tuple[str, str]] = []
    if "contacts" in m:
        for part, place_node in r.mapping(m["contacts"], set(), set(CONTACTS)).items():
            place = r.text(place_node, 20)
            if place not in PLACES:
                raise r.error(place_node, f"must be one of {', '.join(PLACES)}")
            if place == "wall" and props.wall is None:
                raise r.error(place_node, "there is no wall in this figure's props")
            if place == "chair" and props.chair is None:
                raise r.error(place_node, "there is no chair in this figure's props")
            contacts.append((part, place))
    return KeyPose(name, pose, tuple(contacts))


def _arm(r: Reader, node: Node) -> Arm:
    m = r.mapping(node, {"shoulder", "elbow", "wrist"}, {"shown", "rests_on"})
    on = None
    if "rests_on" in m:
        on = r.text(m["rests_on"], 20)
        if on not in ("belly", "chest"):
            raise r.error(m["rests_on"], "a hand can rest on the belly or the chest")
    return Arm(
        shoulder=_angle(r, m["shoulder"], "shoulder"),
        elbow=_angle(r, m["elbow"], "elbow"),
        wrist=_angle(r, m["wrist"], "wrist"),
        shown=r.number(m["shown"], 0.3, 1.0) if "shown" in m else 1.0,
        on=on,
    )


def _leg(r: Reader, node: Node) -> Leg:
    m = r.mapping(node, {"hip", "knee", "ankle"}, {"shown", "shin_shown"})
    return Leg(
        hip=_angle(r, m["hip"], "hip"),
        knee=_angle(r, m["knee"], "knee"),
        ankle=_angle(r, m["ankle"], "ankle"),
        shown=r.number(m["shown"], 0.3, 1.0) if "shown" in m else 1.0,
        shin_shown=r.number(m["shin_shown"], 0.3, 1.0) if "shin_shown" in m else 1.0,
    )


def _side(r: Reader, node: Node) -> int:
    word = r.text(node, 10)
    if word not in _SIDES:
        raise r.error(node, "must be left or right")
    return _SIDES[word]


def _props(r: Reader, node: Node) -> Props:
    m = r.mapping(node, set(), {"mat", "wall", "chair", "belt", "towel"})
    mat = None
    if "mat" in m:
        ends = r.seq(m["mat"])
        if len(ends) != 2:
            raise r.error(m["mat"], "expected [from, to] in centimetres")
        lo, hi = (r.number(e, -300.0, 300.0) for e in ends)
        if lo >= hi:
            raise r.error(m["mat"], "the mat must end to the right of where it starts")
        mat = (lo, hi)
    wall, wall_side = None, -1
    if "wall" in m:
        w = r.mapping(m["wall"], {"x", "side"})
        wall, wall_side = r.number(w["x"], -300.0, 300.0), _side(r, w["side"])
    chair = None
    if "chair" in m:
        c = r.mapping(m["chair"], {"front", "seat", "side"}, {"depth"})
        chair = Chair(
            front=r.number(c["front"], -300.0, 300.0),
            seat=r.number(c["seat"], 20.0, 80.0),
            depth=r.number(c["depth"], 25.0, 70.0) if "depth" in c else 42.0,
            toward=_side(r, c["side"]),
        )
    belt = None
    if "belt" in m:
        belt = r.text(m["belt"], 10)
        if belt not in ("near", "far"):
            raise r.error(m["belt"], "must be near or far (the foot the belt goes round)")
    towel = r.boolean(m["towel"]) if "towel" in m else False
    return Props(mat=mat, wall=wall, wall_side=wall_side, chair=chair, belt=belt, towel=towel)
