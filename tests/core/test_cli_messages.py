"""The CLI's messages (issue 17, finding 11): a closed pipe ends quietly, a failed migration
says that the migration failed (not 「接続できません」), a ``?password=`` never reaches the
terminal, and a damaged file points to ``backup restore`` rather than to a GUI menu."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cloudsuppress.cli import main as cli_main
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.store.backups import list_backups
from cloudsuppress.store.db import mask_url, open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dbfile(tmp_path) -> Path:
    path = tmp_path / "協議会.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会")
    database.close()
    return path


@pytest.mark.skipif(os.name == "nt", reason="a POSIX pipe")
def test_a_list_piped_into_head_ends_quietly(dbfile, tmp_path):
    con = sqlite3.connect(dbfile)
    with con:
        con.executemany("INSERT INTO member (name, population, sort_order, version) VALUES (?, ?, ?, 1)",
                        [(f"第{i}町" + "あ" * 20, 1000 + i, i) for i in range(6000)])  # far more than a pipe holds
    con.close()
    err = tmp_path / "err.txt"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        f'"{sys.executable}" -m cloudsuppress --db "{dbfile}" members list 2>"{err}" | head -1; '
        'echo "status=${PIPESTATUS[0]}"', shell=True, executable="/bin/bash", capture_output=True, text=True,
        env=env, timeout=120)
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("第0町"), done.stdout
    assert err.read_text(encoding="utf-8") == ""  # not 「ファイルを読み込めません（Broken pipe）」
    assert lines[1] == "status=141"  # as a shell reports `cat big | head`: ended by the closed pipe


def test_a_failed_migration_says_the_migration_failed_and_where_the_copy_is(dbfile, capsys):
    con = sqlite3.connect(dbfile)
    with con:  # 0004 with 0005's tables already there: upgrading to 0005 fails half-way
        con.execute("UPDATE alembic_version SET version_num = '0004'")
    con.close()
    assert cli_main(["--db", str(dbfile), "structure", "add-subcommittee", "新しい部会"]) == 1
    err = capsys.readouterr().err
    assert "データベースの版を更新できませんでした" in err and "接続できません" not in err, err
    assert "更新前のままです" in err
    copy = next(b for b in list_backups(dbfile) if b.reason.startswith("before-migration"))
    assert str(copy.path) in err
    con = sqlite3.connect(dbfile)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)  # as before
    finally:
        con.close()


def test_a_password_in_the_url_query_is_masked(capsys):
    url = "postgresql+psycopg://kanri@127.0.0.1:1/kyogikai?password=hunter2&connect_timeout=2"
    assert "hunter2" not in mask_url(url) and "password=***" in mask_url(url)
    assert cli_main(["--db", url, "summary"]) == 1
    err = capsys.readouterr().err
    assert "hunter2" not in err and "接続できません" in err, err


def test_a_damaged_file_points_to_the_cli_restore_command(dbfile, capsys):
    open_database(dbfile).close()  # a session: its copy at open
    size = dbfile.stat().st_size
    with open(dbfile, "r+b") as fh:  # a table page overwritten
        fh.seek(size - 4096)
        fh.write(b"\xff" * 4096)
    assert cli_main(["--db", str(dbfile), "structure", "add-subcommittee", "新しい部会"]) == 1
    err = capsys.readouterr().err
    assert "壊れている" in err and "ファイル >" not in err, err
    assert f'backup restore "{list_backups(dbfile)[0].path}"' in err


def test_a_database_path_that_cannot_be_made_is_said_in_japanese(tmp_path, capsys):
    """A file where a folder should be ended the message in the OS's English: 「データベースファイルを
    開けません: …/メモ.txt/協議会.sqlite（File exists）」 (the wizard and `init` alike; walk, 2026-12-07)."""
    note = tmp_path / "メモ.txt"
    note.write_text("x", encoding="utf-8")
    assert cli_main(["--db", str(note / "協議会.sqlite"), "init", "--name", "テスト協議会"]) == 1
    err = capsys.readouterr().err
    assert f"（「{note}」はフォルダーではなくファイルです）" in err, err
    assert "File exists" not in err and "Not a directory" not in err
