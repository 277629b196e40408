"""後乗り: adding a member with a join date after the consortium's decisions prompts for the
decisions to accept, and records the acceptance (``accept_decisions``)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from cloudsuppress.ops.late_joiners import decisions_to_accept, prior_decisions
from cloudsuppress.ops.members import add_member, list_members
from ui.dialogs.add_member_dialog import AddMemberDialog
from ui.dialogs.late_joiner_dialog import COL_ACCEPT, LateJoinerDialog, PendingDecisionTableModel

from .test_main_window import type_japanese

JOINED = dt.date(2026, 12, 31)  # after every decision of the demo


@pytest.fixture
def members_view(runner, qtbot, app_font):
    from ui.views.member_view import MemberView

    view = MemberView(runner)
    qtbot.addWidget(view)
    runner.changed.connect(view.on_changed)
    view.refresh()
    return view


def _newcomer(runner) -> int:
    runner.run(lambda s: add_member(s, name="大子町", population=15_123, joined_on=JOINED), parent=None)
    return next(m.id for m in runner.read(list_members) if m.name == "大子町")


def test_model_passes_qt_model_tester(runner, qtmodeltester):
    member_id = _newcomer(runner)
    model = PendingDecisionTableModel()
    model.set_rows(runner.read(lambda s: decisions_to_accept(s, member_id)))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    first = model.index(0, COL_ACCEPT)
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(first, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.sort(COL_ACCEPT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    assert len(model.checked_ids()) == model.rowCount() - 1


def test_adding_a_late_joiner_prompts_and_records_acceptance(members_view, runner, qtbot, monkeypatch,
                                                              no_message_boxes):
    shown = {}

    def fill_and_add(dialog):
        dialog.name_edit.setFocus()
        type_japanese(dialog.name_edit, "大子町")
        dialog.population_spin.setValue(15_123)
        dialog.joined_edit.setDate(QDate(JOINED))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def accept_all_but_first(dialog):
        shown["rows"] = dialog.model.rowCount()
        shown["keys"] = [r.key for r in dialog.model.rows()]
        dialog.model.setData(dialog.model.index(0, COL_ACCEPT), Qt.CheckState.Unchecked.value,
                             Qt.ItemDataRole.CheckStateRole)
        dialog.date_edit.setDate(QDate(2027, 1, 15))
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AddMemberDialog, "exec", fill_and_add)
    monkeypatch.setattr(LateJoinerDialog, "exec", accept_all_but_first)
    messages = []
    members_view.status_message.connect(messages.append)
    members_view.add_member()
    member_id = next(m.id for m in runner.read(list_members) if m.name == "大子町")
    prior = runner.read(lambda s: prior_decisions(s, member_id))
    assert shown["rows"] == len(prior) > 0
    assert shown["keys"] == [d.key for d in prior]
    pending = runner.read(lambda s: decisions_to_accept(s, member_id))
    assert [d.key for d in pending] == [shown["keys"][0]]  # the unticked one is still to accept
    accepted = [d for d in runner.read(lambda s: prior_decisions(s, member_id)) if d.accepted_on]
    assert len(accepted) == len(prior) - 1 and {d.accepted_on for d in accepted} == {dt.date(2027, 1, 15)}
    assert messages[-1] == f"「大子町」が既決事項 {len(prior) - 1} 件を承認したことを記録しました。"
    assert no_message_boxes == []


def test_no_prompt_without_prior_decisions(members_view, runner, monkeypatch):
    def fill_and_add(dialog):
        type_japanese(dialog.name_edit, "大子町")
        dialog.joined_edit.setDate(QDate(2020, 4, 1))  # before any decision
        dialog.add_now()
        return dialog.result()

    def never(_dialog):
        raise AssertionError("no decisions to accept: no prompt")

    monkeypatch.setattr(AddMemberDialog, "exec", fill_and_add)
    monkeypatch.setattr(LateJoinerDialog, "exec", never)
    members_view.add_member()
    assert any(m.name == "大子町" for m in runner.read(list_members))


def test_later_records_nothing(runner, qtbot):
    member_id = _newcomer(runner)
    pending = runner.read(lambda s: decisions_to_accept(s, member_id))
    dialog = LateJoinerDialog(runner, member_id=member_id, member="大子町", joined_on=JOINED, decisions=pending)
    qtbot.addWidget(dialog)
    dialog.later_button.click()
    assert dialog.recorded == 0
    assert len(runner.read(lambda s: decisions_to_accept(s, member_id))) == len(pending)
    # nothing ticked: the record button is disabled and records nothing
    for r in range(dialog.model.rowCount()):
        dialog.model.setData(dialog.model.index(r, COL_ACCEPT), Qt.CheckState.Unchecked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert not dialog.record_button.isEnabled() and dialog.record() is False


def test_a_late_joiner_joins_a_customization_from_the_gui(runner, qtbot, no_message_boxes, monkeypatch):
    """Issue #14: the dialog used to send the user to the command line (latejoin join)."""
    from cloudsuppress.ops.costs import item_shares
    from ui.dialogs.join_customization_dialog import JoinCustomizationDialog

    member_id = _newcomer(runner)
    pending = runner.read(lambda s: decisions_to_accept(s, member_id))
    dialog = LateJoinerDialog(runner, member_id=member_id, member="大子町", joined_on=JOINED, decisions=pending)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "コマンドライン" not in texts and "latejoin" not in texts and "「カスタマイズに参加…」" in texts
    row = next(r for r, d in enumerate(pending) if d.status == "customized")
    dialog.table.setCurrentIndex(dialog.model.index(row, 1))
    assert dialog.join_button.isEnabled()
    target = pending[row]
    seen = []

    def fill(join: JoinCustomizationDialog):
        seen.append(join)
        assert join.item_combo.currentData() == target.item_id
        assert not join.ok_button.isEnabled() and "要望内容" in join.ok_button.toolTip()
        join.content_edit.setPlainText("同じ様式で印字してほしい")
        join.reason_combo.setCurrentIndex(join.reason_combo.findData("service_level"))
        join.drop_no.setChecked(True)
        join.detail_edit.setText("手作業で対応できるが件数が多い")
        join.finance_ref.setText("財第12号")
        join.mayor_ref.setText("決裁第34号")
        today = dt.date.today()
        join.set_dates(finance=today - dt.timedelta(days=20), mayor=today - dt.timedelta(days=10), joined=today)
        assert join.ok_button.isEnabled()
        join.ok_button.click()
        return join.result()

    monkeypatch.setattr(JoinCustomizationDialog, "exec", fill)
    assert dialog.join_customization() and len(seen) == 1
    shares = runner.read(lambda s: item_shares(s, target.item_id).by_member())
    assert "大子町" in shares and shares["大子町"] > 0
    assert no_message_boxes == []
