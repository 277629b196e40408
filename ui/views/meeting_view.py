"""MeetingView: the meetings (協議会 / 部会 / 分科会) on top, the chosen meeting's detail below
(出席者, 議題, 協議結果, 会議メモ・次回予定, the core's warnings and the minutes).

新しい会議… registers one and selects it. Every change goes through the OpRunner; the view
reloads when a broadcast says meetings, requests (a decision moves an item; an edited item
changes the agenda's text) or members changed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops.functions import system_tree
from cloudsuppress.ops.meeting_queries import list_meetings

from ..op_runner import OpRunner
from ..table_models.meeting_table_model import COL_KIND, COL_PLACE, MEETING_WIDTHS, MeetingTableModel, kind_texts
from .meeting_detail import MeetingDetailPane, list_table


class MeetingView(QWidget):
    """The meeting list and one meeting's detail; see the module docstring."""

    status_message = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._systems = []

        title = QLabel(self.tr("会議"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f3a5f;")
        note = QLabel(self.tr("部会ごとに要望を並べて協議し、結果を記録します（富山県方式の方策4）。"
                              "事務局はすべての会議に出席します。"))
        note.setStyleSheet("color: #4a5568;")
        note.setWordWrap(True)
        self.subcommittee_combo = QComboBox()
        self.subcommittee_combo.setAccessibleName(self.tr("専門部会"))
        self.subcommittee_combo.currentIndexChanged.connect(lambda: self.refresh())
        self.new_button = QPushButton(self.tr("新しい会議…"))
        self.new_button.clicked.connect(lambda: self.new_meeting())
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(QLabel(self.tr("専門部会")))
        head.addWidget(self.subcommittee_combo)
        head.addStretch(1)
        head.addWidget(self.new_button)

        self.model = MeetingTableModel(self)
        self.table = list_table(self.model, MEETING_WIDTHS, COL_PLACE, sortable=True, fit={COL_KIND: kind_texts()})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_selection())
        self.detail = MeetingDetailPane(runner)
        self.detail.status_message.connect(self.status_message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 560])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the meeting list (keeping the chosen meeting) and its detail."""
        sub = self.subcommittee_combo.currentData()
        systems, rows = self.runner.read(lambda s: (system_tree(s), list_meetings(s, subcommittee_id=sub)))
        self._systems = systems
        self._fill_subcommittees()
        selected = self.selected_meeting_id()
        self.model.set_rows(rows)
        if selected is None or not self.select_meeting(selected):
            if self.model.rowCount():
                self.table.selectRow(0)
        self._on_selection(force=True)

    def on_changed(self, changes: Changes) -> None:
        if changes.meetings or changes.requests or changes.members or changes.structure:
            self.refresh()

    def _fill_subcommittees(self) -> None:
        combo = self.subcommittee_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("すべて"), None)
        for name, sid in dict.fromkeys((n.subcommittee, n.subcommittee_id) for n in self._systems):
            combo.addItem(name, sid)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    # --- selection --------------------------------------------------------------------

    def selected_meeting_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.model.row_of(meeting_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_selection(self, force: bool = False) -> None:
        mid = self.selected_meeting_id()
        if force or mid != self.detail.meeting_id:
            self.detail.show_meeting(mid)

    # --- actions ----------------------------------------------------------------------

    def new_meeting(self) -> int | None:
        """新しい会議…: register one and select it; returns its id, or None."""
        from ..dialogs.new_meeting_dialog import NewMeetingDialog

        dialog = NewMeetingDialog(self.runner, self._systems, self, subcommittee_id=self.subcommittee_combo.currentData())
        dialog.exec()
        if dialog.created_id is None:
            return None
        if not self.select_meeting(dialog.created_id):  # filtered out by the subcommittee choice
            self.subcommittee_combo.setCurrentIndex(0)
            self.select_meeting(dialog.created_id)
        self.status_message.emit(self.tr("会議を登録しました。「議題を作成」で未決定の要望を議題にできます。"))
        return dialog.created_id
