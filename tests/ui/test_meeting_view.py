"""The 会議 view over the demo database: the models, and the meeting flow as the secretariat
clicks through it — a new 部会 meeting, attendees (the warnings come and go), the agenda built
and reordered, a refused decision, a decision that moves the item in the 要望 list too, a
continued item, and the minutes as PDF and Word.

The meeting is for the subcommittee with the most open items in the demo; what the test
expects (the agenda, the warnings, which move is refused) is read from the core, so the demo
may change."""
from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.domain.workflow import OPEN, Status
from cloudsuppress.ops.meeting_queries import get_meeting_detail, list_meetings
from cloudsuppress.ops.request_queries import get_item_row, list_item_rows
from tests.core.pdf_support import poppler
from ui.dialogs.attendee_dialog import AttendeeDialog
from ui.dialogs.new_meeting_dialog import NewMeetingDialog
from ui.main_window import VIEW_MEETINGS
from ui.table_models.meeting_table_model import (
    AG_KEY,
    AG_OUTCOME,
    COL_DATE,
    COL_TITLE,
    AgendaTableModel,
    AttendeeTableModel,
    MeetingTableModel,
)
from ui.table_models.request_table_model import COL_KEY, COL_STATUS

from .test_main_window import type_japanese


def test_meeting_models_pass_qt_model_tester(runner, qtmodeltester):
    meetings = runner.read(list_meetings)
    model = MeetingTableModel()
    model.set_rows(meetings)
    assert model.rowCount() == len(meetings) > 3
    qtmodeltester.check(model)
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    dates = [model.row_at(r).held_on for r in range(model.rowCount())]
    assert dates == sorted(dates)
    assert model.index(0, COL_DATE).data().startswith("令和8年5月27日")  # 和暦 with the weekday
    qtmodeltester.check(model)
    detail = runner.read(lambda s: get_meeting_detail(s, meetings[-1].id))
    attendees, agenda = AttendeeTableModel(), AgendaTableModel()
    attendees.set_rows(detail.attendees)
    agenda.set_rows(detail.agenda)
    qtmodeltester.check(attendees)
    qtmodeltester.check(agenda)
    assert agenda.index(0, AG_OUTCOME).data() == "継続審議"  # the first meeting started the reviews


@pytest.fixture
def meetings_view(main_window):
    main_window.show_view(VIEW_MEETINGS)
    return main_window.meetings


def test_new_meeting_dialog_validates_inline(runner, meetings_view, qtbot):
    dialog = NewMeetingDialog(runner, meetings_view._systems)
    qtbot.addWidget(dialog)
    dialog.subcommittee_combo.setCurrentIndex(dialog.subcommittee_combo.findText("税業務"))
    assert dialog.title_edit.text() == "税業務部会"  # suggested from the body
    assert dialog.ok_button.isEnabled()
    dialog.title_edit.clear()
    assert "会議名を入力してください。" in dialog.error_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.title_edit.setFocus()
    type_japanese(dialog.title_edit, "税業務部会（臨時）")
    qtbot.keyClicks(dialog.start_edit, "25:00")
    assert "開始時刻は 14:00 のように入力してください。" in dialog.error_label.text()
    dialog.start_edit.clear()
    qtbot.keyClicks(dialog.start_edit, "15:00")
    qtbot.keyClicks(dialog.end_edit, "14:30")
    assert dialog.error_label.text() == "終了時刻は開始時刻より後にしてください。"
    assert not dialog.ok_button.isEnabled()
    dialog.end_edit.clear()
    qtbot.keyClicks(dialog.end_edit, "17:00")
    assert dialog.error_label.text() == "" and dialog.ok_button.isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("協議会"))
    assert not dialog.subcommittee_combo.isEnabled()
    assert dialog.title_edit.text() == "税業務部会（臨時）"  # typed titles are kept


