"""FunctionTableModel: the function list as a table, sorting and filtering itself.

Contract: holds the core's frozen ``FunctionRow`` objects (never ORM objects) and a list of
visible row indexes. ``set_rows`` replaces everything inside a model reset and builds one
lowercase NFKC "haystack" string per row, once. ``set_filter`` is fast enough to run on
every keystroke over 30,000 rows: a list comprehension over indexes with ``in`` on the
haystack, and when the new search text only narrows the old one (every old term is inside
a new term, other filters unchanged) only the previous result is scanned. ``sort`` reorders
the indexes and keeps persistent indexes pointing at the same functions. A filter change is a
layout change, not a reset: the view keeps its selection and scroll state, and persistent
indexes follow their rows. Painting goes through ``multiData`` (one call into Python per cell,
the painted roles kept per row). There is deliberately no QSortFilterProxyModel: over Python
data it is three orders of magnitude slower (measured 27 s against 42 ms for sorting 100,000
rows).
"""
from __future__ import annotations

import bisect
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QModelIndex, QModelRoleDataSpan, Qt
from PySide6.QtGui import QFont

from cloudsuppress.bulk import gc_paused
from cloudsuppress.domain.vocab import REQUIREMENT_CLASSES
from cloudsuppress.ops.functions import FunctionRow

from ..labels import fit_text, requirement_label
from .row_list_model import CENTER, KEEP, LEFT, ROW_ROLE, RowListTableModel, with_filters  # noqa: F401 - ROW_ROLE for the views

COL_CODE = 0
COL_SYSTEM = 1
COL_LEVEL1 = 2
COL_LEVEL2 = 3
COL_NAME = 4
COL_CLASS = 5
COL_FIT = 6
COL_CONVENIENCE = 7
COL_KIND = 8  # 機能 / 帳票; last in the model, shown next to the ID (the view moves it)
COLUMN_COUNT = 9

HEADERS = {
    COL_CODE: "機能ID",
    COL_SYSTEM: "業務",
    COL_LEVEL1: "大分類",
    COL_LEVEL2: "中分類",
    COL_NAME: "機能名",
    COL_CLASS: "実装区分",
    COL_FIT: "適合度",
    COL_CONVENIENCE: "便利機能",
    COL_KIND: "種別",
}
# Pixel widths that fit typical content at the app font; measuring 30,000 rows would not.
COLUMN_WIDTHS = {
    COL_CODE: 80, COL_SYSTEM: 132, COL_LEVEL1: 96, COL_LEVEL2: 104, COL_NAME: 240,
    COL_CLASS: 120, COL_FIT: 60, COL_CONVENIENCE: 64, COL_KIND: 44,
}

# Fit filter values besides the marks themselves.
FIT_ANY = None
FIT_UNASSESSED = "unassessed"
FIT_GAPS = "gaps"  # △ or ×

# Kind filter values: live functions, live forms (帳票), retired IDs (欠番); None: everything.
KIND_FUNCTION = "function"
KIND_FORM = "form"
KIND_RETIRED = "retired"
RETIRED_COLOR = "#8a8f98"

UNASSESSED_TEXT = "未評価"

# The roles Qt 6's QStyledItemDelegate asks of every painted cell (in one multiData call): what a
# row shows in them never changes, so they are kept per row once painted.
_PAINTED_ROLES = tuple(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole))
_PAINTED = frozenset(_PAINTED_ROLES)

_FIT_ORDER = {"○": 0, "△": 1, "×": 2, None: 3}
_CLASS_ORDER = {c: i for i, c in enumerate(REQUIREMENT_CLASSES)}
_FIT_COLORS = {"△": "#9a5b00", "×": "#b3261e", None: "#6b6b6b"}  # text colour of the fit cell


def _kind_text(kind: str) -> str:
    """The 種別 column's word for a function, a form (帳票) or a retired ID (欠番)."""
    translate = QCoreApplication.translate
    if kind == "retired":
        return translate("FunctionTableModel", "欠番")
    return translate("FunctionTableModel", "帳票") if kind == "form" else translate("FunctionTableModel", "機能")


