"""The audit trail: every change to the audited tables, grouped under one action per user operation.

How it works: ``open_database`` hooks ``before_flush`` / ``after_flush`` onto its session
factory. Every flushed insert, update and delete of an audited model is written to
``audit_change`` under the action that is open on the session (``with action(s, label):``,
opened by each operation; nested operations join the outer action). A flush with no open
action still gets recorded, under an implicit 「データの変更」 action, so nothing escapes.

Bulk writes that bypass the ORM (the 30,000-row function import) call ``record_rows`` with a
compact entry per row: one JSON object of the changed columns instead of one entry per field.

Inserts and deletes keep the full row, updates the old and new value, which is exactly what
``ops.undo`` needs to reverse or replay an action.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, event, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from .models import (
    AgendaEntry,
    Approval,
    AuditAction,
    AuditChange,
    Base,
    Briefing,
    BusinessSystem,
    Consortium,
    CostRule,
    DecisionAcceptance,
    Function,
    HearingNote,
    ItemCostRule,
    Meeting,
    MeetingAttendee,
    Member,
    MemberRequest,
    RequestItem,
    SelectionAttendee,
    SelectionEvent,
    StatusChange,
    Subcommittee,
)

AUDITED_MODELS = (Consortium, Member, Subcommittee, BusinessSystem, Function, RequestItem, MemberRequest,
                  HearingNote, Approval, StatusChange, Meeting, MeetingAttendee, AgendaEntry,
                  CostRule, ItemCostRule, Briefing, SelectionEvent, SelectionAttendee, DecisionAcceptance)
AUDITED = {m.__tablename__: m for m in AUDITED_MODELS}
# Insert order that satisfies the foreign keys (deletes go the other way).
TABLE_ORDER = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
IMPLICIT_LABEL = "データの変更"

_default_user: str | None = None


def set_default_user(name: str | None) -> None:
    """Name recorded as the actor when an operation is not given one (None: the OS user)."""
    global _default_user
    _default_user = (name or "").strip() or None


def is_shared(conn_or_session: Connection | Session) -> bool:
    """True on a server database that several users share (anything but SQLite)."""
    bind = conn_or_session.get_bind() if isinstance(conn_or_session, Session) else conn_or_session
    return bind.dialect.name != "sqlite"


def current_user() -> str:
    """The configured user name, else the OS login name."""
    if _default_user:
        return _default_user
    try:
        return getpass.getuser() or "不明"
    except Exception:  # no login name (service account, odd environment)
        return "不明"


# --- values ----------------------------------------------------------------------------------


def _iso(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot record {type(value).__name__} in the audit trail")


# One encoder for every entry: json.dumps with options builds a new JSONEncoder per call, which
# was a third of the cost of encoding the 55,000 rows of a large request import.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)


def encode(value: object) -> str:
    """A column value as JSON text (dates as ISO strings)."""
    return _ENCODER.encode(value)


def decode(table: str, column: str, text: str | None) -> object:
    """JSON text back to the column's Python value."""
    if text is None:
        return None
    return coerce(table, column, json.loads(text))


def coerce(table: str, column: str, value: object) -> object:
    """A JSON value back to the column's Python type."""
    if value is None:
        return None
    col_type = Base.metadata.tables[table].c[column].type
    if isinstance(col_type, (DateTime, Date)):
        if not isinstance(value, str):  # encode() writes every date as ISO text
            raise TypeError(f"{table}.{column}: a date recorded as {type(value).__name__}, not as ISO text")
        return dt.datetime.fromisoformat(value) if isinstance(col_type, DateTime) else dt.date.fromisoformat(value)
    if isinstance(col_type, Boolean):
        return bool(value)
    return value


def row_json(values: Mapping[str, object]) -> str:
    """A whole row (or several columns) as one JSON object."""
    return _ENCODER.encode(values)


# --- actions ---------------------------------------------------------------------------------


@dataclass
class ActionState:
    """The action open on a session; its row is written at its first recorded change."""

    label: str
    user: str
    kind: str = "op"
    undoable: bool = True
    target_id: int | None = None
    id: int | None = None
    seq: int = 0
    tables: set[str] = field(default_factory=set)


