"""Reading the audit trail: per item (the history tab), recent actions, and CSV export for Excel."""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AuditAction, AuditChange

TABLE_LABELS = {
    "member": "構成団体", "subcommittee": "専門部会", "business_system": "業務", "function": "機能",
    "request_item": "要望項目", "member_request": "団体の要望", "hearing_note": "ヒアリング記録",
    "approval": "財政課協議・首長決裁", "status_change": "状態の履歴",
    "meeting": "会議", "meeting_attendee": "出席者", "agenda_entry": "議題",
}
FIELD_LABELS = {
    "key": "要望番号", "title": "要望名", "status": "状態", "estimate": "見積額", "function_id": "機能",
    "business_system_id": "業務", "proposed_function": "新規機能名", "content": "要望内容", "reason": "理由区分",
    "service_drop": "住民サービス低下", "service_drop_detail": "低下の内容", "annual_cases": "年間処理件数",
    "workaround": "代替運用案", "withdrawn": "取下げ", "withdrawn_on": "取下げ日", "withdrawn_reason": "取下げ理由",
    "held_on": "実施日", "confirmed": "確認内容", "confirmed_cases": "確認件数", "stage": "段階",
    "approved_on": "日付", "reference": "文書番号", "from_status": "変更前", "to_status": "変更後",
    "meeting_id": "会議", "changed_by": "変更者", "name": "名称", "population": "人口",
    "position": "議題の順番", "outcome": "協議結果", "notes": "協議内容", "decision_status": "決定した状態",
    "decision_reason": "決定の理由", "status_change_id": "状態の変更",
}
OP_LABELS = {"insert": "追加", "update": "変更", "delete": "削除", "bulk_insert": "一括追加"}
KIND_LABELS = {"op": "", "undo": "元に戻す", "redo": "やり直し"}
_HIDDEN = {"id", "created_at", "updated_at", "item_id", "member_request_id", "changed_at", "status_change_id"}


@dataclass(frozen=True)
class AuditEntry:
    """One field (or row) change as the history tab shows it."""

    action_id: int
    label: str
    user: str
    at: dt.datetime
    kind: str
    undone: bool  # the action was later undone
    table: str
    table_label: str
    row_id: int
    op: str
    op_label: str
    field: str | None
    field_label: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ActionRow:
    id: int
    label: str
    user: str
    at: dt.datetime
    kind: str
    state: str
    undoable: bool


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def _expand(c: AuditChange) -> list[tuple[str | None, str | None, str | None]]:
    """(field, old, new) lines for one recorded change."""
    if c.op == "update" and c.field is not None:
        return [(c.field, _text(json.loads(c.old_value)), _text(json.loads(c.new_value)))]
    old = json.loads(c.old_value) if c.old_value else {}
    new = json.loads(c.new_value) if c.new_value else {}
    if c.op == "bulk_insert":
        return [(None, None, f"{len(new)} 件")]
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [(None, None, None)]
    keys = [k for k in dict.fromkeys([*old, *new]) if k not in _HIDDEN]
    return [(k, _text(old.get(k)), _text(new.get(k))) for k in keys if old.get(k) != new.get(k)] or [(None, None, None)]


def _entries(s: Session, where) -> list[AuditEntry]:
    out = []
    for c, a in s.execute(
        select(AuditChange, AuditAction).join(AuditAction, AuditAction.id == AuditChange.action_id)
        .where(where).order_by(AuditChange.action_id, AuditChange.seq)
    ):
        for fld, old, new in _expand(c):
            if fld == "updated_at":
                continue
            out.append(AuditEntry(
                a.id, a.label, a.user, a.at, a.kind, a.state == "undone", c.table_name,
                TABLE_LABELS.get(c.table_name, c.table_name), c.row_id, c.op, OP_LABELS.get(c.op, c.op), fld,
                FIELD_LABELS.get(fld, fld) if fld else None, old, new,
            ))
    return out


def item_audit_trail(s: Session, item_id: int) -> list[AuditEntry]:
    """Every recorded change to an item and its members' parts, oldest first."""
    return _entries(s, AuditChange.item_id == item_id)


def row_audit_trail(s: Session, table: str, row_id: int) -> list[AuditEntry]:
    """Every recorded change to one row of an audited table (a member, a function ...)."""
    return _entries(s, (AuditChange.table_name == table) & (AuditChange.row_id == row_id))


def recent_actions(s: Session, *, limit: int = 200) -> list[ActionRow]:
    """The latest actions, newest first."""
    return [ActionRow(a.id, a.label, a.user, a.at, a.kind, a.state, a.undoable)
            for a in s.scalars(select(AuditAction).order_by(AuditAction.id.desc()).limit(limit))]


CSV_HEADER = ("日時", "操作者", "操作", "種別", "対象", "id", "変更", "項目", "変更前", "変更後", "取消済み")


def write_audit_csv(path: str | Path, entries: list[AuditEntry]) -> int:
    """Write entries as CSV in UTF-8 with BOM (so Excel opens it as UTF-8); return the row count."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(CSV_HEADER)
        for e in entries:
            w.writerow((e.at.strftime("%Y-%m-%d %H:%M:%S"), e.user, e.label, KIND_LABELS.get(e.kind, e.kind),
                        e.table_label, e.row_id, e.op_label, e.field_label or "", e.old or "", e.new or "",
                        "取消済み" if e.undone else ""))
    return len(entries)


def export_item_history_csv(s: Session, item_id: int, path: str | Path) -> int:
    """An item's audit trail as a CSV file for Excel; returns the number of rows."""
    return write_audit_csv(path, item_audit_trail(s, item_id))
