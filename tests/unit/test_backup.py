"""Backups (SQLite's backup API, 7 daily + 4 weekly kept) and recovery from a damaged file:
set aside, never deleted; the newest good backup restored, or a fresh start."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime, timedelta, timezone

import pytest

from backcompanion.history import (
    CorruptStoreError,
    Store,
    backup_now,
    daily_backup_if_due,
    recover,
)
from backcompanion.history.backup_files import backups_dir
from backcompanion.session.records import CheckIn, SessionStarted

CET = timezone(timedelta(hours=1))
DB = "backcompanion.sqlite3"


def add_session(store: Store, sid: str, rating: int = 4) -> None:
    store.record(SessionStarted(sid, datetime(2024, 3, 4, 8, 0, tzinfo=CET), False, (), "4-0-6-0"))
    store.record(CheckIn(sid, 1.0, "before", rating))


def session_ids(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM sessions ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_is_a_complete_self_contained_copy(tmp_path):
    with Store.open(tmp_path) as store:
        add_session(store, "s1")
        assert (tmp_path / f"{DB}-wal").exists()  # the data is still in the live -wal
        made = backup_now(store, date(2024, 3, 4))
        assert made == tmp_path / "backups" / "backcompanion-2024-03-04.sqlite3"
        assert (tmp_path / f"{DB}-wal").exists()  # the live -wal is left alone
        add_session(store, "s2")  # the store goes on working
    assert session_ids(made) == ["s1"]
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no leftovers
    conn = sqlite3.connect(made)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(made.parent).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(made).st_mode) == 0o600


def test_the_daily_backup_is_made_once_a_day(tmp_path):
    with Store.open(tmp_path) as store:
        add_session(store, "s1")
        first = daily_backup_if_due(store, date(2024, 3, 4))
        assert first is not None
        assert daily_backup_if_due(store, date(2024, 3, 4)) is None
        assert (
            daily_backup_if_due(store, date(2024, 3, 5)).name == "backcompanion-2024-03-05.sqlite3"
        )


def test_seven_daily_and_four_weekly_backups_are_kept(tmp_path):
    with Store.open(tmp_path) as store:
        add_session(store, "s1")
        backups_dir(tmp_path).mkdir()
        before = backups_dir(tmp_path) / "backcompanion-2023-12-01-101500-before-v2.sqlite3"
        store.backup_to(before)
        day = date(2024, 1, 1)  # a Monday
        while day <= date(2024, 2, 29):  # a Thursday
            daily_backup_if_due(store, day)
            day += timedelta(days=1)
    kept = sorted(p.name for p in backups_dir(tmp_path).iterdir())
    assert kept == [
        before.name,  # a backup before a migration is never pruned
        "backcompanion-2024-02-11.sqlite3",  # newest of ISO week 6
        "backcompanion-2024-02-18.sqlite3",  # newest of week 7
        # the last 7 days, which hold the newest of weeks 8 (25th) and 9 (29th)
        *(f"backcompanion-2024-02-{d}.sqlite3" for d in range(23, 30)),
    ]


def test_with_gaps_the_last_seven_backups_are_kept_whatever_their_dates(tmp_path):
    days = [
        date(2024, 1, 2),
        date(2024, 1, 20),
        date(2024, 2, 1),
        date(2024, 2, 2),
        date(2024, 2, 9),
        date(2024, 3, 1),
        date(2024, 3, 2),
        date(2024, 3, 3),
        date(2024, 3, 20),
    ]
    with Store.open(tmp_path) as store:
        for day in days:
            backup_now(store, day)
    kept = sorted(p.name for p in backups_dir(tmp_path).iterdir())
    assert kept == [f"backcompanion-{d.isoformat()}.sqlite3" for d in days[2:]]


def truncate(path):
    os.truncate(path, path.stat().st_size // 2)


def random_bytes(path):
    path.write_bytes(os.urandom(64 * 1024))


def header_only(path):
    os.truncate(path, 100)


def folder_in_its_place(path):
    path.unlink()
    path.mkdir()
    (path / "something").write_text("not a database")


@pytest.mark.parametrize("damage", [truncate, random_bytes, header_only, folder_in_its_place])
def test_a_damaged_file_is_set_aside_and_the_newest_backup_restored(tmp_path, damage):
    with Store.open(tmp_path) as store:
        with store.batch():
            for n in range(200):  # enough pages that half the file loses some
                add_session(store, f"s{n:03}")
        backup_now(store, date(2024, 3, 3))
        add_session(store, "after-backup")
    live = tmp_path / DB
    damage(live)

    with pytest.raises(CorruptStoreError) as caught:
        Store.open(tmp_path)
    assert caught.value.path == live

    result = recover(tmp_path)
    assert result.restored_from == tmp_path / "backups" / "backcompanion-2024-03-03.sqlite3"
    assert result.moved_to.parent == tmp_path
    assert result.moved_to.name.startswith(f"{DB}.corrupt-")
    assert result.moved_to.exists()  # never deleted
    assert result.moved_to.name in result.message and "Sunday 3 March 2024" in result.message
    with Store.open(tmp_path) as store:
        ids = [f.session_id for f in store.session_facts()]
    assert len(ids) == 200 and "after-backup" not in ids
    assert result.restored_from.exists()  # the backup itself stays


def test_no_backup_inside_a_batch(tmp_path):
    with Store.open(tmp_path) as store, store.batch():
        add_session(store, "s1")
        with pytest.raises(RuntimeError):
            backup_now(store, date(2024, 3, 3))


def test_the_wal_and_shm_are_moved_with_the_file(tmp_path):
    with Store.open(tmp_path) as store:
        add_session(store, "s1")
        backup_now(store, date(2024, 3, 3))
    random_bytes(tmp_path / DB)
    (tmp_path / f"{DB}-wal").write_bytes(b"wal bytes")
    (tmp_path / f"{DB}-shm").write_bytes(b"shm bytes")
    result = recover(tmp_path)
    assert (tmp_path / f"{result.moved_to.name}-wal").read_bytes() == b"wal bytes"
    assert (tmp_path / f"{result.moved_to.name}-shm").read_bytes() == b"shm bytes"
    with Store.open(tmp_path) as store:
        assert [f.session_id for f in store.session_facts()] == ["s1"]


def test_without_a_usable_backup_a_fresh_history_starts(tmp_path):
    with Store.open(tmp_path) as store:
        add_session(store, "s1")
        made = backup_now(store, date(2024, 3, 3))
    random_bytes(made)  # the only backup is damaged too
    random_bytes(tmp_path / DB)
    result = recover(tmp_path)
    assert result.restored_from is None
    assert "new, empty history" in result.message
    assert result.moved_to.exists() and made.exists()
    with Store.open(tmp_path) as store:
        assert store.session_facts() == []


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(tmp_path):
    with Store.open(tmp_path) as store:
        add_session(store, "old")
        good = backup_now(store, date(2024, 3, 2))
        add_session(store, "new")
        bad = backup_now(store, date(2024, 3, 3))
    truncate(bad)
    random_bytes(tmp_path / DB)
    assert recover(tmp_path).restored_from == good
    with Store.open(tmp_path) as store:
        assert [f.session_id for f in store.session_facts()] == ["old"]


def test_two_recoveries_in_the_same_second_keep_both_files(tmp_path):
    random_bytes(tmp_path / DB)
    first = recover(tmp_path).moved_to
    random_bytes(tmp_path / DB)
    second = recover(tmp_path).moved_to
    assert first != second and first.exists() and second.exists()
