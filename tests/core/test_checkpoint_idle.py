"""A whole file at every quiet moment (issue #14): with ``idle_delay`` set, even a one-row commit
is copied from the write-ahead log into the .sqlite file once commits stop for that long, so a
copy of the file alone (no -wal beside it) holds the change."""
from __future__ import annotations

import shutil
import sqlite3
import time

from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.store.db import open_database


def _open(path):
    """A fresh database whose schema is already in the file (the migrations' log copied back)."""
    db = open_database(path)
    with db.session() as s, s.begin():  # members belong to a consortium
        consortium_ops.create_consortium(s, name="チェックポイント試験協議会")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _add_member(db, name: str) -> None:
    with db.session() as s, s.begin():
        member_ops.add_member(s, name=name, population=1234)


def _names_in_copy(tmp_path, source) -> set[str]:
    copy = tmp_path / "usb" / "copy.sqlite"
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(source, copy)  # the .sqlite file only, as a secretary would copy it
    con = sqlite3.connect(copy)
    try:
        return {row[0] for row in con.execute("SELECT name FROM member")}
    finally:
        con.close()


def test_one_small_commit_reaches_the_file_once_idle(tmp_path):
    db = _open(tmp_path / "c.sqlite")
    try:
        db.checkpointer.wait_idle(10)
        db.checkpointer.idle_delay = 0.3
        _add_member(db, "小さな町")
        assert "小さな町" not in _names_in_copy(tmp_path, tmp_path / "c.sqlite")  # still only in the log
        assert db.checkpointer.wait_idle(10)
        assert "小さな町" in _names_in_copy(tmp_path, tmp_path / "c.sqlite")
    finally:
        db.close()


def test_a_burst_of_commits_is_copied_once_after_it(tmp_path):
    db = _open(tmp_path / "c.sqlite")
    try:
        db.checkpointer.wait_idle(10)
        db.checkpointer.idle_delay = 0.4
        before = db.checkpointer.checkpoints
        for i in range(6):  # one commit every 0.1 s: each pushes the checkpoint back
            _add_member(db, f"町{i}")
            time.sleep(0.1)
        assert db.checkpointer.checkpoints == before  # not while the work goes on
        assert db.checkpointer.wait_idle(10)
        assert db.checkpointer.checkpoints == before + 1
        assert {f"町{i}" for i in range(6)} <= _names_in_copy(tmp_path, tmp_path / "c.sqlite")
    finally:
        db.close()


def test_without_idle_delay_a_small_log_waits_for_the_threshold(tmp_path):
    """The CLI and scripts: nothing changes for them (the file is made whole at close)."""
    db = _open(tmp_path / "c.sqlite")
    try:
        assert db.checkpointer.idle_delay is None
        _add_member(db, "町")
        assert db.checkpointer.wait_idle(10)
        assert "町" not in _names_in_copy(tmp_path, tmp_path / "c.sqlite")
    finally:
        db.close()
