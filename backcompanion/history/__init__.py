"""The history store: SQLite schema, migrations, queries and backups. No Qt widgets."""

from backcompanion.history.backup import (
    RecoveryResult,
    backup_now,
    daily_backup_if_due,
    recover,
)
from backcompanion.history.errors import CorruptStoreError, StoreError
from backcompanion.history.paths import default_data_dir, settled_data_dir
from backcompanion.history.rows import (
    BreathingRow,
    ExerciseTotal,
    GateEventRow,
    InterruptedSession,
    SessionRow,
)
from backcompanion.history.store import Store

__all__ = [
    "BreathingRow",
    "CorruptStoreError",
    "ExerciseTotal",
    "GateEventRow",
    "InterruptedSession",
    "RecoveryResult",
    "SessionRow",
    "Store",
    "StoreError",
    "backup_now",
    "daily_backup_if_due",
    "default_data_dir",
    "recover",
    "settled_data_dir",
]
