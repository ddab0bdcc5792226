"""The full-file check on open runs only when the last close was not clean."""

from __future__ import annotations

import os

import pytest

from backcompanion.history import CorruptStoreError, Store
from backcompanion.history import opening as store_module


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = store_module._prepare

    def spy(conn, path, data_dir, check=True):
        calls.append(check)
        return real(conn, path, data_dir, check=check)

    monkeypatch.setattr(store_module, "_prepare", spy)
    return calls


def test_a_clean_close_skips_the_check_once(tmp_path, counted):
    Store.open(tmp_path).close()
    Store.open(tmp_path).close()
    assert counted == [True, False]
    assert oct((tmp_path / store_module.CLEAN_MARK).stat().st_mode & 0o777) == "0o600"


def test_a_crash_leaves_no_mark_so_the_next_open_checks(tmp_path, counted):
    Store.open(tmp_path).close()
    crashed = Store.open(tmp_path)  # never closed: the mark was used up at open
    assert not (tmp_path / store_module.CLEAN_MARK).exists()
    crashed._conn.close()
    Store.open(tmp_path).close()
    assert counted == [True, False, True]


def test_a_file_changed_after_a_clean_close_is_checked_and_refused(tmp_path, counted):
    Store.open(tmp_path).close()
    db = tmp_path / "backcompanion.sqlite3"
    data = bytearray(db.read_bytes())
    data[200:4096] = os.urandom(4096 - 200)  # damage inside the first page
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError):
        Store.open(tmp_path)
    assert counted[-1] is True


def test_close_succeeds_when_optimize_meets_a_lock(tmp_path):
    """PRAGMA optimize at close can meet "database is locked" (exports running beside the
    app, seen in the CLI tests): it is only statistics, the close must still succeed."""
    import sqlite3

    from backcompanion.history import Store, queries

    store = Store.open(tmp_path)
    real = store._conn

    class LockedAtOptimize:
        def execute(self, sql, *args):
            if sql == queries.OPTIMIZE:
                raise sqlite3.OperationalError("database is locked")
            return real.execute(sql, *args)

        def close(self):
            real.close()

    store._conn = LockedAtOptimize()
    store.close()
    store.close()  # twice is fine
    with Store.open(tmp_path) as again:
        assert again.path == store.path
