"""An .xls read as Excel shows it (issue 12 on old files): a 7-digit ID stored as a number with the
format 0000000 is 0010001, not 10001 (python-calamine gives raw values; xlrd gives the formats),
and a sheet whose used range is far larger than its cells is refused before it is expanded
(issue 17). Fixtures: tests/fixtures/make_xls_fixtures.py says how they were made."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cloudsuppress.cli import main
from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.tabular import read_table, read_workbook

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
IDS = FIXTURES / "ids_0000000.xls"
FAR = FIXTURES / "far_cell.xls"


def test_number_ids_with_a_0000000_format_read_as_excel_shows_them():
    rows = read_workbook(IDS).tables["機能要件"].rows
    assert [(r[0], r[1], r[7]) for r in rows[3:]] == [
        ("1", "0230001", "0"), ("2", "0230002", "1,250,000"), ("3", "0230265", ""), ("4", "0010001", ""),
        ("5", "0230300", ""),  # typed as text: as written
        ("6", "230301", ""),  # a number without a format: as Excel shows it, no zeros added
    ]
    assert read_table(IDS).rows[6][1] == "0010001"  # the members/requests importers' reader too


def test_an_xls_function_list_imports_every_id_exactly_as_shown(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    assert main(["--db", str(db), "functions", "import", str(IDS)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--db", str(db), "functions", "list", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["code"], e["name"], e["business_system"]) for e in entries] == [
        ("0230001", "資格管理", "介護保険"), ("0230002", "資格異動", "介護保険"), ("0230265", "負担割合証", "介護保険"),
        ("0010001", "住所地特例", "介護保険"), ("0230300", "文字列のID", "介護保険"), ("230301", "書式なしのID", "介護保険")]


def test_a_value_in_the_last_xls_cell_is_refused_before_the_sheet_is_expanded(tmp_path, capsys):
    start = time.perf_counter()
    with pytest.raises(ImportValidationError, match="使用範囲（65,536 行 × 256 列）がセルの数"):
        read_workbook(FAR)
    assert time.perf_counter() - start < 2  # calamine alone: 3 s and 1.2 GB
    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    capsys.readouterr()
    for args in (["functions", "import", str(FAR)], ["members", "import", str(FAR)],
                 ["requests", "import", str(FAR)]):
        assert main(["--db", str(db), *args]) == 1
        err = capsys.readouterr().err
        assert "far_cell.xls: シート「機能要件」は使用範囲" in err and "Traceback" not in err, err
