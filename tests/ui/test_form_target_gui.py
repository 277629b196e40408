"""R31 in the GUI: a request on a form (帳票) reads 「帳票 0000004」 in the request list's 機能ID column
and its tooltip, and in the comparison view's item text; a function keeps its bare code."""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt

from cloudsuppress.ops.comparison import ComparisonRow
from cloudsuppress.ops.request_queries import ItemRow
from ui.table_models.comparison_table_model import item_text
from ui.table_models.request_table_model import COL_CODE, COL_TITLE, RequestTableModel


def _row(kind: str) -> ItemRow:
    now = dt.datetime(2026, 12, 1, 9, 0)
    return ItemRow(1, "R-0001", "世帯一覧表に行政区名を印字", "requested", "要望", 4, "0000004", "世帯一覧表", None,
                   1, "住民基本台帳", 1, "住民業務", ("五霞町",), (), None, 120, now, now, function_kind=kind)


def test_the_request_list_and_the_comparison_mark_a_form(qapp):
    model = RequestTableModel()
    model.set_rows([_row("form")])
    assert model.index(0, COL_CODE).data() == "帳票 0000004"
    assert "帳票 0000004 世帯一覧表" in model.index(0, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    model.set_rows([_row("function")])
    assert model.index(0, COL_CODE).data() == "0000004"
    cmp = ComparisonRow(1, "R-0001", "世帯一覧表に行政区名を印字", "0000004", "世帯一覧表", None, "住民業務", "住民基本台帳",
                        (), None, "requested", "要望", "", (), "form")
    assert "帳票 0000004" in item_text(cmp)
    assert "帳票" not in item_text(dataclasses.replace(cmp, function_kind="function"))
