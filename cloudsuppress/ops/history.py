"""Reading the audit trail: per item (the history tab), recent actions, and CSV export for Excel.

The trail stores column values as they are kept in the database (status codes, member ids,
ISO dates ...). What leaves this module is what people read: statuses, reason categories and
resident-service answers as their Japanese labels, member names instead of member ids, 機能ID
and 機能名 instead of function ids, はい／いいえ, dates in 和暦, amounts with 円 and 件; purely
technical columns (ids, sort orders, version counters, time stamps) are left out. The values
composed from a pattern (amounts, counts, dates, 第N回) are ``Phrase`` strings, which a UI can
spell in its own language.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ..domain import audit
from ..domain.models import (
    Approval,
    AuditAction,
    AuditChange,
    BusinessSystem,
    Function,
    HearingNote,
    Meeting,
    Member,
    MemberRequest,
    Subcommittee,
)
from ..domain.vocab import (
    APPROVAL_LABELS,
    ATTENDEE_ROLE_LABELS,
    FIT_LABELS,
    MEETING_KIND_LABELS,
    OUTCOME_LABELS,
    REASON_LABELS,
    REQUIREMENT_LABELS,
    SERVICE_DROP_LABELS,
)
from ..domain.workflow import STATUS_LABELS, Status
from ..field_labels import _TABLE_FIELD_LABELS, FIELD_LABELS, TABLE_LABELS, field_label  # noqa: F401 - re-exported
from ..output_files import excel_safe_cell, output_file
from ..phrase import Phrase, format_at
from .meetings import meeting_label

YES_NO = {True: "はい", False: "いいえ"}
OP_LABELS = {"insert": "追加", "update": "変更", "delete": "削除", "bulk_insert": "一括追加"}
KIND_LABELS = {"op": "", "undo": "元に戻す", "redo": "やり直し"}
# Bookkeeping columns nobody outside the database needs to read.
HIDDEN_FIELDS = frozenset({
    "id", "created_at", "updated_at", "item_id", "member_request_id", "changed_at", "status_change_id",
    "sort_order", "version", "target_id",
})
_STATUS_FIELDS = {"status", "from_status", "to_status", "decision_status"}
# The patterns of the values the trail composes (``Phrase``); a UI translates each of them.
YEN = "{0}円"
CASES = "{0}件"
PEOPLE = "{0}人"
NTH = "第{0}回"
ROWS = "{0} 件"
WITH_NOTE = "{0}（{1}）"
UNKNOWN_ROW = "（id {0}）"
DELETED_FUNCTION = "（削除された機能 id {0}）"
PATTERNS = (YEN, CASES, PEOPLE, NTH, ROWS, WITH_NOTE, UNKNOWN_ROW, DELETED_FUNCTION)
_PART_TABLES = {"member_request", "hearing_note", "approval"}


@dataclass(frozen=True)
class AuditEntry:
    """One field (or row) change as the history tab and the CSV show it: every value readable."""

    action_id: int
    label: str  # the action, e.g. 要望 R-0001 を検討中に変更 (undo/redo actions carry their prefix)
    user: str
    at: dt.datetime
    kind: str
    undone: bool  # the action was later undone
    table: str
    table_label: str
    target: str  # what was changed, e.g. 団体の要望（那珂市）
    row_id: int
    op: str
    op_label: str
    field: str | None
    field_label: str | None
    old: str | None  # readable values (labels, names, 和暦 ...), never stored codes
    new: str | None
    member: str | None = None  # for a member's part (要望, ヒアリング, 決裁): the member's name, as in ``target``

    @property
    def at_text(self) -> str:
        return format_at(self.at)


class _Readable:
    """Turns stored values into words, looking names up once per trail (an item has tens of entries)."""

    def __init__(self, s: Session):
        self.s = s
        self._names: dict[str, dict[int, str]] = {}
        self.part_member: dict[int, int] = {}  # member_request id → member id (also for parts undone since)
        self.row_part: dict[tuple[str, int], int] = {}  # (hearing_note|approval, id) → member_request id

    def _table_names(self, key: str) -> dict[int, str]:
        if key not in self._names:
            s = self.s
            rows: Iterable[tuple[int, str]]
            if key == "member":
                rows = s.execute(select(Member.id, Member.name)).all()
            elif key == "business_system":
                rows = s.execute(select(BusinessSystem.id, BusinessSystem.name)).all()
            elif key == "subcommittee":
                rows = s.execute(select(Subcommittee.id, Subcommittee.name)).all()
            else:  # meeting
                rows = ((m.id, Phrase(WITH_NOTE, meeting_label(m), m.held_on)) for m in s.scalars(select(Meeting)))
            self._names[key] = dict(rows)
        return self._names[key]

    def _function(self, function_id: int) -> str:
        cache = self._names.setdefault("function", {})
        if function_id not in cache:
            row = self.s.execute(select(Function.code, Function.name).where(Function.id == function_id)).first()
            cache[function_id] = f"{row[0]} {row[1]}" if row else Phrase(DELETED_FUNCTION, str(function_id))
        return cache[function_id]

    def name(self, key: str, row_id: int) -> str:
        names = self._table_names(key)
        return names[row_id] if row_id in names else Phrase(UNKNOWN_ROW, str(row_id))

    def value(self, table: str, field: str, raw: object) -> str | None:
        """A stored JSON value as people read it."""
        if raw is None:
            return None
        try:
            v = audit.coerce(table, field, raw)
        except (KeyError, ValueError, TypeError):
            v = raw
        if field in _STATUS_FIELDS and isinstance(v, str):
            try:
                return STATUS_LABELS[Status(v)]
            except ValueError:
                return v
        if table == "member_request" and field == "reason":
            return _label(REASON_LABELS, v)
        if field == "service_drop":
            return SERVICE_DROP_LABELS[bool(v)]
        if field == "stage":
            return _label(APPROVAL_LABELS, v)
        if field == "member_id" and isinstance(v, int):
            return self.name("member", v)
        if field == "function_id" and isinstance(v, int):
            return self._function(v)
        if field in ("business_system_id", "subcommittee_id", "meeting_id") and isinstance(v, int):
            return self.name(field[:-3], v)
        if table == "meeting" and field == "kind":
            return _label(MEETING_KIND_LABELS, v)
        if field == "role":
            return _label(ATTENDEE_ROLE_LABELS, v)
        if field == "outcome":
            return _label(OUTCOME_LABELS, v)
        if field == "requirement_class":
            return _label(REQUIREMENT_LABELS, v)
        if field == "fit" and isinstance(v, str):
            return Phrase(WITH_NOTE, v, Phrase(FIT_LABELS[v])) if v in FIT_LABELS else v
        if isinstance(v, bool):
            return YES_NO[v]
        if isinstance(v, (dt.datetime, dt.date)):
            return Phrase("{0}", v)
        if isinstance(v, float) and v.is_integer():  # a count handed over as 2960.0
            v = int(v)
        if isinstance(v, int):
            if field == "estimate":
                return Phrase(YEN, f"{v:,}")
            if field in ("annual_cases", "confirmed_cases"):
                return Phrase(CASES, f"{v:,}", count=v)
            if field == "population":
                return Phrase(PEOPLE, f"{v:,}", count=v)
            if field == "number":
                return Phrase(NTH, str(v))
            return str(v)
        return str(v)

    def learn(self, c: AuditChange) -> None:
        """Remember which member a member request, hearing note or approval belongs to, from the
        rows the trail itself recorded (they may be gone from the database since)."""
        if c.table_name not in _PART_TABLES or c.field is not None:
            return
        for text in (c.new_value, c.old_value):
            row = json.loads(text) if text else None
            if not isinstance(row, dict):
                continue
            if c.table_name == "member_request" and row.get("member_id") is not None:
                self.part_member[c.row_id] = row["member_id"]
            elif row.get("member_request_id") is not None:
                self.row_part[(c.table_name, c.row_id)] = row["member_request_id"]

    def target(self, table: str, row_id: int) -> str:
        """「団体の要望（那珂市）」: the table's label and, for a member's part, the member."""
        label = TABLE_LABELS.get(table, table)
        member = self.member(table, row_id)
        return f"{label}（{member}）" if member is not None else label

    def member(self, table: str, row_id: int) -> str | None:
        """The member a member's part (or its hearing note or approval) belongs to; None for other rows."""
        if table not in _PART_TABLES:
            return None
        part_id = row_id if table == "member_request" else self.row_part.get((table, row_id))
        if part_id is None:
            model = HearingNote if table == "hearing_note" else Approval
            part_id = self.s.scalar(select(model.member_request_id).where(model.id == row_id))
        member_id = self.part_member.get(part_id) if part_id is not None else None
        if member_id is None and part_id is not None:
            member_id = self.s.scalar(select(MemberRequest.member_id).where(MemberRequest.id == part_id))
        return self.name("member", member_id) if member_id is not None else None


