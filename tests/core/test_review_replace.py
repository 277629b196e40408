"""Review R1 (helper r): replacing a registered list by one whose IDs (almost) never match — a
vendor's 回答書 numbered 1, 2, 3 … read with No. as the ID — says so first, in the CLI (--dry-run
and the confirmation) and in the plan the GUI shows; a retired ID (欠番, never reused) the new
file does not carry is kept, never deleted."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cloudsuppress.cli import main
from cloudsuppress.importers.tabular import read_workbook
from cloudsuppress.ops import function_import as ops

from .conftest import functions_of

SYSTEM = "住民基本台帳"


def _official(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能要件"
    ws.append(["機能ID", "業務", "機能名", "機能要件", "実装区分"])
    for i in range(1, 21):
        ws.append([f"00{i // 10 + 1}{i:04d}", SYSTEM, f"機能{i}", f"機能{i}ができること。", "実装必須機能"])
    ws.append(["0090001", SYSTEM, "（削除）", "（削除）", ""])
    wb.save(path)
    return path


def _vendor_answer(path: Path, n: int = 20) -> Path:
    """A 回答書: No. 1, 2, 3 … and the vendor's answer, no 機能ID column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "回答書"
    ws.append(["No", "業務", "機能名", "機能要件", "回答"])
    for i in range(1, n + 1):
        ws.append([i, SYSTEM, f"機能{i}", f"機能{i}ができること。", "○"])
    wb.save(path)
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def loaded(tmp_path, capsys) -> Path:
    db = tmp_path / "r.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    assert main(["--db", str(db), "functions", "import", str(_official(tmp_path / "official.xlsx")), "--yes"]) == 0
    capsys.readouterr()
    return db


def test_plan_warns_first_when_no_id_matches_and_keeps_the_retired_id(loaded, tmp_path, capsys):
    from cloudsuppress.store.db import open_database

    db = open_database(loaded)
    with db.session() as s:
        preview = ops.preview_function_import(s, read_workbook(_vendor_answer(tmp_path / "v.xlsx")))
        plan = preview.plan
        assert plan is not None
        assert len(plan.warnings) == 1
        warning = plan.warnings[0]
        assert "1 件も一致しません" in warning and "1、2、3" in warning and "0010001" in warning
        assert plan.describe().startswith(warning)
        assert plan.to_json()["warnings"] == [warning]
        diff = plan.diffs[0]
        assert "0090001" not in diff.removed and diff.kept_retired == ("0090001",)
        assert "欠番 1 件（0090001）はファイルにありませんが、欠番として残します。" in plan.describe()
    with db.session() as s, s.begin():
        ops.apply_function_import(s, plan)
    rows = functions_of(db, SYSTEM)
    assert rows["0090001"].retired and "0010001" not in rows and "1" in rows
    db.close()


def test_cli_dry_run_and_confirmation_say_it_first(loaded, tmp_path, capsys):
    vendor = _vendor_answer(tmp_path / "v.xlsx")
    code, out, err = run(capsys, "--db", loaded, "functions", "import", vendor, "--dry-run")
    assert code == 0
    plan_part = out[out.index("注意: "):]
    assert plan_part.startswith(f"注意: {SYSTEM}: ファイルの機能ID（1、2、3 …）は登録済みの一覧（20 件: 0010001")
    assert plan_part.index("注意") < plan_part.index("追加 20 件")
    code, out, err = run(capsys, "--db", loaded, "functions", "import", vendor)  # no --yes: asks, refuses
    assert code != 0
    assert out.startswith(f"注意: {SYSTEM}: ファイルの機能ID")


def test_a_corrected_list_is_not_warned_about(loaded, tmp_path, capsys):
    wb = openpyxl.load_workbook(_official(tmp_path / "o2.xlsx"))
    wb.active["C2"] = "機能1（名称を修正）"
    wb.save(tmp_path / "o2.xlsx")
    code, out, err = run(capsys, "--db", loaded, "functions", "import", tmp_path / "o2.xlsx", "--dry-run")
    assert code == 0 and "注意" not in out and "変更 1 件" in out


# --- R7: a function whose ID was left blank, last in the table ---------------------------------

def _blank_id_last(path: Path, *, where: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    ws.append(["機能ID", "業務", "機能名", "適合度"])
    rows = [["0010001", SYSTEM, "住民票の写しの交付", "○"], ["0010002", SYSTEM, "転入届の受付", "△"]]
    rows.insert(where, [None, SYSTEM, "世帯変更届（IDの入れ忘れ）", "×"])
    for r in rows:
        ws.append(r)
    ws.append([])
    ws.append(["以上"])
    wb.save(path)
    return path


@pytest.mark.parametrize("where", [1, 2])
def test_blank_id_in_the_last_row_is_the_same_error_as_in_the_middle(loaded, tmp_path, capsys, where):
    path = _blank_id_last(tmp_path / "b.xlsx", where=where)
    code, out, err = run(capsys, "--db", loaded, "functions", "import", path, "--yes")
    assert code != 0
    assert f"{where + 2}行目 A列（機能ID）: 機能IDが空です。" in err
    assert "表の後の文" not in out + err


def test_cli_import_says_how_many_rows_were_left_out(loaded, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["機能ID", "業務", "機能名", "適合度"])
    ws.append(["0010001", SYSTEM, "住民票の写しの交付", "○"])
    ws.append(["※ 適合度は ○△× で記入"])
    ws.append([])
    ws.append(["以上"])
    wb.save(tmp_path / "n.xlsx")
    code, out, err = run(capsys, "--db", loaded, "functions", "import", tmp_path / "n.xlsx", "--yes")
    assert code == 0, err
    assert "除外した行: 2 行（" in out and "注記 1 行" in out and "表の後の文 1 行" in out


def test_dry_run_lists_the_changed_ids_and_fields(loaded, tmp_path, capsys):
    # Review R19: the CLI showed only 「変更 4 件」, not which rows and fields would change.
    wb = openpyxl.load_workbook(_official(tmp_path / "o3.xlsx"))
    wb.active["C3"] = "機能2（名称を修正）"
    wb.active["E4"] = "標準オプション機能"
    wb.save(tmp_path / "o3.xlsx")
    code, out, err = run(capsys, "--db", loaded, "functions", "import", tmp_path / "o3.xlsx", "--dry-run")
    assert code == 0 and "変更 2 件" in out
    assert f"{SYSTEM} の変更:\n  0010002 機能2（名称を修正）: 機能名\n  0010003 機能3: 実装区分" in out
