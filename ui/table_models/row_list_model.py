"""RowListTableModel: the shared body of the list-backed table models (members, request
items, meetings, attendees, agenda entries; the 30,000-row function model has its own).

Contract: holds the core's frozen rows (never ORM objects) and the list of the row indexes
shown, in order. A subclass names its columns (``HEADERS``: column → heading) and says how a
row reads (``display``), plus optionally its tooltip, alignment, colours, sort key, extra
roles and a filter (``_matching``, with ``refilter`` after the filter changed, and
``rows_changed`` to fold search texts or totals when rows arrive). ``set_rows`` replaces
everything inside a model reset and keeps the filter and the sort; ``sort`` is stable and
keeps persistent indexes on the same rows. These lists hold tens to a few thousand rows, so
plain list operations are plenty.

A model whose ``set_filter`` takes several filters, each staying as it is unless named, keeps
them in one frozen dataclass and changes them with ``with_filters`` (arguments default to
``KEEP``); the function and request models do, each with its own rescan.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

ROW_ROLE = Qt.ItemDataRole.UserRole  # the frozen row shown on a line
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)

KEEP: Any = object()  # a set_filter argument not given: that filter stays as it is
_F = TypeVar("_F")


@functools.cache
def brush(color: str) -> QBrush:
    """One QBrush per colour, made once: ``data`` runs for every cell at every repaint (issue 18: an
    import statement inside it went through PySide's import hook each time, a third of a repaint)."""
    return QBrush(QColor(color))


def with_filters(filters: _F, **given: object) -> _F:
    """``filters`` (a frozen dataclass) with each given value that is not KEEP.

    The result equals ``filters`` when nothing changed, so a model skips the rescan then.
    """
    return dataclasses.replace(filters, **{k: v for k, v in given.items() if v is not KEEP})  # type: ignore[type-var]


def reorder(model: QAbstractTableModel, reorder_rows) -> None:
    """Re-order the rows a self-sorting model shows, keeping persistent indexes.

    ``reorder_rows()`` changes the model's order and returns (old visible, new visible):
    both lists of row indexes, the same rows in another order. Every persistent index
    (selection, current row) stays on the row it pointed to. Shared by every list model.
    """
    model.layoutAboutToBeChanged.emit()
    persistent = model.persistentIndexList()
    old_visible, new_visible = reorder_rows()
    position = {row: pos for pos, row in enumerate(new_visible)}
    model.changePersistentIndexList(persistent, [
        model.index(position[old_visible[p.row()]], p.column()) if 0 <= p.row() < len(old_visible)
        else QModelIndex()
        for p in persistent
    ])
    model.layoutChanged.emit()


class RowListTableModel(QAbstractTableModel):
    """A sortable list of frozen rows; see the module docstring for the contract."""

    HEADERS: dict[int, str] = {}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._visible: list[int] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- to override ------------------------------------------------------------------

    def display(self, r: Any, col: int) -> str:
        raise NotImplementedError

    def tooltip(self, r: Any, col: int) -> str | None:
        return self.display(r, col) or None

    def alignment(self, col: int) -> int:
        return LEFT

    def header_alignment(self, col: int) -> int | None:
        """A heading's alignment (None: Qt's default, centred); the column's by default."""
        return self.alignment(col)

    def colors(self, r: Any, col: int) -> tuple[str, str] | None:
        """(background, text) colours of a cell, or None for the defaults."""
        return None

    def sort_key(self, r: Any, col: int) -> object:
        return self.display(r, col)

    def sort_key_for(self, col: int) -> Callable[[Any], object]:
        """The sort key of a column as one function (override to choose it once per sort)."""
        return lambda r: self.sort_key(r, col)

    def role_data(self, r: Any, col: int, role: int) -> object:
        """A cell's data for a role this class does not handle (e.g. a delegate's own role)."""
        return None

    def rows_changed(self) -> None:
        """Called inside ``set_rows`` once the rows are in, before the shown rows are chosen."""

    def _matching(self) -> list[int]:
        """The row indexes the filter lets through, in the core's order (all, unless overridden)."""
        return list(range(len(self._rows)))

    # --- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self.header_alignment(section)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        return self.cell_data(self._rows[self._visible[index.row()]], index.column(), role)

    def cell_data(self, r: Any, col: int, role: int) -> object:
        """What ``data`` answers for a row's cell in one role (a model answering several roles at once
        asks this too, so that both ways read alike)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(col)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colors = self.colors(r, col)
            if colors is None:
                return None
            color = colors[0] if role == Qt.ItemDataRole.BackgroundRole else colors[1]
            return brush(color) if color else None
        if role == ROW_ROLE:
            return r
        return self.role_data(r, col, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (stable: equal keys keep the core's order)."""
        if not 0 <= column < len(self.HEADERS):
            return
        reorder(self, lambda: self._resort(column, order))

    def _resort(self, column: int, order: Qt.SortOrder) -> tuple[list[int], list[int]]:
        old_visible = self._visible
        self._sort = (column, order)
        self._visible = self._ordered(old_visible)
        return old_visible, self._visible

    # --- our API ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (keeping the filter and the sort)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.rows_changed()
        self._visible = self._ordered(self._matching())
        self.endResetModel()

    def refilter(self) -> None:
        """Choose the shown rows again, after a subclass changed its filter."""
        self.beginResetModel()
        self._visible = self._ordered(self._matching())
        self.endResetModel()

    def _ordered(self, indexes: list[int]) -> list[int]:
        if self._sort is None:
            return sorted(indexes)
        col, order = self._sort
        rows, key = self._rows, self.sort_key_for(col)
        return sorted(sorted(indexes), key=lambda i: key(rows[i]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> Any:
        """The row shown at a view row."""
        return self._rows[self._visible[row]]

    def rows(self) -> list[Any]:
        """The rows in the order shown."""
        return [self._rows[i] for i in self._visible]

    def row_of(self, row_id: int, *, attr: str = "id") -> int | None:
        """The view row of the row whose ``attr`` is ``row_id``, or None."""
        for pos, i in enumerate(self._visible):
            if getattr(self._rows[i], attr) == row_id:
                return pos
        return None
