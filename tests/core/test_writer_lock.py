"""One writer per SQLite file (issue 17, findings 1 and 8): real second processes.

A child process holds the database the way the GUI does (``open_database``, kept open); the
CLI runs as its own process beside it. Restore is refused while the child writes (finding 1:
it used to replace the file under the GUI, whose later saves went to no file), a writing
command is refused naming the holder, a reading command works, and a holder killed with
SIGKILL leaves no lock in the way.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.store.backups import backup_sqlite, list_backups
from cloudsuppress.store.db import open_database
from cloudsuppress.store.writer_lock import DatabaseLockedError, acquire, current_holder, lock_path_of

ROOT = Path(__file__).resolve().parents[2]

HOLDER = r"""
import sys
from cloudsuppress.store.db import open_database
from cloudsuppress.ops import members as member_ops
db = open_database(sys.argv[1], purpose="画面")
print("ready", flush=True)
for line in sys.stdin:
    word = line.strip()
    if word.startswith("add "):
        with db.session() as s, s.begin():
            member_ops.add_member(s, name=word[4:], population=1000)
        print("saved", flush=True)
    elif word == "quit":
        break
db.close()
print("closed", flush=True)
"""


def members(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def dbfile(tmp_path) -> Path:
    path = tmp_path / "協議会.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会")
    database.close()
    return path


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


class Holder:
    """A second process that keeps the database open for writing, as the GUI does."""

    def __init__(self, path: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
        assert self.proc.stdout.readline().strip() == "ready"

    def say(self, text: str) -> str:
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.say("quit")
            self.proc.wait(timeout=30)


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cloudsuppress", *args], capture_output=True, text=True,
                          env=_env(), cwd=cwd or ROOT, timeout=120)


def test_restore_is_refused_while_another_process_writes_and_its_saves_stay_in_the_file(dbfile):
    backup = backup_sqlite(dbfile, reason="manual")
    holder = Holder(dbfile)
    try:
        assert holder.say("add 那珂市") == "saved"
        done = cli("--db", str(dbfile), "backup", "restore", str(backup))
        assert done.returncode == 1, done.stdout + done.stderr
        assert "編集中のため復元できません" in done.stderr and "画面" in done.stderr
        assert "Traceback" not in done.stderr
        assert holder.say("add 常陸大宮市") == "saved"  # the GUI's later save goes to the file, not to nowhere
    finally:
        holder.stop()
    assert members(dbfile) == ["那珂市", "常陸大宮市"]
    assert [b.reason for b in list_backups(dbfile)] == ["open", "manual"]  # nothing was saved aside or replaced
    done = cli("--db", str(dbfile), "backup", "restore", str(backup))  # once the GUI is closed it works
    assert done.returncode == 0, done.stderr
    assert members(dbfile) == []


def test_a_writing_command_names_the_holder_and_a_reading_command_works(dbfile):
    holder = Holder(dbfile)
    try:
        done = cli("--db", str(dbfile), "structure", "add-subcommittee", "新しい部会")
        assert done.returncode == 1
        who = current_holder(dbfile)
        assert who is not None and who.pid == holder.proc.pid and who.purpose == "画面"
        assert f"プロセス {holder.proc.pid}" in done.stderr and "編集中のため変更できません" in done.stderr
        assert "summary" in done.stderr  # what still works
        reading = cli("--db", str(dbfile), "summary")
        assert reading.returncode == 0 and "テスト協議会" in reading.stdout
        zipped = dbfile.with_name("引継ぎ.zip")
        assert cli("--db", str(dbfile), "handover", "export", "--out", str(zipped)).returncode == 0  # reading: works
        handover = cli("--db", str(dbfile), "handover", "import", str(zipped))
        assert handover.returncode == 1 and "編集中のため変更できません" in handover.stderr, handover.stderr
    finally:
        holder.stop()
    assert cli("--db", str(dbfile), "structure", "add-subcommittee", "新しい部会").returncode == 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_holder_killed_with_sigkill_leaves_no_lock_in_the_way(dbfile):
    holder = Holder(dbfile)
    os.kill(holder.proc.pid, signal.SIGKILL)
    holder.proc.wait(timeout=30)
    assert lock_path_of(dbfile).exists()  # the file stays, the OS lock went with the process
    assert current_holder(dbfile) is None
    database = open_database(dbfile)
    database.close()
    assert not lock_path_of(dbfile).exists()


def test_a_lock_without_os_locks_is_stale_when_its_process_is_gone(dbfile, monkeypatch):
    """File systems without locks (some shares): the written pid decides on this machine."""
    import socket

    import cloudsuppress.store.writer_lock as wl

    def no_locks(_fd):
        raise wl._NoLocks()

    monkeypatch.setattr(wl, "_os_lock", no_locks)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    lock_path_of(dbfile).write_text(
        f'{{"user": "yamada", "host": "{socket.gethostname()}", "pid": {dead_pid}, "since": "2026-12-01T09:00:00"}}',
        encoding="utf-8")
    lock = acquire(dbfile)  # stale: taken over
    lock.release()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path_of(dbfile).write_text(
            f'{{"user": "yamada", "host": "{socket.gethostname()}", "pid": {alive.pid}, "since": "2026-12-01T09:00:00"}}',
            encoding="utf-8")
        with pytest.raises(DatabaseLockedError) as refused:
            acquire(dbfile)
        assert "yamada" in str(refused.value) and "2026-12-01 09:00" in str(refused.value)
        lock_path_of(dbfile).write_text(
            '{"user": "sato", "host": "another-pc", "pid": 4242, "since": "2026-12-01T09:00:00"}', encoding="utf-8")
        with pytest.raises(DatabaseLockedError) as remote:
            acquire(dbfile)
        assert "another-pc" in str(remote.value) and str(lock_path_of(dbfile)) in str(remote.value)
    finally:
        alive.kill()
        alive.wait()


def test_a_read_only_open_refuses_every_write_with_a_message(dbfile):
    from cloudsuppress.errors import DomainError
    from cloudsuppress.ops import members as member_ops

    holder = Holder(dbfile)
    try:
        database = open_database(dbfile, read_only=True)
        try:
            assert database.read_only and "画面" in database.read_only_reason
            with database.session() as s:
                assert member_ops.list_members(s) == []
            with pytest.raises(DomainError, match="読み取り専用"):
                with database.session() as s, s.begin():
                    member_ops.add_member(s, name="那珂市", population=1000)
            with pytest.raises(DomainError, match="読み取り専用"):  # a write below the ORM is refused too
                with database.session() as s, s.begin():
                    s.connection().exec_driver_sql("INSERT INTO member (name, population) VALUES ('x', 1)")
        finally:
            database.close()
        with pytest.raises(DatabaseLockedError):
            open_database(dbfile)
    finally:
        holder.stop()


def test_a_migration_waits_for_the_writer_that_holds_the_file(dbfile):
    """An older app keeps the file open: a newer command must not migrate it underneath."""
    con = sqlite3.connect(dbfile)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0004'")
    con.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom cloudsuppress.store.writer_lock import acquire\n"
         "lock = acquire(sys.argv[1], purpose='画面')\nprint('ready', flush=True)\nsys.stdin.readline()", str(dbfile)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for argv in (["summary"], ["structure", "add-subcommittee", "新しい部会"]):
            done = cli("--db", str(dbfile), *argv)
            assert done.returncode == 1 and "編集中のため変更できません" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
    finally:
        holder.stdin.write("quit\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    con = sqlite3.connect(dbfile)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    finally:
        con.close()
    assert not any(b.reason.startswith("before-migration") for b in list_backups(dbfile))


def _other(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="他の協議会")
    database.close()
    return path


def test_save_a_copy_never_replaces_a_database_another_process_has_open(dbfile, tmp_path):
    """ファイル > 名前を付けてコピーを保存… onto another consortium's file that a second app has open
    was replaced under it after Qt's overwrite question (#17 closing review); now refused naming
    the file, and its saves stay in it."""
    from cloudsuppress.errors import DomainError
    from cloudsuppress.store.files import save_database_copy

    other = _other(tmp_path, "他の協議会.sqlite")
    holder = Holder(other)
    try:
        assert holder.say("add 那珂市") == "saved"
        with pytest.raises(DatabaseLockedError, match="「他の協議会.sqlite」は.*編集中のため上書きできません"):
            save_database_copy(dbfile, other, overwrite=True)
        assert holder.say("add 五霞町") == "saved"
    finally:
        holder.stop()
    assert members(other) == ["那珂市", "五霞町"]
    with pytest.raises(DomainError, match="「他の協議会.sqlite」はすでにあります"):
        save_database_copy(dbfile, other)  # not asked: never replaced
    assert members(other) == ["那珂市", "五霞町"]


def test_save_a_copy_over_a_closed_database_drops_its_old_log(dbfile, tmp_path):
    """Asked and free, the file is replaced, and the -wal / -shm of the file it replaces go with it:
    left beside the copy they would be replayed onto it at its next open."""
    from cloudsuppress.store.files import save_database_copy

    other = _other(tmp_path, "古い.sqlite")
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE consortium SET name = '残骸'")
    con.commit()
    wal = other.with_name(other.name + "-wal")
    stale = wal.read_bytes()
    con.close()  # closing checkpoints and removes the log: put it back as a crash would leave it
    wal.write_bytes(stale)
    assert wal.exists()
    save_database_copy(dbfile, other, overwrite=True)
    assert not wal.exists() and not other.with_name(other.name + "-shm").exists()
    con = sqlite3.connect(other)
    try:
        assert con.execute("SELECT name FROM consortium").fetchone()[0] == "テスト協議会"
    finally:
        con.close()
