"""The Excel round trip (export the template, fill it with openpyxl, import), CSV in each encoding,
grouping by 要望番号, and every error path: nothing written, file, row and column named."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import request_import as imp
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.reports.request_template_xlsx import COLUMNS, HEADER_ROW, write_request_template

from .conftest import write_csv
from .request_support import dump_requests, new_item, rdb  # noqa: F401

HEADER = list(COLUMNS)


def template(db, tmp_path: Path, member: str) -> Path:
    path = tmp_path / f"要望票_{member}.xlsx"
    with db.session() as s:
        write_request_template(path, member=member, consortium="テスト協議会", functions=function_ops.list_function_rows(s))
    return path


def fill(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["要望"]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if c == 1 and value is None:
                continue  # keep the pre-filled 団体名
            ws.cell(row=HEADER_ROW + 2 + r, column=c + 1, value=value)
    wb.save(path)
    return path


def run_import(db, paths):
    records = read_request_files(paths)
    with db.session() as s, s.begin():
        plan = imp.plan_request_import(s, records)
        imp.apply_request_import(s, plan)
    return plan


NAKA = ["", None, "0010002", "転入届の様式追加", "転入届に外国人住民用の欄を追加してほしい。\n英語表記も。", "住民サービス水準の維持",
        "低下する", "窓口での聞き取りに時間がかかる。", 1200, "別紙で聞き取る", 1500000]


def test_the_template_has_the_member_columns_dropdowns_functions_and_instructions(rdb, tmp_path):
    path = template(rdb, tmp_path, "那珂市")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["要望", "機能一覧", "記入方法"]
    ws = wb["要望"]
    assert [c.value for c in ws[HEADER_ROW + 1]][:11] == HEADER
    assert "那珂市" in ws["A2"].value and ws.cell(row=HEADER_ROW + 2, column=2).value == "那珂市"
    formulas = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation
                if dv.type == "list"}
    assert "住民サービス水準の維持" in formulas["F"] and "自治体独自施策" in formulas["F"]
    assert formulas["G"] == '"低下する,低下しない"'
    fl = wb["機能一覧"]
    assert [c.value for c in fl[1]] == ["機能ID", "業務", "機能名", "適合度", "種別"]
    assert ("0010002", "住民基本台帳", "転入届の受付", "△", "機能") in [tuple(c.value for c in r) for r in fl.iter_rows(min_row=2)]
    assert "ノンカスタマイズ" in "".join(r[0].value or "" for r in wb["記入方法"].iter_rows())


def test_round_trip_two_members_share_one_item(rdb, tmp_path):
    naka = fill(template(rdb, tmp_path, "那珂市"), [["R-0100", *NAKA[1:]]])
    goka = fill(template(rdb, tmp_path, "五霞町"), [
        ["R-0100", None, "0010002", "", "同じく外国人住民の欄", "事務効率・処理件数", "低下しない", "件数は少ないが手間", 30, "", None],
        ["", None, "", "住民票の英語表記", "英語の証明書を出したい", "自治体独自施策", "低下しない", "独自施策", "", "", ""],
    ])
    # the second row needs a 業務 for a function the package lacks
    wb = openpyxl.load_workbook(goka)
    wb["要望"].cell(row=HEADER_ROW + 3, column=12, value="住民基本台帳")
    wb.save(goka)
    plan = run_import(rdb, [naka, goka])
    assert plan.new_items == 2 and plan.count("add") == 3
    with rdb.session() as s:
        (item,) = rq.list_item_rows(s, text="R-0100")
        assert item.members == ("那珂市", "五霞町") and item.estimate == 1_500_000 and item.title == "転入届の様式追加"
        parts = {p.member: p for p in rq.member_parts(s, item.id)}
        naka_part = parts["那珂市"]
        assert naka_part.content == "転入届に外国人住民用の欄を追加してほしい。\n英語表記も。"
        assert (naka_part.reason, naka_part.service_drop, naka_part.annual_cases, naka_part.workaround) == (
            "service_level", True, 1200, "別紙で聞き取る")
        assert (parts["五霞町"].reason, parts["五霞町"].service_drop, parts["五霞町"].annual_cases) == ("efficiency", False, 30)
        (new_fn,) = [r for r in rq.list_item_rows(s) if r.function_id is None]
        assert new_fn.key == "R-0101" and new_fn.function_name == "住民票の英語表記"
        assert undo_ops.undo_status(s).undo_label == "要望票の取り込み（要望票_那珂市.xlsx、要望票_五霞町.xlsx）"


def test_reimport_previews_changes_and_undo_removes_the_whole_import(rdb, tmp_path):
    before = dump_requests(rdb)
    path = fill(template(rdb, tmp_path, "那珂市"), [["R-0100", *NAKA[1:]]])
    run_import(rdb, [path])
    after_first = dump_requests(rdb)
    fill(path, [["R-0100", None, "0010002", "", NAKA[4], NAKA[5], NAKA[6], NAKA[7], 900, NAKA[9], 1600000]])
    with rdb.session() as s:
        plan = imp.plan_request_import(s, read_request_files([path]))
    assert plan.count("update") == 1 and plan.items[0].estimate_changed
    assert "R-0100 既存" in plan.describe() and "年間処理件数" in plan.describe() and "見積額を変更" in plan.describe()
    run_import(rdb, [path])
    with rdb.session() as s, s.begin():
        undo_ops.undo(s)
    assert dump_requests(rdb) == after_first
    with rdb.session() as s, s.begin():
        undo_ops.undo(s)
    assert dump_requests(rdb) == before


def test_a_row_without_a_key_joins_the_open_item_for_its_function(rdb, tmp_path):
    item = new_item(rdb)  # 那珂市 on 0010002
    path = fill(template(rdb, tmp_path, "五霞町"), [NAKA])
    plan = run_import(rdb, [path])
    assert plan.new_items == 0 and plan.count("join") == 1
    with rdb.session() as s:
        assert rq.get_item_row(s, item).members == ("那珂市", "五霞町")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_each_encoding(rdb, tmp_path, encoding):
    row = ["", "那珂市", "0010003", "外字の印字", "外字を印字したい", "法令・制度対応", "低下する", "証明書に正しい字形が必要",
           "1,200件", "", "￥800,000"]
    path = write_csv(tmp_path / f"naka-{encoding}.csv", [HEADER, row], encoding)
    run_import(rdb, [path])
    with rdb.session() as s:
        (r,) = rq.list_item_rows(s)
        (p,) = rq.member_parts(s, r.id)
    assert (r.function_code, r.estimate, p.annual_cases, p.reason, p.content) == ("0010003", 800_000, 1200, "legal", "外字を印字したい")


def _error(rdb, paths) -> ImportValidationError:
    before = dump_requests(rdb)
    with pytest.raises(ImportValidationError) as err:
        run_import(rdb, paths)
    assert dump_requests(rdb) == before
    return err.value


@pytest.mark.parametrize("column,value,where,message", [
    (5, "気分", "F列（理由区分）", "理由区分「気分」は選択肢にありません"),
    (6, "", "G列（住民サービス低下）", "住民サービス低下が空です"),
    (7, "", "H列（低下の内容）", "低下の内容"),
    (4, "", "E列（要望内容）", "要望内容が空です"),
    (8, "多い", "I列（年間処理件数）", "年間処理件数「多い」は 0 以上の整数ではありません"),
    (10, "-5", "K列（見積額）", "見積額「-5」は 0 以上の整数ではありません"),
    (2, "9999999", "C列（機能ID）", "機能ID「9999999」は機能一覧にありません"),
    (1, "水戸市", "B列（団体名）", "団体「水戸市」は登録されていません"),
])
def test_each_row_error_names_file_row_and_column(rdb, tmp_path, column, value, where, message):
    row = ["", "那珂市", *NAKA[2:]]
    row[column] = value
    path = write_csv(tmp_path / "bad.csv", [HEADER, ["", "那珂市", *NAKA[2:]], row], "utf-8")
    err = _error(rdb, [path])
    (issue,) = err.issues
    assert (issue.file, issue.row, issue.column) == ("bad.csv", 3, where)
    assert message in str(err)


def test_differing_estimates_of_one_item_are_an_error(rdb, tmp_path):
    a = fill(template(rdb, tmp_path, "那珂市"), [["R-0100", *NAKA[1:]]])
    b = fill(template(rdb, tmp_path, "五霞町"), [["R-0100", None, *NAKA[2:10], 900000]])
    err = _error(rdb, [a, b])
    (issue,) = err.issues
    assert issue.file == "要望票_五霞町.xlsx" and issue.row == HEADER_ROW + 2 and issue.column == "K列（見積額）"
    assert "見積額 900,000 円が、同じ要望番号の要望票_那珂市.xlsx 5行目の 1,500,000 円と違います" in str(err)


def test_errors_of_several_files_are_all_listed_and_nothing_is_written(rdb, tmp_path):
    good = fill(template(rdb, tmp_path, "那珂市"), [NAKA])
    bad1 = write_csv(tmp_path / "bad1.csv", [HEADER, ["", "五霞町", *NAKA[2:5], "", *NAKA[6:]]], "cp932")
    bad2 = write_csv(tmp_path / "bad2.csv", [["団体", "メモ"], ["五霞町", "x"]], "utf-8")
    missing = tmp_path / "none.xlsx"
    err = _error(rdb, [good, bad1, bad2, missing])
    files = {i.file for i in err.issues}
    assert files == {"bad1.csv", "bad2.csv", "none.xlsx"}
    assert "bad1.csv 2行目 F列（理由区分）: 理由区分が空です" in str(err)


def test_the_same_member_twice_in_one_item_is_an_error(rdb, tmp_path):
    path = write_csv(tmp_path / "dup.csv", [HEADER, ["R-0100", "那珂市", *NAKA[2:]], ["R-0100", "那珂市", *NAKA[2:]]], "utf-8")
    err = _error(rdb, [path])
    assert "団体「那珂市」の要望 R-0100 が重複しています（dup.csv 2行目）" in str(err)


def test_a_decided_item_is_not_changed_by_an_import(rdb, tmp_path):
    from .request_support import move

    item = new_item(rdb)
    move(rdb, item, "withdrawn", reason="運用で対応")
    path = write_csv(tmp_path / "late.csv", [HEADER, ["R-0001", "五霞町", *NAKA[2:]]], "utf-8")
    err = _error(rdb, [path])
    assert "要望 R-0001 は「取下げ」で決定済みのため、取り込めません" in str(err)
