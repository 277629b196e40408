"""Issue 12 review: the import dialog shows the first rows as they will be imported (not the cells as
read), and lets the user change the two readings it could not change before: the cost column's unit
(千円 from its header) and the blank-answer rule (the sheet's note 「空欄の場合は「×」とみなします」).
Each change re-plans at once: the rows shown and the plan follow."""
from __future__ import annotations

import pytest

from ui.dialogs.import_functions_dialog import TAB_ROWS, ImportFunctionsDialog

from . import field_workbooks as fw
from .test_function_browser_forms import import_book


@pytest.fixture
def dialog_for(runner, qtbot):
    def open_(path, system=None):
        dialog = ImportFunctionsDialog(runner)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.load_file(path)
        if system:
            dialog.system_combo.setCurrentIndex(dialog.system_combo.findData(system))
        return dialog

    return open_


def shown_rows(dialog):
    """The 取り込む行 tab: {ID: {heading: text}}."""
    table = dialog.rows_panel.table
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return {table.item(r, 2).text(): {h: table.item(r, c).text() for c, h in enumerate(heads)}
            for r in range(table.rowCount())}


def counts(dialog):
    return [(c.business_system, c.added, c.changed, c.removed) for c in dialog.preview.plan.counts()]


def test_the_rows_as_imported_follow_the_cost_unit_and_the_blank_rule(runner, dialog_for, tmp_path, no_message_boxes):
    path = fw.vendor_answer_sheet(tmp_path / "vendor.xlsx", rows=12)
    import_book(runner, path, business_system="住民基本台帳")  # as detected: 千円, blank → ×
    dialog = dialog_for(path, "住民基本台帳")
    assert dialog.tabs.tabText(TAB_ROWS) == "取り込む行"
    assert counts(dialog) == [("住民基本台帳", 0, 0, 0)]
    assert dialog.cost_unit_combo.isVisibleTo(dialog) and dialog.cost_unit_combo.currentText() == "千円"
    assert dialog.blank_fit_combo.isVisibleTo(dialog) and dialog.blank_fit_combo.currentText() == "×とみなす"
    rows = shown_rows(dialog)
    assert len(rows) == 12 and rows["3"]["行"] == "8"
    # As imported: 〇 (U+3007) read as ○, a name made from the requirement sentence, 千円 in 円, 別途見積 kept.
    assert rows["1"]["適合度"] == "○" and rows["1"]["名称"].startswith("転入届の受付時に") and rows["1"]["名称"].endswith("…")
    assert rows["3"]["適合度"] == "△" and rows["3"]["費用"] == "352,000円" and rows["9"]["費用"] == "別途見積"
    assert rows["3"]["代替案・改定"] == "EUCで代替可能" and rows["6"]["適合度"] == "×"  # No.6 left blank
    assert rows["1"]["業務"] == "住民基本台帳" and rows["1"]["実装区分"] == "標準オプション機能"

    dialog.cost_unit_combo.setCurrentIndex(dialog.cost_unit_combo.findData(1))  # 円: the vendor wrote yen
    assert dialog.preview.detection.functions.cost_unit == 1
    assert shown_rows(dialog)["3"]["費用"] == "352円"
    assert counts(dialog) == [("住民基本台帳", 0, 1, 0)] and "変更 1 件" in dialog.status.text()
    assert "円単位として読みます（指定による" in dialog.header_note.text()

    dialog.blank_fit_combo.setCurrentIndex(dialog.blank_fit_combo.findData(""))  # 未評価, against the note
    rows = shown_rows(dialog)
    assert rows["6"]["適合度"] == "未評価" and rows["12"]["適合度"] == "未評価" and rows["1"]["適合度"] == "○"
    assert counts(dialog) == [("住民基本台帳", 0, 3, 0)]
    assert "未評価として取り込みます（指定による。3行目の注記は「×」）" in dialog.fit_note.text()
    dialog.import_now()
    assert dialog.applied
    assert dialog.overrides.cost_unit == 1 and dialog.overrides.blank_fit == ""


def test_a_sheet_without_a_note_can_read_blanks_as_cross(runner, dialog_for, tmp_path, no_message_boxes):
    dialog = dialog_for(fw.vendor_answer_sheet(tmp_path / "vendor.xlsx", rows=12, blank_means_cross=False),
                        "住民基本台帳")
    assert dialog.blank_fit_combo.isVisibleTo(dialog) and dialog.blank_fit_combo.currentText() == "未評価"
    assert shown_rows(dialog)["6"]["適合度"] == "未評価"
    dialog.blank_fit_combo.setCurrentIndex(dialog.blank_fit_combo.findData("×"))
    assert shown_rows(dialog)["6"]["適合度"] == "×"
    assert [r.fit for r in dialog.preview.parsed.records if r.code == "6"] == ["×"]


def test_forms_and_retired_ids_are_told_apart_and_the_readings_hidden_when_not_needed(dialog_for, tmp_path, no_message_boxes):
    """The ministry annex: no cost column and no fit column, so neither choice is offered; a retired ID
    reads 「機能（欠番）」 struck through, the forms 「帳票」 with their own classes."""
    dialog = dialog_for(fw.ministry_annex(tmp_path / "annex.xlsx", functions=24, retired=(5,), forms=6), "住民基本台帳")
    assert not dialog.cost_unit_combo.isVisibleTo(dialog) and not dialog.blank_fit_combo.isVisibleTo(dialog)
    rows = shown_rows(dialog)
    assert rows["0010006"]["種類"] == "機能（欠番）" and rows["0010006"]["名称"] == "（削除）"
    table = dialog.rows_panel.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 2).text() == "0010006")
    assert table.item(row, 3).font().strikeOut()
    assert rows["0020001"]["種類"] == "帳票" and rows["0020001"]["実装区分"] in ("実装必須帳票", "標準オプション帳票")
    assert "帳票 6 件" in dialog.rows_panel.note.text() and "うち欠番 1 件" in dialog.rows_panel.note.text()
    # A column's meaning changed: the rows shown are made again from the new records.
    combo = dialog.columns_table.combo_for(dialog.preview.detection.functions.mapping["name"])
    # the 機能名 column left out: names come from the requirement sentence
    before = rows["0010001"]["名称"]
    combo.setCurrentIndex(combo.findData(None))
    assert shown_rows(dialog)["0010001"]["名称"] != before