def test_a_working_group_is_registered_by_its_business_system_alone(runner, meetings_view, qtbot):
    """The dialog asks what the core asks (ops.inputs.meeting_problems): a 分科会 names its 専門部会 or
    its 業務; named by the 業務 it belongs to that 業務's 専門部会 (the dialog used to insist on both)."""
    from cloudsuppress.ops.inputs import MeetingFields, meeting_problems

    dialog = NewMeetingDialog(runner, meetings_view._systems)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("working_group"))
    dialog.subcommittee_combo.setCurrentIndex(dialog.subcommittee_combo.findData(None))
    assert "分科会の会議には専門部会または業務を選んでください。" in dialog.error_label.text()  # (and no title yet)
    assert not dialog.ok_button.isEnabled()
    dialog.system_combo.setCurrentIndex(dialog.system_combo.findText("個人住民税"))
    assert dialog.title_edit.text() == "個人住民税分科会"
    assert dialog.error_label.text() == "" and dialog.ok_button.isEnabled()
    dialog.end_edit.setText("16:00")  # the core's words, as the GUI says them
    assert dialog.error_label.text() == "終了時刻だけでなく開始時刻も入力してください。"
    assert dialog.problems() == [m + "。" for m in meeting_problems(MeetingFields(
        kind="working_group", title="個人住民税分科会", held_on=dialog.held_on(), end_time="16:00",
        business_system_id=dialog.system_combo.currentData())).values()]
    dialog.start_edit.setText("9:30")
    with qtbot.waitSignal(runner.changed):
        dialog.create_now()
    row = next(r for r in runner.read(list_meetings) if r.id == dialog.created_id)
    assert (row.subcommittee, row.business_system, row.start_time) == ("税業務", "個人住民税", "09:30")


def test_the_schedule_dialog_asks_what_the_core_asks(runner, meetings_view, qtbot):
    """日時・場所を変更… shows the core's problems for the date and times (the end without a start too)."""
    from ui.dialogs.meeting_schedule_dialog import MeetingScheduleDialog

    row = runner.read(list_meetings)[0]
    dialog = MeetingScheduleDialog(runner, row)
    qtbot.addWidget(dialog)
    dialog.start_edit.clear()
    dialog.end_edit.setText("16:00")
    assert dialog.error_label.text() == "終了時刻だけでなく開始時刻も入力してください。"
    assert not dialog.ok_button.isEnabled()
    dialog.start_edit.setText("9:30")
    dialog.end_edit.setText("10:00")
    assert dialog.error_label.text() == "" and dialog.ok_button.isEnabled()


def create_meeting_in_gui(view, monkeypatch, *, subcommittee, title=None):
    def fill(dialog):
        dialog.subcommittee_combo.setCurrentIndex(dialog.subcommittee_combo.findText(subcommittee))
        if title:
            dialog.title_edit.clear()
            dialog.title_edit.setFocus()
            type_japanese(dialog.title_edit, title)
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2026-12-02", "yyyy-MM-dd"))
        dialog.start_edit.setText("14:00")
        dialog.end_edit.setText("16:00")
        dialog.place_edit.setFocus()
        type_japanese(dialog.place_edit, "本庁舎3階 第1会議室")
        assert dialog.wareki_label.text() == "令和8年12月2日（水）"
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(NewMeetingDialog, "exec", fill)
    return view.new_meeting()


def add_attendee_in_gui(pane, monkeypatch, *, role, name, member=None):
    def fill(dialog):
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))
        if member:
            dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(member))
        dialog.name_edit.setFocus()
        type_japanese(dialog.name_edit, name)
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(AttendeeDialog, "exec", fill)
    return pane.add_attendee()


def agenda_keys(pane):
    return [pane.agenda_model.index(r, AG_KEY).data() for r in range(pane.agenda_model.rowCount())]


def busiest_subcommittee(runner):
    """The subcommittee with the most open items, its open items, and the next meeting number."""
    rows = [r for r in runner.read(list_item_rows) if Status(r.status) in OPEN]
    counts = {}
    for r in rows:
        counts[r.subcommittee] = counts.get(r.subcommittee, 0) + 1
    sub = max(sorted(counts), key=lambda k: counts[k])
    number = max([m.number or 0 for m in runner.read(list_meetings) if m.subcommittee == sub and m.kind == "subcommittee"],
                 default=0) + 1
    return sub, [r for r in rows if r.subcommittee == sub], number


