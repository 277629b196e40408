"""Cost table models for the 帳票 view.

``CostTableModel`` adapts ``ops.costs.cost_table`` (items × members): one line per item with its
estimate, the method that split it and each member's share (blank where the member does not
bear it). Its columns depend on the members, so ``set_table`` replaces the rows and the
columns inside one model reset. ``ShareTableModel`` adapts one item's ``ItemShares``: how each
share was computed (population and its proportion of the item's members, the equal part, the
population part, the rounding adjustment, the share). Both hold frozen rows and sort themselves.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from cloudsuppress.ops.costs import CostTable, CostTableRow, ShareRow, StaleApproval

from ..labels import label, reapproval_text, rule_method_text, rule_text
from .row_list_model import CENTER, LEFT, RIGHT, RowListTableModel

COL_KEY, COL_TITLE, COL_STATUS, COL_ESTIMATE, COL_RULE = range(5)
FIXED = ("要望番号", "件名", "状態", "見積額", "按分方法")


def yen(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


class CostTableModel(RowListTableModel):
    """Items × members with each share; see the module docstring."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.members: tuple[str, ...] = ()
        self.HEADERS = dict.fromkeys(range(len(FIXED)), "")
        self.table: CostTable | None = None
        self.stale: dict[tuple[str, str], StaleApproval] = {}

    def set_table(self, table: CostTable, stale: Sequence[StaleApproval] = ()) -> None:
        """Replace the members (columns) and the rows; ``stale``: the shares no longer equal to what
        their 首長決裁 approved (``stale_approvals``), marked 「要再決裁」 (review R36)."""
        self.beginResetModel()
        self.table = table
        self.stale = {(x.key, x.member): x for x in stale}
        self.members = table.members
        # RowListTableModel bounds sorting by HEADERS; the headings themselves come from headerData.
        self.HEADERS = dict.fromkeys(range(len(FIXED) + len(self.members)), "")
        self._rows = list(table.rows)
        if self._sort is not None and self._sort[0] >= self.columnCount():
            self._sort = None
        self._visible = self._ordered(list(range(len(self._rows))))
        self.endResetModel()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(FIXED) + len(self.members)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.columnCount():
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(FIXED[section]) if section < len(FIXED) else self.members[section - len(FIXED)]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self.alignment(section)
            return None
        return super().headerData(section, orientation, role)

    def display(self, r: CostTableRow, col: int) -> str:
        if col == COL_KEY:
            return r.key
        if col == COL_TITLE:
            return r.title
        if col == COL_STATUS:
            return label(r.status_label)
        if col == COL_ESTIMATE:
            return yen(r.estimate) if r.estimate is not None else self.tr("未定")
        if col == COL_RULE:
            return rule_method_text(r.rule_text)
        i = col - len(FIXED)
        if not 0 <= i < len(r.shares):
            return ""
        kind = r.cell(i)  # an open item's share is a forecast; in it without an estimate: 未定
        if kind == "forecast":
            text = self.tr("{0}（見込）").format(yen(r.shares[i]))
        elif kind == "unknown":
            text = self.tr("未定")
        else:
            text = yen(r.shares[i])
        if (r.key, self.members[i]) in self.stale:
            text += self.tr("（要再決裁）")
        return text

    def tooltip(self, r: CostTableRow, col: int) -> str | None:
        if col == COL_RULE:
            return rule_text(r.rule_text)
        i = col - len(FIXED)
        stale = self.stale.get((r.key, self.members[i])) if 0 <= i < len(self.members) else None
        if stale is not None:
            return self.tr("{0}。改めて財政課協議・首長決裁が必要です。").format(reapproval_text(stale))
        if 0 <= i < len(r.shares) and r.cell(i) in ("forecast", "unknown"):
            return self.tr("検討中の要望: 見積額と要望団体による見込みです")
        return self.display(r, col) or None

    def alignment(self, col: int) -> int:
        if col in (COL_KEY, COL_STATUS):
            return CENTER
        return LEFT if col in (COL_TITLE, COL_RULE) else RIGHT

    def sort_key(self, r: CostTableRow, col: int) -> Any:
        if col == COL_ESTIMATE:
            return r.estimate if r.estimate is not None else -1
        if col >= len(FIXED):
            v = r.shares[col - len(FIXED)]
            return v if v is not None else -1
        return self.display(r, col)


SH_MEMBER, SH_POPULATION, SH_RATIO, SH_EQUAL, SH_POPULATION_PART, SH_ADJUSTMENT, SH_SHARE = range(7)


class ShareTableModel(RowListTableModel):
    """How each member's share of one item was computed."""

    HEADERS = {
        SH_MEMBER: "構成団体",
        SH_POPULATION: "人口",
        SH_RATIO: "人口比",
        SH_EQUAL: "均等割額",
        SH_POPULATION_PART: "人口割額",
        SH_ADJUSTMENT: "端数調整",
        SH_SHARE: "負担額",
    }

    def display(self, r: ShareRow, col: int) -> str:
        if col == SH_MEMBER:
            return r.member
        if col == SH_POPULATION:
            return f"{r.population:,}"
        if col == SH_RATIO:
            return f"{float(r.population_ratio) * 100:.2f}%"
        if col == SH_EQUAL:
            return yen(r.equal_part)
        if col == SH_POPULATION_PART:
            return yen(r.population_part)
        if col == SH_ADJUSTMENT:
            return f"{r.adjustment:+,}" if r.adjustment else "0"
        if col == SH_SHARE:
            return yen(r.share)
        return ""

    def alignment(self, col: int) -> int:
        return LEFT if col == SH_MEMBER else RIGHT

    def sort_key(self, r: ShareRow, col: int) -> Any:
        return {SH_POPULATION: r.population, SH_RATIO: r.population_ratio, SH_EQUAL: r.equal_part,
                SH_POPULATION_PART: r.population_part, SH_ADJUSTMENT: r.adjustment,
                SH_SHARE: r.share}.get(col, self.display(r, col))
