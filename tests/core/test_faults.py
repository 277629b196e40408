"""Faults are messages with a way out (issue 17, finding 6): low disk, an unwritable or odd
``backups``, a read-only database file or folder, and relative paths.

The permission cases run the real CLI (and the GUI's --screenshot start) as another process;
when the suite runs as root, that process drops to ``nobody``, since root writes everywhere.
Each must end in a Japanese message and an exit status, never a traceback and never the
false 「壊れているため開けません」; reading still works where writing cannot.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cloudsuppress.cli import main as cli_main
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.store import backups as backups_module
from cloudsuppress.store.backups import list_backups
from cloudsuppress.store.db import open_database

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture
def place():
    """A folder another user can work in, with a database holding one consortium."""
    folder = Path(tempfile.mkdtemp(prefix="cs-faults-"))
    os.chmod(folder, 0o755)
    path = folder / "協議会.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会")
    database.close()
    (folder / "home").mkdir()
    if os.geteuid() == 0:
        for p in [folder, *folder.rglob("*")]:
            os.chown(p, NOBODY, NOBODY)
    yield path
    for p in [folder, *folder.rglob("*")]:
        try:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def _drop():
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def run(place: Path, *argv: str, gui: bool = False) -> subprocess.CompletedProcess:
    """The CLI (or main.py) as a real process of an ordinary user, in the database's folder."""
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT), HOME=str(place.parent / "home"), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(place.parent / "home"), XDG_CONFIG_HOME=str(place.parent / "home"))
    cmd = [sys.executable, str(ROOT / "main.py"), *argv] if gui else [sys.executable, "-m", "cloudsuppress", *argv]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=place.parent, timeout=180,
                          preexec_fn=_drop if os.geteuid() == 0 else None)


def no_traceback(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr and "壊れている" not in done.stderr, done.stderr


def test_less_free_disk_than_the_database_still_opens_and_says_why_no_backup(place, monkeypatch, capsys):
    monkeypatch.setattr(backups_module, "_free_space", lambda _folder: 4 * 2**20)  # 4 MB: less than a copy needs
    database = open_database(place)  # the GUI's open
    try:
        assert [w.kind for w in database.warnings] == ["backup"]
        assert "空き容量が足りない" in database.warnings[0].message
    finally:
        database.close()
    assert cli_main(["--db", str(place), "structure", "add-subcommittee", "新しい部会"]) == 0
    err = capsys.readouterr().err
    assert "注意: ディスクの空き容量が足りないため、バックアップを作成しませんでした" in err
    assert list_backups(place) == [] and not list((place.parent / "backups").glob("*.part"))


def test_a_file_named_backups_is_a_warning_not_a_failure(place):
    (place.parent / "backups").write_text("not a folder", encoding="utf-8")
    done = run(place, "--db", place.name, "structure", "add-subcommittee", "新しい部会")
    assert done.returncode == 0, done.stderr
    assert "フォルダーではなくファイル" in done.stderr
    no_traceback(done)


@pytest.mark.skipif(os.geteuid() != 0 and os.access("/", os.W_OK), reason="permissions are not enforced here")
def test_an_unwritable_backups_folder_is_a_warning_not_a_failure(place):
    folder = place.parent / "backups"
    folder.mkdir()
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    os.chmod(folder, 0o555)
    done = run(place, "--db", place.name, "structure", "add-subcommittee", "新しい部会")
    assert done.returncode == 0, done.stderr
    assert "バックアップ用のフォルダーに書き込めません" in done.stderr
    no_traceback(done)


def _subcommittees(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM subcommittee ORDER BY id")]
    finally:
        con.close()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_reads_refuses_writes_with_a_reason_and_the_gui_opens(place, what):
    before = _subcommittees(place)
    os.chmod(place if what == "file" else place.parent, 0o444 if what == "file" else 0o555)
    reading = run(place, "--db", place.name, "summary")
    assert reading.returncode == 0 and "テスト協議会" in reading.stdout, reading.stderr
    no_traceback(reading)
    writing = run(place, "--db", place.name, "structure", "add-subcommittee", "新しい部会")
    assert writing.returncode == 1
    expected = "データベースファイルが読み取り専用です" if what == "file" else "フォルダーに書き込めません"
    assert expected in writing.stderr and "コピーしてから開いてください" in writing.stderr, writing.stderr
    no_traceback(writing)
    assert _subcommittees(place) == before
    shot = place.parent / "home" / "shot.png"
    gui = run(place, "--db", str(place), "--screenshot", str(shot), gui=True)
    assert gui.returncode == 0 and shot.exists(), gui.stderr
    no_traceback(gui)


def test_the_readmes_restore_example_with_relative_paths_works(place):
    database = open_database(place)  # a session: its copy at open
    database.close()
    made = list_backups(place)[0].path
    if os.geteuid() == 0:
        for p in [place.parent, *place.parent.rglob("*")]:
            os.chown(p, NOBODY, NOBODY)
    done = run(place, "--db", place.name, "backup", "restore", f"backups/{made.name}")
    assert done.returncode == 0, done.stderr
    assert "バックアップから復元しました" in done.stdout
    no_traceback(done)


def test_a_read_only_folder_with_the_log_of_a_killed_writer_still_shows_its_last_save(place):
    """The writer was killed (its -wal and -shm stay), then the folder became read-only: reading sees every commit."""
    killed = subprocess.run(
        [sys.executable, "-c", "import os, signal, sys\nfrom cloudsuppress.store.db import open_database\n"
         "from cloudsuppress.ops import members as m\ndb = open_database(sys.argv[1])\n"
         "with db.session() as s, s.begin():\n    m.add_member(s, name='最後に保存した町', population=5)\n"
         "os.kill(os.getpid(), signal.SIGKILL)", str(place)],
        env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9
    assert Path(f"{place}-wal").stat().st_size > 0 and Path(f"{place}-shm").exists()
    if os.geteuid() == 0:
        for p in [place.parent, *place.parent.rglob("*")]:
            os.chown(p, NOBODY, NOBODY)
    os.chmod(place.parent, 0o555)
    done = run(place, "--db", place.name, "members", "list")
    assert done.returncode == 0 and "最後に保存した町" in done.stdout, done.stderr
    no_traceback(done)
