"""The command line, run in-process (and once as the installed console script): every command
in one transaction, errors on stderr in Japanese with a non-zero exit, the DB as before."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cloudsuppress.cli import EXIT_CONFIRM, main
from cloudsuppress.store.db import open_database

from .conftest import HEADER, dump, write_csv, write_xlsx

ROWS = [
    ["0010001", "住民票の写しの交付", "住民票の写しを交付できること。", "実装必須機能", "○"],
    ["0010002", "転入届の受付", "転入届を受け付けること。", "実装必須機能", "△"],
    ["0010003", "外字の印字", "外字を印字できること。", "標準オプション機能", "×"],
    ["0010004", "除票の照会", "除票を照会できること。", "実装必須機能", "○"],
]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(path: Path) -> dict:
    database = open_database(path, create=False)
    try:
        return dump(database)
    finally:
        database.close()


@pytest.fixture
def dbfile(tmp_path, capsys) -> Path:
    path = tmp_path / "cli.sqlite"
    code, out, err = run(capsys, "--db", path, "init", "--name", "テスト協議会")
    assert (code, err) == (0, "")
    assert "協議会「テスト協議会」を作成しました" in out
    return path


@pytest.fixture
def listfile(tmp_path) -> Path:
    return write_csv(tmp_path / "住基.csv", [HEADER, *ROWS], "cp932")


def summary_json(capsys, path: Path) -> dict:
    code, out, err = run(capsys, "--db", path, "summary", "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_init_twice_is_refused(dbfile, capsys):
    before = snapshot(dbfile)
    code, out, err = run(capsys, "--db", dbfile, "init", "--name", "別の協議会")
    assert code == 1 and out == ""
    assert err.startswith("エラー: ") and "すでに協議会「" in err and "上書きできません" in err
    # the command line's way out, not the GUI's menu item (it said 「開く…」で開いてください)
    assert "「開く…」" not in err and "--db に指定" in err
    assert snapshot(dbfile) == before


def test_a_refused_init_leaves_no_file_behind(tmp_path, capsys):
    target = tmp_path / "new.sqlite"
    code, out, err = run(capsys, "--db", target, "init", "--name", "　")
    assert code == 1 and "協議会の名称を入力してください" in err
    assert not target.exists() and not list(tmp_path.glob("new.sqlite*"))


def test_init_refuses_to_overwrite_another_programs_file(tmp_path, capsys):
    other = tmp_path / "notes.sqlite"
    other.write_bytes(b"not a database at all")
    code, _, err = run(capsys, "--db", other, "init", "--name", "協議会")
    assert code == 1 and "上書きはしません" in err
    assert other.read_bytes() == b"not a database at all"


def test_commands_other_than_init_do_not_create_a_database(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "none.sqlite", "summary")
    assert code == 1 and "見つかりません" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_usage_error_exits_2_in_japanese(capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(tmp_path / "x.sqlite"), "functions", "import"])
    assert exc.value.code == 2
    assert "引数の誤り" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_members_import(dbfile, tmp_path, capsys, kind):
    rows = [["団体名", "人口", "参加日"], ["常陸大宮市", "42,963", "平成25年10月1日"], ["那珂市", "55827", "2013/10/01"],
            ["五霞町", "9178人", ""]]
    path = write_csv(tmp_path / "m.csv", rows, "cp932") if kind == "csv" else write_xlsx(tmp_path / "m.xlsx", rows, sheet="団体")
    code, out, err = run(capsys, "--db", dbfile, "members", "import", path)
    assert (code, err) == (0, "")
    assert "3 件追加、0 件更新" in out
    code, out, _ = run(capsys, "--db", dbfile, "members", "list", "--json")
    assert json.loads(out) == [
        {"name": "常陸大宮市", "population": 42963, "joined_on": "2013-10-01"},
        {"name": "那珂市", "population": 55827, "joined_on": "2013-10-01"},
        {"name": "五霞町", "population": 9178, "joined_on": None},
    ]
    # A second import updates instead of duplicating.
    rows[3][1] = "9000"
    path = write_csv(tmp_path / "m2.csv", rows)
    code, out, _ = run(capsys, "--db", dbfile, "members", "import", path)
    assert "0 件追加、1 件更新" in out
    assert summary_json(capsys, dbfile)["population_total"] == 42963 + 55827 + 9000


def test_members_import_with_a_bad_population_imports_nothing(dbfile, tmp_path, capsys):
    before = snapshot(dbfile)
    rows = [["団体名", "人口"], ["常陸大宮市", "42963"], ["那珂市", "不明"]]
    code, out, err = run(capsys, "--db", dbfile, "members", "import", write_csv(tmp_path / "m.csv", rows))
    assert code == 1 and out == ""
    assert "m.csv 3行目 B列（人口）" in err and "データベースは変更していません" in err
    assert snapshot(dbfile) == before
    assert summary_json(capsys, dbfile)["members"] == []


def test_functions_import_and_summary_json(dbfile, listfile, capsys):
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", listfile,
                         "--business-system", "住民基本台帳", "--spec-version", "第2.1版")
    assert (code, err) == (0, "")
    assert "住民基本台帳: 追加 4 件、変更 0 件、削除 0 件" in out and "機能 4 件を取り込みました" in out
    s = summary_json(capsys, dbfile)
    assert s["functions"]["total"] == 4
    assert s["functions"]["by_fit"] == {"○": 2, "△": 1, "×": 1}
    assert s["functions"]["gap_rate"] == pytest.approx(0.5)
    (system,) = [b for b in s["business_systems"] if b["name"] == "住民基本台帳"]
    assert system["spec_version"] == "第2.1版" and system["total"] == 4
    code, out, _ = run(capsys, "--db", dbfile, "summary")
    assert "機能数: 4（○ 2 / △ 1 / × 1 / 未評価 0）" in out
    assert "ギャップ率（△＋×／評価済み）: 50.00%" in out


def test_functions_import_without_business_system_is_refused(dbfile, listfile, capsys):
    before = snapshot(dbfile)
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", listfile)
    assert code == 1 and "--business-system" in err
    assert snapshot(dbfile) == before


def test_functions_import_with_map(dbfile, tmp_path, capsys):
    rows = [["一覧表"], ["項番", "名称", "内容", "評価"], ["K1", "証明書交付", "交付できること。", "○"], ["K2", "コンビニ交付", "", "×"]]
    path = write_xlsx(tmp_path / "odd.xlsx", rows)
    code, _, err = run(capsys, "--db", dbfile, "functions", "import", path, "--business-system", "印鑑登録")
    assert code == 1 and "見出し行が見つかりません" in err
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", path, "--business-system", "印鑑登録",
                         "--header-row", "2", "--map", "code=A", "--map", "name=2", "--map", "requirement=内容", "--map", "fit=D")
    assert (code, err) == (0, ""), err
    s = summary_json(capsys, dbfile)
    assert s["functions"]["by_fit"] == {"○": 1, "△": 0, "×": 1}


def test_bad_map_option_is_refused(dbfile, listfile, capsys):
    code, _, err = run(capsys, "--db", dbfile, "functions", "import", listfile, "--business-system", "住民基本台帳", "--map", "code")
    assert code == 1 and "FIELD=COLUMN" in err


def test_dry_run_changes_nothing(dbfile, listfile, capsys):
    before = snapshot(dbfile)
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", listfile, "--business-system", "住民基本台帳", "--dry-run")
    assert (code, err) == (0, "")
    assert "追加 4 件" in out and "取り込みました" not in out
    assert snapshot(dbfile) == before


def _replace(tmp_path: Path) -> Path:
    rows = [list(r) for r in ROWS[:3]]
    rows[0][4] = "△"
    return write_csv(tmp_path / "v2.csv", [HEADER, *rows])


@pytest.fixture
def loaded(dbfile, listfile, capsys) -> Path:
    code, _, _ = run(capsys, "--db", dbfile, "functions", "import", listfile, "--business-system", "住民基本台帳",
                     "--spec-version", "第1.0版")
    assert code == 0
    return dbfile


def test_replacing_without_yes_is_refused_with_exit_3(loaded, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a terminal: never asks, never reads
    before = snapshot(loaded)
    code, out, err = run(capsys, "--db", loaded, "functions", "import", _replace(tmp_path), "--business-system", "住民基本台帳",
                         "--spec-version", "第1.0版")
    assert code == EXIT_CONFIRM == 3
    assert "追加 0 件、変更 1 件、削除 1 件、変更なし 2 件" in out
    assert "適用しませんでした" in err and "--yes" in err
    assert snapshot(loaded) == before


def test_replacing_with_yes_applies(loaded, tmp_path, capsys):
    code, out, err = run(capsys, "--db", loaded, "functions", "import", _replace(tmp_path), "--business-system", "住民基本台帳",
                         "--spec-version", "第1.1版", "--yes")
    assert (code, err) == (0, "")
    assert "（仕様書の版 第1.0版 → 第1.1版）" in out
    s = summary_json(capsys, loaded)
    assert s["functions"]["total"] == 3
    assert s["functions"]["by_fit"] == {"○": 0, "△": 2, "×": 1}


def test_a_failed_functions_import_leaves_the_database_as_before(loaded, tmp_path, capsys):
    before = snapshot(loaded)
    rows = [HEADER, *ROWS]
    rows[4] = ["0010003", "重複", "", "", "？"]  # row 5 repeats row 4's ID
    code, out, err = run(capsys, "--db", loaded, "functions", "import", write_csv(tmp_path / "bad.csv", rows),
                         "--business-system", "住民基本台帳", "--yes")
    assert code == 1 and out == ""
    assert "bad.csv 5行目 A列（機能ID）: 機能ID「0010003」が重複しています（4行目と同じ）" in err
    assert "bad.csv 5行目 E列（適合度）" in err
    assert snapshot(loaded) == before


def test_errors_go_to_stderr_for_a_missing_file(loaded, tmp_path, capsys):
    code, out, err = run(capsys, "--db", loaded, "functions", "import", tmp_path / "ない.xlsx", "--business-system", "住民基本台帳")
    assert code == 1 and out == ""
    assert "ない.xlsx: ファイルが見つかりません" in err


def test_console_script_runs(tmp_path):
    script = Path(sys.executable).with_name("cloudsuppress")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    path = tmp_path / "script.sqlite"
    env = {**os.environ, "PYTHONIOENCODING": "cp932"}  # the script must still write UTF-8
    done = subprocess.run([script, "--db", path, "init", "--name", "スクリプト協議会"], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    listfile = write_csv(tmp_path / "l.csv", [HEADER, *ROWS], "cp932")
    done = subprocess.run([script, "--db", path, "functions", "import", listfile, "--business-system", "住民基本台帳"],
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    done = subprocess.run([script, "--db", path, "summary", "--json"], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["consortium"] == "スクリプト協議会"
    assert data["functions"]["total"] == 4
    done = subprocess.run([script, "--db", path, "members", "import", tmp_path / "none.csv"], capture_output=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "ファイルが見つかりません" in done.stderr.decode("utf-8")