def fitted_column_texts() -> dict[int, list[str]]:
    """The columns whose values are a closed vocabulary, with every value in the UI language (the view
    makes each column wide enough for them: 「機能」 is "Function" in English)."""
    translate = QCoreApplication.translate
    fits = [f"○ {translate('FunctionTableModel', '代替')}", translate("FunctionTableModel", UNASSESSED_TEXT)]
    return {COL_KIND: [_kind_text(k) for k in ("function", "form", "retired")], COL_FIT: fits}


def normalize_query(text: str) -> list[str]:
    """Search terms: NFKC (half and full width alike), lowercase, split on spaces."""
    return unicodedata.normalize("NFKC", text).lower().split()


def query_terms(text: object) -> object:
    """A ``set_filter`` text as a tuple of search terms (KEEP stays KEEP)."""
    return text if text is KEEP else tuple(normalize_query(text or ""))


_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def _half_width(m: re.Match) -> str:
    ch = m.group()
    return " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0)


def nfkc_lower(text: str) -> str:
    """``unicodedata.normalize("NFKC", text).lower()``, about ten times faster on Japanese.

    NFKC over CJK text is slow in CPython, and nearly all that it changes in function lists
    is full-width ASCII (（）, ０-９, Ａ-Ｚ) and the full-width space. Text that already is NFKC
    (a quick check in C) is only lowercased; the brackets and the space, in most rows, are
    replaced directly; other full-width ASCII is mapped by a regular expression; the full
    normalisation runs only on text that still is not NFKC after that.
    """
    if not _is_normalized("NFKC", text):
        for wide, narrow in _COMMON_WIDE:
            if wide in text:
                text = text.replace(wide, narrow)
        if not _is_normalized("NFKC", text):
            if _FULL_WIDTH.search(text):
                text = _FULL_WIDTH.sub(_half_width, text)
            if not _is_normalized("NFKC", text):
                text = unicodedata.normalize("NFKC", text)
    return text.lower()


_is_normalized = unicodedata.is_normalized
_COMMON_WIDE = (("（", "("), ("）", ")"), ("\u3000", " "))

# The fields a search looks in, as one C call on a row (also the key under which a row's search text
# is kept for the next set_rows): code, name, requirement, level1, level2, level3, business_system.
_SEARCHED = operator.itemgetter(*(FunctionRow._fields.index(f) for f in (
    "code", "name", "requirement", "level1", "level2", "level3", "business_system")))


def _search_text(fields: tuple) -> str:
    """A row's search text from its searched fields.

    A separator no query contains, so that a term never matches across two fields."""
    return nfkc_lower("\x00".join(filter(None, fields)))


@functools.cache
def _struck_out() -> QFont:
    font = QFont()
    font.setStrikeOut(True)
    return font


def _ranks(order: list[int]) -> list[int]:
    """Each row index's position in ``order`` (a permutation of every row index)."""
    rank = [0] * len(order)
    for pos, i in enumerate(order):
        rank[i] = pos
    return rank


def _sort_key(column: int) -> Callable[[FunctionRow], object]:
    if column == COL_FIT:
        return lambda r: _FIT_ORDER.get(r.fit, 3)
    if column == COL_CLASS:
        return lambda r: _CLASS_ORDER.get(r.requirement_class, 9)
    if column == COL_CONVENIENCE:
        return lambda r: not r.convenience
    if column == COL_KIND:
        return lambda r: (r.kind != "function", r.retired)
    attr = {COL_CODE: "code", COL_SYSTEM: "business_system", COL_LEVEL1: "level1",
            COL_LEVEL2: "level2", COL_NAME: "name"}[column]
    return lambda r: getattr(r, attr) or ""


@dataclass(frozen=True)
class FunctionFilter:
    """What the function list shows (``FunctionTableModel.set_filter`` names the values)."""

    terms: tuple[str, ...] = ()
    fit: str | None = FIT_ANY
    requirement_class: str | None = None
    subcommittee_id: int | None = None
    business_system_id: int | None = None
    kind: str | None = None  # KIND_FUNCTION / KIND_FORM / KIND_RETIRED, None: all
    hide_retired: bool = False  # the picker for a new request never offers a retired ID


