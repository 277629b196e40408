"""Review R19 / R18 (helper r): an .ods reads as its .xlsx does — a 大項目 merged down its block
(table:number-rows-spanned, covered-table-cell) fills every row of the block, and a 計 row (label
計 + =COUNTA) is left out from its values alone, as in .xls and .csv where no formula is known."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from cloudsuppress.importers.detect import detect_function_list
from cloudsuppress.importers.tabular import read_workbook
from cloudsuppress.ops.function_import import parse_detected

from .conftest import write_csv

Cell = tuple  # (text, value-type, value, rows spanned, columns spanned) or None for a covered cell


def _ods(path: Path, rows: list[list[Cell | None]]) -> Path:
    """An .ods as LibreOffice saves one: merged cells carry number-rows-spanned, the cells they cover
    are table:covered-table-cell; a formula cell keeps its value and shown text."""
    def cell(c: Cell | None) -> str:
        if c is None:
            return "<table:covered-table-cell/>"
        text, kind, value, rs, cs, formula = c
        attrs = f' office:value-type="{kind or "string"}"'
        if value is not None:
            attrs += f' office:value="{value}"'
        if rs and rs > 1:
            attrs += f' table:number-rows-spanned="{rs}"'
        if cs and cs > 1:
            attrs += f' table:number-columns-spanned="{cs}"'
        if formula:
            attrs += f' table:formula="{escape(formula)}"'
        return f"<table:table-cell{attrs}><text:p>{escape(text)}</text:p></table:table-cell>"

    body = "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="機能要件">{body}</table:table></office:spreadsheet>'
               '</office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def _s(text: str, rows: int = 1) -> Cell:
    return (text, "string", None, rows, 1, None)


def _n(text: str, value: str, formula: str | None = None) -> Cell:
    return (text, "float", value, 1, 1, formula)


def test_ods_merged_block_fills_every_row(tmp_path):
    path = _ods(tmp_path / "m.ods", [
        [_s("機能ID"), _s("大項目"), _s("機能名"), _s("適合度")],
        [_n("0010001", "10001"), _s("管理項目", rows=3), _s("日本人住民データの管理"), _s("○")],
        [_n("0020002", "20002"), None, _s("外国人住民データの管理"), _s("△")],
        [_n("0030003", "30003"), None, _s("個人票／世帯票"), _s("×")],
        [_n("0040004", "40004"), _s("証明書"), _s("住民票の写しの交付"), _s("○")],
    ])
    book = read_workbook(path)
    parsed = parse_detected(book, detect_function_list(book))
    assert [(r.code, r.level1) for r in parsed.records] == [
        ("0010001", "管理項目"), ("0020002", "管理項目"), ("0030003", "管理項目"), ("0040004", "証明書")]


def test_total_row_of_an_ods_is_left_out(tmp_path):
    path = _ods(tmp_path / "t.ods", [
        [_s("機能ID"), _s("業務"), _s("機能名"), _s("適合度")],
        [_n("0230265", "230265"), _s("介護保険"), _s("保険料の算定"), _s("○")],
        [_n("0230266", "230266"), _s("介護保険"), _s("保険料の減免"), _s("×")],
        [_n("2", "2", "of:=COUNTA([.A2:.A3])"), _s(""), _s("計"), _s("")],
    ])
    book = read_workbook(path)
    det = detect_function_list(book)
    assert [(i.row, i.reason) for i in det.functions.ignored] == [(4, "合計行")]
    assert [r.code for r in parse_detected(book, det).records] == ["0230265", "0230266"]


def test_total_row_found_from_values_in_a_csv_and_a_function_named_like_a_total_kept(tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        ["機能ID", "業務", "機能名", "小分類", "適合度"],
        ["0230265", "介護保険", "保険料の算定", "合計", "○"],  # a real ID beside 合計: a function
        ["0230266", "介護保険", "保険料の減免", "減免", "×"],
        ["2", "", "計", "", ""],
    ])
    book = read_workbook(path)
    det = detect_function_list(book)
    assert [(i.row, i.reason) for i in det.functions.ignored] == [(4, "合計行")]
    assert [r.code for r in parse_detected(book, det).records] == ["0230265", "0230266"]