def test_meeting_flow_from_new_meeting_to_minutes(main_window, meetings_view, runner, qtbot, monkeypatch,
                                                  no_message_boxes, tmp_path):
    view, pane = meetings_view, meetings_view.detail
    nav = main_window.nav
    assert nav.item(next(r for r in range(nav.count()) if nav.item(r).text() == "会議")).flags() & Qt.ItemFlag.ItemIsEnabled
    sub, open_items, number = busiest_subcommittee(runner)
    assert len(open_items) >= 2
    label = f"第{number}回 {sub}部会"
    before = view.model.rowCount()

    # 1. a new meeting: listed, selected, numbered after the demo's meetings of that subcommittee
    mid = create_meeting_in_gui(view, monkeypatch, subcommittee=sub)
    assert mid is not None and view.model.rowCount() == before + 1
    assert view.selected_meeting_id() == mid == pane.meeting_id
    assert pane.title_label.text() == label
    assert "令和8年12月2日（水）　14:00～16:00" in pane.info_label.text()
    assert view.model.index(view.model.row_of(mid), COL_TITLE).data() == f"{sub}部会"
    assert pane.warnings() == ["事務局の出席者が記録されていません。事務局はすべての会議に出席します。"]
    assert pane.warning_label.isVisible()

    # 2. the agenda from the undecided items of the subcommittee; the absent members are warned about
    pane.tabs.setCurrentIndex(1)
    pane.build_button.click()
    keys = agenda_keys(pane)
    assert sorted(keys) == sorted(r.key for r in open_items)
    asking = list(dict.fromkeys(m for r in pane.agenda_model.rows() for m in r.members))
    assert len(pane.warnings()) == 1 + len(asking) >= 2
    assert any(w.startswith(f"{asking[0]}の要望（") for w in pane.warnings())

    # 3. attendees: each warning goes away with the attendee it asks for
    pane.tabs.setCurrentIndex(0)
    assert add_attendee_in_gui(pane, monkeypatch, role="secretariat", name="木村 直子") == "木村 直子"
    assert not any("事務局" in w for w in pane.warnings())
    names = ("佐藤 一郎", "鈴木 二郎", "高橋 三郎", "田中 四郎")
    for n, member in enumerate(asking[:-1]):
        add_attendee_in_gui(pane, monkeypatch, role="member", name=names[n % 4], member=member)
    assert len(pane.warnings()) == 1 and pane.warnings()[0].startswith(f"{asking[-1]}の要望（")
    add_attendee_in_gui(pane, monkeypatch, role="member", name="渡辺 五郎", member=asking[-1])
    assert pane.warnings() == [] and not pane.warning_label.isVisible()
    assert pane.attendee_model.rowCount() == len(asking) + 1
    assert pane.attendee_model.row_at(len(asking)).role == "secretariat"  # grouped as the minutes print them
    pane.attendee_table.selectRow(0)
    removed = pane.attendee_model.row_at(0).member
    pane.remove_attendee_button.click()
    assert len(pane.warnings()) == 1 and removed in pane.warnings()[0]
    add_attendee_in_gui(pane, monkeypatch, role="member", name="佐藤 一郎", member=removed)
    assert pane.warnings() == []

    # 4. reorder: Ctrl+Down and 上へ keep the item selected
    pane.tabs.setCurrentIndex(1)
    pane.agenda_table.setFocus()
    pane.agenda_table.selectRow(0)
    qtbot.keyClick(pane.agenda_table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda_keys(pane) == [keys[1], keys[0], *keys[2:]]
    assert pane.selected_agenda_row().key == keys[0]
    pane.up_button.click()
    assert agenda_keys(pane) == keys
    pane.agenda_table.selectRow(1)
    qtbot.keyClick(pane.agenda_table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    keys = agenda_keys(pane)
    assert pane.selected_agenda_row().key == keys[0]
    first, second = pane.agenda_model.row_at(0), pane.agenda_model.row_at(1)

    # 5. outcomes: a refused decision shows the core's message and changes nothing
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes
    assert out.select_item(first.item_id)
    # (a 要望 item may be decided at the meeting, but カスタマイズ実施 still needs the approvals)
    requested = first.status == Status.REQUESTED.value
    refused = Status.CUSTOMIZED if requested else Status.UNDER_REVIEW
    out.choose("decided", decide=refused)
    assert out.reason_edit.isEnabled()
    out.reason_edit.setFocus()
    type_japanese(out.reason_edit, "部会で確認した")
    assert not out.record()
    kind, text = no_message_boxes[-1]
    assert kind == "warning"
    verb = "決定" if requested else "変更"
    assert text.startswith(f"要望 {first.key}: 「{first.status_label}」から「{refused.label}」には{verb}できません")
    assert out.reason_edit.text() == "部会で確認した"  # what was typed stays in the form
    assert runner.read(lambda s: get_item_row(s, first.item_id)).status == first.status
    # ... the first item is continued, with the discussion noted
    out.choose("continued")
    assert not out.reason_edit.isEnabled()
    out.notes_edit.setFocus()
    type_japanese(out.notes_edit, "費用負担の案を次回までに示す。")
    assert out.record()
    assert pane.agenda_model.index(0, AG_OUTCOME).data() == "継続審議"
    # ... the second is decided, and the 要望 list shows its new status
    target = Status.STANDARDIZED if second.status == Status.UNDER_REVIEW.value else Status.WITHDRAWN
    assert out.select_item(second.item_id)
    out.choose("decided", decide=target)
    out.reason_edit.setFocus()
    type_japanese(out.reason_edit, "代替運用で対応できることを確認した")
    assert out.record()
    assert runner.read(lambda s: get_item_row(s, second.item_id)).status == target.value
    assert pane.agenda_model.index(1, AG_OUTCOME).data() == f"決定（{target.label}）"
    assert "決定済み" in out.decided_label.text() and not out.decision_combo.isEnabled()
    assert "決定 1 件" in pane.info_label.text()
    requests = main_window.requests
    row = next(r for r in range(requests.model.rowCount()) if requests.model.index(r, COL_KEY).data() == second.key)
    assert requests.model.index(row, COL_STATUS).data() == target.label

    # 6. the meeting's notes and next meeting
    pane.tabs.setCurrentIndex(3)
    pane.notes_edit.setFocus()
    type_japanese(pane.notes_edit, "事務局から比較一覧表を説明した。")
    pane.next_edit.setFocus()
    type_japanese(pane.next_edit, f"第{number + 1}回 {sub}部会")
    assert pane.save_notes()
    detail = runner.read(lambda s: get_meeting_detail(s, mid))
    assert detail.notes == "事務局から比較一覧表を説明した。" and detail.next_meeting == f"第{number + 1}回 {sub}部会"

    # 7. the minutes: written in the worker, previewed, saved from the preview
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    pdf = tmp_path / "minutes.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

    previewed = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previewed.append(self.page_count()) or self.save())
    assert pane.export_minutes("pdf") == pdf
    assert previewed and previewed[0] >= 1
    assert opened == []  # previewed in the app instead of opened outside
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    assert f"{label} 議事録" in text
    assert second.key in text and target.label in text and "継続審議" in text
    assert "木村 直子" in text and "事務局から比較一覧表を説明した。" in text
    docx = tmp_path / "minutes"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(docx), "")))
    assert pane.export_minutes("docx") == tmp_path / "minutes.docx"
    body = zipfile.ZipFile(tmp_path / "minutes.docx").read("word/document.xml").decode("utf-8")
    assert label in body and second.key in body and "継続審議" in body
    assert opened[-1] == str(tmp_path / "minutes.docx")


def test_removing_a_decided_item_is_refused_with_the_core_message(meetings_view, runner, no_message_boxes):
    pane = meetings_view.detail
    decided = next(m for m in runner.read(list_meetings) if m.decided_count)
    assert meetings_view.select_meeting(decided.id)
    assert pane.meeting_id == decided.id
    pane.agenda_table.selectRow(0)
    pane.remove_item_button.click()
    assert no_message_boxes and "決定済みのため、議題から外せません" in no_message_boxes[-1][1]
    assert pane.agenda_model.rowCount() == decided.agenda_count


def test_main_script_renders_the_meetings_view(tmp_path):
    from .test_main_script import run_main

    shot = tmp_path / "meetings.png"
    proc = run_main("--db", str(tmp_path / "m.sqlite"), "--screenshot", str(shot), "--view", "meetings",
                    tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
