"""The import dialog as a preview the user steers: workbooks in the field's shapes (a ministry annex,
a vendor's answer sheet, a Fit&Gap sheet, two ID columns, 業務 spelled otherwise), every detection
shown and changeable, every change re-planned at once, 取り込む reading the file as it is now."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.functions import list_function_rows, system_tree
from ui.dialogs.business_system_dialog import BusinessSystemDialog
from ui.dialogs.import_functions_dialog import TAB_IGNORED, TAB_QUESTIONS, ImportFunctionsDialog
from ui.dialogs.import_issues_dialog import ImportIssuesDialog

from . import field_workbooks as fw
from .test_main_window import type_japanese


@pytest.fixture
def issues_shown(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(ImportIssuesDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    return shown


@pytest.fixture
def open_file(runner, qtbot, monkeypatch):
    """open_file(path) → the dialog with that file chosen through 参照…."""
    chosen = {}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(chosen["path"]), "")))

    def open_(path):
        chosen["path"] = path
        dialog = ImportFunctionsDialog(runner)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.choose_file()
        return dialog

    return open_


CLASSES = {"mandatory": "実装必須機能", "optional": "標準オプション機能", "excluded": "実装不可機能"}


def counts(dialog):
    return [(c.business_system, c.added, c.changed, c.removed, c.retired, c.forms) for c in dialog.preview.plan.counts()]


def rows_of(runner, system):
    return [r for r in runner.read(list_function_rows) if r.business_system == system]


def test_changing_a_columns_meaning_replans_at_once(runner, open_file, tmp_path):
    """The 住民基本台帳 list as it is, with a second name column: no change until that column is
    made the 機能名; then every function changes, and the status line says so."""
    juki = rows_of(runner, "住民基本台帳")
    path = tmp_path / "juki.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["機能ID", "業務", "大分類", "中分類", "小分類", "機能名", "新しい機能名", "機能要件", "実装区分",
                    "適合度", "便利機能"])
        for r in juki:
            w.writerow([r.code, r.business_system, r.level1, r.level2, r.level3, r.name, r.name + "（改）", r.requirement,
                        CLASSES.get(r.requirement_class, ""), r.fit or "", "○" if r.convenience else ""])
    dialog = open_file(path)
    table = dialog.columns_table
    assert table.combo_for(6).currentData() is None  # 「新しい機能名」 is not a known header
    assert counts(dialog) == [("住民基本台帳", 0, 0, 0, 0, 0)]
    before = dialog.status.text()
    combo = table.combo_for(6)
    combo.setCurrentIndex(combo.findData("name"))
    # The 機能名 moved: the old column lets go of it, and the plan changed at once.
    assert table.combo_for(5).currentData() is None and table.combo_for(6).currentData() == "name"
    assert counts(dialog) == [("住民基本台帳", 0, len(juki), 0, 0, 0)]
    assert dialog.status.text() != before and f"変更 {len(juki)} 件" in dialog.status.text()
    assert dialog.plan_panel.table.item(0, 4).text() == str(len(juki))
    assert f"{juki[0].code}（機能名）" in dialog.plan_panel.text.toPlainText()


def test_two_id_columns_are_asked_not_guessed(runner, open_file, tmp_path, issues_shown):
    dialog = open_file(fw.two_id_columns(tmp_path / "two.xlsx"))
    assert dialog.questions.count == 1 and dialog.tabs.currentIndex() == TAB_QUESTIONS
    assert dialog.tabs.tabText(TAB_QUESTIONS) == "確認事項（1）"
    assert "機能番号" in dialog.status.text() or "確認事項が 1 件" in dialog.status.text()
    assert dialog.preview.plan is None
    combo = dialog.questions.ambiguity_combos["code"]
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["B列「機能番号」", "C列「要件ID」"]
    # 取り込む before answering: refused, naming both columns; nothing written.
    before = runner.read(list_function_rows)
    dialog.import_now()
    assert "B列「機能番号」とC列「要件ID」" in issues_shown[-1]
    assert runner.read(list_function_rows) == before
    combo.setCurrentIndex(1)  # 機能番号
    assert dialog.questions.count == 0
    assert dialog.columns_table.combo_for(1).currentData() == "code"
    assert dialog.columns_table.combo_for(2).currentData() is None
    assert dialog.preview.plan is not None and not dialog.preview.issues
    assert sorted(rec.code for recs in dialog.preview.plan.records.values() for rec in recs)[:2] == ["0100001", "0100002"]


def test_unknown_systems_are_asked_once_per_name(runner, open_file, tmp_path, monkeypatch, no_message_boxes):
    """住民記録 is a known spelling of 住民基本台帳; 斎場予約 and 後期高齢者医療制度 are asked once each
    (not once per row): one is mapped to the registered 業務 offered first, the other added as a new 業務."""
    dialog = open_file(fw.unknown_systems_list(tmp_path / "systems.xlsx", rows=30))
    assert set(dialog.questions.system_combos) == {"後期高齢者医療制度", "斎場予約"}
    assert dialog.preview.plan is None
    elderly = dialog.questions.system_combos["後期高齢者医療制度"]
    assert elderly.itemText(1) == "後期高齢者医療（候補）"
    # Mapped to a 業務 whose functions requests point to: the preview says it cannot be applied.
    elderly.setCurrentIndex(elderly.findData("畜犬管理"))
    assert dialog.questions.count == 1  # re-planned: one question left, the answered one still shown
    assert dialog.questions.system_combos["後期高齢者医療制度"].currentData() == "畜犬管理"
    dialog.questions.system_combos["斎場予約"].setCurrentIndex(2)
    assert dialog.questions.count == 0
    assert "削除できない機能" in dialog.status.text() and not dialog.import_button.isEnabled()
    dialog.questions.system_combos["斎場予約"].setCurrentIndex(0)  # back to unanswered
    dialog.questions.system_combos["後期高齢者医療制度"].setCurrentIndex(1)  # the 業務 offered first
    assert dialog.questions.count == 1

    def add(dlg):
        assert dlg.name_edit.text() == "斎場予約"
        dlg.subcommittee_combo.setCurrentText("総合業務")
        dlg.ok_button.click()
        return dlg.result()

    monkeypatch.setattr(BusinessSystemDialog, "exec", add)
    dialog.questions.add_buttons["斎場予約"].click()
    assert dialog.questions.count == 0
    assert {c[0]: c[1] for c in counts(dialog)} == {"住民基本台帳": 15, "斎場予約": 8, "後期高齢者医療": 7}
    dialog.import_now()
    assert dialog.applied
    assert [r.code for r in rows_of(runner, "斎場予約")] == ["0900002", "0900006", "0900010", "0900014", "0900018",
                                                           "0900022", "0900026", "0900030"]
    assert {n.name: n.subcommittee for n in runner.read(system_tree)}["斎場予約"] == "総合業務"


def test_ministry_annex_shows_sheets_header_ignored_rows_forms_and_retired(runner, open_file, tmp_path,
                                                                          no_message_boxes):
    dialog = open_file(fw.ministry_annex(tmp_path / "annex.xlsx", functions=24, retired=(5,), forms=6))
    items = [dialog.sheet_list.item(i).text() for i in range(dialog.sheet_list.count())]
    assert items == ["表紙　［表なし］", "機能要件　［機能］", "帳票要件　［帳票］"]
    assert dialog.form_combo.currentText() == "帳票要件"
    assert (dialog.header_first.value(), dialog.header_last.value()) == (4, 5)
    table = dialog.columns_table
    assert table.item(1, 1).text() == "機能分類 / 大項目"
    assert table.item(2, 0).text() == "0010001"  # the number 10001 as Excel shows it (0000000)
    ignored = [dialog.ignored_table.item(r, 0).text() for r in range(dialog.ignored_table.rowCount())]
    assert "機能要件 31行目" in ignored and "帳票要件 11行目" in ignored and dialog.tabs.tabText(TAB_IGNORED).startswith("除外する行（")
    # No 業務 column: the target is asked; then the plan has the forms and the retired ID.
    assert dialog.system_combo.isVisibleTo(dialog) and dialog.preview.plan is None
    assert "取り込み先の業務" in dialog.status.text()
    dialog.system_combo.setCurrentIndex(dialog.system_combo.findData("住民基本台帳"))
    (system, added, changed, removed, retired, forms), = counts(dialog)
    assert (system, added, retired, forms) == ("住民基本台帳", 30, 1, 6)
    assert "0010006" in dialog.plan_panel.text.toPlainText()  # the retired ID is named
    # The form sheet's columns can be looked at (as detected, not changed).
    shown = dialog.shown_sheet_combo
    assert [shown.itemText(i) for i in range(shown.count())] == ["機能「機能要件」", "帳票「帳票要件」"]
    shown.setCurrentIndex(1)
    assert table.item(1, 0).text() == "帳票ID" and table.item(2, 0).text() == "0020001"
    assert not table.combo_for(0).isEnabled() and table.combo_for(1).currentText() == "機能名"
    shown.setCurrentIndex(0)
    assert table.combo_for(0).isEnabled() and table.item(1, 1).text() == "機能分類 / 大項目"
    dialog.import_now()
    # forms and 欠番 said apart, not counted as functions (it said 「機能一覧を取り込みました（30 件）」)
    assert dialog.applied.startswith("機能一覧を取り込みました（機能 23 件、帳票 6 件、欠番 1 件）。")
    rows = {r.code: r for r in rows_of(runner, "住民基本台帳")}
    assert rows["0010006"].retired and rows["0020001"].kind == "form" and rows["0010001"].kind == "function"


def test_vendor_sheet_shows_the_fit_words_and_the_blank_rule(runner, open_file, tmp_path):
    dialog = open_file(fw.vendor_answer_sheet(tmp_path / "vendor.xlsx", rows=12))
    words = {dialog.fit_table.item(r, 0).text(): dialog.fit_table.item(r, 1).text()
             for r in range(dialog.fit_table.rowCount())}
    assert words["〇（U+3007）"] == "○" and words["○（U+25CB）"] == "○"  # look-alikes told apart
    assert "空欄の適合度は「×」とみなします" in dialog.fit_note.text()
    reasons = {dialog.ignored_table.item(r, 1).text() for r in range(dialog.ignored_table.rowCount())}
    assert "合計行" in reasons


def test_fit_gap_member_columns_are_shown_with_their_member(runner, open_file, tmp_path):
    dialog = open_file(fw.fit_gap_sheet(tmp_path / "fg.xlsx", members=("常陸大宮市", "那珂市")))
    assert dialog.columns_table.combo_for(5).currentText() == "常陸大宮市の判定"
    assert dialog.columns_table.combo_for(8).currentText() == "那珂市の現行運用・要望"
    assert sorted(dialog.preview.plan.members) == ["常陸大宮市", "那珂市"]


def test_import_reads_the_file_as_it_is_now(runner, open_file, tmp_path, issues_shown, no_message_boxes):
    """The preview showed a problem; the user fixes the file and presses 取り込む without choosing it again."""
    path = tmp_path / "fix.csv"
    rows = [[f"09{i:05d}", "住民基本台帳", f"機能{i}", "◎" if i == 1 else "○"] for i in range(3)]

    def write():
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(["機能ID", "業務", "機能名", "適合度"])
            w.writerows(rows)

    write()
    dialog = open_file(path)
    assert dialog.preview.plan is None and "◎" in dialog.plan_panel.text.toPlainText()
    rows[1][3] = "△"
    write()
    dialog.import_now()
    assert issues_shown == []
    assert no_message_boxes[-1][0] == "question" and "読み直しました" in no_message_boxes[-1][1]
    assert dialog.applied
    assert {r.code: r.fit for r in rows_of(runner, "住民基本台帳")}["0900001"] == "△"


def test_many_rows_with_one_problem_are_one_line(runner, open_file, tmp_path, issues_shown):
    path = tmp_path / "many.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["機能ID", "業務", "機能名", "適合度"])
        w.writerows([[f"09{i:05d}", "住民基本台帳", f"機能{i}", "たぶん"] for i in range(176)])
    dialog = open_file(path)
    dialog.import_now()
    lines = issues_shown[-1].splitlines()
    assert len(lines) == 1 and "2〜177行目（176 行）" in lines[0] and "たぶん" in lines[0]


def test_sheet_and_header_rows_can_be_changed(runner, open_file, tmp_path, qtbot):
    dialog = open_file(fw.ministry_annex(tmp_path / "annex.xlsx"))
    dialog.header_first.setValue(5)  # only the lower header row: the merged 機能分類 is gone
    assert (dialog.header_first.value(), dialog.header_last.value()) == (5, 5)
    assert dialog.columns_table.item(1, 1).text() == "大項目"
    item = dialog.sheet_list.item(2)  # 帳票要件 as the function sheet
    dialog.sheet_list.setCurrentItem(item)
    qtbot.waitUntil(lambda: dialog.preview.detection.functions.sheet == "帳票要件")
    assert dialog.columns_table.item(1, 1).text() == "帳票名称"


def test_spec_version_typed_in_japanese_is_used(runner, open_file, tmp_path):
    dialog = open_file(fw.fit_gap_sheet(tmp_path / "fg.xlsx"))
    dialog.spec_edit.setFocus()
    type_japanese(dialog.spec_edit, "第2.1版")
    dialog.spec_edit.editingFinished.emit()
    assert dialog.preview.plan.spec_version == "第2.1版"


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_fits_the_laptop_screen_with_buttons_visible(runner, open_file, tmp_path, size):
    dialog = open_file(fw.ministry_annex(tmp_path / "annex.xlsx", functions=60))
    dialog.resize(*size)
    assert dialog.minimumSizeHint().width() <= size[0] and dialog.minimumSizeHint().height() <= size[1] - 40
    dialog.resize(size[0], size[1] - 40)
    for button in (dialog.import_button, dialog.reload_button):
        top_left = button.mapTo(dialog, QPoint(0, 0))
        assert 0 <= top_left.y() and top_left.y() + button.height() <= dialog.height()
        assert 0 <= top_left.x() and top_left.x() + button.width() <= dialog.width()
        assert button.isVisible()


def test_the_wheel_scrolls_past_the_meaning_drop_downs(runner, open_file, tmp_path):
    """Scrolling the preview with the wheel over a drop-down does not change a column's meaning."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    dialog = open_file(fw.fit_gap_sheet(tmp_path / "fg.xlsx"))
    combo = dialog.columns_table.combo_for(3)
    before = (combo.currentData(), dialog.preview)
    event = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, event)
    assert (combo.currentData(), dialog.preview) == before


