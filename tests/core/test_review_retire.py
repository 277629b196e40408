"""Review R26: a new edition that retires a function (row （削除） / 改定区分 削除) an open request
points at names that request in the plan (CLI dry-run and the text the GUI shows), and the retired
function keeps its last real name — marked 欠番 wherever a request's target is shown — instead of
taking 「（削除）」 as its name."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import select

from cloudsuppress.cli import main
from cloudsuppress.domain.models import Function
from cloudsuppress.importers.tabular import read_workbook
from cloudsuppress.ops import function_import as ops
from cloudsuppress.ops.comparison import build_comparison
from cloudsuppress.ops.request_queries import list_item_rows

from .request_support import new_item, rdb  # noqa: F401  (fixture)

SYSTEM = "住民基本台帳"


def _edition2(path: Path) -> Path:
    """The ministry's next edition: no 機能名 column (names come from 機能要件); 0010001 retired."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能要件"
    ws.append(["機能ID", "機能要件", "改定区分"])
    ws.append(["0010001", "（削除）", "削除"])
    ws.append(["0010002", "転入届を受け付け、異動処理できること。", ""])
    ws.append(["0010003", "外字を印字できること。", ""])
    wb.save(path)
    return path


def test_retiring_a_requested_function_warns_and_keeps_its_name(rdb, tmp_path, capsys):
    key_item = new_item(rdb, member="五霞町", code="0010001")
    book = _edition2(tmp_path / "v2.xlsx")
    with rdb.session() as s:
        key = list_item_rows(s, item_ids=[key_item])[0].key
        plan = ops.preview_function_import(s, read_workbook(book), ops.ImportOverrides(business_system=SYSTEM)).plan
        assert plan is not None
        warning = f"要望 {key} の対象 0010001 が欠番になります"
        assert any(warning in w for w in plan.warnings)
        assert warning in plan.describe()
    with rdb.session() as s, s.begin():
        ops.apply_function_import(s, plan)
    with rdb.session() as s:
        fn = s.scalars(select(Function).where(Function.code == "0010001")).one()
        assert fn.retired and fn.name == "住民票の写しの交付"
        row = list_item_rows(s, item_ids=[key_item])[0]
        assert row.function_name == "住民票の写しの交付（欠番）"
        cmp_row = build_comparison(s, item_ids=[key_item]).rows[0]
        assert "（削除）" not in (cmp_row.function_name or "") and "欠番" in cmp_row.function_name


def test_cli_dry_run_names_the_request(rdb, tmp_path, capsys):
    new_item(rdb, member="五霞町", code="0010001")
    rdb.close()  # the CLI opens the file itself (writer lock)
    code = main(["--db", str(rdb.path), "functions", "import", str(_edition2(tmp_path / "v2.xlsx")),
                 "--business-system", SYSTEM, "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "の対象 0010001 が欠番になります" in out
