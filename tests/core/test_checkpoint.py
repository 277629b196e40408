"""The WAL is copied back into the database file by a background thread, not by commits."""
from __future__ import annotations

import shutil
import sqlite3

from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.store.db import open_database


def _add_members(db, n: int, prefix: str = "町") -> None:
    """n members (the consortium made first when there is none: members belong to one)."""
    with db.session() as s, s.begin():
        if consortium_ops.get_consortium(s) is None:
            consortium_ops.create_consortium(s, name="チェックポイント試験協議会")
        for i in range(n):
            member_ops.add_member(s, name=f"{prefix}{i:04d}", population=1000 + i)


def test_commits_leave_the_checkpoint_to_the_thread(tmp_path):
    db = open_database(tmp_path / "c.sqlite")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        db.checkpointer.threshold = 0  # every commit asks
        before = db.checkpointer.checkpoints
        _add_members(db, 50)
        assert db.checkpointer.wait_idle(10)
        assert db.checkpointer.checkpoints > before
        # Everything in the log is in the file now: a passive checkpoint finds nothing left.
        con = sqlite3.connect(tmp_path / "c.sqlite")
        busy, log, done = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        con.close()
        assert busy == 0 and log == done
    finally:
        db.close()


def test_a_small_log_is_left_alone(tmp_path):
    db = open_database(tmp_path / "c.sqlite")
    try:
        before = db.checkpointer.checkpoints
        _add_members(db, 1)
        assert db.checkpointer.wait_idle(10)
        assert db.checkpointer.checkpoints == before  # below the 4 MiB threshold
        assert db.checkpointer._thread is None  # no thread until a checkpoint is needed
    finally:
        db.close()


def test_close_stops_the_thread_and_leaves_everything_in_the_file(tmp_path):
    db = open_database(tmp_path / "c.sqlite")
    db.checkpointer.threshold = 0
    _add_members(db, 20)
    thread = db.checkpointer._thread
    assert thread is not None
    db.close()
    assert not thread.is_alive()
    wal = tmp_path / "c.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    # The file alone (no log beside it) holds every row.
    shutil.copy(tmp_path / "c.sqlite", tmp_path / "copy.sqlite")
    con = sqlite3.connect(tmp_path / "copy.sqlite")
    assert con.execute("SELECT count(*) FROM member WHERE name LIKE '町%'").fetchone()[0] == 20
    con.close()


def test_a_big_commit_is_checkpointed_without_being_asked_for_a_threshold(tmp_path):
    """With SQLite's default threshold: a 5 MB write is copied back after its commit."""
    db = open_database(tmp_path / "c.sqlite")
    try:
        _add_members(db, 1)
        with db.engine.begin() as conn:  # ~6 MB of pages through the log
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS filler (t TEXT)")
        with db.session() as s, s.begin():
            s.connection().exec_driver_sql("INSERT INTO filler VALUES (?)", [("x" * 3000,)] * 2000)
        assert db.checkpointer.wait_idle(10)
        assert db.checkpointer.checkpoints >= 1
    finally:
        db.close()
