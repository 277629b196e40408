"""Issue #13 in the 協議結果 tab: a 部会 decides 要望 items at the table — one straight to 標準化,
one to カスタマイズ実施 (its members' approvals recorded) — the trail shows both steps, one Ctrl+Z
restores 要望; a refused カスタマイズ実施 keeps what the secretary typed and names what is missing."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cloudsuppress.changes import ChangesWithId
from cloudsuppress.domain.models import StatusChange
from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.request_queries import get_item_row, list_item_rows
from ui.main_window import VIEW_MEETINGS
from ui.table_models.meeting_table_model import AG_OUTCOME, AG_TITLE

from .test_main_window import type_japanese


@pytest.fixture
def table_meeting(main_window, runner):
    """A meeting (住民業務 or whichever 部会 holds the demo's 要望 items) whose agenda holds two 要望
    items; the first gets an estimate and every member's approvals, the second an estimate only."""
    rows = [r for r in runner.read(list_item_rows) if r.status == Status.REQUESTED.value]
    by_sub = {}
    for r in rows:
        by_sub.setdefault(r.subcommittee_id, []).append(r)
    sub, items = max(by_sub.items(), key=lambda kv: len(kv[1]))
    if len(items) < 2:  # a 協議会 meeting takes items of any 部会
        items = [items[0], next(r for r in rows if r.id != items[0].id)]
    a, b = items[:2]

    def setup(s):
        for item in (a, b):
            req.update_item(s, item_id=item.id, estimate=880_000)
        for k, part in enumerate(get_item_row(s, a.id).members):
            mid = req.resolve_member(s, part)
            req.record_approval(s, item_id=a.id, member_id=mid, stage="finance", approved_on=dt.date(2026, 10, 1),
                                reference=f"財第{10 + k}号", today=dt.date(2026, 12, 1))
            req.record_approval(s, item_id=a.id, member_id=mid, stage="mayor", approved_on=dt.date(2026, 10, 15),
                                reference=f"決裁第{20 + k}号", today=dt.date(2026, 12, 1))
        m = mops.create_meeting(s, kind="協議会", title="第9回 臨時協議会", held_on=dt.date(2026, 12, 2)).id
        for item in (a, b):
            mops.add_agenda_item(s, meeting_id=m, item_id=item.id)
        return ChangesWithId(meetings=True, requests=True, history=True, id=m)

    meeting_id = runner.run(setup, parent=None).id
    main_window.show_view(VIEW_MEETINGS)
    assert main_window.meetings.select_meeting(meeting_id)
    return main_window.meetings.detail, meeting_id, a, b


def trail(runner, item_id):
    return runner.read(lambda s: [(c.from_status, c.to_status, c.meeting_id) for c in s.scalars(
        select(StatusChange).where(StatusChange.item_id == item_id, StatusChange.from_status.is_not(None))
        .order_by(StatusChange.id))])


def test_a_meeting_decides_requested_items_at_the_table(main_window, table_meeting, runner, no_message_boxes):
    pane, meeting_id, a, b = table_meeting
    assert pane.title_label.text().startswith("第9回 臨時協議会")  # not 「第1回 第9回 …」
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes

    # refused: カスタマイズ実施 for b without its members' approvals — the form keeps what was typed
    assert out.select_item(b.id)
    out.choose("decided", decide=Status.CUSTOMIZED)
    out.reason_edit.setFocus()
    type_japanese(out.reason_edit, "独自施策のため実施する")
    out.notes_edit.setFocus()
    type_japanese(out.notes_edit, "財政課協議の日程を確認した。")
    assert not out.record()
    kind, text = no_message_boxes[-1]
    assert kind == "warning" and text.startswith(f"要望 {b.key}: 「要望」から「カスタマイズ実施」には決定できません")
    for member in b.members:
        assert f"{member}: 財政課協議の記録、首長決裁の記録" in text
    assert out.reason_edit.text() == "独自施策のため実施する"
    assert out.notes_edit.toPlainText() == "財政課協議の日程を確認した。"
    assert out.decision_combo.currentData() == Status.CUSTOMIZED.value and out.chosen_outcome() == "decided"
    assert runner.read(lambda s: get_item_row(s, b.id)).status == "requested" and trail(runner, b.id) == []

    # b straight to 標準化 from 要望: 要望 → 検討中 → 標準化, both with the meeting as reference
    out.choose("decided", decide=Status.STANDARDIZED)
    assert out.steps_label.text().startswith("「要望」→「検討中」→「標準化」と記録します")
    assert out.record()
    assert trail(runner, b.id) == [("requested", "under_review", meeting_id), ("under_review", "standardized", meeting_id)]
    # a to カスタマイズ実施: its members' approvals are on record
    assert out.select_item(a.id)
    out.choose("decided", decide=Status.CUSTOMIZED)
    out.reason_edit.setFocus()
    type_japanese(out.reason_edit, "独自施策のため実施する")
    assert out.record(), no_message_boxes
    assert trail(runner, a.id) == [("requested", "under_review", meeting_id), ("under_review", "customized", meeting_id)]
    row = pane.agenda_model.row_of(a.id, attr="item_id")
    assert pane.agenda_model.index(row, AG_OUTCOME).data() == "決定（カスタマイズ実施）"

    # one Ctrl+Z takes back a's decision, both steps: 要望 again
    assert main_window.undo_action.text() == f"元に戻す: 「第9回 臨時協議会」で要望 {a.key} をカスタマイズ実施と決定"
    main_window.undo_action.trigger()
    assert runner.read(lambda s: get_item_row(s, a.id)).status == "requested" and trail(runner, a.id) == []
    assert runner.read(lambda s: get_item_row(s, b.id)).status == "standardized"


def test_under_review_at_the_meeting_leaves_the_item_open_for_a_decision(table_meeting, runner, no_message_boxes):
    pane, meeting_id, a, b = table_meeting
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes
    assert out.select_item(b.id)
    out.choose("decided", decide=Status.UNDER_REVIEW)
    assert out.record()
    assert out.outcome_buttons["decided"].isEnabled() and out.decision_combo.isEnabled() is True
    row = pane.agenda_model.row_of(b.id, attr="item_id")
    assert pane.agenda_model.index(row, AG_OUTCOME).data() == "継続審議"
    out.choose("decided", decide=Status.WITHDRAWN)
    out.reason_edit.setFocus()
    type_japanese(out.reason_edit, "窓口の運用で対応できる")
    assert out.record(), no_message_boxes
    assert trail(runner, b.id) == [("requested", "under_review", meeting_id), ("under_review", "withdrawn", meeting_id)]


def test_continued_items_come_first_on_the_next_meetings_agenda_in_the_gui(main_window, runner, no_message_boxes):
    """The demo's upcoming 部会 carries over what its earlier meeting left 継続審議: 議題を作成 puts them first, marked 継続."""
    from cloudsuppress.ops.meeting_queries import agenda, list_meetings

    main_window.show_view(VIEW_MEETINGS)
    upcoming = max(runner.read(list_meetings), key=lambda m: (m.held_on, m.id))
    pane = main_window.meetings.detail

    def fresh(s):
        return mops.create_meeting(s, kind="部会", subcommittee_id=upcoming.subcommittee_id,
                                   title=upcoming.title, held_on=dt.date(2026, 12, 16))

    # record 継続審議 for the upcoming meeting's first item, then a later meeting's agenda is built
    first = runner.read(lambda s: agenda(s, upcoming.id))[0]
    runner.run(lambda s: mops.record_outcome(s, meeting_id=upcoming.id, item_id=first.item_id, outcome="continued"),
               parent=None)
    later = runner.run(fresh, parent=None).id
    assert main_window.meetings.select_meeting(later)
    pane.tabs.setCurrentIndex(1)
    pane.build_button.click()
    assert pane.agenda_model.row_at(0).item_id == first.item_id
    assert pane.agenda_model.index(0, AG_TITLE).data().startswith("［継続］")


def test_customization_pending_approvals_in_the_outcome_tab(table_meeting, runner, no_message_boxes):
    """R28: 「カスタマイズ実施（財政課協議・首長決裁の後に確定）」 is offered and recorded for the item whose
    members have no approvals yet: it stays 検討中, the agenda says it was decided, the form locks."""
    pane, meeting_id, a, b = table_meeting
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes
    assert out.select_item(b.id)
    out.choose("decided", decide="customized_pending")
    assert out.decision_combo.currentText() == "カスタマイズ実施（財政課協議・首長決裁の後に確定）"
    assert "すべて記録された時点で「カスタマイズ実施」になります" in out.steps_label.text()
    out.reason_edit.setFocus()
    type_japanese(out.reason_edit, "独自施策のため実施する")
    assert out.record(), no_message_boxes
    assert trail(runner, b.id) == [("requested", "under_review", meeting_id)]
    row = pane.agenda_model.row_of(b.id, attr="item_id")
    assert pane.agenda_model.index(row, AG_OUTCOME).data() == "決定（カスタマイズ実施・決裁後に確定）"
    assert "決定済み" in out.decided_label.text() and not out.decision_combo.isEnabled()
    assert out.decision_combo.currentData() == "customized_pending"


def test_choosing_a_decision_moves_no_field_and_the_warnings_move_no_tab(main_window, table_meeting, qtbot):
    """Walk 2026-12-07 (31 → 32): choosing 決定 added the hint 「「要望」→「検討中」→…」 above 理由, which moved
    down ~18 px, and a click aimed at it hit the hint. The hint's place is kept; 理由 and 協議内容 stay put.
    (28 → 29) The meeting's warnings grew above the tabs and moved them down; they sit under the tabs."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    pane, meeting_id, a, b = table_meeting
    main_window.resize(1366, 768)
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes
    assert out.select_item(b.id)

    def where(widget):
        QApplication.processEvents()
        return widget.mapTo(main_window, QPoint(0, 0)).y()

    out.choose(None)
    before = (where(out.reason_edit), where(out.notes_edit))
    out.choose("decided", decide=Status.STANDARDIZED)
    assert out.steps_label.text().startswith("「要望」→「検討中」→「標準化」")
    assert (where(out.reason_edit), where(out.notes_edit)) == before
    out.choose("decided", decide="customized_pending")
    assert "財政課協議・首長決裁" in out.steps_label.text()
    assert (where(out.reason_edit), where(out.notes_edit)) == before
    out.choose("continued")
    assert (where(out.reason_edit), where(out.notes_edit)) == before

    tabs_at = where(pane.tabs)
    shown = pane.warning_label.isVisible()
    pane.warning_label.setText("⚠ 一行目\n⚠ 二行目\n⚠ 三行目")
    pane.warning_label.setVisible(not shown)
    assert where(pane.tabs) == tabs_at
