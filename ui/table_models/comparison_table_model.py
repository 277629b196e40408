"""ComparisonTableModel: the comparison table (カスタマイズ要望比較一覧表) as a matrix on screen.

Contract: holds the core's frozen ``ComparisonTable`` (``ops.comparison.build_comparison``,
read unfiltered) and builds the lines shown from it: a group header line per subcommittee →
business system (``GROUP_ROLE`` is True; the view spans it across every column), then the
items of that group. Two layouts:

* wide: one line per item, one column per member (the ask cut short, 年間件数, 理由 and the
  answer to the resident-service question; blank where the member did not ask);
* long (``set_long_layout(True)``; the view turns it on for more than 8 members): one line
  per asking member, with 団体, 要望内容, 年間件数, 理由 and 住民サービス as columns; the item's
  own columns are shown on its first line only.

The last columns are always 見積額, 状態 and 決定内容. The model filters itself
(subcommittee, undecided only, one member still asking) and sorts the items within their
group, so the groups stay in the document's order. ``CELL_ROLE`` gives the member cell as
(style, text) lines for ``ComparisonCellDelegate``; tooltips carry the whole text.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops.comparison import (
    ComparisonCell,
    ComparisonFilter,
    ComparisonRow,
    ComparisonTable,
    filter_comparison_rows,
)

from ..labels import fit_text, join_names, label
from .request_table_model import STATUS_COLORS, format_yen
from .row_list_model import CENTER, KEEP, LEFT, with_filters

COL_ITEM = 0  # 要望番号, 要望名, then 機能ID 適合 機能名
FIRST_MEMBER = 1  # wide layout: member i is column FIRST_MEMBER + i
LONG_MEMBER = 1  # long layout: the member columns
LONG_ASK = 2
LONG_CASES = 3
LONG_REASON = 4
LONG_SERVICE = 5
LONG_COLUMNS = {LONG_MEMBER: "団体", LONG_ASK: "要望内容", LONG_CASES: "年間件数", LONG_REASON: "理由",
                LONG_SERVICE: "住民サービス水準への影響"}
LEAD_HEADERS = {COL_ITEM: "要望番号・要望名・機能"}
TAIL_HEADERS = ("見積額", "状態", "決定内容")
TAIL_ESTIMATE, TAIL_STATUS, TAIL_DECISION = range(3)

ROW_ROLE = Qt.ItemDataRole.UserRole  # the ComparisonRow of an item line (None on a group line)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the status code, for the badge delegate
CELL_ROLE = Qt.ItemDataRole.UserRole + 2  # a wide member cell as [(style, text)]: style 0 ask, 1 meta, 2 withdrawn
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a group header line
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 4  # long layout: the ComparisonCell of the line

GROUP_BACKGROUND = "#dfe7f1"
GROUP_TEXT = "#1f3a5f"
_STATUS_ORDER = {st.value: i for i, st in enumerate(Status)}


@dataclass(frozen=True)
class _Line:
    group: str | None = None  # the header text of a group line
    row: ComparisonRow | None = None
    cell: ComparisonCell | None = None  # long layout: the member of this line
    first: bool = True  # long layout: the item's first line


def cases_text(c: ComparisonCell) -> str:
    if c.annual_cases is None:
        return QCoreApplication.translate("ComparisonTableModel", "件数未記入")
    return QCoreApplication.translate("ComparisonTableModel", "{0}件/年").format(f"{c.annual_cases:,}")


def _member_name(c: ComparisonCell) -> str:
    if not c.withdrawn:
        return c.member
    return QCoreApplication.translate("ComparisonTableModel", "{0}（取下げ）").format(c.member)


def cell_lines(c: ComparisonCell) -> list[tuple[int, str]]:
    """A wide member cell: the ask (short), then 件数, 理由 and the resident-service answer."""
    lines = [(2, QCoreApplication.translate("ComparisonTableModel", "［取下げ］"))] if c.withdrawn else []
    lines.append((0, c.short))
    lines.append((1, cases_text(c)))
    lines.append((1, label(c.reason_label)))
    lines.append((1, QCoreApplication.translate("ComparisonTableModel", "住民サービス {0}").format(
        label(c.service_drop_label))))
    return lines


def cell_tooltip(c: ComparisonCell) -> str:
    """Everything the member wrote: the ask in full, cases, reason, the answer and its detail."""
    lines = [_member_name(c), c.content, "",
             QCoreApplication.translate("ComparisonTableModel", "年間処理件数: {0}").format(cases_text(c)),
             QCoreApplication.translate("ComparisonTableModel", "理由: {0}").format(label(c.reason_label)),
             QCoreApplication.translate("ComparisonTableModel", "住民サービス水準: {0} — {1}").format(
                 label(c.service_drop_label), c.service_drop_detail)]
    if c.workaround:
        lines.append(QCoreApplication.translate("ComparisonTableModel", "代替運用案: {0}").format(c.workaround))
    return "\n".join(lines)


def item_text(r: ComparisonRow) -> str:
    """R-0002, the title, then the function: 0200007 ○ 住所異動の登録."""
    code = r.function_code or QCoreApplication.translate("ComparisonTableModel", "（新規）")
    if r.function_code and r.function_kind == "form":
        code = QCoreApplication.translate("ComparisonTableModel", "帳票 {0}").format(r.function_code)
    fit = f" {r.fit}" if r.fit else ""
    text = f"{r.key}\n{r.title}\n{code}{fit} {r.function_name or ''}".rstrip()
    if r.peers or r.gaps:  # peer evidence: who runs it on the package as delivered (judged ○ on a Fit&Gap sheet)
        text += "\n" + peer_text(r.peers, judged=r.peers_judged, gaps=r.gaps)
    return text


def peer_text(peers: Sequence[str], *, judged: bool, gaps: Sequence[tuple[str, str]] = ()) -> str:
    """The core's peer line (ops.comparison.peer_line) in the UI language: 「要望なし: 2団体（那珂市・五霞町）」,
    'Members without a request: 2 (那珂市, 五霞町)', then the members that judged it △/× without asking; '' for none."""
    tr = QCoreApplication.translate
    line = ""
    if peers:
        line = (tr("ComparisonTableModel", "標準機能で運用: {0}団体（{1}）") if judged
                else tr("ComparisonTableModel", "要望なし: {0}団体（{1}）"))
        line = line.format(len(peers), tr("ComparisonTableModel", "・").join(peers))
    if gaps:
        marked = tr("ComparisonTableModel", "・").join(
            tr("ComparisonTableModel", "{0}（{1}）").format(name, mark) for name, mark in gaps)
        # on its own line: the item column is narrow, and a run-on line broke 「△・×と判／定し」 at 1280 px
        line += ("\n" if line else "") + tr("ComparisonTableModel", "△・×と判定し要望なし: {0}").format(marked)
    return line


class ComparisonTableModel(QAbstractTableModel):
    """The comparison matrix; see the module docstring for the contract."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._table: ComparisonTable | None = None
        self._members: tuple[str, ...] = ()
        self._lines: list[_Line] = []
        self._long = False
        self._filter = ComparisonFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- columns ----------------------------------------------------------------------

    @property
    def long_layout(self) -> bool:
        return self._long

    def _middle_count(self) -> int:
        return len(LONG_COLUMNS) if self._long else len(self._members)

    def tail_column(self, which: int) -> int:
        """The column of 見積額 / 状態 / 決定内容 (TAIL_ESTIMATE, TAIL_STATUS, TAIL_DECISION)."""
        return FIRST_MEMBER + self._middle_count() + which

    def member_column(self, name: str) -> int | None:
        """Wide layout: the column of a member."""
        return FIRST_MEMBER + self._members.index(name) if not self._long and name in self._members else None

    def _member_of(self, col: int) -> int | None:
        i = col - FIRST_MEMBER
        return i if not self._long and 0 <= i < len(self._members) else None

    # --- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_MEMBER + self._middle_count() + len(TAIL_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section in LEAD_HEADERS:
                return self.tr(LEAD_HEADERS[section])
            if self._long and section in LONG_COLUMNS:
                return self.tr(LONG_COLUMNS[section])
            m = self._member_of(section)
            if m is not None:
                return self._members[m]
            return self.tr(TAIL_HEADERS[section - self.tail_column(0)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._lines[index.row()].group is not None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, col = self._lines[index.row()], index.column()
        if line.group is not None:
            return self._group_data(line.group, col, role)
        r = line.row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(col)
        if role == ROW_ROLE:
            return r
        if role == STATUS_ROLE:
            return r.status
        if role == MEMBER_ROLE:
            return line.cell
        if role == CELL_ROLE:
            m = self._member_of(col)
            cell = r.cells[m] if m is not None else None
            return cell_lines(cell) if cell is not None else None
        if col == self.tail_column(TAIL_STATUS) and role in (Qt.ItemDataRole.BackgroundRole,
                                                             Qt.ItemDataRole.ForegroundRole):
            bg, fg = STATUS_COLORS.get(r.status, ("#ffffff", "#000000"))
            return QBrush(QColor(bg if role == Qt.ItemDataRole.BackgroundRole else fg))
        if role == Qt.ItemDataRole.ForegroundRole and line.cell is not None and line.cell.withdrawn and \
                LONG_MEMBER <= col <= LONG_SERVICE:
            return QBrush(QColor("#6b6b6b"))
        return None

    def _group_data(self, text: str, col: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return text if col == 0 else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(GROUP_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(GROUP_TEXT))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == GROUP_ROLE:
            return True
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        return None

    def _alignment(self, col: int) -> int:
        if col == self.tail_column(TAIL_ESTIMATE) or (self._long and col == LONG_CASES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if col == self.tail_column(TAIL_STATUS):
            return CENTER
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def _display(self, line: _Line, col: int) -> str:
        r, c = line.row, line.cell
        if col < FIRST_MEMBER or col >= self.tail_column(0):
            if not line.first:
                return ""  # long layout: the item's columns are on its first line
            if col == COL_ITEM:
                return item_text(r)
            tail = col - self.tail_column(0)
            return (format_yen(r.estimate), label(r.status_label), label(r.decision))[tail]
        if self._long:
            if c is None:
                return ""
            return {LONG_MEMBER: _member_name(c), LONG_ASK: c.content,
                    LONG_CASES: cases_text(c), LONG_REASON: label(c.reason_label),
                    LONG_SERVICE: self.tr("{0}：{1}").format(label(c.service_drop_label), c.service_drop_detail)}[col]
        cell = r.cells[self._member_of(col)]
        return "\n".join(text for _, text in cell_lines(cell)) if cell is not None else ""

    def _tooltip(self, line: _Line, col: int) -> str | None:
        r = line.row
        m = self._member_of(col)
        if m is not None:
            return cell_tooltip(r.cells[m]) if r.cells[m] is not None else None
        if self._long and FIRST_MEMBER <= col < self.tail_column(0):
            return cell_tooltip(line.cell) if line.cell is not None else None
        if col == COL_ITEM:
            fit = self.tr("（{0}）").format(fit_text(r.fit)) if r.fit else ""
            asking = join_names(c.member for c in r.asking if not c.withdrawn) or "—"
            return self.tr("{0} {1}\n{2}：{3} {4}{5}\n要望団体: {6}").format(
                r.key, r.title, r.business_system or "",
                (self.tr("帳票 {0}").format(r.function_code) if r.function_kind == "form" and r.function_code
                 else r.function_code or self.tr("（新規）")), r.function_name or "",
                fit, asking)
        text = self._display(line, col) if line.first else ""
        return text or None

    # --- our API ----------------------------------------------------------------------

    def set_table(self, table: ComparisonTable) -> None:
        """Replace the table (keeping the layout, the filters and the sort)."""
        self.beginResetModel()
        self._table = table
        self._members = table.members
        if self._filter.member not in self._members:
            self._filter = replace(self._filter, member=None)
        self._lines = self._build()
        self.endResetModel()

    def set_long_layout(self, on: bool) -> None:
        if on == self._long:
            return
        self.beginResetModel()
        self._long = on
        self._sort = None  # the columns mean other things now
        self._lines = self._build()
        self.endResetModel()

    def set_filter(self, *, subcommittee: object = KEEP, member: object = KEEP, undecided: object = KEEP) -> None:
        """Change some filters (the others stay): a subcommittee name, a member name, undecided only."""
        new = with_filters(self._filter, subcommittee=subcommittee, member=member,
                           undecided=undecided if undecided is KEEP else bool(undecided))
        if new == self._filter:
            return
        self._filter = new
        self.beginResetModel()
        self._lines = self._build()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the items within each group (the groups keep the document's order)."""
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._lines = self._build()
        # Every line may have moved and group lines have no identity: persistent indexes are reset.
        self.changePersistentIndexList(self.persistentIndexList(), [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[ComparisonRow], object]:
        m = self._member_of(column)
        if m is not None:
            return lambda r: (r.cells[m] is None, -(r.cells[m].annual_cases or 0) if r.cells[m] else 0)
        if column == self.tail_column(TAIL_ESTIMATE):
            return lambda r: (r.estimate is None, r.estimate or 0)
        if column == self.tail_column(TAIL_STATUS):
            return lambda r: _STATUS_ORDER.get(r.status, 9)
        if column == self.tail_column(TAIL_DECISION):
            return lambda r: r.decision
        return lambda r: r.key

    def _matching(self) -> list[ComparisonRow]:
        rows = self._table.rows if self._table else ()
        return filter_comparison_rows(rows, self._members, self._filter)

    def _build(self) -> list[_Line]:
        groups: dict[str, list[ComparisonRow]] = {}
        for r in self._matching():
            name = f"{r.subcommittee or '（専門部会なし）'}　＞　{r.business_system or '（業務なし）'}"
            groups.setdefault(name, []).append(r)
        lines: list[_Line] = []
        for name, rows in groups.items():
            if self._sort is not None:
                rows = sorted(rows, key=self._sort_key(self._sort[0]),
                              reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
            lines.append(_Line(group=self.tr("{0}（{1} 件）").format(name, len(rows))))
            for r in rows:
                if self._long:
                    cells = r.asking or (None,)
                    lines += [_Line(row=r, cell=c, first=n == 0) for n, c in enumerate(cells)]
                else:
                    lines.append(_Line(row=r))
        return lines

    @property
    def item_count(self) -> int:
        """Items shown (not lines)."""
        return len({line.row.item_id for line in self._lines if line.row is not None})

    @property
    def total_count(self) -> int:
        return len(self._table.rows) if self._table else 0

    @property
    def members(self) -> tuple[str, ...]:
        return self._members

    def is_group(self, row: int) -> bool:
        return self._lines[row].group is not None

    def row_at(self, row: int) -> ComparisonRow | None:
        """The item of a line (None on a group line)."""
        return self._lines[row].row

    def keys(self) -> list[str]:
        """The item keys in the order shown, each once."""
        return list(dict.fromkeys(line.row.key for line in self._lines if line.row is not None))