@contextmanager
def action(s: Session, label: str, *, by: str | None = None, undoable: bool = True, kind: str = "op",
           target_id: int | None = None) -> Iterator[ActionState]:
    """Group every change made inside the block under one action (the unit of undo).

    Nested blocks join the outermost action. ``label`` may be changed inside the block
    (e.g. once a generated key is known).
    """
    stack: list[ActionState] = s.info.setdefault("audit_stack", [])
    if stack:
        yield stack[0]
        return
    state = ActionState(label, (by or "").strip() or current_user(), kind, undoable, target_id)
    stack.append(state)
    try:
        yield state
        s.flush()
        if state.id is not None:
            s.execute(update(AuditAction).where(AuditAction.id == state.id).values(label=state.label[:400]))
    finally:
        stack.pop()


def _ensure_action(s: Session) -> ActionState:
    stack: list[ActionState] = s.info.setdefault("audit_stack", [])
    if stack:
        state = stack[0]
    else:
        implicit = s.info.get("audit_implicit")
        if implicit is None:
            implicit = s.info["audit_implicit"] = ActionState(IMPLICIT_LABEL, current_user())
        state = implicit
    if state.id is None:
        conn = s.connection()
        if state.kind == "op" and state.undoable:
            # A new action after an undo clears the redo stack: on a shared database only the
            # user's own (each user undoes and redoes their own actions, see ops/undo.py).
            stale = AuditAction.state == "undone"
            if is_shared(conn):
                stale = stale & (AuditAction.user == state.user[:100])
            conn.execute(update(AuditAction).where(stale).values(state="discarded"))
        result = conn.execute(insert(AuditAction).values(
            label=state.label[:400], user=state.user[:100], at=dt.datetime.now(),
            kind=state.kind, state="done", undoable=state.undoable, target_id=state.target_id))
        key = result.inserted_primary_key
        assert key is not None  # an INSERT of one row on a table with a primary key
        state.id = key[0]
        s.info.setdefault("audit_action_ids", []).append(state.id)  # for sync's NOTIFY at commit
    return state


def record_rows(s: Session, table: str, rows: list[tuple[int, str, str | None, str | None]],
                *, item_ids: list[int | None] | None = None) -> None:
    """Record bulk changes made outside the ORM: (row id, op, old JSON, new JSON) per row."""
    if not rows:
        return
    state = _ensure_action(s)
    state.tables.add(table)
    start = state.seq
    state.seq += len(rows)
    params = [
        (state.id, start + i, table, rid, op, None, old, new, item_ids[i] if item_ids else None)
        for i, (rid, op, old, new) in enumerate(rows)
    ]
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        "INSERT INTO audit_change (action_id, seq, table_name, row_id, op, field, old_value, new_value, item_id) "
        f"VALUES ({', '.join([mark] * 9)})",
        params,
    )


def record_entries(s: Session, entries: list[tuple[str, int, str, str | None, str | None, str | None, int | None]]) -> None:
    """Record changes made outside the ORM, in this order, in one statement: (table, row id, op,
    field, old JSON, new JSON, item id) per entry, as the flush hook would have recorded them."""
    if not entries:
        return
    state = _ensure_action(s)
    start = state.seq
    state.seq += len(entries)
    state.tables.update(e[0] for e in entries)
    params = [(state.id, start + n, *e) for n, e in enumerate(entries)]
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        "INSERT INTO audit_change (action_id, seq, table_name, row_id, op, field, old_value, new_value, item_id) "
        f"VALUES ({', '.join([mark] * 9)})",
        params,
    )


def record_changes(s: Session, rows: list[dict[str, Any]]) -> None:
    """Record changes made outside the ORM; each dict has table_name, row_id, op and optionally
    field, old_value, new_value (JSON text) and item_id."""
    if not rows:
        return
    state = _ensure_action(s)
    params = []
    for r in rows:
        state.tables.add(r["table_name"])
        params.append(dict(action_id=state.id, seq=state.seq, field=None, old_value=None, new_value=None,
                           item_id=None) | r)
        state.seq += 1
    s.connection().execute(insert(AuditChange), params)


