"""The item editor through the core's single operations: one save is one undo step (the editor no
longer groups ops itself), the history tab shows the core's readable words, hearing notes and
approvals can be deleted, a move picks its meeting from a list, and the list search finds an item
by what its members wrote."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog

import ui.request_editor.request_item_dialog as editor_module
from cloudsuppress.domain.wareki import to_wareki
from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.ops.meeting_queries import list_meetings
from cloudsuppress.ops.request_queries import get_item_detail
from ui.main_window import VIEW_REQUESTS
from ui.request_editor.request_item_dialog import RequestItemDialog
from ui.request_editor.request_prompts import ReasonDialog

from .test_main_window import type_japanese

CODES = {"requested", "under_review", "customized", "withdrawn", "standardized", "service_level", "own_policy",
         "efficiency", "finance", "mayor", "True", "False"}


def item_id(runner, key):
    return runner.read(lambda s: req.resolve_item(s, key))


def detail(runner, key):
    return runner.read(lambda s: get_item_detail(s, req.resolve_item(s, key)))


@pytest.fixture
def requests_view(main_window):
    main_window.show_view(VIEW_REQUESTS)
    return main_window.requests


@pytest.fixture
def editor_for(runner, requests_view, qtbot):
    def make(key):
        dialog = RequestItemDialog(runner, item_id=item_id(runner, key), functions=requests_view.function_model())
        qtbot.addWidget(dialog)
        return dialog
    return make


def test_the_editor_does_not_group_ops_itself():
    assert not hasattr(editor_module, "audit")  # one save is one core operation (ops.requests.save_item)


def test_one_save_is_one_undo_step(editor_for, runner, qtbot, monkeypatch):
    dialog = editor_for("R-0034")
    before = detail(runner, "R-0034")
    asking = {p.member for p in before.parts}
    newcomer = next(m.name for m in dialog._members if m.name not in asking)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (newcomer, True)))
    assert dialog.add_member_part()
    form = dialog.forms[next(m.id for m in dialog._members if m.name == newcomer)]
    form.content_edit.setFocus()
    type_japanese(form.content_edit, "同じく分割納付の計画を作りたい。")
    form.reason_combo.setCurrentIndex(form.reason_combo.findData("efficiency"))
    form.drop_no.setChecked(True)
    form.detail_edit.setFocus()
    type_japanese(form.detail_edit, "件数が少ない。")
    first = next(f for f in dialog.forms.values() if f.part is not None)
    first.cases_edit.setText("99")
    dialog.estimate_edit.setText("440000")
    with qtbot.waitSignal(runner.changed):
        assert dialog.save()
    label = runner.read(undo_ops.undo_status).undo_label
    assert label == f"要望 R-0034 を編集（見積額、{first.member}の内容、{newcomer}が参加）"
    after = detail(runner, "R-0034")
    assert after.item.estimate == 440_000 and newcomer in {p.member for p in after.parts}
    runner.run(undo_ops.undo, parent=None)  # the whole save comes back in one step
    undone = detail(runner, "R-0034")
    assert undone.item.estimate == before.item.estimate
    assert {p.member: p.annual_cases for p in undone.parts} == {p.member: p.annual_cases for p in before.parts}


def test_history_tab_shows_the_cores_words(editor_for, runner, qtbot, monkeypatch):
    dialog = editor_for("R-0001")
    model = dialog.audit_model
    cells = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert "カスタマイズ実施" in cells and "検討中" in cells
    assert not cells & CODES
    assert any(c.startswith("団体の要望（") for c in cells)  # each part names its member
    assert all(model.index(r, 0).data().startswith("令和") for r in range(model.rowCount()))
    meetings = [dialog.status_table.item(r, 3).text() for r in range(dialog.status_table.rowCount())]
    assert any(m.startswith("第1回 ") and "（令和8年5月27日）" in m for m in meetings)


def test_delete_a_hearing_and_an_approval_from_the_editor(editor_for, runner, qtbot):
    from cloudsuppress.ops.costs import set_item_cost

    item = item_id(runner, "R-0032")
    runner.run(lambda s: set_item_cost(s, item_id=item, estimate=880_000), parent=None)  # approvals need an amount
    dialog = editor_for("R-0032")  # under review, with a hearing note
    form = next(f for f in dialog.forms.values() if f.part is not None and f.part.hearings)
    assert not form.hearing_delete.isEnabled()  # nothing selected yet
    count = form.hearing_table.rowCount()
    form.hearing_table.selectRow(0)
    assert form.hearing_delete.isEnabled()
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(form.hearing_delete, Qt.MouseButton.LeftButton)
    assert form.hearing_table.rowCount() == count - 1
    assert runner.read(undo_ops.undo_status).undo_label.endswith("のヒアリング記録（令和8年5月28日）を削除")

    assert not form.approval_delete["finance"].isEnabled()  # nothing recorded yet
    form.approval_ref["finance"].setText("財第901号")
    with qtbot.waitSignal(runner.changed):
        assert form.record_approval("finance")
    assert form.approval_delete["finance"].isEnabled() and not form.approval_delete["mayor"].isEnabled()
    form.approval_ref["mayor"].setText("決裁第901号")
    with qtbot.waitSignal(runner.changed):
        assert form.record_approval("mayor")
    # The consultation cannot go while the mayor's decision that followed it stands.
    assert form.approval_delete["mayor"].isEnabled() and not form.approval_delete["finance"].isEnabled()
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(form.approval_delete["mayor"], Qt.MouseButton.LeftButton)
    assert form.approval_delete["finance"].isEnabled()
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(form.approval_delete["finance"], Qt.MouseButton.LeftButton)
    assert form.approval_state["finance"].text() == "未記録"
    part = next(p for p in detail(runner, "R-0032").parts if p.member_id == form.member_id)
    assert part.finance is None


def test_no_deleting_on_a_decided_item(editor_for):
    dialog = editor_for("R-0001")  # customized
    for form in dialog.forms.values():
        form.hearing_table.selectRow(0)
        assert not form.hearing_delete.isEnabled()
        assert not any(b.isEnabled() for b in form.approval_delete.values())


def test_a_move_picks_its_meeting_from_the_list(editor_for, runner, qtbot, monkeypatch):
    meetings = runner.read(list_meetings)
    chosen = next(m for m in meetings if m.number == 2)
    offered = []

    def pick(self):
        offered.extend(self.meeting_combo.itemText(i) for i in range(self.meeting_combo.count()))
        type_japanese(self.reason_edit, "部会で検討を開始")
        self.meeting_combo.setCurrentIndex(self.meeting_combo.findData(chosen.id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", pick)
    dialog = editor_for("R-0035")
    with qtbot.waitSignal(runner.changed):
        assert dialog.move_to(Status.UNDER_REVIEW)
    assert offered[0] == "（なし）" and len(offered) == len(meetings) + 1
    assert f"{chosen.label}（{to_wareki(chosen.held_on)}）" in offered
    history = detail(runner, "R-0035").history
    assert history[-1].meeting_id == chosen.id
    assert history[-1].meeting == f"{chosen.label}（{to_wareki(chosen.held_on)}）"


def test_list_search_finds_what_a_member_wrote(requests_view, runner):
    view = requests_view
    d = detail(runner, "R-0029")
    words = d.parts[0].workaround  # 代替運用案, not in the title
    assert words not in d.item.title
    view.search.setFocus()
    type_japanese(view.search, words)
    assert [view.model.row_at(r).key for r in range(view.model.rowCount())] == ["R-0029"]
