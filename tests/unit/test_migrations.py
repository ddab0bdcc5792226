"""Schema versions: an empty file becomes the current schema, a later version is one more
step (with a backup first), a failed step changes nothing, and a newer file is refused."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from backcompanion.history import CorruptStoreError, Store, StoreError, schema
from backcompanion.session.records import SessionStarted

AT = datetime(2024, 3, 4, 8, 0, tzinfo=timezone(timedelta(hours=1)))
TABLES = {
    "sessions",
    "check_ins",
    "breathing",
    "repeats",
    "exercises",
    "efforts",
    "pain_reports",
    "gate_events",
    "red_flag_checks",
    "clearances",
    "nudge_dismissals",
    "exercise_ids",
}
LATEST = schema.latest_version()


def pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def tables(path):
    """The file's tables, SQLite's own (``sqlite_stat1``) left out."""
    conn = sqlite3.connect(path)
    try:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        return {r[0] for r in conn.execute(sql)}
    finally:
        conn.close()


def make_v1(folder):
    """A file written by the first version of the schema: one session and its opening rating."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / schema.DB_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in schema.V1:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO sessions (id, started_at, started_ts, day, gate_open, cadence) "
            "VALUES ('s1', ?, ?, ?, 0, '4-0-6-0')",
            (AT.isoformat(), AT.timestamp(), AT.date().isoformat()),
        )
        conn.execute(
            "INSERT INTO check_ins (session_id, t, kind, rating) VALUES ('s1', 1, 'before', 4)"
        )
        conn.execute("PRAGMA journal_mode = WAL")  # as the app leaves a file
    finally:
        conn.close()
    return path


def test_an_empty_file_is_version_0_and_becomes_the_current_schema(tmp_path):
    path = tmp_path / schema.DB_NAME
    path.touch()
    Store.open(tmp_path).close()
    assert pragma(path, "user_version") == schema.latest_version() == LATEST
    assert pragma(path, "application_id") == schema.APPLICATION_ID
    assert tables(path) == TABLES
    assert not (tmp_path / "backups").exists()  # an empty file has nothing to back up


def test_a_missing_folder_and_file_are_created(tmp_path):
    with Store.open(tmp_path / "a" / "b") as store:
        store.record(SessionStarted("s1", AT, False, (), "4-0-6-0"))
    assert pragma(tmp_path / "a" / "b" / schema.DB_NAME, "user_version") == LATEST


def test_a_later_version_is_one_more_step_with_a_backup_first(tmp_path, monkeypatch):
    path = make_v1(tmp_path)

    def later(conn: sqlite3.Connection) -> None:  # a step may be a function...
        conn.execute("UPDATE check_ins SET note = 'migrated'")

    sql = ("ALTER TABLE sessions ADD COLUMN place TEXT NOT NULL DEFAULT 'home'",)  # ...or SQL
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, sql, later])

    with Store.open(tmp_path) as store:
        assert [f.opening for f in store.session_facts()] == [4]
    assert pragma(path, "user_version") == LATEST + 2
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT place FROM sessions").fetchall() == [("home",)]
        assert conn.execute("SELECT note FROM check_ins").fetchall() == [("migrated",)]
    finally:
        conn.close()

    (saved,) = (tmp_path / "backups").iterdir()
    assert saved.name.endswith("-before-v2.sqlite3")
    assert pragma(saved, "user_version") == 1
    conn = sqlite3.connect(saved)
    try:
        assert conn.execute("SELECT rating FROM check_ins").fetchall() == [(4,)]
    finally:
        conn.close()

    Store.open(tmp_path).close()  # up to date: no further backup
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_a_failed_step_leaves_the_file_at_the_version_before(tmp_path, monkeypatch):
    path = make_v1(tmp_path)
    Store.open(tmp_path).close()  # now at the current version
    broken = ("CREATE TABLE half_done (x)", "ALTER TABLE no_such_table ADD COLUMN y")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(StoreError):
        Store.open(tmp_path)
    assert pragma(path, "user_version") == LATEST
    assert "half_done" not in tables(path)
    monkeypatch.undo()
    with Store.open(tmp_path) as store:  # still readable by the code that wrote it
        assert len(store.session_facts()) == 1


def test_a_file_from_a_newer_app_is_refused_with_one_line(tmp_path):
    path = make_v1(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    assert not isinstance(caught.value, CorruptStoreError)  # nothing to recover: update the app
    message = str(caught.value)
    assert "newer" in message and "7" in message and "\n" not in message
    assert pragma(path, "user_version") == 7  # untouched
    assert not (tmp_path / "backups").exists()


def test_another_programs_database_is_not_migrated(tmp_path):
    path = tmp_path / schema.DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(CorruptStoreError) as caught:
        Store.open(tmp_path)
    assert caught.value.path == path
    assert tables(path) == {"contacts"}


def test_version_2_indexes_the_exercises_by_id_and_keeps_the_history(tmp_path):
    path = make_v1(tmp_path)
    with Store.open(tmp_path) as store:
        assert [f.opening for f in store.session_facts()] == [4]
    assert pragma(path, "user_version") == LATEST
    conn = sqlite3.connect(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    assert "exercises_by_exercise" in names
    (saved,) = (tmp_path / "backups").iterdir()
    assert saved.name.endswith("-before-v2.sqlite3") and pragma(saved, "user_version") == 1
