"""`cloudsuppress summary`, `members list` and `structure list` on a SQLite file read with plain sqlite3
(no SQLAlchemy, no models: most of a call's start); their output is the ORM path's, line for line, and
a file the plain reader cannot vouch for (older schema, not ours, missing) goes through the ordinary
door as before."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from cloudsuppress.cli import main
from cloudsuppress.store import plain_reader
from cloudsuppress.store.revisions import known_revisions


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("plain") / "demo.sqlite"
    assert main(["--db", str(path), "init", "--name", "デモ協議会", "--demo"]) == 0
    return path


def _summary(capsys, path, *, plain: bool, monkeypatch, command=("summary",)) -> str:
    capsys.readouterr()
    with monkeypatch.context() as m:
        if not plain:  # the ordinary door: as if the plain reader had declined the file
            m.setattr(plain_reader, "open_plain_reader", lambda target: None)
        else:  # and the plain reader is the one that answers
            m.setattr("cloudsuppress.store.db.open_database", None)
        assert main(["--db", str(path), *command]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _both(capsys, monkeypatch, path, command=("summary",)) -> tuple[str, str]:
    return (_summary(capsys, path, plain=True, monkeypatch=monkeypatch, command=command),
            _summary(capsys, path, plain=False, monkeypatch=monkeypatch, command=command))


LISTS = [("members", "list"), ("members", "list", "--json"), ("structure", "list"), ("structure", "list", "--json"),
         ("requests", "list"), ("requests", "list", "--json"), ("requests", "list", "--status", "customized"),
         ("requests", "list", "--status", "要望", "--json")]


def test_the_demo_summary_is_the_same_both_ways(demo_file, capsys, monkeypatch):
    plain, orm = _both(capsys, monkeypatch, demo_file)
    assert plain == orm
    assert "カスタマイズ要望項目: 35（カスタマイズ 17 / 標準化 3 / 取下げ 11 / 検討中 2 / 要望（未検討） 2）" in plain
    assert "  福祉業務: 1,022 機能、ギャップ率 0.29%" in plain


def test_an_empty_consortium_reads_the_same_both_ways(tmp_path, capsys, monkeypatch):
    path = tmp_path / "empty.sqlite"
    assert main(["--db", str(path), "init", "--name", "空の協議会"]) == 0
    plain, orm = _both(capsys, monkeypatch, path)
    assert plain == orm
    assert plain.splitlines()[:4] == ["協議会: 空の協議会", "構成団体: 0 団体（人口 0 人）",
                                      "機能数: 0（○ 0 / △ 0 / × 0 / 未評価 0）", "ギャップ率（△＋×／評価済み）: —"]


def test_forms_retired_unassessed_and_odd_orders_read_the_same_both_ways(demo_file, tmp_path, capsys, monkeypatch):
    path = tmp_path / "odd.sqlite"
    shutil.copy(demo_file, path)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE function SET kind = 'form' WHERE id % 40 = 0")
        con.execute("UPDATE function SET retired = 1 WHERE id % 55 = 0")
        con.execute("UPDATE function SET fit = NULL WHERE id % 31 = 0")
        con.execute("UPDATE function SET convenience = 1 WHERE id % 7 = 0")
        con.execute("UPDATE subcommittee SET sort_order = 0")  # ties: the 業務 decide the order
        con.execute("UPDATE business_system SET sort_order = 10 - id")
        con.execute("UPDATE member SET sort_order = 0")
        con.execute("UPDATE request_item SET status = 'customized' WHERE id % 3 = 0")
    con.close()
    plain, orm = _both(capsys, monkeypatch, path)
    assert plain == orm
    assert "、ほかに帳票 " in plain and "、欠番 " in plain and "未評価 0）" not in plain


@pytest.mark.parametrize("command", LISTS)
def test_the_lists_are_the_same_both_ways(demo_file, tmp_path, capsys, monkeypatch, command):
    path = tmp_path / "lists.sqlite"
    shutil.copy(demo_file, path)
    plain, orm = _both(capsys, monkeypatch, path, command)
    assert plain == orm and plain.strip()
    con = sqlite3.connect(path)
    with con:  # a member without 参加日, one with; tied orders; a 業務 with retired IDs and forms
        con.execute("UPDATE member SET joined_on = NULL WHERE id = 1")
        con.execute("UPDATE member SET joined_on = '2027-04-01', sort_order = 0")
        con.execute("UPDATE subcommittee SET sort_order = 0")
        con.execute("UPDATE function SET kind = 'form' WHERE id % 40 = 0")
        con.execute("UPDATE function SET retired = 1 WHERE id % 55 = 0")
        con.execute("UPDATE business_system SET code = NULL WHERE id % 2 = 0")
        # a request on a retired function (its name marked 欠番), one on a proposed new function, a
        # withdrawn part, no annual cases
        con.execute("UPDATE function SET retired = 1 WHERE id = (SELECT function_id FROM request_item "
                    "WHERE function_id IS NOT NULL ORDER BY id LIMIT 1)")
        con.execute("UPDATE request_item SET function_id = NULL, proposed_function = '新しい機能', "
                    "business_system_id = (SELECT min(id) FROM business_system) WHERE id = 2")
        con.execute("UPDATE member_request SET withdrawn = 1 WHERE id % 4 = 0")
        con.execute("UPDATE member_request SET annual_cases = NULL WHERE id % 3 = 0")
    con.close()
    plain, orm = _both(capsys, monkeypatch, path, command)
    assert plain == orm


@pytest.mark.parametrize("command", LISTS)
def test_the_lists_of_an_empty_consortium_are_the_same_both_ways(tmp_path, capsys, monkeypatch, command):
    path = tmp_path / "empty.sqlite"
    assert main(["--db", str(path), "init", "--name", "空の協議会"]) == 0
    plain, orm = _both(capsys, monkeypatch, path, command)
    assert plain == orm


def test_an_older_schema_goes_through_the_ordinary_door(demo_file, tmp_path, capsys):
    path = tmp_path / "old.sqlite"
    shutil.copy(demo_file, path)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'not-this-head'")
    con.close()
    assert plain_reader.open_plain_reader(str(path)) is None
    assert known_revisions()[0] != "not-this-head"


def test_what_the_plain_reader_declines(tmp_path):
    foreign = tmp_path / "foreign.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    for target in (str(tmp_path / "missing.sqlite"), str(foreign), str(text), str(tmp_path),
                   "postgresql+psycopg://u@h/db", f"sqlite:///{foreign}"):
        assert plain_reader.open_plain_reader(target) is None, target


def test_a_missing_file_is_refused_as_before(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite"
    assert main(["--db", str(missing), "summary"]) == 1
    assert capsys.readouterr().err == f"エラー: データベースファイルが見つかりません: {missing}\n"
