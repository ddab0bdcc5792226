"""Open an old history with the current app, as a user's first start after an update does.

``--data-dir D``: a folder holding a history at an older schema version; it is
migrated in place. Times the whole :meth:`Store.open` and, within it, the
backup before the migration and the migration itself (its steps and the VACUUM
after them), then the close; reports the file's size before and after and the
peak RSS.
"""

from __future__ import annotations

import resource
import sqlite3
import time
from pathlib import Path

from bench.probes.common import arg, emit


def main() -> None:
    from backcompanion.history import Store, backup_files, schema

    folder = Path(arg("--data-dir"))
    path = folder / schema.DB_NAME
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    conn.close()
    before = path.stat().st_size
    spent: dict[str, float] = {}

    def timed(name, fn):
        def run(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = time.perf_counter() - t0

        return run

    schema.migrate = timed("migrate_s", schema.migrate)
    backup_files.backup_before_migration = timed("backup_s", backup_files.backup_before_migration)
    t0 = time.perf_counter()
    store = Store.open(folder)
    t1 = time.perf_counter()
    wal = path.with_name(path.name + "-wal")
    wal_open = wal.stat().st_size if wal.exists() else 0
    store.close()
    t2 = time.perf_counter()
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    (after_version,) = conn.execute("PRAGMA user_version").fetchone()
    conn.close()
    emit(
        {
            "open_s": t1 - t0,
            "close_s": t2 - t1,
            **spent,
            "from_version": version,
            "to_version": after_version,
            "bytes_before": before,
            "bytes_after": path.stat().st_size,
            "wal_bytes_while_open": wal_open,
            "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        }
    )


if __name__ == "__main__":
    main()
