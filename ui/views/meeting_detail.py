"""MeetingDetailPane: one meeting — its heading, the core's warnings, and the tabs 出席者,
議題, 協議結果 and 会議メモ・次回予定 — with 議事録 PDF… / 議事録 Word….

Contract: ``show_meeting(id)`` reads ``get_meeting_detail`` through the runner and fills
every tab; ``refresh()`` reads it again (the meeting view calls it on a broadcast). Every
change goes through the runner as one core operation. The warnings (no secretariat
attendee; a member with items on the agenda and nobody attending) are the core's own
messages, shown in an amber band above the tabs until they no longer apply. Unsaved meeting
notes survive a refresh caused by another change.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.ops.meeting_queries import MeetingDetail, get_meeting_detail
from cloudsuppress.ops.members import list_members
from cloudsuppress.ops.request_queries import list_item_rows

from ..date_edit import DateEdit
from ..dates import display_date
from ..labels import join_names, label
from ..op_runner import OpRunner
from ..operations import meetings as meeting_ops
from ..selection_actions import SelectionActions
from ..table_models.meeting_table_model import (
    AG_TITLE,
    AGENDA_WIDTHS,
    ATT_ORGANIZATION,
    ATTENDEE_WIDTHS,
    AgendaTableModel,
    AttendeeTableModel,
    time_text,
)
from ..table_setup import setup_list_table
from .outcome_panel import OutcomePanel

WARNING_STYLE = ("QLabel#meetingWarnings { background: #fff4d6; color: #7a4b00; border: 1px solid #e6c36a;"
                 " border-radius: 4px; padding: 8px 10px; font-weight: bold; }")
TAB_ATTENDEES, TAB_AGENDA, TAB_OUTCOMES, TAB_NOTES = range(4)


def list_table(model, widths: dict[int, int], stretch: int, *, sortable: bool = False,
               fit: Mapping[int, Iterable[str]] | None = None) -> QTableView:
    """A read-only list table set up as every list in the app (``setup_list_table``)."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    setup_list_table(table, widths=widths, stretch=stretch, row_padding=12, sortable=sortable, fit=fit)
    return table


