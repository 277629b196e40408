"""Review R17 (helper r): an ID typed as a number is taken as Excel shows it under a format with
literal text or separators ("J"00000 → J00001, 0000-000 → 0100-001), or refused naming the format
(#,##0 shows 1004 as 1,004) — never imported as a different ID silently; the problem is printed once."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cloudsuppress.cli import main
from cloudsuppress.importers.xlsx_parts import format_number

from .conftest import parse_file

SYSTEM = "住民基本台帳"


def _book(path: Path, cells: list[tuple[object, str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    ws.append(["機能ID", "業務", "機能名", "適合度"])
    for i, (value, fmt) in enumerate(cells, start=2):
        ws.cell(i, 1, value).number_format = fmt
        ws.cell(i, 2, SYSTEM)
        ws.cell(i, 3, f"機能{i}（{fmt}）")
        ws.cell(i, 4, "○")
    wb.save(path)
    return path


def test_ids_under_formats_with_literal_text_are_read_as_shown(tmp_path):
    path = _book(tmp_path / "f.xlsx", [(1, '"J"00000'), (2, '"J"00000'), (100001, "0000-000"), (100003, "000000000"),
                                       (6, "00000"), (7, '0000"号"'), (8, "@"), (1234567, "0000000")])
    parsed = parse_file(path)
    assert [r.code for r in parsed.records] == ["J00001", "J00002", "0100-001", "000100003", "00006", "0007号", "8",
                                                "1234567"]


@pytest.mark.parametrize("value,code,shown", [(1, '"J"00000', "J00001"), (100001, "0000-000", "0100-001"),
                                              (12345678, "0000-000", "12345-678"), (12, "\\A000", "A012"),
                                              (5, "#", "5"), (1004, "#,##0", "1,004")])
def test_format_number(value, code, shown):
    assert format_number(value, code) == shown


def test_id_with_a_thousands_separator_is_refused_naming_the_format_once(tmp_path, capsys):
    db = tmp_path / "f.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    path = _book(tmp_path / "f.xlsx", [("0010001", "@"), (1004, "#,##0")])
    capsys.readouterr()
    assert main(["--db", str(db), "functions", "import", str(path), "--yes"]) != 0
    out, err = capsys.readouterr()
    text = out + err
    assert "3行目 A列（機能ID）: 機能ID「1,004」は表示形式「#,##0」で桁区切りの「,」が付いた数値です" in text
    assert "小数または指数" not in text
    assert text.count("1,004") == 1


def test_fraction_is_still_refused(tmp_path, capsys):
    db = tmp_path / "f.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    path = _book(tmp_path / "f.xlsx", [("0010001", "@"), (10.5, "General")])
    capsys.readouterr()
    assert main(["--db", str(db), "functions", "import", str(path), "--yes"]) != 0
    assert "機能ID「10.5」が小数または指数の数値です" in capsys.readouterr().err
