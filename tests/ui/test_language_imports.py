"""The import previews (function list, request workbooks) in English; in Japanese exactly the core's describe()."""
from __future__ import annotations

import re

import pytest

from cloudsuppress.ops.functions import FunctionChange, FunctionImportPlan, SystemDiff
from cloudsuppress.ops.request_import import PlannedItem, PlannedPart, RequestImportPlan

JAPANESE_WORDS = re.compile(r"追加|変更|削除|未設定|仕様書|要望|新規|既存|参加|見積額|件")


@pytest.fixture
def english(app_font):
    from ui.i18n import install_translators, remove_translators

    assert install_translators("en")
    yield
    remove_translators()


def function_plan() -> FunctionImportPlan:
    juki = SystemDiff(1, "住民基本台帳", "第1.0版", "第2.0版", added=("0199999",),
                      changed=(FunctionChange("0100001", "住民票の登録", ("機能名", "適合度")),),
                      removed=("0100002", "0100003"), unchanged=4, existing=7,
                      blocked=(("0100003", ("R-0001", "R-0007")),))
    tax = SystemDiff(2, "個人住民税", None, None, added=("0200001",), changed=(), removed=(), unchanged=0, existing=0)
    return FunctionImportPlan("list.xlsx", "第2.0版", {}, (juki, tax))


def request_plan() -> RequestImportPlan:
    new = PlannedItem("R-0100", None, "口座振替の独自通知", 5, 1, None, 770_000, False, (
        PlannedPart("那珂市", 1, "add", (), None), PlannedPart("五霞町", 2, "add", (), None)))
    old = PlannedItem("R-0001", 1, "転入届の受付", 5, 1, None, 990_000, True, (
        PlannedPart("那珂市", 1, "update", ("要望内容", "年間処理件数"), None),
        PlannedPart("五霞町", 2, "join", (), None), PlannedPart("常陸大宮市", 3, "unchanged", (), None)))
    return RequestImportPlan(("要望票_那珂市.xlsx", "要望票_五霞町.xlsx"), (new, old))


def test_function_plan_in_japanese_is_what_the_core_describes(app_font):
    from ui.dialogs.import_functions_dialog import describe_plan, plan_summary

    plan = function_plan()
    assert plan_summary(plan) == plan.describe()
    assert describe_plan(plan).startswith(plan.describe() + "\n\n住民基本台帳\n  追加: 0199999\n  変更: 0100001（機能名・適合度）")


def test_function_plan_in_english(english):
    from ui.dialogs.import_functions_dialog import describe_plan, plan_summary

    assert plan_summary(function_plan()).splitlines() == [
        "住民基本台帳: 1 added, 1 changed, 2 removed, 4 unchanged (spec edition 第1.0版 → 第2.0版)",
        "  Function 0100003 cannot be removed: requests R-0001, R-0007 point to it",
        "個人住民税: 1 added, 0 changed, 0 removed, 0 unchanged",
    ]
    text = describe_plan(function_plan())
    assert "  Changed: 0100001 (Function name, Fit)" in text
    assert not JAPANESE_WORDS.search(text.replace("住民基本台帳", "").replace("個人住民税", "").replace("第1.0版", "")
                                     .replace("第2.0版", ""))


def test_request_plan_preview_in_japanese_is_what_the_core_describes(app_font, qtbot):
    from ui.dialogs.request_workbooks import RequestImportPreviewDialog

    plan = request_plan()
    dialog = RequestImportPreviewDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == plan.describe()


def test_request_plan_preview_in_english(english, qtbot):
    from ui.dialogs.request_workbooks import RequestImportPreviewDialog

    dialog = RequestImportPreviewDialog(request_plan())
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText().splitlines() == [
        "New request items: 1. Members' requests added: 3, changed: 1, unchanged: 1",
        "  R-0100 (new) 口座振替の独自通知: 那珂市, 五霞町",
        "  R-0001 (existing) 転入届の受付: 那珂市 (changed: Request, Annual case count), 五霞町 (joins), "
        "常陸大宮市 (unchanged) (estimate changed)",
    ]
    assert dialog.windowTitle() == "Import requests"


def test_import_dialog_columns_in_english(english, runner, qtbot, tmp_path):
    from ui.dialogs.import_functions_dialog import ImportFunctionsDialog

    path = tmp_path / "list.csv"
    path.write_text("機能ID,業務,機能名,適合度\n0100001,住民基本台帳,住民票の登録,○\n", encoding="utf-8-sig")
    dialog = ImportFunctionsDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.load_file(path)
    # The meaning drop-down above column C reads in English; the file's own header stays as written.
    assert dialog.columns_table.combo_for(2).currentText() == "Function name"
    assert dialog.columns_table.item(1, 2).text() == "機能名"
    assert dialog.tabs.tabText(0) and not re.search(r"[ぁ-んァ-ン一-龥]", dialog.import_button.text())