def _label(labels: Mapping[str, str], v: object) -> str:
    """A stored code as its label; a code the vocabulary does not know (or not a code) as it is."""
    return labels.get(v, v) if isinstance(v, str) else str(v)


def _loads(text: str | None) -> object:
    """A recorded JSON value; a column the trail left empty reads as no value."""
    return json.loads(text) if text is not None else None


def _expand(c: AuditChange, r: _Readable) -> list[tuple[str | None, str | None, str | None]]:
    """(field, old, new) lines for one recorded change, readable, technical columns left out."""
    if c.op == "update" and c.field is not None:
        if c.field in HIDDEN_FIELDS:
            return []
        return [(c.field, r.value(c.table_name, c.field, _loads(c.old_value)),
                 r.value(c.table_name, c.field, _loads(c.new_value)))]
    old = json.loads(c.old_value) if c.old_value else {}
    new = json.loads(c.new_value) if c.new_value else {}
    if c.op == "bulk_insert":
        return [(None, None, Phrase(ROWS, str(len(new)), count=len(new)))]
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [(None, None, None)]
    keys = [k for k in dict.fromkeys([*old, *new]) if k not in HIDDEN_FIELDS]
    lines = [(k, r.value(c.table_name, k, old.get(k)), r.value(c.table_name, k, new.get(k)))
             for k in keys if old.get(k) != new.get(k)]
    if c.op == "update" and not lines:  # only bookkeeping columns changed
        return []
    return lines or [(None, None, None)]


