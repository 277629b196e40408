"""Several items at once (issue #13): multi-select in the request list, the comparison view and
a meeting's agenda, with a context menu. A status change of 5 items is one undo step; a mixed
selection with one forbidden move changes nothing and names the item; the chosen items go on a
meeting's agenda in one action; the selection's comparison sheet carries the peer line."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QFileDialog

from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.meeting_queries import agenda
from cloudsuppress.ops.request_queries import list_item_rows
from tests.core.pdf_support import flat, needs_poppler, raw_text
from ui.dialogs.bulk_status_dialog import BulkStatusDialog
from ui.main_window import VIEW_COMPARISON, VIEW_MEETINGS, VIEW_REQUESTS
from ui.table_models.comparison_table_model import ROW_ROLE


def statuses(runner):
    return {r.key: r.status for r in runner.read(list_item_rows)}


@pytest.fixture
def answer_dialog(monkeypatch):
    """BulkStatusDialog answered as a user would: the status and reason given, 変更 pressed."""
    answers: list[tuple[Status, str]] = []
    seen: list[str] = []

    def fill(dialog):
        to, reason = answers.pop(0)
        seen.append(dialog.reason_edit.text())  # what the dialog came back with
        if to is None:  # キャンセル
            return QDialog.DialogCode.Rejected
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(to.value))
        dialog.reason_edit.setText(reason)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkStatusDialog, "exec", fill)
    return answers, seen


def test_five_items_change_status_in_one_action_and_one_undo(main_window, runner, answer_dialog, no_message_boxes):
    main_window.show_view(VIEW_REQUESTS)
    view = main_window.requests
    withdrawn = [r for r in runner.read(list_item_rows) if r.status == Status.WITHDRAWN.value][:5]
    assert len(withdrawn) == 5
    before = statuses(runner)
    view.select_items([r.id for r in withdrawn])
    assert [k for _, k in view.chosen_items()] == sorted(r.key for r in withdrawn)
    menu = view.selection.menu()
    assert [a.text() for a in menu.actions()][0] == "状態をまとめて変更…（5 件）"
    answers, _ = answer_dialog
    answers.append((Status.UNDER_REVIEW, "運用の見直しで再検討する"))
    assert view.selection.change_status()
    after = statuses(runner)
    assert {r.key: after[r.key] for r in withdrawn} == {r.key: "under_review" for r in withdrawn}
    assert main_window.undo_action.text().startswith("元に戻す: 要望 5 件（")
    main_window.undo_action.trigger()
    assert statuses(runner) == before


def test_a_mixed_selection_with_one_forbidden_move_changes_nothing_and_names_it(main_window, runner, answer_dialog,
                                                                                 no_message_boxes):
    main_window.show_view(VIEW_REQUESTS)
    view = main_window.requests
    rows = runner.read(list_item_rows)
    requested = next(r for r in rows if r.status == Status.REQUESTED.value)
    reviewing = [r for r in rows if r.status == Status.UNDER_REVIEW.value]
    before = statuses(runner)
    view.select_items([requested.id] + [r.id for r in reviewing])
    answers, seen = answer_dialog
    answers += [(Status.STANDARDIZED, "次期版で標準機能に追加"), (None, "")]
    assert not view.selection.change_status()
    kind, text = no_message_boxes[-1]
    assert kind == "warning" and text.startswith(f"要望 {requested.key}: 「要望」から「標準化」には変更できません")
    assert f"選んだ {1 + len(reviewing)} 件はどれも変更していません。" in text
    assert statuses(runner) == before
    assert seen == ["", "次期版で標準機能に追加"]  # the dialog came back with the reason typed


def test_the_comparison_selection_goes_on_an_agenda_and_into_its_own_sheet(main_window, runner, monkeypatch,
                                                                            no_message_boxes, tmp_path):
    mid = runner.run(lambda s: mops.create_meeting(s, kind="協議会", title="臨時総会", held_on=dt.date(2026, 12, 20)),
                     parent=None).id
    main_window.show_view(VIEW_COMPARISON)
    view = main_window.comparison
    keys = []
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in range(view.model.rowCount()):  # Ctrl+click on the first three items (group lines skipped)
        line = view.model.index(r, 0)
        item = line.data(ROW_ROLE)
        if item is not None and item.key not in keys and len(keys) < 3:
            keys.append(item.key)
            view.table.selectionModel().select(line, flags)
    chosen = view.chosen_items()
    assert [k for _, k in chosen] == keys and len(keys) == 3
    assert view.selection.add_to_agenda(meeting_id=mid)
    assert [r.key for r in runner.read(lambda s: agenda(s, mid))] == keys
    assert main_window.undo_action.text().startswith("元に戻す: 「第1回 臨時総会」の議題に要望 3 件")
    assert not view.selection.add_to_agenda(meeting_id=mid)  # already there: refused, named
    assert no_message_boxes[-1][1].startswith(f"要望 {keys[0]} はすでに「第1回 臨時総会」の議題にあります。")

    # the agenda's own multi-select offers the same menu
    main_window.show_view(VIEW_MEETINGS)
    assert main_window.meetings.select_meeting(mid)
    pane = main_window.meetings.detail
    pane.agenda_table.selectAll()
    assert [k for _, k in pane.chosen_agenda_items()] == keys

    if not needs_poppler.args[0]:  # poppler present: the selection's sheet, with the peer line
        from ui.dialogs.comparison_export_dialog import ComparisonExportDialog
        from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

        out = tmp_path / "selection.pdf"
        monkeypatch.setattr(ComparisonExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
        monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: self.save())
        assert pane.selection.export_comparison("pdf") == out
        body = flat(raw_text(out))
        assert all(k in body for k in keys) and "要望なし:" in body
        others = set(statuses(runner)) - set(keys)
        assert not any(k in body for k in others)


def test_the_agenda_records_several_decisions_at_once_as_the_meeting_and_one_undo(main_window, runner, monkeypatch,
                                                                                  no_message_boxes):
    """The agenda's multi-select records the meeting's decisions (協議結果をまとめて記録…), not a status
    change outside the meeting: five items (要望 ones straight) to 標準化 with the meeting as reference, the
    agenda shows the outcomes, one undo restores them all. A refused カスタマイズ実施 (measure 3) names
    the item, records nothing and the dialog comes back with the reason typed."""
    from ui.dialogs.bulk_outcome_dialog import BulkOutcomeDialog

    rows = runner.read(list_item_rows)  # the demo's 要望 items, and three withdrawn ones reopened (検討中)
    requested = [r for r in rows if r.status == Status.REQUESTED.value][:2]
    reopened = [r for r in rows if r.status == Status.WITHDRAWN.value][:3]
    requested += reopened
    assert len(requested) == 5

    def setup(s):
        for r in reopened:
            req.move_item(s, item_id=r.id, to=Status.UNDER_REVIEW, reason="運用の見直しで再検討する")
        m = mops.create_meeting(s, kind="協議会", title="臨時協議会", held_on=dt.date(2026, 12, 2))
        for r in requested:
            mops.add_agenda_item(s, meeting_id=m.id, item_id=r.id)
        return m

    mid = runner.run(setup, parent=None).id
    before = statuses(runner)
    main_window.show_view(VIEW_MEETINGS)
    assert main_window.meetings.select_meeting(mid)
    pane = main_window.meetings.detail
    pane.tabs.setCurrentIndex(1)
    pane.agenda_table.selectAll()
    texts = [a.text() for a in pane.selection.menu().actions()]
    assert texts[0] == "協議結果をまとめて記録…（5 件）" and not any(t.startswith("状態をまとめて変更") for t in texts)

    answers = [("decided", "customized", "独自施策のため"), None,
               ("decided", "standardized", "次期版で標準機能に追加")]
    seen = []

    def fill(dialog):
        seen.append((dialog.outcome(), dialog.decide(), dialog.reason_edit.text()))
        answer = answers.pop(0)
        if answer is None:
            return QDialog.DialogCode.Rejected
        dialog.choose(answer[0], decide=answer[1])
        dialog.reason_edit.setText(answer[2])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkOutcomeDialog, "exec", fill)
    assert not pane.selection.record_outcomes()
    kind, text = no_message_boxes[-1]
    refused = next(r.key for r in requested if text.startswith(f"要望 {r.key}: "))  # named
    assert kind == "warning" and "「カスタマイズ実施」には" in text, (refused, text)
    assert "選んだ 5 件はどれも変更していません。" in text
    assert seen[1] == ("decided", "customized", "独自施策のため")  # came back with what was typed
    assert statuses(runner) == before

    assert pane.selection.record_outcomes()
    rows = runner.read(lambda s: agenda(s, mid))
    assert [(r.outcome, r.decision_status) for r in rows] == [("decided", "standardized")] * 5
    assert [pane.agenda_model.row_at(n).outcome for n in range(5)] == ["decided"] * 5  # the agenda shows it
    assert {k: statuses(runner)[k] for k in (r.key for r in requested)} == {r.key: "standardized" for r in requested}
    assert main_window.undo_action.text().startswith("元に戻す: 「第1回 臨時協議会」で要望 5 件（")
    main_window.undo_action.trigger()
    assert statuses(runner) == before
    assert [r.outcome for r in runner.read(lambda s: agenda(s, mid))] == [None] * 5
