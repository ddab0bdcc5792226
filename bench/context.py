"""What the benchmarks of one run share: folders, run counts, and what they found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.report import Figure
from bench.runner import Env


@dataclass
class Context:
    workdir: Path  # a temporary folder on disk, removed at the end
    memdir: Path  # a temporary folder in memory when there is one (/dev/shm), else on disk
    rounds: int = 5  # A B pairs for start-up and export
    pacer_rounds: int = 3
    sim_days: int = 3650
    hold_long_s: int = 60
    hold_short_s: int = 10
    pacer_s: float = 10.0
    idle_s: float = 10.0
    peer_settle_s: float = 24.0  # our home card's figure loops for 22.5 s, then rests
    leak_sessions: int = 100
    leak_warm: int = 10
    figures: list[Figure] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    folders: dict[str, Path] = field(default_factory=dict)

    def env(self, display: str | None = None, **extra: str) -> Env:
        return Env(self.workdir, display, dict(extra))

    def add(self, *figures: Figure) -> None:
        self.figures.extend(figures)

    def section(self, title: str, text: str) -> None:
        self.sections[title] = self.sections.get(title, "") + text.rstrip() + "\n"
