"""The history file's size against version 2, and the migration of ten years from version 2.

The ten-year simulation writes the current schema; the same history written back
as version 2 (``bench.history_v2``, the schema before integer session keys) is the
size baseline (target: a third of it or less, issue 20). Opening that version 2
file with the current app (``bench/probes/migrate.py``: the backup, the migration
in one transaction and the VACUUM after it) is timed on fresh copies (target
under 10 s, so a user's first start after the update stays short).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.context import Context
from bench.history_v2 import write_v2
from bench.report import figure, fmt
from bench.runner import log, probe, run
from bench.stats import median

SIZE_TARGET = 1 / 3
MIGRATION_TARGET_S = 10.0
DB_NAME = "backcompanion.sqlite3"


def old_history(ctx: Context, current: Path) -> Path:
    """The history in the folder ``current`` written as version 2 into a new folder."""
    folder = ctx.workdir / "version_2"
    folder.mkdir(exist_ok=True)
    write_v2(current / DB_NAME, folder / DB_NAME)
    return folder


def size_figure_args(old: Path) -> dict:
    """What the database size figure needs to be judged against version 2."""
    return {
        "baseline": (old / DB_NAME).stat().st_size / 2**20,
        "baseline_label": "the same history as version 2",
        "target": "<= 1/3 of version 2",
        "limit": SIZE_TARGET,
        "on": "ratio",
    }


def run_migration(ctx: Context, old: Path, rounds: int = 3) -> None:
    """Time the first start after the update on ``rounds`` fresh copies of ``old``."""
    log(f"scale: open the ten-year history at version 2 with this app ({rounds} fresh copies)")
    found = []
    for i in range(rounds):
        copy = ctx.workdir / f"migrate_{i}"
        shutil.rmtree(copy, ignore_errors=True)
        copy.mkdir()
        shutil.copy2(old / DB_NAME, copy / DB_NAME)
        found.append(run(probe("migrate", "--data-dir", str(copy)), ctx.env(), timeout=300).result)
        shutil.rmtree(copy, ignore_errors=True)
        log(f"  migration #{i + 1}: {found[-1]['open_s']:.2f} s")
    ctx.raw["migration"] = found

    def med(key: str) -> float | None:
        return median([r.get(key) for r in found])

    last = found[-1]
    ctx.add(
        figure(
            "scale.migration",
            "First start after the update: ten years from version "
            f"{last['from_version']} to {last['to_version']} (Store.open)",
            med("open_s"),
            "s",
            target=f"< {MIGRATION_TARGET_S:.0f} s",
            limit=MIGRATION_TARGET_S,
            runs=[r["open_s"] for r in found],
            note=f"medians: the backup before it {fmt(med('backup_s'), 's')}, the migration "
            f"(one transaction) and the VACUUM after it {fmt(med('migrate_s'), 's')}, the rest "
            f"(checks, settings) {fmt(med('open_s') - med('backup_s') - med('migrate_s'), 's')}; "
            f"closing {fmt(med('close_s'), 's')}. The file went from "
            f"{last['bytes_before'] / 2**20:.1f} MB to {last['bytes_after'] / 2**20:.1f} MB; "
            f"the -wal file held {last['wal_bytes_while_open'] / 2**20:.1f} MB once open; "
            f"peak RSS {med('peak_rss_kb') / 1024:.0f} MB.",
        )
    )
