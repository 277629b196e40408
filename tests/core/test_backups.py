"""SQLite safety: rotating backups on open and close, the integrity check on open, restoring a
backup, and the warning for network shares and cloud-synced folders."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from cloudsuppress.errors import DatabaseCorruptError, DomainError
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.store.backups import BackupPolicy, backup_sqlite, list_backups, prune_backups, restore_backup
from cloudsuppress.store.db import open_database
from cloudsuppress.store.storage import storage_warnings


def members(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


def add(database, name: str) -> None:
    with database.session() as s, s.begin():
        member_ops.add_member(s, name=name, population=1000)


@pytest.fixture
def dbfile(tmp_path) -> Path:
    path = tmp_path / "協議会.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会")
    database.close()
    return path


def test_one_backup_per_session_at_open_and_none_at_close_by_default(dbfile):
    assert list_backups(dbfile) == []  # a new file: nothing to protect yet
    database = open_database(dbfile)
    add(database, "那珂市")
    database.close()
    assert [b.reason for b in list_backups(dbfile)] == ["open"]  # at most one per session (issue 17)
    assert members(list_backups(dbfile)[0].path) == []  # the state before the session
    open_database(dbfile).close()
    assert [b.reason for b in list_backups(dbfile)] == ["open", "open"]
    newest = list_backups(dbfile)[0]
    assert members(newest.path) == ["那珂市"]


def test_a_closing_backup_when_the_policy_asks_for_one(dbfile):
    database = open_database(dbfile, backup_policy=BackupPolicy(on_close=True))
    add(database, "那珂市")
    database.close()
    assert [b.reason for b in list_backups(dbfile)] == ["close", "open"]


def test_backups_are_made_with_the_backup_api_and_never_left_half_written(dbfile):
    copy = backup_sqlite(dbfile, reason="manual")
    assert copy.exists() and not list(copy.parent.glob("*.part"))
    (copy.parent / f"{dbfile.stem}-20260101-000000-000000-open.sqlite.part").write_bytes(b"half")
    assert all(not b.path.name.endswith(".part") for b in list_backups(dbfile))


def _fake(folder: Path, stem: str, when: dt.datetime, reason: str = "open", *, by_app: bool = True) -> Path:
    """A backup file; ``by_app``: listed as one the app made for rotation (else placed by hand)."""
    p = folder / f"{stem}-{when:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    p.write_bytes(b"x")
    if by_app and reason in ("open", "close"):
        with open(folder / ".cloudsuppress-rotation", "a", encoding="utf-8") as fh:
            fh.write(p.name + "\n")
    return p


def test_rotation_keeps_the_last_n_and_the_newest_of_each_recent_day(tmp_path):
    db = tmp_path / "a.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    today = dt.date(2026, 11, 22)
    made = {}
    for days_ago in range(20):
        for hour in (9, 17):
            when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour))
            made[(days_ago, hour)] = _fake(folder, "a", when)
    migration = _fake(folder, "a", dt.datetime(2025, 1, 1), "before-migration-0003")
    other_db = _fake(folder, "b", dt.datetime(2025, 1, 1))
    manual = _fake(folder, "a", dt.datetime(2025, 1, 1), "manual")
    by_hand = _fake(folder, "a", dt.datetime(2025, 2, 1), "open", by_app=False)  # a copy the user put there
    prune_backups(db, BackupPolicy(keep_last=3, keep_days=5), today=today)
    kept = {p for p in folder.iterdir() if p.suffix == ".sqlite"}
    expected = {made[(0, 17)], made[(0, 9)], made[(1, 17)]}  # the last 3
    expected |= {made[(d, 17)] for d in range(5)}  # the newest of each of the last 5 days
    # migration copies, manual copies, files placed by hand and other files are never pruned (issue 17)
    assert kept == expected | {migration, other_db, manual, by_hand}
    ledger = (folder / ".cloudsuppress-rotation").read_text(encoding="utf-8").split()
    assert sorted(ledger) == sorted([p.name for p in expected] + [other_db.name])  # b's list is b's


def _corrupt(path: Path) -> None:
    """Overwrite a page in the middle of the file (a table page, not the header)."""
    size = path.stat().st_size
    page = 4096
    with open(path, "r+b") as fh:
        fh.seek((size // page // 2) * page)
        fh.write(os.urandom(page))


@pytest.fixture
def big(tmp_path) -> Path:
    path = tmp_path / "big.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会")
        for i in range(600):
            member_ops.add_member(s, name=f"第{i}町" + "あ" * 80, population=1000 + i)
    database.close()
    return path


def test_a_damaged_file_is_refused_with_the_path_to_the_backups(big):
    open_database(big).close()  # the next session's copy at open
    good = list_backups(big)[0]
    _corrupt(big)
    with pytest.raises(DatabaseCorruptError) as err:
        open_database(big)
    message = str(err.value)
    assert "壊れている" in message and "バックアップから復元" in message and str(good.path) in message
    assert err.value.backups[0].path == good.path
    # restore the newest sound backup: the file opens again with every member
    saved = restore_backup(big, err.value.backups[0].path)
    assert saved is not None and saved.exists() and saved.name.endswith("before-restore.damaged")
    database = open_database(big)
    try:
        with database.session() as s:
            assert len(member_ops.list_members(s)) == 600
    finally:
        database.close()


def test_restore_replaces_the_file_and_keeps_the_current_one_aside(dbfile):
    database = open_database(dbfile)
    add(database, "那珂市")
    database.close()
    before_naka = list_backups(dbfile)[0]  # the copy at open, without 那珂市
    saved = restore_backup(dbfile, before_naka.path)
    assert members(dbfile) == [] and members(saved) == ["那珂市"]
    assert not dbfile.with_name(dbfile.name + "-wal").exists()
    assert not list(dbfile.parent.glob("*.restoring"))
    open_database(dbfile).close()


@pytest.mark.parametrize("content", [b"not a database" * 50, None], ids=["garbage", "newer-version"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(dbfile, tmp_path, content):
    bad = tmp_path / "bad.sqlite"
    if content is None:
        bad.write_bytes(dbfile.read_bytes())
        con = sqlite3.connect(bad)
        with con:
            con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.close()
    else:
        bad.write_bytes(content)
    before = dbfile.read_bytes()
    with pytest.raises(DomainError) as err:
        restore_backup(dbfile, bad)
    assert "復元できません" in str(err.value)
    assert dbfile.read_bytes() == before


@pytest.mark.parametrize(
    ("path", "platform", "mounts", "kind"),
    [
        ("/home/u/協議会.sqlite", "linux", "/dev/sda1 / ext4 rw 0 0\n", None),
        ("/mnt/share/協議会.sqlite", "linux", "/dev/sda1 / ext4 rw 0 0\n//srv/share /mnt/share cifs rw 0 0\n", "network"),
        ("/net/nfs/a/x.sqlite", "linux", "/dev/sda1 / ext4 rw 0 0\nsrv:/a /net/nfs/a nfs4 rw 0 0\n", "network"),
        ("/home/u/remote/x.sqlite", "linux", "/dev/sda1 / ext4 rw 0 0\nu@h:/ /home/u/remote fuse.sshfs rw 0 0\n", "network"),
        ("/media/usb/x.sqlite", "linux", "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/usb fuseblk rw 0 0\n", None),
        ("/home/u/Dropbox/協議会.sqlite", "linux", "/dev/sda1 / ext4 rw 0 0\n", "cloud"),
        (r"\\fileserver\事務局\協議会.sqlite", "win32", None, "network"),
        (r"C:\Users\sato\OneDrive - 茨城県\協議会.sqlite", "win32", None, "cloud"),
        (r"C:\Users\sato\iCloudDrive\協議会.sqlite", "win32", None, "cloud"),
        (r"G:\マイドライブ\協議会.sqlite", "win32", None, "cloud"),
        (r"C:\Users\sato\Documents\協議会.sqlite", "win32", None, None),
    ],
)
def test_network_shares_and_synced_folders_are_flagged(path, platform, mounts, kind):
    found = storage_warnings(path, platform=platform, mounts_text=mounts)
    assert [w.kind for w in found] == ([kind] if kind else [])
    for w in found:
        assert ("ネットワーク" in w.message) if kind == "network" else ("同期フォルダ" in w.message)


def test_an_open_database_carries_its_warnings(tmp_path):
    folder = tmp_path / "Dropbox"
    database = open_database(folder / "x.sqlite")
    try:
        assert [w.kind for w in database.warnings] == ["cloud"]
    finally:
        database.close()


def test_twenty_cli_commands_make_one_backup_and_reading_commands_none(dbfile, monkeypatch, capsys):
    """Issue 17 finding 7 / issue 18 item 3: not one full copy per command."""
    from cloudsuppress.cli import main as cli_main
    from cloudsuppress.store import db as db_module

    checks = []
    real_check = db_module.check_sqlite_file
    monkeypatch.setattr(db_module, "check_sqlite_file", lambda p, **k: checks.append(p) or real_check(p, **k))
    reading = [["summary"], ["members", "list"], ["requests", "list"], ["structure", "list"], ["meetings", "list"]]
    for i in range(10):
        assert cli_main(["--db", str(dbfile), *reading[i % len(reading)]]) == 0
    assert list_backups(dbfile) == [] and checks == []  # no copy, no integrity check for a command that reads
    for i in range(10):
        assert cli_main(["--db", str(dbfile), "structure", "add-subcommittee", f"部会{i}"]) == 0
    capsys.readouterr()
    assert [b.reason for b in list_backups(dbfile)] == ["open"]  # one per hour, not one per command
    assert len(checks) == 10  # a command that writes still checks the file first


def test_the_cli_backs_up_again_once_the_interval_has_passed(dbfile):
    from cloudsuppress.store.backups import CLI_POLICY

    open_database(dbfile, backup_policy=CLI_POLICY).close()
    first = list_backups(dbfile)[0]
    open_database(dbfile, backup_policy=CLI_POLICY).close()
    assert len(list_backups(dbfile)) == 1
    older = first.path.with_name(first.path.name.replace(f"{first.created_at:%Y%m%d}", "20200101"))
    first.path.rename(older)  # the newest copy is now years old
    open_database(dbfile, backup_policy=CLI_POLICY).close()
    assert len(list_backups(dbfile)) == 2


def test_part_files_of_killed_backups_are_removed_by_the_next_backup(dbfile):
    folder = dbfile.parent / "backups"
    folder.mkdir()
    stale = folder / f"{dbfile.stem}-20260101-000000-000000-open.sqlite.part"
    stale.write_bytes(b"half" * 1000)
    fresh = folder / f"{dbfile.stem}-20260101-000001-000000-open.sqlite.part"  # a copy running right now
    fresh.write_bytes(b"half")
    os.utime(stale, (1_600_000_000, 1_600_000_000))
    backup_sqlite(dbfile, reason="manual")
    assert not stale.exists() and fresh.exists()


def test_a_backup_folder_that_cannot_be_made_is_said_in_japanese(tmp_path, monkeypatch):
    """The refusal ended in the OS's English (「（Permission denied）」, exc.strerror; walk, 2026-12-07)."""
    import errno

    db = tmp_path / "協議会.sqlite"
    sqlite3.connect(db).close()

    def refuse(self, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(DomainError) as refused:
        backup_sqlite(db, reason="test")
    assert "（書き込みが許可されていません。" in str(refused.value) and "Permission denied" not in str(refused.value)


def _age(hours: float):
    return lambda *_a, **_k: dt.timedelta(hours=hours)


def test_twenty_cli_commands_that_change_nothing_make_no_backup_even_hours_apart(dbfile, monkeypatch, capsys):
    """Issue 17 "Backups that protect": a copy only when the database changed since the last automatic one."""
    from cloudsuppress.cli import main as cli_main
    from cloudsuppress.store import backups as backups_module

    assert cli_main(["--db", str(dbfile), "structure", "add-subcommittee", "部会A"]) == 0
    assert [b.reason for b in list_backups(dbfile)] == ["open"]
    assert cli_main(["--db", str(dbfile), "consortium", "show"]) == 0  # the change since: one copy
    assert len(list_backups(dbfile)) == 1  # within the hour
    monkeypatch.setattr(backups_module, "newest_backup_age", _age(2))  # every command two hours after the last copy
    assert cli_main(["--db", str(dbfile), "consortium", "show"]) == 0
    assert len(list_backups(dbfile)) == 2  # the change of 部会A is now in a copy
    unchanged = [["consortium", "show"], ["structure", "add-subcommittee", "部会A"]]  # opened for writing
    for i in range(20):  # the second is refused: 部会A is there already
        assert cli_main(["--db", str(dbfile), *unchanged[i % len(unchanged)]]) == i % 2
    capsys.readouterr()
    assert len(list_backups(dbfile)) == 2  # nothing changed: no copy
    assert cli_main(["--db", str(dbfile), "structure", "add-subcommittee", "部会B"]) == 0
    assert len(list_backups(dbfile)) == 2  # the copy is taken at open, before the change
    assert cli_main(["--db", str(dbfile), "consortium", "show"]) == 0
    assert len(list_backups(dbfile)) == 3  # a change since the last copy: one copy
    newest = list_backups(dbfile)[0].path
    con = sqlite3.connect(newest)
    try:
        assert {r[0] for r in con.execute("SELECT name FROM subcommittee")} >= {"部会A", "部会B"}
    finally:
        con.close()


def test_an_undo_counts_as_a_change(dbfile, monkeypatch, capsys):
    from cloudsuppress.cli import main as cli_main
    from cloudsuppress.store import backups as backups_module

    assert cli_main(["--db", str(dbfile), "structure", "add-subcommittee", "部会A"]) == 0
    monkeypatch.setattr(backups_module, "newest_backup_age", _age(2))
    assert cli_main(["--db", str(dbfile), "undo"]) == 0  # backs up 部会A at open
    assert cli_main(["--db", str(dbfile), "consortium", "show"]) == 0  # the undo since: another copy
    capsys.readouterr()
    assert len(list_backups(dbfile)) == 3


def test_the_gui_skips_the_copy_at_open_when_nothing_changed_since_the_last(dbfile):
    open_database(dbfile).close()
    open_database(dbfile).close()
    assert len(list_backups(dbfile)) == 1
    database = open_database(dbfile)  # unchanged: no copy
    add(database, "那珂市")
    database.close()
    assert len(list_backups(dbfile)) == 1
    open_database(dbfile).close()
    assert len(list_backups(dbfile)) == 2  # the change made it take one again


def test_a_backup_deleted_by_hand_is_taken_again(dbfile):
    open_database(dbfile).close()
    list_backups(dbfile)[0].path.unlink()
    open_database(dbfile).close()
    assert len(list_backups(dbfile)) == 1


def test_a_large_database_is_copied_by_the_cli_once_a_day(dbfile, monkeypatch, capsys):
    from cloudsuppress.store import backups as backups_module
    from cloudsuppress.store.backups import CLI_POLICY

    assert CLI_POLICY.interval_minutes(99 * 2**20) == 60
    assert CLI_POLICY.interval_minutes(100 * 2**20) == 24 * 60
    assert BackupPolicy().interval_minutes(10**12) == 0  # the GUI: once per session whatever the size
    sizes = []
    real = BackupPolicy.interval_minutes
    monkeypatch.setattr(backups_module.BackupPolicy, "interval_minutes",
                        lambda self, size: sizes.append(size) or real(self, 150 * 2**20))  # as if 150 MB
    database = open_database(dbfile, backup_policy=CLI_POLICY)
    add(database, "那珂市")
    database.close()
    assert sizes and sizes[0] > 0  # the policy is asked with the file's size
    monkeypatch.setattr(backups_module, "newest_backup_age", _age(5))
    database = open_database(dbfile, backup_policy=CLI_POLICY)
    add(database, "水戸市")
    database.close()
    assert len(list_backups(dbfile)) == 1  # changed, but the copy is 5 hours old: within the day
    monkeypatch.setattr(backups_module, "newest_backup_age", _age(25))
    open_database(dbfile, backup_policy=CLI_POLICY).close()
    assert len(list_backups(dbfile)) == 2


def test_the_ledger_of_an_older_version_without_fingerprints_still_works(dbfile):
    open_database(dbfile).close()
    ledger = dbfile.parent / "backups" / ".cloudsuppress-rotation"
    ledger.write_text(ledger.read_text(encoding="utf-8").split("\t")[0] + "\n", encoding="utf-8")
    open_database(dbfile).close()  # no fingerprint recorded: take one
    assert len(list_backups(dbfile)) == 2
    open_database(dbfile).close()
    assert len(list_backups(dbfile)) == 2
    assert all("\t" in line for line in ledger.read_text(encoding="utf-8").splitlines()[1:])


def test_a_pruned_backup_takes_the_wal_and_shm_a_restore_check_left_beside_it(tmp_path):
    """Checking a backup before a restore opens it read-only, which leaves an empty -wal and a -shm
    beside it; pruning removed only the .sqlite, so they piled up in backups/ (#17 closing review).
    A kept backup keeps its companions."""
    db = tmp_path / "a.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    today = dt.date(2026, 11, 22)
    old = _fake(folder, "a", dt.datetime(2026, 1, 1, 9))
    new = _fake(folder, "a", dt.datetime(2026, 11, 22, 9))
    for p in (old, new):
        for suffix in ("-wal", "-shm"):
            p.with_name(p.name + suffix).write_bytes(b"")
    prune_backups(db, BackupPolicy(keep_last=1, keep_days=1), today=today)
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        [new.name, new.name + "-wal", new.name + "-shm"])
