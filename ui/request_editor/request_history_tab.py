"""RequestHistoryTab: the request editor's 変更履歴 tab, the item's status history and audit trail.

Top, the status changes (when, from → to, the reason, the meeting that decided it, who), with
the statuses in the UI language and the dates as the user's date style shows them (the core
spells both in Japanese, 和暦). Below, the audit trail of the item and its member parts
(``AuditTableModel``), which 「CSVに書き出す」 writes as CSV (UTF-8 with BOM, for Excel) through
the core's ``export_item_history_csv``. The editor hands in what it read (``show_history``);
the tab reads only the meetings the history names.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError
from cloudsuppress.ops.history import export_item_history_csv
from cloudsuppress.ops.meeting_queries import get_meeting_row
from cloudsuppress.ops.request_queries import ItemDetail

from ..dates import display_date
from ..dialogs.save_prompts import show_write_error, with_suffix_confirmed
from ..file_dialogs import KIND_REPORTS, dated_file_name, save_file_name
from ..labels import label
from ..op_runner import OpRunner
from ..table_models.audit_table_model import COLUMN_WIDTHS as AUDIT_WIDTHS
from ..table_models.audit_table_model import AuditTableModel


class RequestHistoryTab(QWidget):
    """Status history and audit trail of one item; ``export_history`` writes the trail as CSV."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.detail: ItemDetail | None = None  # the item last shown
        self.status_table = QTableWidget(0, 5)
        self.status_table.setHorizontalHeaderLabels(
            [self.tr("日時"), self.tr("変更"), self.tr("理由"), self.tr("会議"), self.tr("変更者")])
        self.status_table.verticalHeader().setVisible(False)
        self.status_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.status_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        sh = self.status_table.horizontalHeader()
        sh.resizeSection(0, 170)
        sh.resizeSection(1, 190)
        sh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        sh.resizeSection(3, 280)
        sh.resizeSection(4, 100)
        self.audit_model = AuditTableModel(self)
        self.audit_table = QTableView()
        self.audit_table.setModel(self.audit_model)
        self.audit_table.verticalHeader().setVisible(False)
        self.audit_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.audit_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.audit_table.setAlternatingRowColors(True)
        self.audit_table.setWordWrap(False)
        self.audit_table.setSortingEnabled(True)
        self.audit_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for col, width in AUDIT_WIDTHS.items():
            self.audit_table.setColumnWidth(col, width)
        self.audit_table.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("CSVに書き出す"))
        self.export_button.clicked.connect(self.export_history)
        self.export_note = QLabel()
        self.export_note.setStyleSheet("color: #4a5568;")
        split = QSplitter(Qt.Orientation.Vertical)
        box1 = QWidget()
        l1 = QVBoxLayout(box1)
        l1.setContentsMargins(0, 0, 0, 0)
        l1.addWidget(QLabel(self.tr("状態の履歴")))
        l1.addWidget(self.status_table)
        box2 = QWidget()
        l2 = QVBoxLayout(box2)
        l2.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("変更履歴（誰が・いつ・どの項目を・変更前・変更後）")))
        row.addStretch(1)
        row.addWidget(self.export_note)
        row.addWidget(self.export_button)
        l2.addLayout(row)
        l2.addWidget(self.audit_table)
        split.addWidget(box1)
        split.addWidget(box2)
        split.setSizes([140, 300])
        tl = QVBoxLayout(self)
        tl.setContentsMargins(8, 8, 8, 8)
        tl.addWidget(split)

        for widget, name in ((self.status_table, self.tr("状態の履歴")), (self.audit_table, self.tr("変更履歴")),
                             (self.export_button, self.tr("変更履歴をCSVに書き出す"))):
            widget.setAccessibleName(name)
        self.status_table.setTabKeyNavigation(False)
        self.audit_table.setTabKeyNavigation(False)

    def focus_chain(self) -> list[QWidget]:
        """The tab's controls in the order Tab visits them."""
        return [self.status_table, self.export_button, self.audit_table]

    def show_history(self, detail: ItemDetail, trail) -> None:
        """Show an item's status changes and its audit trail (``item_audit_trail``)."""
        self.detail = detail
        # The core spells statuses and dates in Japanese (和暦); the UI language and date style decide here.
        ids = {h.meeting_id for h in detail.history if h.meeting_id is not None}
        meetings = {m.id: m for m in self.runner.read(lambda s: [get_meeting_row(s, i) for i in ids])} if ids else {}
        self.status_table.setRowCount(len(detail.history))
        for r, h in enumerate(detail.history):
            move = f"{label(h.from_label)} → {label(h.to_label)}" if h.from_label else label(h.to_label)
            at = f"{display_date(h.changed_at.date())} {h.changed_at:%H:%M}"
            m = meetings.get(h.meeting_id)
            meeting = self.tr("{0}（{1}）").format(label(m.label), display_date(m.held_on)) if m else h.meeting or ""
            cells = (at, move, h.reason or "", meeting, h.changed_by)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.status_table.setItem(r, c, item)
        self.audit_model.set_rows(trail)

    def export_history(self) -> bool:
        """Write the item's audit trail as CSV (UTF-8 with BOM, for Excel)."""
        if self.detail is None:
            return False
        item = self.detail.item
        # Like every export: Documents first, then the reports folder used last; a name with the date.
        chosen = save_file_name(self, self.tr("変更履歴をCSVに書き出す"), kind=KIND_REPORTS,
                                suggested=dated_file_name(self.tr("変更履歴"), item.key, suffix=".csv"),
                                file_filter=self.tr("CSV (*.csv)"))
        path = with_suffix_confirmed(self, chosen, ".csv") if chosen is not None else None
        if path is None:
            return False
        name = str(path)
        item_id = item.id
        try:
            # the save dialog asked before replacing a file; the core still refuses a database
            count = self.runner.read(lambda s: export_item_history_csv(s, item_id, name, overwrite=True))
        except DomainError as error:
            self.runner.show_error(error, parent=self)
            return False
        except OSError as error:
            show_write_error(self, Path(name), error)
            return False
        self.export_note.setText(self.tr("{0} 行を書き出しました").format(count))
        return True
