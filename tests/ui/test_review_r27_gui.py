"""Review R27 in the GUI: a function the vendor answered ○ by an alternative (代替) reads
「○ 代替」 in the list, not 「○」 exactly like 適合; a cost cell the vendor wrote 「別途見積」 is shown
in the detail as the vendor's estimate, as a number is."""
from __future__ import annotations

from cloudsuppress.ops.functions import list_function_rows
from ui.table_models.function_table_model import COL_FIT

from . import field_workbooks as fw
from .test_function_browser_forms import import_book


def test_alternative_fit_is_told_apart_in_the_list(runner, main_window, tmp_path):
    import_book(runner, fw.fit_gap_sheet(tmp_path / "fg.xlsx", members=("常陸大宮市", "那珂市"), rows=6))
    view = main_window.functions
    view.select_tree_node("all", None)
    model = view.model
    fits = {model.row_at(r).code: model.index(r, COL_FIT).data() for r in range(model.rowCount())}
    assert fits["0010001"] == "○" and fits["0010002"] == "○ 代替"  # 適合 / 代替 in the パッケージ対応状況 column
    row = model.row_of_function(next(r.id for r in model.rows() if r.code == "0010002"))
    assert model.index(row, COL_FIT).data(3) == "○ 標準（代替機能・EUC で対応）"  # the tooltip says what it means


def test_a_cost_to_be_estimated_separately_is_shown(runner, main_window, tmp_path):
    import_book(runner, fw.vendor_answer_sheet(tmp_path / "vendor.xlsx", rows=12), business_system="住民基本台帳")
    rows = {r.code: r for r in runner.read(list_function_rows) if r.business_system == "住民基本台帳"}
    view = main_window.functions
    view.select_tree_node("all", None)
    assert view.select_function(rows["9"].id)  # No.9: △, 「別途見積」 in カスタマイズ費用（千円）
    assert "ベンダー見積 別途見積" in view.detail.toPlainText()
    assert view.select_function(rows["3"].id)  # No.3: △, 352 (千円)
    assert "ベンダー見積 352,000 円" in view.detail.toPlainText()


def test_the_import_plan_says_how_member_groups_were_matched(runner, tmp_path):
    from cloudsuppress.importers.detect import ImportOverrides
    from cloudsuppress.importers.tabular import read_workbook
    from cloudsuppress.ops.function_import import preview_function_import
    from ui.dialogs.import_preview_panels import plan_details

    book = read_workbook(fw.fit_gap_sheet(tmp_path / "fg.xlsx", members=("常陸大宮市役所", "那珂"), rows=6))
    preview = runner.read(lambda s: preview_function_import(s, book, ImportOverrides()))
    assert "団体の判定も取り込みます: 常陸大宮市役所（→ 常陸大宮市）、那珂（→ 那珂市）" in plan_details(preview.plan)
