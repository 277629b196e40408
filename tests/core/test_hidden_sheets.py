"""A sheet the author hid (an old edition kept for reference, the list behind a drop-down) is
never chosen over the sheet Excel shows, however many known columns its header names; the
detection lists it as 非表示 (reviewer R30: the hidden 第1.0版 was imported instead)."""
from __future__ import annotations

import openpyxl

from cloudsuppress.importers.detect import detect_function_list
from cloudsuppress.importers.tabular import read_workbook


def _book(path, *, hide_old: bool = True):
    wb = openpyxl.Workbook()
    shown = wb.active
    shown.title = "機能一覧"
    shown.append(["機能ID", "機能名", "適合度"])
    shown.append(["0010001", "転入届の受付", "○"])
    shown.append(["0010002", "転出届の受付", "△"])
    old = wb.create_sheet("第1.0版")
    old.append(["機能ID", "業務", "大分類", "機能名", "機能要件", "実装区分", "適合度"])
    for i in range(5):
        old.append([f"090000{i}", "住民基本台帳", "旧", f"旧機能{i}", "旧版の要件", "実装必須機能", "○"])
    marks = wb.create_sheet("リスト")
    for m in ("○", "△", "×"):
        marks.append([m])
    if hide_old:
        old.sheet_state = "hidden"
        marks.sheet_state = "hidden"
    wb.save(path)
    return path


def test_the_shown_sheet_wins_over_a_hidden_richer_one(tmp_path):
    book = read_workbook(_book(tmp_path / "b8.xlsx"))
    assert book.tables["第1.0版"].hidden and book.tables["リスト"].hidden and not book.tables["機能一覧"].hidden
    det = detect_function_list(book)
    assert det.functions is not None and det.functions.sheet == "機能一覧"
    assert "シート: 機能一覧（取り込む）、第1.0版（非表示）、リスト（非表示）" in det.describe()


def test_without_hiding_the_richer_header_still_wins(tmp_path):
    det = detect_function_list(read_workbook(_book(tmp_path / "b8.xlsx", hide_old=False)))
    assert det.functions.sheet == "第1.0版"


def test_a_hidden_sheet_is_taken_when_no_shown_sheet_holds_a_table(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "表紙"
    wb.active["A1"] = "機能要件一覧"
    data = wb.create_sheet("機能要件")
    data.append(["機能ID", "機能名", "適合度"])
    data.append(["0010001", "転入届の受付", "○"])
    data.sheet_state = "hidden"
    wb.save(tmp_path / "only_hidden.xlsx")
    det = detect_function_list(read_workbook(tmp_path / "only_hidden.xlsx"))
    assert det.functions.sheet == "機能要件"