# --- session hooks ---------------------------------------------------------------------------


# When a row last changed is bookkeeping, not a user's value: an undo restores it, but does not
# refuse because a later action moved it on (a part's edit stamps its item's updated_at).
BOOKKEEPING_FIELDS = frozenset({"updated_at"})


def _columns(obj: object) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs]


def _snapshot(obj: object) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in _columns(obj)}


def _before_flush(session: Session, _ctx: object, _instances: object) -> None:
    if not session.info.get("audit_enabled", True):
        return
    pending = session.info.setdefault("audit_pending", [])
    for obj in session.deleted:
        if type(obj).__tablename__ in AUDITED:
            pending.append(("delete", obj, _snapshot(obj)))
    for obj in session.dirty:
        if type(obj).__tablename__ not in AUDITED:
            continue
        state = inspect(obj)
        diffs = []
        for key in _columns(obj):
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                diffs.append((key, old, new))
        if diffs:
            pending.append(("update", obj, diffs))


def _item_id(conn: Connection, table: str, values: dict[str, Any], cache: dict[int, int | None]) -> int | None:
    if table == "request_item":
        return values.get("id")
    if table in ("member_request", "status_change", "agenda_entry", "item_cost_rule", "decision_acceptance"):
        return values.get("item_id")
    if table in ("hearing_note", "approval"):
        mr = values.get("member_request_id")
        if mr is None:
            return None
        if mr not in cache:
            cache[mr] = conn.execute(select(MemberRequest.item_id).where(MemberRequest.id == mr)).scalar()
        return cache[mr]
    return None


def _after_flush(session: Session, _ctx: object) -> None:
    if not session.info.get("audit_enabled", True):
        return
    pending = session.info.pop("audit_pending", [])
    inserts = [obj for obj in session.new if type(obj).__tablename__ in AUDITED]
    if not pending and not inserts:
        return
    state = _ensure_action(session)
    conn = session.connection()
    cache: dict[int, int | None] = {}
    saves: list[tuple[int, dict[str, Any]]] = []
    deletes: list[tuple[int, dict[str, Any]]] = []
    for obj in inserts:
        table = type(obj).__tablename__
        snap = _snapshot(obj)
        saves.append((TABLE_ORDER[table], dict(table_name=table, row_id=snap["id"], op="insert", field=None,
                                               old_value=None, new_value=row_json(snap),
                                               item_id=_item_id(conn, table, snap, cache))))
    for op, obj, data in pending:
        table = type(obj).__tablename__
        if op == "delete":
            deletes.append((TABLE_ORDER[table], dict(table_name=table, row_id=data["id"], op="delete", field=None,
                                                     old_value=row_json(data), new_value=None,
                                                     item_id=_item_id(conn, table, data, cache))))
        else:
            snap = {c: getattr(obj, c) for c in ("id", "item_id", "member_request_id") if hasattr(obj, c)}
            item_id = _item_id(conn, table, snap, cache)
            for key, old, new in data:
                saves.append((TABLE_ORDER[table], dict(table_name=table, row_id=obj.id, op="update", field=key,
                                                       old_value=encode(old), new_value=encode(new), item_id=item_id)))
    # The order the database applied them: saves parents first, deletes children first.
    ordered = [r for _, r in sorted(saves, key=lambda t: t[0])] + [r for _, r in sorted(deletes, key=lambda t: -t[0])]
    for r in ordered:
        r["action_id"] = state.id
        r["seq"] = state.seq
        state.seq += 1
        state.tables.add(r["table_name"])
    conn.execute(insert(AuditChange), ordered)


def install(factory: sessionmaker[Any]) -> None:
    """Record every flush of sessions from this factory in the audit trail."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_rollback", _reset)
    event.listen(factory, "after_commit", _reset)


def _reset(session: Session) -> None:
    # The next transaction is the next user action: it gets its own action row.
    session.info.pop("audit_implicit", None)
    session.info.pop("audit_pending", None)
    session.info.pop("audit_action_ids", None)
    for st in session.info.get("audit_stack", []):
        st.id = None
