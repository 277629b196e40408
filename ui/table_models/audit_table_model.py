"""AuditTableModel: an item's audit trail (who, when, what, field, old, new) as a table.

Contract: holds the core's frozen ``AuditEntry`` rows in the order the core gives them
(oldest first); ``set_rows`` replaces them inside a model reset; ``sort`` reorders a list of
indexes. Entries of actions that were later undone are shown in grey. The core already gives
every value in readable words (labels, names, 和暦), the same as the CSV export; this model
only lays them out.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cloudsuppress.ops.history import KIND_LABELS, AuditEntry

from ..dates import display_date


def _one_line(value: str | None) -> str:
    return (value or "").replace("\n", " ")

COL_AT = 0
COL_USER = 1
COL_ACTION = 2
COL_FIELD = 3
COL_OLD = 4
COL_NEW = 5
COLUMN_COUNT = 6

HEADERS = {COL_AT: "日時", COL_USER: "操作者", COL_ACTION: "操作", COL_FIELD: "項目", COL_OLD: "変更前", COL_NEW: "変更後"}
COLUMN_WIDTHS = {COL_AT: 170, COL_USER: 90, COL_ACTION: 210, COL_FIELD: 290, COL_OLD: 170, COL_NEW: 170}


class AuditTableModel(QAbstractTableModel):
    """Audit entries for a QTableView; see the module docstring."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AuditEntry] = []
        self._order: list[int] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        e = self._rows[self._order[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(e, index.column())
            return text if role == Qt.ItemDataRole.DisplayRole or text else None
        if role == Qt.ItemDataRole.ForegroundRole and e.undone:
            return QBrush(QColor("#8a8a8a"))
        return None

    def _display(self, e: AuditEntry, col: int) -> str:
        if col == COL_AT:  # 和暦 or Western as chosen in 設定, like every other date on screen
            return f"{display_date(e.at.date())} {e.at:%H:%M}"
        if col == COL_USER:
            return e.user
        if col == COL_ACTION:
            kind = KIND_LABELS.get(e.kind, "")
            text = e.label if not kind or e.label.startswith(kind) else f"{kind}: {e.label}"
            return text + (self.tr("（取消済み）") if e.undone else "")
        if col == COL_FIELD:
            return f"{e.target}・{e.field_label}" if e.field_label else f"{e.target}（{e.op_label}）"
        if col == COL_OLD:
            return _one_line(e.old)
        if col == COL_NEW:
            return _one_line(e.new)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = self._order
        rows = self._rows
        key = (lambda i: (rows[i].at, i)) if column == COL_AT else (lambda i: self._display(rows[i], column))
        self._order = sorted(range(len(rows)), key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        position = {row: pos for pos, row in enumerate(self._order)}
        self.changePersistentIndexList(persistent, [
            self.index(position[old[p.row()]], p.column()) if 0 <= p.row() < len(old) else QModelIndex()
            for p in persistent
        ])
        self.layoutChanged.emit()

    def set_rows(self, rows: Sequence[AuditEntry]) -> None:
        """Replace every entry (oldest first)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._order = list(range(len(self._rows)))
        self.endResetModel()

    def entry_at(self, row: int) -> AuditEntry:
        return self._rows[self._order[row]]
