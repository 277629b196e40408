"""LateJoinerDialog (後乗り): the decisions taken before a new member joined, for it to accept.

Shown after a member is added with a join date when the consortium has already decided items
(``ops.late_joiners.decisions_to_accept``). Every decision starts ticked; the secretariat
unticks what the newcomer has not accepted yet, sets the acceptance date and records it
through the runner (``accept_decisions``, one undoable action). 「後で」 records nothing: the
decisions stay pending and the CLI's ``latejoin`` (or this dialog, from the members view) can
record them later. Joining an existing customization (``join_customization``): select its
カスタマイズ実施 row and press 「カスタマイズに参加…」 (``JoinCustomizationDialog``; the CLI's
``latejoin join``).

``PendingDecisionTableModel`` adapts the frozen ``PendingDecision`` rows, with a check box in
its first column.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.ops.late_joiners import PendingDecision

from ..date_edit import DateEdit
from ..dates import display_date
from ..labels import label
from ..op_runner import OpRunner
from ..operations import members as member_ops
from ..table_models.row_list_model import CENTER, LEFT, RowListTableModel
from ..table_setup import setup_list_table

COL_ACCEPT, COL_KEY, COL_TITLE, COL_DECISION, COL_DECIDED_ON, COL_REASON = range(6)


class PendingDecisionTableModel(RowListTableModel):
    """Prior decisions with a tick for those to accept."""

    HEADERS = {COL_ACCEPT: "承認", COL_KEY: "要望番号", COL_TITLE: "件名", COL_DECISION: "決定",
               COL_DECIDED_ON: "決定日", COL_REASON: "理由"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.checked: set[int] = set()

    def set_rows(self, rows) -> None:
        self.checked = {r.item_id for r in rows}
        super().set_rows(rows)

    def display(self, r: PendingDecision, col: int) -> str:
        return {COL_ACCEPT: "", COL_KEY: r.key, COL_TITLE: r.title, COL_DECISION: label(r.status_label),
                COL_DECIDED_ON: display_date(r.decided_on), COL_REASON: r.reason or ""}.get(col, "")

    def alignment(self, col: int) -> int:
        return CENTER if col in (COL_ACCEPT, COL_KEY, COL_DECISION) else LEFT

    def sort_key(self, r: PendingDecision, col: int) -> Any:
        if col == COL_ACCEPT:
            return r.item_id in self.checked
        if col == COL_DECIDED_ON:
            return r.decided_on
        return self.display(r, col)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        f = super().flags(index)
        if index.isValid() and index.column() == COL_ACCEPT:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == COL_ACCEPT \
                and 0 <= index.row() < self.rowCount():
            item_id = self.row_at(index.row()).item_id
            return Qt.CheckState.Checked if item_id in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != COL_ACCEPT:
            return False
        item_id = self.row_at(index.row()).item_id
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        (self.checked.add if on else self.checked.discard)(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def checked_ids(self) -> list[int]:
        """The ticked item ids, in the order shown."""
        return [r.item_id for r in self.rows() if r.item_id in self.checked]


class LateJoinerDialog(QDialog):
    """Record which prior decisions a late joiner accepted; see the module docstring."""

    def __init__(self, runner: OpRunner, *, member_id: int, member: str, joined_on: dt.date | None,
                 decisions: list[PendingDecision], parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.member_id = member_id
        self.recorded = 0
        self.setWindowTitle(self.tr("後から参加した団体の既決事項の承認"))
        intro = QLabel(self.tr("「{0}」の参加日（{1}）までに決定した事項が {2} 件あります。"
                               "「{0}」が承認した事項に印を付けて記録してください。").format(
            member, display_date(joined_on), len(decisions)))
        intro.setWordWrap(True)
        self.model = PendingDecisionTableModel(self)
        self.model.set_rows(decisions)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_list_table(self.table, widths={COL_ACCEPT: 48, COL_KEY: 80, COL_TITLE: 260, COL_DECISION: 120,
                                             COL_DECIDED_ON: 130}, stretch=COL_REASON)
        self.date_edit = DateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(self.tr("例: 協議会総会で承認"))
        form = QFormLayout()
        form.addRow(self.tr("承認日"), self.date_edit)
        form.addRow(self.tr("メモ"), self.notes_edit)
        note = QLabel(self.tr("既存のカスタマイズに加わって費用を負担する場合は、そのカスタマイズ実施の行を選んで"
                              "「カスタマイズに参加…」を押してください。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")
        self.member_name = member
        self.join_button = QPushButton(self.tr("カスタマイズに参加…"))
        self.join_button.clicked.connect(self.join_customization)
        self.join_button.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable_join())
        note_row = QHBoxLayout()
        note_row.addWidget(note, 1)
        note_row.addWidget(self.join_button)
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton(self.tr("承認を記録"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(self.tr("後で"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(lambda *_: self.record_button.setEnabled(bool(self.model.checked)))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(note_row)
        layout.addWidget(self.buttons)
        self.resize(900, 480)

    def _selected(self) -> PendingDecision | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _enable_join(self) -> None:
        d = self._selected()
        self.join_button.setEnabled(d is not None and d.status == "customized")
        self.join_button.setToolTip("" if self.join_button.isEnabled() else
                                    self.tr("カスタマイズ実施の行を選ぶと参加できます。"))

    def join_customization(self) -> bool:
        """カスタマイズに参加…: the member joins the selected customization and bears its share."""
        from .join_customization_dialog import JoinCustomizationDialog

        d = self._selected()
        items = [self.model.row_at(r) for r in range(self.model.rowCount())]
        dialog = JoinCustomizationDialog(self.runner, member_id=self.member_id, member=self.member_name,
                                         items=[x for x in items if x.status == "customized"],
                                         item_id=d.item_id if d is not None else None, parent=self)
        dialog.exec()
        return dialog.joined

    def record(self) -> bool:
        """Record the ticked decisions as accepted on the date shown; close when it worked."""
        ids = self.model.checked_ids()
        if not ids:
            return False
        accepted_on = self.date_edit.date().toPython()
        notes = self.notes_edit.text()
        if member_ops.accept_decisions(self, self.runner, member_id=self.member_id, accepted_on=accepted_on,
                                       item_ids=ids, notes=notes) is None:
            return False
        self.recorded = len(ids)
        self.accept()
        return True
