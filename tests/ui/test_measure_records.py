"""記録の一覧・修正… on the 4つの方策 tab: a briefing corrected through its dialog (saved against the
version shown), deleted after a question; a selection event registered with nobody attending yet,
then deleted; an attendance removed. Each change goes through the runner and refreshes the lists."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from cloudsuppress.ops import measures as mo
from ui.dialogs.measure_dialogs import BriefingDialog, SelectionEventDialog
from ui.dialogs.measure_records_dialog import MeasureRecordsDialog


def _records(runner):
    return runner.read(lambda s: (mo.list_briefings(s), mo.list_selection_events(s)))


def _dialog(runner, qtbot):
    dialog = MeasureRecordsDialog(runner)
    qtbot.addWidget(dialog)
    return dialog


def test_briefing_corrected_then_deleted(runner, qtbot, monkeypatch, no_message_boxes, app_font):
    briefings, _ = _records(runner)
    assert briefings, "the demo records briefings"
    dialog = _dialog(runner, qtbot)
    assert dialog.briefings.rowCount() == len(briefings)
    target = briefings[0]
    dialog.briefings.selectRow(0)
    assert dialog.selected_briefing() == target

    def fill(d):
        assert d.windowTitle() == "庁内説明会の記録を修正" and not d.member_combo.isEnabled()
        assert d.attendees_spin.value() == target.attendees
        d.attendees_spin.setValue(target.attendees + 7)
        d.date_edit.setDate(QDate(2026, 5, 1))
        return int(d.record())

    monkeypatch.setattr(BriefingDialog, "exec", fill)
    assert dialog.edit_briefing() is True
    after = {b.id: b for b in _records(runner)[0]}[target.id]
    assert (after.attendees, after.held_on, after.member) == (target.attendees + 7, dt.date(2026, 5, 1), target.member)
    row = next(r for r in range(dialog.briefings.rowCount()) if dialog.briefings.item(r, 0).data(256).id == target.id)
    assert dialog.briefings.item(row, 2).text() == f"{target.attendees + 7} 人"  # refreshed by the broadcast
    dialog.briefings.selectRow(row)
    assert dialog.delete_briefing() is True
    assert no_message_boxes[-1][0] == "question" and target.member in no_message_boxes[-1][1]
    assert target.id not in {b.id for b in _records(runner)[0]}


def test_event_registered_and_deleted_and_attendance_removed(runner, qtbot, monkeypatch, no_message_boxes, app_font):
    dialog = _dialog(runner, qtbot)
    dialog.tabs.setCurrentIndex(1)

    def fill(d):
        d.name_edit.setText("三次選考")
        d.date_edit.setDate(QDate(2026, 1, 20))
        return int(d.record())

    monkeypatch.setattr(SelectionEventDialog, "exec", fill)
    assert dialog.add_event() is True
    texts = [[dialog.selections.item(r, c).text() for c in range(3)] for r in range(dialog.selections.rowCount())]
    assert ["三次選考", texts[-1][1], "（参加なし）"] in texts
    row = next(r for r, t in enumerate(texts) if t[0] == "三次選考")
    dialog.selections.selectRow(row)
    assert dialog.delete_selection() is True
    assert "三次選考" not in {e.name for e in _records(runner)[1]}
    # An attendance of the demo, removed.
    _, events = _records(runner)
    attended = next(e for e in events if e.attendees)
    person = attended.attendees[0]
    row = next(r for r in range(dialog.selections.rowCount())
               if dialog.selections.item(r, 0).data(256)[:2] == ("attendee", person.id))
    dialog.selections.selectRow(row)
    assert dialog.delete_selection() is True
    assert person.id not in {a.id for e in _records(runner)[1] for a in e.attendees}
