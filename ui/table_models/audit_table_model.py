"""AuditTableModel: an item's audit trail (who, when, what, field, old, new) as a table.

Contract: a ``RowListTableModel`` of the core's frozen ``AuditEntry`` rows, in the order the
core gives them (oldest first) until sorted. Entries of actions that were later undone are
shown in grey. The core gives every value in readable Japanese words (labels, names, 和暦),
the same as the CSV export; this model lays them out, and shows the table, field and
operation words and the vocabulary values (statuses, reasons...) in the UI language. What
people wrote, names and the action's recorded label stay as they are.
"""
from __future__ import annotations

from cloudsuppress.ops.history import KIND_LABELS, AuditEntry

from ..dates import display_date
from ..labels import label
from .row_list_model import RowListTableModel


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


class AuditTableModel(RowListTableModel):
    """Audit entries for a QTableView; see the module docstring."""

    HEADERS = HEADERS

    def display(self, e: AuditEntry, col: int) -> str:
        if col == COL_AT:  # 和暦 or Western as chosen in 設定, like every other date on screen
            return f"{display_date(e.at.date())} {e.at:%H:%M}"
        if col == COL_USER:
            return e.user
        if col == COL_ACTION:  # the action's own words are data: as the user's app recorded them
            kind = KIND_LABELS.get(e.kind, "")
            text = e.label if not kind or e.label.startswith(kind) else f"{label(kind)}: {e.label}"
            return text + (self.tr("（取消済み）") if e.undone else "")
        if col == COL_FIELD:
            target = label(e.table_label)
            if e.member:
                target = self.tr("{0}（{1}）").format(target, e.member)
            if e.field_label:
                return self.tr("{0}・{1}").format(target, label(e.field_label))
            return self.tr("{0}（{1}）").format(target, label(e.op_label))
        if col == COL_OLD:
            return _one_line(label(e.old) if e.old else e.old)
        if col == COL_NEW:
            return _one_line(label(e.new) if e.new else e.new)
        return ""

    def header_alignment(self, col: int) -> int | None:
        return None  # centred headings, as before

    def tooltip(self, e: AuditEntry, col: int) -> str | None:
        return self.display(e, col) or None

    def colors(self, e: AuditEntry, col: int) -> tuple[str | None, str | None] | None:
        return (None, "#8a8a8a") if e.undone else None  # an action later undone, in grey

    def sort_key_for(self, col: int):  # noqa: ANN201 - a key function
        if col == COL_AT:
            return lambda e: e.at
        return lambda e: self.display(e, col)

    def entry_at(self, row: int) -> AuditEntry:
        return self.row_at(row)
