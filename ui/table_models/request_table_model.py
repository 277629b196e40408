"""RequestTableModel: the request items (要望項目) as a table, sorting and filtering itself.

Contract: a ``RowListTableModel`` of the core's frozen ``ItemRow`` objects (never ORM
objects). ``set_rows`` replaces everything inside a
model reset and keeps the filters and the sort. ``set_filter`` changes some filters (status,
member name, subcommittee, business system, search text over the row and every member's
要望内容・低下の内容・代替運用案) and rescans; a consortium has
tens to a few thousand items, so one list comprehension per filter is plenty. The member
filter follows the core's ``list_item_rows``: a member that withdrew its part no longer
counts as asking. ``STATUS_COLORS`` gives the badge colours the view's delegate paints.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops.request_queries import ItemRow

from ..dates import display_date
from ..labels import join_names, label, yen
from .function_table_model import nfkc_lower, query_terms
from .row_list_model import CENTER, KEEP, LEFT, RIGHT, ROW_ROLE, RowListTableModel, with_filters  # noqa: F401 - ROW_ROLE for the views

COL_KEY = 0
COL_SYSTEM = 1
COL_CODE = 2
COL_TITLE = 3
COL_MEMBERS = 4
COL_STATUS = 5
COL_ESTIMATE = 6
COL_UPDATED = 7
COLUMN_COUNT = 8

HEADERS = {
    COL_KEY: "要望番号",
    COL_SYSTEM: "業務",
    COL_CODE: "機能ID",
    COL_TITLE: "要望名",
    COL_MEMBERS: "要望団体",
    COL_STATUS: "状態",
    COL_ESTIMATE: "見積額",
    COL_UPDATED: "最終更新",
}
COLUMN_WIDTHS = {
    COL_KEY: 80, COL_SYSTEM: 130, COL_CODE: 112, COL_TITLE: 280, COL_MEMBERS: 190,  # 機能ID: 「帳票 0000004」 whole
    # 令和8年12月7日 whole (the time is in the tooltip): at 1280 px 要望名, the column that says what the
    # request is, had about 8 characters left (review R16).
    COL_STATUS: 130, COL_ESTIMATE: 110, COL_UPDATED: 124,
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the status code, for the badge delegate

# (background, text) per status: open items in blue and amber, decisions in green / grey / red.
STATUS_COLORS = {
    Status.REQUESTED.value: ("#e3ecf7", "#1f3a5f"),
    Status.UNDER_REVIEW.value: ("#fdf0d5", "#7a4b00"),
    Status.STANDARDIZED.value: ("#dff3e4", "#1e6b34"),
    Status.WITHDRAWN.value: ("#ececec", "#555555"),
    Status.CUSTOMIZED.value: ("#fbe3e1", "#9b2119"),
}
NEW_FUNCTION_TEXT = "（新規）"

_STATUS_ORDER = {st.value: i for i, st in enumerate(Status)}


def format_yen(amount: int | None) -> str:
    """1650000 → '1,650,000円' (English: '¥1,650,000'); None → ''."""
    return yen(amount)


def _haystack(r: ItemRow) -> str:
    # search_text: what every member wrote (要望内容, 低下の内容, 代替運用案), folded once per reload
    # so that typing in the search box stays a plain substring scan.
    parts = (r.key, r.title, r.function_code, r.function_name, r.business_system, r.subcommittee,
             *r.members, *r.withdrawn_members, r.search_text)
    return nfkc_lower("\x00".join(p for p in parts if p))


def _sort_key(column: int) -> Callable[[ItemRow], object]:
    if column == COL_STATUS:
        return lambda r: _STATUS_ORDER.get(r.status, 9)
    if column == COL_ESTIMATE:
        return lambda r: (r.estimate is None, r.estimate or 0)
    if column == COL_UPDATED:
        return lambda r: r.updated_at
    if column == COL_MEMBERS:
        return lambda r: (len(r.members), tuple(r.members))
    attr = {COL_KEY: "key", COL_SYSTEM: "business_system", COL_CODE: "function_code", COL_TITLE: "title"}[column]
    return lambda r: getattr(r, attr) or ""


@dataclass(frozen=True)
class RequestFilter:
    """What the request list shows (``RequestTableModel.set_filter`` names the values)."""

    terms: tuple[str, ...] = ()
    status: str | None = None
    member: str | None = None
    subcommittee_id: int | None = None
    business_system_id: int | None = None


class RequestTableModel(RowListTableModel):
    """Request item rows for a QTableView; see the module docstring for the contract."""

    HEADERS = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hay: list[str] = []
        self._filter = RequestFilter()

    # --- how a row reads (RowListTableModel) ------------------------------------------

    def alignment(self, col: int) -> int:
        if col == COL_ESTIMATE:
            return RIGHT
        if col in (COL_STATUS, COL_KEY, COL_CODE):
            return CENTER
        return LEFT

    def display(self, r: ItemRow, col: int) -> str:
        if col == COL_KEY:
            return r.key
        if col == COL_SYSTEM:
            return r.business_system or ""
        if col == COL_CODE:
            if r.function_code and r.function_kind == "form":
                return self.tr("帳票 {0}").format(r.function_code)
            return r.function_code or self.tr(NEW_FUNCTION_TEXT)
        if col == COL_TITLE:
            return r.title
        if col == COL_MEMBERS:
            if r.members:
                return join_names(r.members)
            return self.tr("（取下げ: {0}）").format(join_names(r.withdrawn_members)) if r.withdrawn_members else "—"
        if col == COL_STATUS:
            return label(r.status_label)
        if col == COL_ESTIMATE:
            return format_yen(r.estimate)
        if col == COL_UPDATED:
            return display_date(r.updated_at.date())  # 和暦 or 西暦, as set; the time in the tooltip
        return ""

    def tooltip(self, r: ItemRow, col: int) -> str | None:
        if col == COL_UPDATED:
            return f"{display_date(r.updated_at.date())} {r.updated_at:%H:%M}"
        if col == COL_TITLE:
            code = self.tr("帳票 {0}").format(r.function_code) if r.function_kind == "form" else r.function_code
            fn = f"{code} {r.function_name}" if r.function_code else f"{self.tr('新規機能')}: {r.function_name}"
            return f"{r.key} {r.title}\n{fn}"
        if col == COL_MEMBERS:
            lines = [join_names(r.members)] if r.members else []
            if r.withdrawn_members:
                lines.append(self.tr("取下げ: {0}").format(join_names(r.withdrawn_members)))
            return "\n".join(lines) or None
        if col == COL_SYSTEM and r.subcommittee:
            return f"{r.subcommittee} ＞ {r.business_system}"
        text = self.display(r, col)
        return text or None

    def colors(self, r: ItemRow, col: int) -> tuple[str | None, str | None] | None:
        if col == COL_STATUS:  # the badge
            return STATUS_COLORS.get(r.status, ("#ffffff", "#000000"))
        if (col == COL_CODE and r.function_id is None) or (col == COL_MEMBERS and not r.members):
            return None, "#6b6b6b"  # a new function, an item nobody asks for any more
        return None

    def role_data(self, r: ItemRow, col: int, role: int) -> object:
        return r.status if role == STATUS_ROLE else None

    def sort_key_for(self, col: int) -> Callable[[ItemRow], object]:
        return _sort_key(col)

    def rows_changed(self) -> None:
        self._hay = [_haystack(r) for r in self._rows]

    def _matching(self) -> list[int]:
        rows, hay, f = self._rows, self._hay, self._filter
        out = list(range(len(rows)))
        if f.status is not None:
            out = [i for i in out if rows[i].status == f.status]
        if f.member is not None:
            out = [i for i in out if f.member in rows[i].members]
        if f.subcommittee_id is not None:
            out = [i for i in out if rows[i].subcommittee_id == f.subcommittee_id]
        if f.business_system_id is not None:
            out = [i for i in out if rows[i].business_system_id == f.business_system_id]
        for term in f.terms:
            out = [i for i in out if term in hay[i]]
        return out

    # --- our API ----------------------------------------------------------------------

    def set_filter(self, *, text=KEEP, status=KEEP, member=KEEP, subcommittee_id=KEEP,
                   business_system_id=KEEP) -> None:
        """Change some filters (the others stay as they are): None means 'all'.

        ``status`` is a status code, ``member`` a member name (still asking in the item).
        """
        new = with_filters(self._filter, terms=query_terms(text), status=status, member=member,
                           subcommittee_id=subcommittee_id, business_system_id=business_system_id)
        if new != self._filter:
            self._filter = new
            self.refilter()

    def row_of_item(self, item_id: int) -> int | None:
        """The view row showing an item, or None when it is filtered out."""
        return self.row_of(item_id)