class FunctionTableModel(RowListTableModel):
    """Function rows for a QTableView; see the module docstring for the contract."""

    HEADERS = HEADERS
    RECENT = 16  # filters whose shown rows are kept

    def __init__(self, parent=None):
        super().__init__(parent)
        # The search text of each row (normalised), made in set_rows so that the first key typed never
        # waits for it (~0.1 s at 30,000 rows, once): a refresh reuses the text of every row whose
        # searched fields did not change (a dict look-up per row), so only new or edited rows cost.
        self._hay: list[str] = []
        self._hay_rows: list[FunctionRow] = []  # the rows _hay was made for (a refresh reuses their text)
        self._by_id: dict[int, int] | None = None  # function id -> row index, made when first asked
        # The rows shown for the last few filters (same rows, same order), so that erasing a search key
        # by key does not rescan 30,000 rows at each key; emptied when the rows or the order change.
        self._recent: dict[FunctionFilter, tuple[int, ...]] = {}
        self._order: list[int] = []  # every row index, in the current sort order (narrowing rescans it)
        self._rank: list[int] = []  # row index -> its position in _order (the shown rows are in that order)
        self._filter = FunctionFilter()
        self._retired_total = 0
        self._forms_total = 0
        # What each painted row's cells show, by row index: {role: value} per column, for multiData.
        self._cells: dict[int, tuple[dict[int, object], ...]] = {}

    # --- painting ---------------------------------------------------------------------

    CELLS_KEPT = 20_000  # rows whose painted cells are kept (a few MB); past it the cache starts again

    def multiData(self, index: QModelIndex, span: QModelRoleDataSpan) -> None:  # noqa: N802 - Qt's name
        """Every role a delegate asks of one cell, in one call from Qt (issue 18).

        Qt 6's item delegate asks seven roles per painted cell in one multiData call; answered
        through ``data`` each one is a call into Python, and a repaint of the 1366x768 table
        was ~1,000 of them (most of a key's budget). The painted roles' values come from
        ``cell_data`` (what ``data`` answers) and are kept per row, so a row painted again, after
        a key or a scroll, costs one dictionary look-up per role. Other roles go to ``data``.
        """
        row = index.row()
        visible = self._visible
        if not 0 <= row < len(visible):
            return
        i = visible[row]
        cells = self._cells.get(i)
        if cells is None:
            cells = self._paint_cells(i)
        cell = cells[index.column()]
        for item in span:
            role = item.role()
            # Always set, None too: the delegate hands the same span from cell to cell.
            item.setData(cell.get(role) if role in _PAINTED else self.data(index, role))

    def _paint_cells(self, i: int) -> tuple[dict[int, object], ...]:
        if len(self._cells) >= self.CELLS_KEPT:
            self._cells.clear()
        r = self._rows[i]
        cells = tuple(
            {role: value for role in _PAINTED_ROLES if (value := self.cell_data(r, col, role)) is not None}
            for col in range(COLUMN_COUNT))
        self._cells[i] = cells
        return cells

    # --- how a row reads (RowListTableModel) ------------------------------------------

    def alignment(self, col: int) -> int:
        return CENTER if col in (COL_FIT, COL_CONVENIENCE, COL_KIND) else LEFT

    def header_alignment(self, col: int) -> int | None:
        return CENTER if col in (COL_FIT, COL_CONVENIENCE, COL_KIND) else None

    def colors(self, r: FunctionRow, col: int) -> tuple[str | None, str | None] | None:
        if r.retired:
            return (None, RETIRED_COLOR)
        if col == COL_KIND and r.kind == "form":
            return (None, "#1f5f8b")
        return (None, _FIT_COLORS[r.fit]) if col == COL_FIT and r.fit in _FIT_COLORS else None

    def role_data(self, r: FunctionRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole and r.retired and col != COL_KIND:
            return _struck_out()  # 欠番: kept, shown, never counted
        return None

    def display(self, r: FunctionRow, col: int) -> str:
        if col == COL_CODE:
            return r.code
        if col == COL_SYSTEM:
            return r.business_system
        if col == COL_LEVEL1:
            return r.level1 or ""
        if col == COL_LEVEL2:
            return r.level2 or ""
        if col == COL_NAME:
            return r.name
        if col == COL_CLASS:
            return requirement_label(r.requirement_class)
        if col == COL_FIT:
            if r.fit_alternative and r.fit:  # ○ by an alternative or EUC: not the same answer as 適合 (review R27)
                return f"{r.fit} {QCoreApplication.translate('FunctionTableModel', '代替')}"
            return r.fit or QCoreApplication.translate("FunctionTableModel", UNASSESSED_TEXT)
        if col == COL_CONVENIENCE:
            return "○" if r.convenience else ""
        if col == COL_KIND:
            return _kind_text("retired" if r.retired else r.kind)
        return ""

    def tooltip(self, r: FunctionRow, col: int) -> str | None:
        if r.retired:
            return self.tr("欠番（削除された{0}ID）: 件数やギャップ率には数えず、新しい要望の対象にもなりません。").format(
                self.tr("帳票") if r.kind == "form" else self.tr("機能"))
        if col == COL_FIT:
            text = fit_text(r.fit) if r.fit else self.tr("未評価")
            return self.tr("{0}（代替機能・EUC で対応）").format(text) if r.fit_alternative else text
        if col == COL_CONVENIENCE:
            return self.tr("便利機能") if r.convenience else None
        if col == COL_NAME:
            return f"{r.code} {r.name}"
        if col == COL_SYSTEM:
            return f"{r.subcommittee} ＞ {r.business_system}"
        text = self.display(r, col)
        return text or None

    def _resort(self, column: int, order: Qt.SortOrder) -> tuple[list[int], list[int]]:
        # The whole order is kept (not only the shown rows): a widened search rescans it.
        old_visible = self._visible
        self._recent.clear()
        key = _sort_key(column)
        rows = self._rows
        self._order = sorted(range(len(rows)), key=lambda i: key(rows[i]),
                             reverse=order == Qt.SortOrder.DescendingOrder)
        self._sort = (column, order)
        self._rank = _ranks(self._order)
        shown = set(old_visible)
        self._visible = [i for i in self._order if i in shown]
        return old_visible, self._visible

    # --- our API ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[FunctionRow]) -> None:
        """Replace every row (keeping the filter and the sort)."""
        with gc_paused():  # a row's search text, its order and look-ups: many objects, none cyclic
            self._set_rows(rows)

    def _set_rows(self, rows: Sequence[FunctionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_id = None
        self._recent.clear()
        self._cells = {}
        # Forms and 欠番 are rare (none in most lists): counted once, so that filters skip them cheaply.
        self._retired_total = sum(1 for r in self._rows if r.retired)
        self._forms_total = sum(1 for r in self._rows if r.kind == "form")
        self._make_hay()
        self._order = list(range(len(self._rows)))
        if self._sort is not None:
            key = _sort_key(self._sort[0])
            rs = self._rows
            self._order.sort(key=lambda i: key(rs[i]), reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self._rank = _ranks(self._order)
        self._visible = self._scan(self._order)
        self.endResetModel()

    def _make_hay(self) -> None:
        """Every row's search text: kept from the previous rows where the searched fields are the same
        (the look-up by fields is made here, at a refresh, not at the first load)."""
        text_of = _search_text
        if self._hay_rows:
            get = dict(zip(map(_SEARCHED, self._hay_rows), self._hay, strict=True)).get
            hay = [text if (text := get(fields)) is not None else text_of(fields)
                   for fields in map(_SEARCHED, self._rows)]
        else:
            hay = [text_of(fields) for fields in map(_SEARCHED, self._rows)]
        self._hay, self._hay_rows = hay, self._rows

    @property
    def search_ready(self) -> bool:
        """True when every row's search text is made (always, since set_rows makes it)."""
        return len(self._hay) == len(self._rows)

    def set_filter(self, *, text=KEEP, fit=KEEP, requirement_class=KEEP,
                   subcommittee_id=KEEP, business_system_id=KEEP, kind=KEEP, hide_retired=KEEP) -> None:
        """Change some filters (the others stay as they are) and show the matching rows.

        ``fit``: None (all), '○', '△', '×', FIT_UNASSESSED or FIT_GAPS. ``requirement_class``:
        None or 'mandatory' / 'optional' / 'excluded'. The tree sets either
        ``subcommittee_id`` or ``business_system_id`` (the other None). ``kind``: None (all),
        KIND_FUNCTION / KIND_FORM (live ones) or KIND_RETIRED; ``hide_retired`` leaves 欠番 out.
        """
        old = self._filter
        new = with_filters(old, terms=query_terms(text), fit=fit, requirement_class=requirement_class,
                           subcommittee_id=subcommittee_id, business_system_id=business_system_id,
                           kind=kind, hide_retired=hide_retired)
        if new == old:
            return
        narrowing = (replace(new, terms=()) == replace(old, terms=())
                     and all(any(o in n for n in new.terms) for o in old.terms))
        self._filter = new
        known = self._recent.get(new)
        if known is not None:  # erasing back to a search made a moment ago (Backspace): no rescan
            visible = list(known)
        else:
            visible = self._scan(self._visible if narrowing else self._order)
            if len(self._recent) >= self.RECENT:
                del self._recent[next(iter(self._recent))]
            self._recent[new] = tuple(visible)
        self._show(visible)

    def _show(self, visible: list[int]) -> None:
        """Show other rows of the same list (a filter changed) as a layout change, not a model reset.

        A reset makes the view forget its selection, header state and scroll position and lay
        everything out again (issue 18: a third of a key's time); a layout change, as Qt's own
        QSortFilterProxyModel.invalidate() emits, keeps them. Persistent indexes (the selection,
        the current row) follow their rows; a row filtered out leaves its index invalid.
        """
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = self._visible
        self._visible = visible
        if persistent:
            moved = []
            for p in persistent:
                pos = self._position(old[p.row()]) if 0 <= p.row() < len(old) else None
                moved.append(QModelIndex() if pos is None else self.index(pos, p.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _position(self, i: int) -> int | None:
        """The view row showing row index ``i``, or None (a binary search: the shown rows keep the order)."""
        visible, rank = self._visible, self._rank
        pos = bisect.bisect_left(visible, rank[i], key=rank.__getitem__)
        return pos if pos < len(visible) and visible[pos] == i else None

    def _scan(self, candidates: list[int]) -> list[int]:
        rows, hay, f = self._rows, self._hay, self._filter
        out = candidates
        if f.business_system_id is not None:
            sid = f.business_system_id
            out = [i for i in out if rows[i].business_system_id == sid]
        elif f.subcommittee_id is not None:
            sc = f.subcommittee_id
            out = [i for i in out if rows[i].subcommittee_id == sc]
        if f.fit is not FIT_ANY:
            if f.fit == FIT_GAPS:
                out = [i for i in out if rows[i].fit in ("△", "×")]
            elif f.fit == FIT_UNASSESSED:
                out = [i for i in out if rows[i].fit is None]
            else:
                fit = f.fit
                out = [i for i in out if rows[i].fit == fit]
        if f.requirement_class is not None:
            c = f.requirement_class
            out = [i for i in out if rows[i].requirement_class == c]
        if f.kind == KIND_RETIRED:
            out = [i for i in out if rows[i].retired] if self._retired_total else []
        elif self._retired_total and (f.hide_retired or f.kind is not None):
            out = [i for i in out if not rows[i].retired]
        if f.kind == KIND_FORM:
            out = [i for i in out if rows[i].kind == "form"] if self._forms_total else []
        elif f.kind == KIND_FUNCTION and self._forms_total:
            out = [i for i in out if rows[i].kind == "function"]
        for term in f.terms:
            out = [i for i in out if term in hay[i]]
        return list(out) if out is candidates else out

    def retired_counts(self) -> tuple[int, int]:
        """(retired IDs shown, retired IDs in all rows): the counts the browser leaves out of its totals."""
        if not self._retired_total:
            return 0, 0
        rows = self._rows
        return sum(1 for i in self._visible if rows[i].retired), self._retired_total

    def function_by_id(self, function_id: int) -> FunctionRow | None:
        """A row by id whether or not the filter shows it (an old request's 欠番 target)."""
        i = self._index_of_id().get(function_id)
        return None if i is None else self._rows[i]

    def row_of_function(self, function_id: int) -> int | None:
        """The view row showing a function, or None when it is filtered out (the browser asks this at
        every key to keep the selection)."""
        i = self._index_of_id().get(function_id)
        return None if i is None else self._position(i)

    def _index_of_id(self) -> dict[int, int]:
        if self._by_id is None:
            self._by_id = {r.id: i for i, r in enumerate(self._rows)}
        return self._by_id