def _entries(s: Session, where: ColumnElement[bool]) -> list[AuditEntry]:
    rows = list(s.execute(
        select(AuditChange, AuditAction).join(AuditAction, AuditAction.id == AuditChange.action_id)
        .where(where).order_by(AuditChange.action_id, AuditChange.seq)
    ))
    readable = _Readable(s)
    for c, _ in rows:
        readable.learn(c)
    out = []
    for c, a in rows:
        target = readable.target(c.table_name, c.row_id)
        member = readable.member(c.table_name, c.row_id)
        for fld, old, new in _expand(c, readable):
            out.append(AuditEntry(
                a.id, a.label, a.user, a.at, a.kind, a.state == "undone", c.table_name,
                TABLE_LABELS.get(c.table_name, c.table_name), target, c.row_id, c.op, OP_LABELS.get(c.op, c.op),
                fld, field_label(c.table_name, fld) if fld else None, old, new, member,
            ))
    return out


def item_audit_trail(s: Session, item_id: int) -> list[AuditEntry]:
    """Every recorded change to an item and its members' parts, oldest first, in readable words."""
    return _entries(s, AuditChange.item_id == item_id)


CSV_HEADER = ("日時", "操作者", "操作", "対象", "変更の種類", "項目", "変更前", "変更後", "備考")
UNDONE_NOTE = "この操作は元に戻されました"


def csv_row(e: AuditEntry) -> tuple[str, ...]:
    """One entry as a CSV line (the same words as the history tab)."""
    return (e.at_text, e.user, e.label, e.target, e.op_label, e.field_label or "", e.old or "", e.new or "",
            UNDONE_NOTE if e.undone else "")


def write_audit_csv(path: str | Path, entries: list[AuditEntry]) -> int:
    """Write entries as CSV for Excel (UTF-8 with BOM, CRLF, a Japanese header row); return the row count.

    Cells that Excel would take for a formula (text from members' workbooks: 「=HYPERLINK(…)」)
    are written as text (``excel_safe_cell``)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(CSV_HEADER)
        for e in entries:
            w.writerow([excel_safe_cell(cell) for cell in csv_row(e)])
    return len(entries)


def export_item_history_csv(s: Session, item_id: int, path: str | Path, *, overwrite: bool = False) -> int:
    """An item's audit trail as a CSV file for Excel (written whole or not at all); returns the number of rows.

    An existing file is replaced only with ``overwrite`` (the GUI's save dialog asked), a database never."""
    entries = item_audit_trail(s, item_id)
    with output_file(path, overwrite=overwrite) as tmp:
        return write_audit_csv(tmp, entries)

