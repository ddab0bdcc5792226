"""The safety texts: disclaimer, the 7 red flags and the "see a clinician" words.

Plain Python, no Qt. The texts live in ``resources/safety.yaml`` so they can be
reviewed (and later translated) without touching code; a mistake in that file
is reported as ``file:line: field: problem`` like the program YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from backcompanion import resources
from backcompanion.program.yamlcheck import DataError, Node, Reader

__all__ = [
    "FLAG_COUNT",
    "MAX_LABEL",
    "MAX_TEXT",
    "DataError",
    "Disclaimer",
    "RedFlag",
    "RedFlagCheck",
    "SafetyText",
    "SeeClinician",
    "TitledText",
    "load_safety",
    "load_safety_text",
]

FLAG_COUNT = 7
MAX_LABEL = 40  # a checkbox label, read from the floor
MAX_TEXT = 240  # one plain sentence (or two short ones)
_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class RedFlag:
    number: int  # 1-7, the order of the source
    id: str
    label: str  # a few words, for a checkbox
    text: str  # one plain sentence

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
class SafetyText:
    disclaimer: Disclaimer
    red_flag_check: RedFlagCheck
    red_flags: tuple[RedFlag, ...]
    see_clinician: SeeClinician
    no_improvement: TitledText

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
        {"version", "disclaimer", "red_flag_check", "red_flags", "see_clinician", "no_improvement"},
    )
    r.integer(top["version"], 1, 1)
    d = r.mapping(top["disclaimer"], {"title", "text", "ask_first"})
    c = r.mapping(top["red_flag_check"], {"title", "question", "none"})
    s = r.mapping(top["see_clinician"], {"title", "text", "cleared"})
    n = r.mapping(top["no_improvement"], {"title", "text"})
    return SafetyText(
        disclaimer=Disclaimer(
            title=r.text(d["title"], MAX_LABEL),
            text=r.text(d["text"], MAX_TEXT),
            ask_first=r.text(d["ask_first"], MAX_TEXT),
        ),
        red_flag_check=RedFlagCheck(
            title=r.text(c["title"], MAX_LABEL),
            question=r.text(c["question"], 80),
            none=r.text(c["none"], MAX_LABEL),
        ),
        red_flags=_red_flags(r, top["red_flags"]),
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


def _red_flags(r: Reader, node: Node) -> tuple[RedFlag, ...]:
    items = r.seq(node)
    if len(items) != FLAG_COUNT:
        raise r.error(node, f"expected exactly {FLAG_COUNT} red flags, found {len(items)}")
    flags: list[RedFlag] = []
    ids: set[str] = set()
    for expected, item in enumerate(items, start=1):
        m = r.mapping(item, {"number", "id", "label", "text"})
        number = r.integer(m["number"], 1, FLAG_COUNT)
        if number != expected:
            raise r.error(m["number"], f"number the red flags 1 to {FLAG_COUNT} in order")
        flag_id = r.text(m["id"], 41)
        if not _ID.match(flag_id):
            raise r.error(m["id"], "use lower-case letters, digits and _ only")
        if flag_id in ids:
            raise r.error(m["id"], f"the id {flag_id!r} is used twice")
        ids.add(flag_id)
        flags.append(
            RedFlag(
                number=number,
                id=flag_id,
                label=r.text(m["label"], MAX_LABEL),
                text=_one_line(r.text(m["text"], MAX_TEXT)),
            )
        )
    return tuple(flags)


def _one_line(text: str) -> str:
    return " ".join(text.split())
