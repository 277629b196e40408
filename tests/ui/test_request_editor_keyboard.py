"""The request editor from the keyboard alone: a new item is created and saved with key events
only (Japanese committed as an input method does), Tab walks every control in screen order to
保存 and each one has a Japanese accessible name, Enter in the function search chooses the
highlighted function, a refused save shows the missing field (on its member's tab), Ctrl+Tab
and Ctrl+PgDown switch tabs from any field, Alt+1 moves the status, and Esc asks before
discarding edits."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.functions import list_function_rows
from cloudsuppress.ops.request_queries import get_item_detail, list_item_rows
from ui.request_editor.request_item_dialog import RequestItemDialog
from ui.request_editor.request_prompts import ReasonDialog
from ui.table_models.function_table_model import FunctionTableModel

from .test_main_window import type_japanese

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def detail(runner, key):
    return runner.read(lambda s: get_item_detail(s, req.resolve_item(s, key)))


@pytest.fixture
def functions(runner):
    model = FunctionTableModel()
    model.set_rows(runner.read(list_function_rows))
    return model


@pytest.fixture
def open_editor(runner, functions, qtbot, app_font):
    """Show the editor (new item, or an item by key) as the active window, as a user would see it."""
    def make(key=None):
        item_id = runner.read(lambda s: req.resolve_item(s, key)) if key else None
        dialog = RequestItemDialog(runner, item_id=item_id, functions=functions)
        # hidden before pytest-qt closes it: a hidden editor asks nothing, so no question blocks the teardown
        qtbot.addWidget(dialog, before_close_func=lambda w: w.hide())
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        assert QApplication.activeWindow() is dialog  # the keyboard's events and shortcuts go to it
        return dialog
    return make


def focused(dialog):
    return dialog.focusWidget()


def press(dialog, key, modifier=Qt.KeyboardModifier.NoModifier):
    """One key on whatever has the focus, as the keyboard would deliver it."""
    QTest.keyClick(focused(dialog), key, modifier)


def tab(dialog, times=1):
    for _ in range(times):
        press(dialog, Qt.Key.Key_Tab)


def free_function(runner, functions):
    """A function no request item points to, and the text that finds it among others."""
    used = {r.function_id for r in runner.read(list_item_rows)}
    rows = [functions.row_at(r) for r in range(functions.rowCount())]
    target = next(r for r in rows[5:] if r.id not in used)
    prefix = target.code[:-1]  # matches the target and its neighbours
    return target, prefix


def test_create_and_save_a_request_with_the_keyboard_only(open_editor, runner, functions, qtbot, no_message_boxes):
    dialog = open_editor()
    form = dialog.new_form
    assert focused(dialog) is dialog.key_edit  # the first field has the focus on open
    tab(dialog)
    assert focused(dialog) is dialog.member_combo
    press(dialog, Qt.Key.Key_Down)  # the first member
    member = dialog.member_combo.currentText()
    assert dialog.member_combo.currentData() is not None
    tab(dialog)
    assert focused(dialog) is dialog.package_radio
    tab(dialog)
    assert focused(dialog) is dialog.picker.search
    target, prefix = free_function(runner, functions)
    QTest.keyClicks(dialog.picker.search, prefix)  # ASCII: real key events
    assert dialog.picker.model.rowCount() > 1
    for _ in range(dialog.picker.model.rowCount()):
        if dialog.picker.chosen() is not None and dialog.picker.chosen().id == target.id:
            break
        press(dialog, Qt.Key.Key_Down)  # the highlight moves in the list below the search box
    assert focused(dialog) is dialog.picker.search
    press(dialog, Qt.Key.Key_Return)  # Enter chooses the highlighted function and moves on (no save)
    assert dialog.picker.chosen().id == target.id
    assert focused(dialog) is dialog.title_edit
    assert runner.read(list_item_rows)[-1].key == "R-0035"  # nothing saved by that Enter
    type_japanese(focused(dialog), "窓口での案内文の印字")
    tab(dialog)
    assert focused(dialog) is dialog.estimate_edit
    QTest.keyClicks(focused(dialog), "880000")
    tab(dialog)
    assert focused(dialog) is dialog.tabs.tabBar()
    tab(dialog)
    assert focused(dialog) is form.content_edit
    type_japanese(focused(dialog), "転入届の受付時に町独自の案内文を印字してほしい。")
    tab(dialog)
    assert focused(dialog) is form.reason_combo
    press(dialog, Qt.Key.Key_Down)
    reason = form.reason_combo.currentData()
    assert reason is not None
    tab(dialog)
    assert focused(dialog) is form.drop_yes
    press(dialog, Qt.Key.Key_Right)  # arrows move within the radio pair and check
    if not form.drop_no.isChecked():
        press(dialog, Qt.Key.Key_Space)
    assert form.drop_no.isChecked()
    tab(dialog)
    assert focused(dialog) is form.detail_edit
    type_japanese(focused(dialog), "案内文は別紙で配布できる。")
    tab(dialog)
    assert focused(dialog) is form.cases_edit
    QTest.keyClicks(focused(dialog), "320")
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(runner.changed):
        press(dialog, Qt.Key.Key_S, CTRL)
    assert dialog.saved_key == "R-0036"
    d = detail(runner, "R-0036")
    assert (d.item.function_id, d.item.title, d.item.estimate, d.item.status) == \
        (target.id, "窓口での案内文の印字", 880_000, "requested")
    (part,) = d.parts
    assert (part.member, part.content, part.reason, part.service_drop, part.service_drop_detail, part.annual_cases) == \
        (member, "転入届の受付時に町独自の案内文を印字してほしい。", reason, False, "案内文は別紙で配布できる。", 320)
    assert no_message_boxes == []
    # the editor now shows the saved item; Esc closes it without asking (nothing unsaved)
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def walk_tab_chain(dialog, stop, limit=80):
    """Press Tab from the focused control until ``stop`` has the focus; every control met, in order."""
    met = [focused(dialog)]
    while met[-1] is not stop and len(met) < limit:
        tab(dialog)
        met.append(focused(dialog))
    return met


def describe(widget) -> str:
    return f"{type(widget).__name__} {widget.objectName()} {widget.accessibleName()!r}"


def test_tab_chain_of_a_new_item_names_every_control_and_reaches_save(open_editor, runner, functions):
    dialog = open_editor()
    form = dialog.new_form
    # fill what saving needs, so that 保存 is enabled (a disabled button is not a Tab stop)
    dialog.member_combo.setCurrentIndex(1)
    target, _ = free_function(runner, functions)
    dialog.picker.set_function(target.id)
    form.content_edit.setFocus()
    type_japanese(form.content_edit, "内容")
    form.reason_combo.setCurrentIndex(1)
    form.drop_yes.setChecked(True)
    form.detail_edit.setFocus()
    type_japanese(form.detail_edit, "理由")
    assert dialog.save_button.isEnabled()
    dialog.key_edit.setFocus()
    chain = walk_tab_chain(dialog, dialog.save_button)
    assert chain[-1] is dialog.save_button, [describe(w) for w in chain]
    unnamed = [describe(w) for w in chain if not w.accessibleName().strip()]
    assert unnamed == []
    expected = [dialog.key_edit, dialog.member_combo, dialog.package_radio, dialog.picker.search, dialog.picker.table,
                dialog.title_edit, dialog.estimate_edit, dialog.tabs.tabBar(), form.content_edit, form.reason_combo,
                form.drop_yes, form.detail_edit, form.cases_edit, form.workaround_edit, dialog.save_button]
    assert chain == expected, [describe(w) for w in chain]
    tab(dialog)
    assert focused(dialog) is dialog.close_button
    press(dialog, Qt.Key.Key_Backtab, SHIFT)
    assert focused(dialog) is dialog.save_button


def test_tab_chain_of_an_open_item_passes_the_side_panel_and_the_status_moves(open_editor, runner):
    dialog = open_editor("R-0034")  # requested, one member
    form = next(iter(dialog.forms.values()))
    assert focused(dialog) is dialog.picker.search  # 要望番号 is read-only: the first field is the function
    dialog.estimate_edit.setFocus()
    QTest.keyClicks(dialog.estimate_edit, "5")  # an edit, so that 保存 is enabled
    assert dialog.save_button.isEnabled()
    chain = walk_tab_chain(dialog, dialog.save_button)
    assert chain[-1] is dialog.save_button, [describe(w) for w in chain]
    assert [describe(w) for w in chain if not w.accessibleName().strip()] == []
    order = [dialog.estimate_edit, dialog.tabs.tabBar(), dialog.add_member_button, form.content_edit,
             form.workaround_edit, form.hearing_table, form.hearing_text, form.approval_ref["finance"],
             form.approval_button["mayor"], form.withdraw_button, dialog.move_buttons[Status.UNDER_REVIEW],
             dialog.move_buttons[Status.WITHDRAWN], dialog.save_button]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)
    assert dialog.move_buttons[Status.UNDER_REVIEW].accessibleName() == "検討中にする"
    assert "Alt+1" in dialog.move_buttons[Status.UNDER_REVIEW].toolTip()
    dialog.estimate_edit.clear()


def test_a_refused_save_focuses_the_first_missing_field(open_editor, runner, functions, qtbot):
    dialog = open_editor()
    form = dialog.new_form
    press(dialog, Qt.Key.Key_S, CTRL)
    assert focused(dialog) is dialog.member_combo
    press(dialog, Qt.Key.Key_Down)
    press(dialog, Qt.Key.Key_S, CTRL)
    assert focused(dialog) is dialog.picker.search
    target, _ = free_function(runner, functions)
    QTest.keyClicks(dialog.picker.search, target.code)
    press(dialog, Qt.Key.Key_Return)
    assert focused(dialog) is dialog.title_edit
    press(dialog, Qt.Key.Key_Return)  # Enter saves like Ctrl+S, and is refused the same way
    assert focused(dialog) is form.content_edit
    type_japanese(form.content_edit, "内容")
    press(dialog, Qt.Key.Key_S, CTRL)
    assert focused(dialog) is form.reason_combo
    press(dialog, Qt.Key.Key_Down)
    press(dialog, Qt.Key.Key_S, CTRL)
    assert focused(dialog) is form.drop_yes
    assert form.drop_yes.accessibleDescription() == "住民サービス水準が低下するか（低下する／低下しない）を選んでください。"
    press(dialog, Qt.Key.Key_Space)
    press(dialog, Qt.Key.Key_S, CTRL)
    assert focused(dialog) is form.detail_edit
    assert runner.read(list_item_rows)[-1].key == "R-0035"  # nothing was saved
    assert dialog.save_note.text() == "必須の項目が入力されていないため、保存できません。"
    form.content_edit.clear()
    form.reason_combo.setCurrentIndex(0)
    dialog.member_combo.setCurrentIndex(0)  # leave nothing typed, so closing does not ask


def test_a_refused_save_switches_to_the_members_tab(open_editor, runner, monkeypatch):
    dialog = open_editor("R-0035")
    first = next(iter(dialog.forms.values()))
    newcomer = next(m for m in dialog._members if m.id not in dialog.forms)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (newcomer.name, True)))
    assert dialog.add_member_part()
    added = dialog.forms[newcomer.id]
    assert focused(dialog) is added.content_edit  # the added member's tab, ready to type in
    dialog.tabs.setCurrentWidget(first)
    dialog.title_edit.setFocus()
    press(dialog, Qt.Key.Key_S, CTRL)
    assert dialog.tabs.currentWidget() is added and focused(dialog) is added.content_edit


def test_ctrl_tab_and_ctrl_page_keys_switch_tabs_from_any_field(open_editor, runner):
    dialog = open_editor("R-0034")
    form = next(iter(dialog.forms.values()))
    second = dialog.tabs.widget(1)
    assert dialog.tabs.count() >= 2 and dialog.tabs.currentWidget() is form  # each member, then 変更履歴
    dialog.title_edit.setFocus()
    press(dialog, Qt.Key.Key_Tab, CTRL)  # from a field above the tabs
    assert dialog.tabs.currentIndex() == 1
    press(dialog, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert dialog.tabs.currentWidget() is form and focused(dialog) is form.content_edit
    press(dialog, Qt.Key.Key_PageDown, CTRL)  # from inside the member's text box
    assert dialog.tabs.currentWidget() is second
    press(dialog, Qt.Key.Key_PageUp, CTRL)
    assert dialog.tabs.currentWidget() is form and focused(dialog) is form.content_edit
    press(dialog, Qt.Key.Key_PageUp, CTRL)  # round to the last tab
    assert dialog.tabs.currentWidget() is dialog.history_tab


def test_alt_1_moves_the_status(open_editor, runner, qtbot, monkeypatch):
    def answer(self):
        type_japanese(self.reason_edit, "部会で検討を開始")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    dialog = open_editor("R-0035")
    assert not dialog.move_buttons[Status.STANDARDIZED].isEnabled()
    press(dialog, Qt.Key.Key_2, ALT)  # a move the table does not allow does nothing
    with qtbot.waitSignal(runner.changed):
        press(dialog, Qt.Key.Key_1, ALT)
    assert detail(runner, "R-0035").item.status == "under_review"
    assert dialog.status_badge.text() == "検討中"


def _answer_next_box(button_text: str, seen: list[str]) -> None:
    """When the question appears, note its text and press the named button from the keyboard."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Space)
    QTimer.singleShot(0, answer)


def test_escape_asks_before_discarding_edits(open_editor, runner, qtbot):
    dialog = open_editor()
    press(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()

    dialog = open_editor("R-0034")
    form = next(iter(dialog.forms.values()))
    form.cases_edit.setFocus()
    QTest.keyClicks(form.cases_edit, "0")
    seen: list[str] = []
    _answer_next_box("編集に戻る", seen)
    press(dialog, Qt.Key.Key_Escape)
    assert seen == ["保存していない変更があります。保存してから閉じますか？"]
    assert dialog.isVisible() and form.cases_edit.text().endswith("0")  # the edit is kept
    _answer_next_box("保存して閉じる", seen)
    with qtbot.waitSignal(runner.changed):
        press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    part = next(p for p in detail(runner, "R-0034").parts if p.member_id == form.member_id)
    assert str(part.annual_cases) == form.cases_edit.text()

    dialog = open_editor("R-0034")
    form = next(iter(dialog.forms.values()))
    before = detail(runner, "R-0034").parts[0].annual_cases
    form.cases_edit.setFocus()
    QTest.keyClicks(form.cases_edit, "9")
    _answer_next_box("保存せずに閉じる", seen)
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert detail(runner, "R-0034").parts[0].annual_cases == before
