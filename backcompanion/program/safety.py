"""The safety texts: disclaimer, the 16 red flags with their levels, the triage pages' words.

Plain Python, no Qt. The texts live in ``resources/safety.yaml`` so they can be
reviewed (and later translated) without touching code; a mistake in that file
is reported as ``file:line: field: problem`` like the program YAML.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache

from backcompanion import resources
from backcompanion.program.yamlcheck import DataError, Node, Reader

__all__ = [
    "FLAG_COUNT",
    "FLAG_IDS",
    "MAX_LABEL",
    "MAX_TEXT",
    "Advice",
    "DataError",
    "Disclaimer",
    "FlareUpText",
    "Level",
    "RedFlag",
    "RedFlagCheck",
    "SafetyText",
    "SeeClinician",
    "TitledText",
    "load_safety",
    "load_safety_text",
]

# The flags' ids, in their order (docs/rules-replay.md and the tests use them).
FLAG_IDS = (
    "saddle_numbness",
    "bladder_bowel_sexual",
    "both_legs",
    "leg_weakness",
    "fever_unwell",
    "belly_pain",
    "injury",
    "chest_upper_back",
    "weight_loss",
    "cancer_history",
    "osteoporosis",
    "steroids",
    "first_over_50",
    "night_pain",
    "not_improving",
    "one_leg",
)
FLAG_COUNT = len(FLAG_IDS)
MAX_LABEL = 40  # a checkbox label, read from the floor
MAX_TEXT = 240  # one plain sentence (or two short ones)
_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


class Level(enum.StrEnum):
    """How soon a ticked flag needs a clinician (ARCHITECTURE §6), the most urgent first."""

    EMERGENCY = "emergency"  # call the local emergency number now; nothing that day
    URGENT = "urgent"  # medical advice the same day; no session
    SEE_CLINICIAN = "see_clinician"  # blocked until a clinician's clearance is recorded


@dataclass(frozen=True)
class RedFlag:
    number: int  # 1-16, the order of safety.yaml (the history keeps these numbers)
    id: str
    label: str  # a few words, for a checkbox
    text: str  # one plain sentence
    level: Level = Level.SEE_CLINICIAN
    lifelong: bool = False  # a history item: once cleared, not asked again weekly

    @property
    def daily(self) -> bool:
        """Asked before every session ("anything new today?")."""
        return self.level is not Level.SEE_CLINICIAN

    @property
    def title(self) -> str:
        return f"{self.number}. {self.label}"


@dataclass(frozen=True)
class Disclaimer:
    title: str
    text: str  # guides self-care; does not diagnose or prescribe
    ask_first: str  # serious history or worries: ask a clinician first

    @property
    def full_text(self) -> str:
        return f"{self.text}\n\n{self.ask_first}"


@dataclass(frozen=True)
class RedFlagCheck:
    title: str
    question: str
    none: str  # the "None of these apply" choice


@dataclass(frozen=True)
class TitledText:
    title: str
    text: str


@dataclass(frozen=True)
class SeeClinician:
    title: str
    text: str
    cleared: str  # how to carry on once a clinician has cleared the person


@dataclass(frozen=True)
class Advice:
    """A triage page's words: the title, what to do now, why."""

    title: str
    text: str
    why: str


@dataclass(frozen=True)
class FlareUpText:
    title: str
    text: str  # what to do today
    seek_help: str  # when to get medical advice


@dataclass(frozen=True)
class SafetyText:
    disclaimer: Disclaimer
    red_flag_check: RedFlagCheck
    daily_check: RedFlagCheck
    red_flags: tuple[RedFlag, ...]
    emergency: Advice
    urgent: Advice
    see_clinician: SeeClinician
    flare_up: FlareUpText
    no_improvement: TitledText

    def by_id(self, flag_id: str) -> RedFlag:
        for f in self.red_flags:
            if f.id == flag_id:
                return f
        raise KeyError(flag_id)

    def level_of(self, number: int) -> Level:
        return self.flag(number).level

    def daily_flags(self) -> tuple[RedFlag, ...]:
        """The emergency and urgent flags, asked before every session."""
        return tuple(f for f in self.red_flags if f.daily)

    def flag(self, number: int) -> RedFlag:
        for f in self.red_flags:
            if f.number == number:
                return f
        raise KeyError(number)

    def flags(self, numbers) -> tuple[RedFlag, ...]:
        """The flags with these numbers, in their own order (unknown numbers raise KeyError)."""
        wanted = set(numbers)
        unknown = wanted - {f.number for f in self.red_flags}
        if unknown:
            raise KeyError(min(unknown))
        return tuple(f for f in self.red_flags if f.number in wanted)


def load_safety() -> SafetyText:
    """The built-in safety texts in the person's language (the same object in English)."""
    from backcompanion.i18n import installed
    from backcompanion.program.localize import localize_safety

    return localize_safety(load_safety_english()) if installed() else load_safety_english()


