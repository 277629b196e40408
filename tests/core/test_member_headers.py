"""Member lists as people make them: a unit or a note in brackets after a heading (人口（人）,
人口(R8.4.1現在)) or a footnote mark (参加日※1) still names the column; a header row that lacks
one column is named with what it lacks (reviewer R21: 「人口（人）」 was refused as no header at all)."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.members import header_key, read_member_list


def _list(path, headers, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "構成団体"
    ws.append(["構成団体一覧（令和8年4月1日現在）"])
    ws.append([])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("heading", ["人口（人）", "人口(人)", "人口（R8.4.1現在）", "人口※1", "人口 （人）"])
def test_a_bracketed_unit_or_note_after_a_heading_still_names_it(tmp_path, heading):
    path = _list(tmp_path / "m.xlsx", ["No.", "団体名", "都道府県", heading, "参加日※2"],
                 [[1, "那珂市", "茨城県", 55827, "令和8年4月1日"], [2, "五霞町", "茨城県", "9,178", None]])
    records = read_member_list(path)
    assert [(r.row, r.name, r.population, r.joined_on) for r in records] == [
        (4, "那珂市", 55827, dt.date(2026, 4, 1)), (5, "五霞町", 9178, None)]


def test_a_header_row_lacking_a_column_is_named(tmp_path):
    path = _list(tmp_path / "m.xlsx", ["No.", "団体名", "都道府県", "住基人口数", "参加日"], [[1, "那珂市", "茨城県", 55827, None]])
    with pytest.raises(ImportValidationError) as refused:
        read_member_list(path)
    assert "3行目の見出しに「人口」の列がありません（見出し: No.、団体名、都道府県、住基人口数、参加日）。" in str(refused.value)


def test_header_key_keeps_a_heading_that_is_only_brackets():
    assert header_key("（人）") in ("(人)", "（人）") and header_key("団体名") == "団体名"
