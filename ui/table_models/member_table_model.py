"""MemberTableModel: the consortium's members (構成団体) as a table, sorting and filtering itself.

Contract: holds the core's frozen ``MemberRow`` objects (never ORM objects) and a list of
visible row indexes. ``set_rows`` replaces everything inside a model reset and keeps the
filter and the sort; the population share of each member is of the whole consortium, so it
does not change when a filter hides other members. ``sort`` keeps persistent indexes on the
same members. A consortium has 4 to 34 members, so plain list operations are plenty.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from cloudsuppress.ops.members import MemberRow
from ..dates import display_date

from .function_table_model import nfkc_lower, normalize_query
from .row_list_model import reorder

COL_NAME = 0
COL_POPULATION = 1
COL_JOINED = 2
COL_SHARE = 3
COLUMN_COUNT = 4

HEADERS = {COL_NAME: "団体名", COL_POPULATION: "人口", COL_JOINED: "参加日", COL_SHARE: "人口比"}
COLUMN_WIDTHS = {COL_NAME: 300, COL_POPULATION: 130, COL_JOINED: 200, COL_SHARE: 110}
ROW_ROLE = Qt.ItemDataRole.UserRole  # the MemberRow of a row

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def format_share(population: int, total: int) -> str:
    """A member's share of the total population: 「28.3%」 (blank when there is no total)."""
    return f"{population / total * 100:.1f}%" if total > 0 else ""


def _sort_key(column: int) -> Callable[[MemberRow], object]:
    if column in (COL_POPULATION, COL_SHARE):
        return lambda r: r.population
    if column == COL_JOINED:
        return lambda r: (r.joined_on is None, r.joined_on or dt.date.min)
    return lambda r: r.name


class MemberTableModel(QAbstractTableModel):
    """Member rows for a QTableView; see the module docstring for the contract."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._hay: list[str] = []
        self._visible: list[int] = []
        self._terms: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._total = 0

    # --- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in (COL_POPULATION, COL_SHARE) else _LEFT
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        r = self._rows[self._visible[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in (COL_POPULATION, COL_SHARE) else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_JOINED and r.joined_on is not None:
                return r.joined_on.isoformat()
            if col == COL_SHARE and self._total:
                return self.tr("{0} 人／計 {1} 人").format(f"{r.population:,}", f"{self._total:,}")
            return None
        if role == ROW_ROLE:
            return r
        return None

    def _display(self, r: MemberRow, col: int) -> str:
        if col == COL_NAME:
            return r.name
        if col == COL_POPULATION:
            return f"{r.population:,}"
        if col == COL_JOINED:
            return display_date(r.joined_on) if r.joined_on else ""
        if col == COL_SHARE:
            return format_share(r.population, self._total)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (stable, so equal keys keep the registration order)."""
        if not 0 <= column < COLUMN_COUNT:
            return
        reorder(self, lambda: self._resort(column, order))

    def _resort(self, column: int, order: Qt.SortOrder) -> tuple[list[int], list[int]]:
        old_visible = self._visible
        self._sort = (column, order)
        self._visible = self._ordered(old_visible)
        return old_visible, self._visible

    # --- our API ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        """Replace every row (keeping the filter and the sort)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._hay = [nfkc_lower(r.name) for r in self._rows]
        self._total = sum(r.population for r in self._rows)
        self._visible = self._ordered(self._matching())
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only members whose name contains every search term (NFKC, any width)."""
        terms = normalize_query(text or "")
        if terms == self._terms:
            return
        self.beginResetModel()
        self._terms = terms
        self._visible = self._ordered(self._matching())
        self.endResetModel()

    def _matching(self) -> list[int]:
        return [i for i, hay in enumerate(self._hay) if all(t in hay for t in self._terms)]

    def _ordered(self, indexes: list[int]) -> list[int]:
        if self._sort is None:
            return sorted(indexes)
        key = _sort_key(self._sort[0])
        rows = self._rows
        return sorted(sorted(indexes), key=lambda i: key(rows[i]),
                      reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)

    @property
    def total_population(self) -> int:
        """The population of every member (filtered out or not)."""
        return self._total

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> MemberRow:
        """The member shown at a view row."""
        return self._rows[self._visible[row]]

    def names(self) -> list[str]:
        """Every member's name (for checking a new name before it is sent)."""
        return [r.name for r in self._rows]