def test_clicking_a_sheet_switches_to_it(runner, open_file, tmp_path, qtbot):
    """A real click on another sheet (the list is rebuilt by the new preview, after the click is handled)."""
    dialog = open_file(fw.ministry_annex(tmp_path / "annex.xlsx"))
    sheets = dialog.sheet_list
    rect = sheets.visualItemRect(sheets.item(2))
    qtbot.mouseClick(sheets.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dialog.preview.detection.functions.sheet == "帳票要件")
    assert sheets.currentItem().text() == "帳票要件　［帳票］"
    assert dialog.columns_table.item(1, 1).text() == "帳票名称"


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_shown_sheet_drop_down_shows_its_whole_text(runner, open_file, tmp_path, qtbot, size):
    """Review R5: 「表示するシート」 read 「機能「機」 because the drop-down kept the width it had when
    the dialog opened empty. Filled after a file is read, it is as wide as its longest entry."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    dialog = open_file(fw.ministry_annex(tmp_path / "annex.xlsx", functions=24, forms=6))
    dialog.resize(size[0], size[1] - 40)
    qtbot.waitUntil(lambda: dialog.shown_sheet_combo.isVisible())
    combo = dialog.shown_sheet_combo
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    text_room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo).width()
    for i in range(combo.count()):  # the ink: a closing 」's advance ends in blank half a character
        assert combo.fontMetrics().boundingRect(combo.itemText(i)).width() <= text_room, combo.itemText(i)
