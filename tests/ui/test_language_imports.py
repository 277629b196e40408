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


def _detect(tmp_path, header: list[str], rows: list[list[object]]):
    import openpyxl

    from cloudsuppress import wording
    from cloudsuppress.importers.detect import detect_function_list
    from cloudsuppress.importers.tabular import read_workbook

    wb = openpyxl.Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "list.xlsx")
    before = wording._audience
    wording.set_audience(wording.GUI)
    try:
        return detect_function_list(read_workbook(tmp_path / "list.xlsx")).functions
    finally:
        wording.set_audience(before)


def test_the_detections_notes_and_questions_in_english(english, tmp_path):
    """Composed in the core as Phrases: Japanese for the CLI, spelled in English by the GUI."""
    from ui.labels import label

    rows = [[f"01{n:05d}", f"R{n:04d}", "住民基本台帳", f"転入届の受付（{n}）", "○"] for n in range(12)]
    det = _detect(tmp_path, ["機能ID", "要件ID", "業務", "機能名称", "適合度"], rows)
    (question,) = det.ambiguities
    assert question.message.startswith("機能IDの候補が2つあります: A列「機能ID」とB列「要件ID」。")  # the core's text
    assert label(question.message) == ('Function ID candidates: 2 columns, column A "機能ID" and column B "要件ID". '
                                       'Choose which one is the Function ID (on the "Columns" tab).')
    det = _detect(tmp_path, ["No.", "業務", "機能名称", "適合度"], [[n + 1, "住民基本台帳", "転入届", "○"] for n in range(12)])
    assert [label(n) for n in det.notes] == ['No function ID column: column A "No." is used as the ID.']
    det = _detect(tmp_path, ["機能ID", "業務", "機能名称", "ベンダー記入欄"],
                  [[f"01{n:05d}", "住民基本台帳", "転入届", "○△×"[n % 3]] for n in range(12)])
    assert [label(a.message) for a in det.ambiguities] == [
        'Column D "ベンダー記入欄" looks like fit marks (×・△・○). On the "Columns" tab, set this column to "Fit" or choose '
        '"Do not import".']


def test_the_plans_warnings_in_english(english):
    from ui.dialogs.import_functions_dialog import plan_summary

    juki = SystemDiff(1, "住民基本台帳", None, None, added=("9",), changed=(), removed=("0100001", "0100002"),
                      unchanged=0, existing=2, matched=0, live=2, sample_new=("1", "2"), sample_old=("0100001", "0100002"),
                      retiring_requested=(("0100009", ("R-0001", "R-0002")),))
    plan = FunctionImportPlan("list.xlsx", None, {}, (juki,))
    assert plan.warnings[1] == ("注意: 住民基本台帳: 要望 R-0001、R-0002 の対象 0100009 が欠番になります"
                                "（新しい版で削除される機能です。要望の扱いを確かめてください）。")
    lines = plan_summary(plan).splitlines()
    assert lines[0].startswith("Note: 住民基本台帳: the file's function IDs (1, 2 …) match none of the registered list "
                               "(2: 0100001, 0100002 …). Importing removes the 2 registered functions")
    assert lines[1] == ("Note: 住民基本台帳: 0100009, the target of request R-0001, R-0002, becomes retired "
                        "(deleted in the new edition; check how to handle the request).")


def test_the_header_note_is_as_tall_as_its_english_text(english, runner, qtbot, tmp_path):
    """The note under 見出し行 runs to more lines in English; it was cut to the height of its first layout."""
    import openpyxl

    from ui.dialogs.import_functions_dialog import ImportFunctionsDialog

    wb = openpyxl.Workbook()
    wb.active.append(["No.", "業務", "機能名称", "適合度"])
    for n in range(12):
        wb.active.append([n + 1, "住民基本台帳", "転入届", "○"])
    wb.save(tmp_path / "numbered.xlsx")
    dialog = ImportFunctionsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.resize(1180, 640)
    dialog.show()
    dialog.load_file(tmp_path / "numbered.xlsx")
    qtbot.waitUntil(lambda: "No function ID column" in dialog.header_note.text(), timeout=20_000)
    qtbot.wait(50)
    note = dialog.header_note
    assert note.text().count("\n") == 1 and note.heightForWidth(note.width()) > 2 * note.fontMetrics().lineSpacing() + 4
    assert note.height() >= note.heightForWidth(note.width())