class MeetingDetailPane(QWidget):
    """One meeting's detail; see the module docstring."""

    status_message = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.meeting_id: int | None = None
        self.detail: MeetingDetail | None = None
        self._notes_dirty = False

        self.title_label = QLabel()
        self.title_label.setObjectName("meetingTitle")
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1f3a5f;")
        self.info_label = QLabel()
        self.info_label.setObjectName("meetingInfo")
        self.info_label.setStyleSheet("color: #4a5568;")
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_label.setWordWrap(True)  # a long place name wraps rather than widen the window
        self.pdf_button = QPushButton(self.tr("議事録 PDF…"))
        self.word_button = QPushButton(self.tr("議事録 Word…"))
        self.pdf_button.clicked.connect(lambda: self.export_minutes("pdf"))
        self.word_button.clicked.connect(lambda: self.export_minutes("docx"))
        self.schedule_button = QPushButton(self.tr("日時・場所を変更…"))
        self.schedule_button.clicked.connect(self.change_schedule)
        self.present_button = QPushButton(self.tr("プレゼンテーション (F5)"))
        self.present_button.setToolTip(self.tr("議題を 1 件ずつ大きな文字で全画面に表示します（プロジェクター・2 画面目）"))
        self.present_button.clicked.connect(self.start_presentation)
        present = QShortcut(QKeySequence("F5"), self)
        present.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        present.activated.connect(self.start_presentation)
        self.presentation = None
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)  # the date line under it runs the full width, beside no button
        head.addWidget(self.schedule_button)
        head.addWidget(self.present_button)
        head.addWidget(self.pdf_button)
        head.addWidget(self.word_button)

        self.warning_label = QLabel()
        self.warning_label.setObjectName("meetingWarnings")
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._attendee_tab(), self.tr("出席者"))
        self.tabs.addTab(self._agenda_tab(), self.tr("議題"))
        self.outcomes = OutcomePanel(runner, self.agenda_model)
        self.tabs.addTab(self.outcomes, self.tr("協議結果"))
        self.tabs.addTab(self._notes_tab(), self.tr("会議メモ・次回予定"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.info_label)
        layout.addWidget(self.tabs, 1)
        # Under the tabs: the warnings come and go as attendees and items are added, and above the tabs they
        # moved the tabs and every field down a line each (walk 2026-12-07, 28 → 29).
        layout.addWidget(self.warning_label)
        self._update_enabled()

    # --- tabs -------------------------------------------------------------------------

    def _attendee_tab(self) -> QWidget:
        self.attendee_model = AttendeeTableModel(self)
        self.attendee_table = list_table(self.attendee_model, ATTENDEE_WIDTHS, ATT_ORGANIZATION)
        self.add_attendee_button = QPushButton(self.tr("出席者を追加…"))
        self.add_attendee_button.clicked.connect(lambda: self.add_attendee())
        self.remove_attendee_button = QPushButton(self.tr("削除"))
        self.remove_attendee_button.clicked.connect(self.remove_attendee)
        return self._tab(self.attendee_table, [self.add_attendee_button, self.remove_attendee_button])

    def _agenda_tab(self) -> QWidget:
        self.agenda_model = AgendaTableModel(self)
        self.agenda_table = list_table(self.agenda_model, AGENDA_WIDTHS, AG_TITLE)
        self.build_button = QPushButton(self.tr("議題を作成"))
        self.build_button.setToolTip(self.tr("この会議の専門部会（分科会は業務）の未決定の要望をすべて議題に加えます"))
        self.build_button.clicked.connect(self.build_agenda)
        self.add_item_button = QPushButton(self.tr("要望を追加…"))
        self.add_item_button.clicked.connect(self.add_agenda_item)
        self.remove_item_button = QPushButton(self.tr("議題から外す"))
        self.remove_item_button.clicked.connect(self.remove_agenda_item)
        self.up_button = QPushButton(self.tr("上へ"))
        self.up_button.setToolTip("Ctrl+↑")
        self.up_button.clicked.connect(lambda: self.move_agenda_item(-1))
        self.down_button = QPushButton(self.tr("下へ"))
        self.down_button.setToolTip("Ctrl+↓")
        self.down_button.clicked.connect(lambda: self.move_agenda_item(+1))
        # several items at once: status, another meeting's agenda, the selection's comparison sheet
        # (the agenda's own decisions: 協議結果をまとめて記録… in place of a status change outside the meeting)
        self.selection = SelectionActions(self.runner, self, self.chosen_agenda_items, status_message=self.status_message,
                                          meeting=self.shown_meeting)
        self.selection.attach(self.agenda_table)
        for keys, offset in (("Ctrl+Up", -1), ("Ctrl+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.agenda_table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda offset=offset: self.move_agenda_item(offset))
        return self._tab(self.agenda_table, [self.build_button, self.add_item_button, self.remove_item_button,
                                             None, self.up_button, self.down_button])

    def _notes_tab(self) -> QWidget:
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("会議全体の協議内容・報告事項（議事録の「協議内容」の冒頭に載ります）"))
        self.next_edit = QLineEdit()
        self.next_edit.setPlaceholderText(self.tr("例: 第5回 税業務部会（令和9年1月予定）"))
        self.next_date_check = QCheckBox(self.tr("日付"))
        self.next_date_edit = DateEdit(QDate.currentDate())
        self.next_date_edit.setCalendarPopup(True)
        self.next_date_edit.setDisplayFormat("yyyy/MM/dd")
        self.next_date_check.toggled.connect(self.next_date_edit.setEnabled)
        self.next_date_edit.setEnabled(False)
        self.save_notes_button = QPushButton(self.tr("保存"))
        self.save_notes_button.clicked.connect(self.save_notes)
        for signal in (self.notes_edit.textChanged, self.next_edit.textChanged, self.next_date_check.toggled,
                       self.next_date_edit.dateChanged):
            signal.connect(self._mark_notes_dirty)
        date_row = QHBoxLayout()
        date_row.addWidget(self.next_date_check)
        date_row.addWidget(self.next_date_edit)
        date_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("会議メモ"), self.notes_edit)
        form.addRow(self.tr("次回予定"), self.next_edit)
        form.addRow("", date_row)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_notes_button)
        layout.addLayout(row)
        return page

    @staticmethod
    def _tab(table: QTableView, buttons: list[QPushButton | None]) -> QWidget:
        page = QWidget()
        side = QVBoxLayout()
        for b in buttons:
            if b is None:
                side.addSpacing(12)
            else:
                side.addWidget(b)
        side.addStretch(1)
        layout = QHBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(side)
        return page

    # --- loading ----------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show another meeting (None: none)."""
        if meeting_id != self.meeting_id:
            self._notes_dirty = False
            self.outcomes.set_meeting(meeting_id)
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        """Read the meeting again and fill every tab, keeping the selections."""
        mid = self.meeting_id
        self.detail = self.runner.read(lambda s: get_meeting_detail(s, mid)) if mid is not None else None
        d = self.detail
        if d is None:
            self.meeting_id = None
            self.title_label.setText(self.tr("会議を選んでください"))
            self.info_label.setText(self.tr("一覧で会議を選ぶか、「新しい会議…」で登録します。"))
            self.attendee_model.set_rows([])
            self.agenda_model.set_rows([])
            self.warning_label.hide()
        else:
            m = d.meeting
            self.title_label.setText(label(m.label) if m.label.endswith(m.kind_label)
                                     else self.tr("{0}（{1}）").format(label(m.label), label(m.kind_label)))
            parts = [display_date(m.held_on, weekday=True) + (f"　{time_text(m.start_time, m.end_time)}" if m.start_time else "")]
            if m.place:
                parts.append(m.place)
            parts.append(self.tr("議題 {0} 件・決定 {1} 件").format(m.agenda_count, m.decided_count))
            self.info_label.setText(self.tr("　／　").join(parts))
            selected_attendee = self._selected(self.attendee_table, self.attendee_model)
            selected_item = self.selected_agenda_row()
            self.attendee_model.set_rows(d.attendees)
            self.agenda_model.set_rows(d.agenda)
            if selected_attendee is not None:
                self._select(self.attendee_table, self.attendee_model.row_of(selected_attendee.id))
            if selected_item is not None:
                self._select(self.agenda_table, self.agenda_model.row_of(selected_item.item_id, attr="item_id"))
            self.warning_label.setText("\n".join("⚠ " + self.warning_text(w) for w in d.warnings))
            self.warning_label.setVisible(bool(d.warnings))
            if not self._notes_dirty:
                self._load_notes(d)
        self.outcomes.set_held_on(d.meeting.held_on if d is not None else None)
        self.outcomes.reloaded()
        self._update_enabled()

    def _load_notes(self, d: MeetingDetail) -> None:
        self.notes_edit.setPlainText(d.notes or "")
        self.next_edit.setText(d.next_meeting or "")
        self.next_date_check.setChecked(d.next_meeting_on is not None)
        if d.next_meeting_on is not None:
            self.next_date_edit.setDate(QDate(d.next_meeting_on.year, d.next_meeting_on.month, d.next_meeting_on.day))
        self._notes_dirty = False

    def _mark_notes_dirty(self, *_args) -> None:
        self._notes_dirty = True

    def warnings(self) -> list[str]:
        """The core's warnings shown now (as the screen words them)."""
        return [self.warning_text(w) for w in self.detail.warnings] if self.detail else []

    def warning_text(self, w) -> str:
        """A core warning in the UI language (the core's own text for a kind this screen does not know)."""
        if w.code == "no_secretariat":
            return self.tr("事務局の出席者が記録されていません。事務局はすべての会議に出席します。")
        if w.code == "member_absent" and w.member and w.keys:
            return self.tr("{0}の要望（{1}）が議題にありますが、{0}の出席者が記録されていません。").format(
                w.member, join_names(w.keys))
        return w.message

    def _update_enabled(self) -> None:
        on = self.detail is not None
        for w in (self.schedule_button, self.present_button, self.pdf_button, self.word_button,
                  self.add_attendee_button, self.remove_attendee_button, self.build_button,
                  self.add_item_button, self.remove_item_button, self.up_button, self.down_button,
                  self.save_notes_button, self.notes_edit, self.next_edit, self.next_date_check):
            w.setEnabled(on)
        self.next_date_edit.setEnabled(on and self.next_date_check.isChecked())

    @staticmethod
    def _selected(table: QTableView, model):
        index = table.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    @staticmethod
    def _select(table: QTableView, row: int | None) -> None:
        if row is not None:
            table.selectRow(row)

    def selected_agenda_row(self):
        return self._selected(self.agenda_table, self.agenda_model)

    def chosen_agenda_items(self) -> list[tuple[int, str]]:
        """(item id, 要望番号) of the selected agenda lines, in agenda order."""
        rows = sorted(index.row() for index in self.agenda_table.selectionModel().selectedRows())
        return [(self.agenda_model.row_at(r).item_id, self.agenda_model.row_at(r).key) for r in rows]

    def shown_meeting(self) -> tuple[int, str] | None:
        """(id, name) of the meeting shown, or None."""
        if self.meeting_id is None or self.detail is None:
            return None
        return self.meeting_id, self.tr("「{0}」").format(label(self.detail.meeting.label))

    def select_agenda_item(self, item_id: int) -> bool:
        row = self.agenda_model.row_of(item_id, attr="item_id")
        self._select(self.agenda_table, row)
        return row is not None

    # --- attendees --------------------------------------------------------------------

    def add_attendee(self, *, role: str = "member", member_id: int | None = None) -> str | None:
        """出席者を追加…: the attendee dialog; returns the name recorded, or None."""
        from ..dialogs.attendee_dialog import AttendeeDialog

        if self.meeting_id is None:
            return None
        dialog = AttendeeDialog(self.runner, self.meeting_id, self.runner.read(list_members), self,
                                role=role, member_id=member_id)
        dialog.exec()
        return dialog.added

    def remove_attendee(self) -> None:
        a = self._selected(self.attendee_table, self.attendee_model)
        if a is not None:
            meeting_ops.remove_attendee(self, self.runner, attendee_id=a.id)

    # --- agenda -----------------------------------------------------------------------

    def build_agenda(self) -> None:
        """議題を作成: every undecided item of the meeting's scope not on the agenda yet."""
        mid = self.meeting_id
        if mid is None:
            return
        changes = meeting_ops.build_agenda(self, self.runner, meeting_id=mid)
        if changes is not None:
            added = getattr(changes, "added", 0)
            self.status_message.emit(self.tr("議題に {0} 件を追加しました。").format(added) if added
                                     else self.tr("議題に加える未決定の要望はありません。"))

    def add_agenda_item(self) -> None:
        """要望を追加…: choose any item not on the agenda (also a decided one being reviewed again)."""
        mid = self.meeting_id
        if mid is None:
            return
        present = {r.item_id for r in self.agenda_model.rows()}
        rows = [r for r in self.runner.read(list_item_rows) if r.id not in present]
        if not rows:
            self.status_message.emit(self.tr("議題に追加できる要望はありません。"))
            return
        labels = [self.tr("{0}　{1}（{2}）").format(r.key, r.title, label(r.status_label)) for r in rows]
        text, ok = QInputDialog.getItem(self, self.tr("議題に要望を追加"), self.tr("要望"), labels, 0, False)
        if not ok or text not in labels:
            return
        item_id = rows[labels.index(text)].id
        if meeting_ops.add_agenda_item(self, self.runner, meeting_id=mid, item_id=item_id) is not None:
            self.select_agenda_item(item_id)

    def remove_agenda_item(self) -> None:
        r, mid = self.selected_agenda_row(), self.meeting_id
        if r is not None and mid is not None:
            meeting_ops.remove_agenda_item(self, self.runner, meeting_id=mid, item_id=r.item_id)

    def move_agenda_item(self, offset: int) -> None:
        """上へ (-1) / 下へ (+1): the selected item stays selected at its new place."""
        r, mid = self.selected_agenda_row(), self.meeting_id
        if r is None or mid is None:
            return
        meeting_ops.move_agenda_item(self, self.runner, meeting_id=mid, item_id=r.item_id, offset=offset)
        self.select_agenda_item(r.item_id)

    # --- notes ------------------------------------------------------------------------

    def save_notes(self) -> bool:
        mid = self.meeting_id
        if mid is None:
            return False
        notes, nxt = self.notes_edit.toPlainText(), self.next_edit.text()
        on: dt.date | None = self.next_date_edit.date().toPython() if self.next_date_check.isChecked() else None
        self._notes_dirty = False  # the broadcast reloads them as saved
        changes = meeting_ops.set_meeting_notes(self, self.runner, meeting_id=mid, notes=notes, next_meeting=nxt,
                                                next_meeting_on=on)
        if changes is None:
            self._notes_dirty = True
            return False
        self.status_message.emit(self.tr("会議メモと次回予定を保存しました。"))
        return True

    # --- presentation -----------------------------------------------------------------

    def change_schedule(self) -> bool:
        """日時・場所を変更…: the meeting's date, times and place; True if a change was saved."""
        from ..dialogs.meeting_schedule_dialog import MeetingScheduleDialog

        if self.detail is None:
            return False
        dialog = MeetingScheduleDialog(self.runner, self.detail.meeting, self)
        dialog.exec()
        return dialog.changed

    def start_presentation(self, *, show: bool = True):
        """F5: the presentation window for this meeting, starting at the chosen agenda item."""
        from .presentation_view import PresentationView

        if self.meeting_id is None:
            return None
        if self.presentation is not None:
            self.presentation.close()
        row = self.selected_agenda_row() if self.tabs.currentIndex() == TAB_AGENDA else self.outcomes.current_row()
        self.presentation = PresentationView(self.runner, self.meeting_id,
                                             start_item_id=row.item_id if row is not None else None, parent=self)
        self.presentation.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.presentation.destroyed.connect(lambda *_: setattr(self, "presentation", None))
        if show:
            self.presentation.show_presentation()
        return self.presentation

    # --- minutes ----------------------------------------------------------------------

    def export_minutes(self, kind: str):
        """議事録 PDF… / 議事録 Word…: the core's minutes writer on the worker thread."""
        from cloudsuppress.ops.minutes import build_minutes

        from ..dialogs.report_export import export_report
        from ..file_dialogs import dated_file_name

        mid, d = self.meeting_id, self.detail
        if mid is None or d is None:
            return None
        if kind == "pdf":
            from cloudsuppress.reports.minutes_pdf import write_minutes_pdf as writer

            file_filter = self.tr("PDF (*.pdf)")
        else:
            from cloudsuppress.reports.minutes_docx import write_minutes_docx as writer

            file_filter = self.tr("Word 文書 (*.docx)")

        def write(path):
            return writer(path, self.runner.read(lambda s: build_minutes(s, mid)))

        path = export_report(self.runner, parent=self, caption=self.tr("議事録を書き出す"),
                             suggested=dated_file_name(self.tr("議事録"), d.meeting.label, on=d.meeting.held_on,
                                                       suffix=kind), file_filter=file_filter,
                             write=write, label=self.tr("議事録を書き出しています…"), preview=True)
        if path is not None:
            self.status_message.emit(self.tr("議事録を書き出しました: {0}").format(path))
        return path
