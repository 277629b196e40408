"""Issue 17 (findings 5 and 9), at the reader shared by the three importers: a far cell or a zip
bomb is refused before calamine allocates anything, and bad input is refused, not imported as
something else: IDs that were dates, TRUE or 1e+20, invisible and control characters, duplicated
columns, formulas without a saved value, over-long text."""
from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.importers.tabular import read_table
from cloudsuppress.ops import functions as function_ops

from .conftest import functions_of, import_file, parse_file, write_csv

REQUEST_HEADER = ["団体名", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容"]
REQUEST_ROW = ["那珂市", "0010001", "一括入力", "世帯全員を一括で入力したい", "事務効率・処理件数", "低下しない", "件数が多い"]


def _xlsx(path: Path, rows: list[list[object]], *, far: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if far:
        ws[far] = "x"
    wb.save(path)
    return path


def _readers(path: Path):
    return {
        "functions": lambda: parse_file(path),
        "members": lambda: read_member_list(path),
        "requests": lambda: read_request_files([path]),
    }


@pytest.mark.parametrize("far", ["XFD1048576", "Z1048576", "AB900000"])
@pytest.mark.parametrize("reader", ["functions", "members", "requests"])
def test_a_far_cell_is_refused_at_once_by_every_importer(tmp_path, far, reader):
    header = {"functions": ["機能ID", "機能名", "適合度"], "members": ["団体名", "人口"], "requests": REQUEST_HEADER}[reader]
    path = _xlsx(tmp_path / "far.xlsx", [header], far=far)
    start = time.perf_counter()
    with pytest.raises(ImportValidationError) as err:
        _readers(path)[reader]()
    assert time.perf_counter() - start < 2  # today: 13 s for Z1048576, an abort for XFD1048576
    assert "読み込みません" in str(err.value) and "不要な行・列" in str(err.value)


def test_a_dimension_that_lies_does_not_hide_a_far_cell(tmp_path):
    path = _xlsx(tmp_path / "far.xlsx", [["機能ID", "機能名"]], far="XFD1048576")
    liar = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'<dimension ref="A1:XFD1048576"/>', b'<dimension ref="A1:B1"/>')
                assert b'<dimension ref="A1:B1"/>' in data
            dst.writestr(item, data)
    with pytest.raises(ImportValidationError) as err:
        read_table(liar)
    assert "16,384 列目" in str(err.value)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = _xlsx(tmp_path / "ok.xlsx", [["機能ID", "機能名"], ["1", "a"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", b"\0" * 60_000_000)
    with pytest.raises(ImportValidationError) as err:
        read_table(path)
    assert "圧縮率が異常" in str(err.value)


@pytest.mark.parametrize(("value", "what"), [
    (dt.datetime(2026, 4, 1), "日付のセル"), (True, "真偽値"), (1e20, "小数または指数"), (10.5, "小数または指数"),
])
def test_an_id_from_a_date_boolean_or_float_cell_is_refused(tmp_path, value, what):
    path = _xlsx(tmp_path / "ids.xlsx", [["機能ID", "機能名"], ["0010001", "住民票"], [value, "転入"]])
    with pytest.raises(ImportValidationError) as err:
        parse_file(path)
    assert "3行目" in str(err.value) and what in str(err.value)


def test_an_id_with_a_zero_width_space_is_the_same_function(db, tmp_path):
    import_file(db, _xlsx(tmp_path / "a.xlsx", [["機能ID", "機能名"], ["T00001", "住民票"]]), business_system="住民基本台帳")
    again = parse_file(_xlsx(tmp_path / "b.xlsx", [["機能ID", "機能名"], ["T00001\u200b", "住民票"]]))
    assert [r.code for r in again.records] == ["T00001"]
    with db.session() as s:
        plan = function_ops.plan_function_import(s, again, business_system="住民基本台帳")
    assert (plan.diffs[0].added, plan.diffs[0].removed, plan.diffs[0].unchanged) == ((), (), 1)
    with pytest.raises(ImportValidationError) as err:
        parse_file(_xlsx(tmp_path / "c.xlsx", [["機能ID", "機能名"], ["T00001", "a"], ["T00001\u200b", "b"]]))
    assert "重複" in str(err.value)
    assert sorted(functions_of(db, "住民基本台帳")) == ["T00001"]


def test_control_characters_are_refused_in_every_importer(tmp_path):
    # CSV, since openpyxl itself refuses to write them (Excel writes them as _x000B_).
    with pytest.raises(ImportValidationError) as err:
        parse_file(write_csv(tmp_path / "f.csv", [["機能ID", "機能名"], ["0010001", "住民票\x0bの交付"]]))
    assert "制御文字（U+000B）" in str(err.value)
    with pytest.raises(ImportValidationError) as err:
        read_member_list(write_csv(tmp_path / "m.csv", [["団体名", "人口"], ["那珂\x07市", "55827"]]))
    assert "制御文字（U+0007）" in str(err.value)
    row = list(REQUEST_ROW)
    row[2] = "一括\x0b入力"
    with pytest.raises(ImportValidationError) as err:
        read_request_files([write_csv(tmp_path / "r.csv", [REQUEST_HEADER, row])])
    assert "要望名に制御文字（U+000B）" in str(err.value)


def test_a_gaiji_typed_in_excel_is_refused_in_every_importer_naming_its_cell(tmp_path):
    """外字 typed on a municipal PC are private-use code points (U+E000-U+F8FF) in the workbook: they
    print blank (or as another office's glyph) on every other machine, so on every notice and minutes
    page. Each importer refuses them naming the row and the field; before, all three took them in."""
    with pytest.raises(ImportValidationError) as err:
        parse_file(_xlsx(tmp_path / "f.xlsx", [["機能ID", "機能名"], ["0010001", "住民票の交付"],
                                               ["0010002", "\ue021崎の印字"]]))
    assert [(i.row, i.column) for i in err.value.issues] == [(3, "B列（機能名）")]
    assert "外字（私用領域の文字 U+E021）が入っています" in str(err.value)
    with pytest.raises(ImportValidationError) as err:
        read_member_list(_xlsx(tmp_path / "m.xlsx", [["団体名", "人口"], ["\uf8f0那珂市", 55827]]))
    assert "2行目" in str(err.value) and "団体名に外字（私用領域の文字 U+F8F0）" in str(err.value)
    row = list(REQUEST_ROW)
    row[3] = "氏名の\ue757を正しく印字したい"
    with pytest.raises(ImportValidationError) as err:
        read_request_files([_xlsx(tmp_path / "r.xlsx", [REQUEST_HEADER, list(REQUEST_ROW), row])])
    assert [i.row for i in err.value.issues] == [3]
    assert "要望内容に外字（私用領域の文字 U+E757）" in str(err.value)


def test_a_duplicated_column_is_refused_naming_both(tmp_path):
    with pytest.raises(ImportValidationError) as err:
        read_member_list(_xlsx(tmp_path / "m.xlsx", [["団体名", "人口", "団体名"], ["那珂市", 55827, "五霞町"]]))
    assert "「団体名」の列が 2 つあります（1行目のA列とC列）" in str(err.value)
    with pytest.raises(ImportValidationError) as err:
        read_request_files([_xlsx(tmp_path / "r.xlsx", [[*REQUEST_HEADER, "団体名"], [*REQUEST_ROW, "五霞町"]])])
    assert "「団体名」の列が 2 つあります（1行目のA列とH列）" in str(err.value)
    with pytest.raises(ImportValidationError) as err:
        parse_file(_xlsx(tmp_path / "f.xlsx", [["機能ID", "機能名", "適合度", "適合度"], ["0010001", "住民票", "○", "×"]]))
    assert "C列「適合度」とD列「適合度」" in str(err.value)


def test_a_formula_without_a_saved_value_is_refused(tmp_path):
    # openpyxl writes formulas without a cached value, as a generator or a script would.
    with pytest.raises(ImportValidationError) as err:
        parse_file(_xlsx(tmp_path / "f.xlsx", [["機能ID", "機能名", "適合度"], ["0010001", "住民票", '=IF(1=1,"○","×")']]))
    assert "2行目" in str(err.value) and "計算結果が保存されていません" in str(err.value)
    with pytest.raises(ImportValidationError) as err:
        read_member_list(_xlsx(tmp_path / "m.xlsx", [["団体名", "人口"], ["那珂市", "=50000+5827"]]))
    assert "人口の数式の計算結果が保存されていません" in str(err.value)
    row = list(REQUEST_ROW)
    row[1] = '="0010001"'
    with pytest.raises(ImportValidationError) as err:
        read_request_files([_xlsx(tmp_path / "r.xlsx", [REQUEST_HEADER, row])])
    assert "機能IDの数式の計算結果が保存されていません" in str(err.value)


def test_an_over_long_request_title_is_refused_not_cut(tmp_path):
    row = list(REQUEST_ROW)
    row[2] = "長" * 5000
    with pytest.raises(ImportValidationError) as err:
        read_request_files([_xlsx(tmp_path / "r.xlsx", [REQUEST_HEADER, row])])
    assert "要望名が長すぎます（5,000文字、上限200文字）" in str(err.value)


def test_an_ods_with_a_far_cell_made_of_repeated_cells_is_refused_at_once(tmp_path):
    """In an .ods a few bytes of number-rows-repeated / number-columns-repeated put a value a
    million rows down; calamine would build the whole range (here 100 M cells) before saying no."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="機能一覧">'
               '<table:table-row><table:table-cell office:value-type="string"><text:p>機能ID</text:p></table:table-cell>'
               '<table:table-cell office:value-type="string"><text:p>機能名</text:p></table:table-cell></table:table-row>'
               '<table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="500"/>'
               '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="500"/>'
               '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
               '</table:table></office:spreadsheet></office:body></office:document-content>')
    path = tmp_path / "far.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>', zipfile.ZIP_DEFLATED)
    start = time.perf_counter()
    with pytest.raises(ImportValidationError) as err:
        parse_file(path)
    assert time.perf_counter() - start < 1  # today: 3 s and 0.7 GB to read 10 M empty cells
    assert "使用範囲（20,002 行 × 501 列）" in str(err.value)