@cache
def load_safety_english() -> SafetyText:
    """The built-in safety texts as written (read once)."""
    return load_safety_text(resources.read_text("safety.yaml"), "safety.yaml")


def load_safety_text(text: str, shown_name: str = "safety.yaml") -> SafetyText:
    """Parse and check safety texts; raises :class:`DataError` naming file, line and field."""
    r = Reader(text, shown_name)
    top = r.mapping(
        r.read(),
        {
            "version",
            "disclaimer",
            "red_flag_check",
            "daily_check",
            "red_flags",
            "emergency",
            "urgent",
            "see_clinician",
            "flare_up",
            "no_improvement",
        },
    )
    r.integer(top["version"], 1, 1)
    d = r.mapping(top["disclaimer"], {"title", "text", "ask_first"})
    s = r.mapping(top["see_clinician"], {"title", "text", "cleared"})
    n = r.mapping(top["no_improvement"], {"title", "text"})
    f = r.mapping(top["flare_up"], {"title", "text", "seek_help"})
    return SafetyText(
        disclaimer=Disclaimer(
            title=r.text(d["title"], MAX_LABEL),
            text=r.text(d["text"], MAX_TEXT),
            ask_first=r.text(d["ask_first"], MAX_TEXT),
        ),
        red_flag_check=_check(r, top["red_flag_check"]),
        daily_check=_check(r, top["daily_check"]),
        red_flags=_red_flags(r, top["red_flags"]),
        emergency=_advice(r, top["emergency"]),
        urgent=_advice(r, top["urgent"]),
        flare_up=FlareUpText(
            title=r.text(f["title"], MAX_LABEL),
            text=r.text(f["text"], MAX_TEXT),
            seek_help=r.text(f["seek_help"], MAX_TEXT),
        ),
        see_clinician=SeeClinician(
            title=r.text(s["title"], MAX_LABEL),
            text=r.text(s["text"], MAX_TEXT),
            cleared=r.text(s["cleared"], MAX_TEXT),
        ),
        no_improvement=TitledText(
            title=r.text(n["title"], MAX_LABEL),
            text=r.text(n["text"], MAX_TEXT),
        ),
    )


def _check(r: Reader, node: Node) -> RedFlagCheck:
    c = r.mapping(node, {"title", "question", "none"})
    return RedFlagCheck(
        title=r.text(c["title"], MAX_LABEL),
        question=r.text(c["question"], 80),
        none=r.text(c["none"], MAX_LABEL),
    )


def _advice(r: Reader, node: Node) -> Advice:
    a = r.mapping(node, {"title", "text", "why"})
    return Advice(
        title=r.text(a["title"], MAX_LABEL),
        text=r.text(a["text"], MAX_TEXT),
        why=r.text(a["why"], MAX_TEXT),
    )


def _red_flags(r: Reader, node: Node) -> tuple[RedFlag, ...]:
    items = r.seq(node)
    if len(items) != FLAG_COUNT:
        raise r.error(node, f"expected exactly {FLAG_COUNT} red flags, found {len(items)}")
    flags: list[RedFlag] = []
    ids: set[str] = set()
    for expected, item in enumerate(items, start=1):
        m = r.mapping(item, {"number", "id", "label", "text", "level"}, {"lifelong"})
        number = r.integer(m["number"], 1, FLAG_COUNT)
        if number != expected:
            raise r.error(m["number"], f"number the red flags 1 to {FLAG_COUNT} in order")
        flag_id = r.text(m["id"], 41)
        if not _ID.match(flag_id):
            raise r.error(m["id"], "use lower-case letters, digits and _ only")
        if flag_id in ids:
            raise r.error(m["id"], f"the id {flag_id!r} is used twice")
        if flag_id != FLAG_IDS[number - 1]:
            raise r.error(m["id"], f"red flag {number} must have the id {FLAG_IDS[number - 1]!r}")
        ids.add(flag_id)
        level_text = r.text(m["level"], 20)
        try:
            level = Level(level_text)
        except ValueError:
            choices = ", ".join(lv.value for lv in Level)
            raise r.error(m["level"], f"the level must be one of {choices}") from None
        lifelong = r.boolean(m["lifelong"]) if "lifelong" in m else False
        if lifelong and level is not Level.SEE_CLINICIAN:
            raise r.error(m["lifelong"], "only a see_clinician flag can be lifelong")
        flags.append(
            RedFlag(
                number=number,
                id=flag_id,
                label=r.text(m["label"], MAX_LABEL),
                text=_one_line(r.text(m["text"], MAX_TEXT)),
                level=level,
                lifelong=lifelong,
            )
        )
    return tuple(flags)


def _one_line(text: str) -> str:
    return " ".join(text.split())
