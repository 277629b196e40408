"""MemberTableModel: the consortium's members (構成団体) as a table, sorting and filtering itself.

Contract: a ``RowListTableModel`` of the core's frozen ``MemberRow`` objects (never ORM
objects). ``set_rows`` replaces everything inside a model reset and keeps the filter and
the sort; the population share of each member is of the whole consortium, so it
does not change when a filter hides other members. ``sort`` keeps persistent indexes on the
same members. A consortium has 4 to 34 members, so plain list operations are plenty.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cloudsuppress.ops.members import MemberRow

from ..dates import display_date
from .function_table_model import nfkc_lower, normalize_query
from .row_list_model import LEFT, RIGHT, ROW_ROLE, RowListTableModel  # noqa: F401 - ROW_ROLE for the views

COL_NAME = 0
COL_POPULATION = 1
COL_JOINED = 2
COL_SHARE = 3
COLUMN_COUNT = 4

HEADERS = {COL_NAME: "団体名", COL_POPULATION: "人口", COL_JOINED: "参加日", COL_SHARE: "人口比"}
COLUMN_WIDTHS = {COL_NAME: 300, COL_POPULATION: 130, COL_JOINED: 200, COL_SHARE: 110}


def format_share(population: int, total: int) -> str:
    """A member's share of the total population: 「28.3%」 (blank when there is no total)."""
    return f"{population / total * 100:.1f}%" if total > 0 else ""


def _sort_key(column: int) -> Callable[[MemberRow], object]:
    if column in (COL_POPULATION, COL_SHARE):
        return lambda r: r.population
    if column == COL_JOINED:
        return lambda r: (r.joined_on is None, r.joined_on or dt.date.min)
    return lambda r: r.name


class MemberTableModel(RowListTableModel):
    """Member rows for a QTableView; see the module docstring for the contract."""

    HEADERS = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hay: list[str] = []
        self._terms: list[str] = []
        self._total = 0

    # --- how a row reads (RowListTableModel) ------------------------------------------

    def display(self, r: MemberRow, col: int) -> str:
        if col == COL_NAME:
            return r.name
        if col == COL_POPULATION:
            return f"{r.population:,}"
        if col == COL_JOINED:
            return display_date(r.joined_on) if r.joined_on else ""
        if col == COL_SHARE:
            return format_share(r.population, self._total)
        return ""

    def tooltip(self, r: MemberRow, col: int) -> str | None:
        if col == COL_JOINED and r.joined_on is not None:
            return r.joined_on.isoformat()
        if col == COL_SHARE and self._total:
            return self.tr("{0} 人／計 {1} 人").format(f"{r.population:,}", f"{self._total:,}")
        return None

    def alignment(self, col: int) -> int:
        return RIGHT if col in (COL_POPULATION, COL_SHARE) else LEFT

    def sort_key_for(self, col: int) -> Callable[[MemberRow], object]:
        return _sort_key(col)

    def rows_changed(self) -> None:
        self._hay = [nfkc_lower(r.name) for r in self._rows]
        self._total = sum(r.population for r in self._rows)

    def _matching(self) -> list[int]:
        return [i for i, hay in enumerate(self._hay) if all(t in hay for t in self._terms)]

    # --- our API ----------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only members whose name contains every search term (NFKC, any width)."""
        terms = normalize_query(text or "")
        if terms == self._terms:
            return
        self._terms = terms
        self.refilter()

    @property
    def total_population(self) -> int:
        """The population of every member (filtered out or not)."""
        return self._total

    def names(self) -> list[str]:
        """Every member's name (for checking a new name before it is sent)."""
        return [r.name for r in self._rows]
