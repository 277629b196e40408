"""Optimistic concurrency: several secretaries editing one shared database, and no lost update.

Every editable row carries a ``version`` (SQLAlchemy's ``version_id_col``: member,
business_system, function, request_item, member_request, meeting, agenda_entry). Two
safeguards work together:

* A dialog remembers the version it showed and passes it to the operation
  (``expected_version=``); ``check_version`` refuses the save when the stored row is newer.
  This covers the minutes a user spends in a dialog.
* The ORM's UPDATE carries ``WHERE version = <the version read>``; when another transaction
  committed in between, no row matches and ``AppSession.flush`` turns SQLAlchemy's
  ``StaleDataError`` into the same ``ConcurrentEditError``. This covers the milliseconds
  between reading and writing inside one transaction (on PostgreSQL the second UPDATE waits
  for the first to commit, then finds the version changed).

Either way nothing is written, and the error carries both versions for the conflict dialog.
``ops.concurrency`` reloads the record or re-applies the user's changes on top of it.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, Table, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..changes import Changes
from ..domain.models import AuditAction, AuditChange, Base
from ..errors import ConcurrentEditError
from ..phrase import Phrase

F = TypeVar("F", bound=Callable[..., Changes])

VERSIONED_TABLES = frozenset(
    m.local_table.name for m in Base.registry.mappers
    if m.version_id_col is not None and isinstance(m.local_table, Table)
)
_OPERATIONS: dict[str, Callable[..., Changes]] = {}
_STALE_TABLE = re.compile(r"table '([^']+)'")


# A record's name in a conflict message, as Phrases (the GUI translates the pattern, keeps the name).
RECORD_NAMES = {
    "request_item": "要望 {0}", "member": "団体「{0}」", "member_request": "団体の要望（id {0}）",
    "business_system": "業務「{0}」", "function": "機能 {0}", "meeting": "会議「{0}」", "agenda_entry": "議題（id {0}）",
}
UNKNOWN_ROW = "（id {0}）"
OTHER_RECORD = "{0}（id {1}）"
PATTERNS = (*RECORD_NAMES.values(), UNKNOWN_ROW, OTHER_RECORD)
_NAME_COLUMNS = {"request_item": "key", "member": "name", "business_system": "name", "function": "code",
                 "meeting": "title"}


def describe_record(table: str, values: Mapping[str, object] | None, row_id: int | str) -> str:
    """A Japanese name for a record, as a conflict message shows it (要望 R-0001, 団体「那珂市」...);
    ``row_id`` may be a word for a row not saved yet (新規)."""
    v = values or {}
    if table not in RECORD_NAMES:
        return Phrase(OTHER_RECORD, table, str(row_id))
    column = _NAME_COLUMNS.get(table)
    if column is None:
        return Phrase(RECORD_NAMES[table], str(row_id))
    name = v.get(column)
    if table == "request_item":  # a request not saved yet has no key: its id
        return Phrase(RECORD_NAMES[table], str(name) if name else Phrase(UNKNOWN_ROW, str(row_id)))
    return Phrase(RECORD_NAMES[table], str(name if name is not None else row_id))


def stored_row(conn: Connection | Session, table: str, row_id: int) -> dict[str, Any] | None:
    """The row as stored now, or None when it is gone."""
    t = Base.metadata.tables[table]
    row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def last_writer(conn: Connection | Session, table: str, row_id: int) -> tuple[str | None, object]:
    """Who changed this row last and when, from the audit trail (None, None when unknown)."""
    found = conn.execute(
        select(AuditAction.user, AuditAction.at)
        .join(AuditChange, AuditChange.action_id == AuditAction.id)
        .where(AuditChange.table_name == table, AuditChange.row_id == row_id)
        .order_by(AuditChange.id.desc()).limit(1)
    ).first()
    return (found[0], found[1]) if found else (None, None)


def conflict(conn: Connection | Session, *, table: str, row_id: int, expected_version: int | None, attempted: Mapping[str, Any],
             current: dict[str, Any] | None = None, current_known: bool = False) -> ConcurrentEditError:
    """Build the error for a refused save, reading the stored row (unless known) and its last writer."""
    if not current_known:
        current = stored_row(conn, table, row_id)
    user, at = last_writer(conn, table, row_id) if current is not None else (None, None)
    return ConcurrentEditError(
        table=table, row_id=row_id, label=describe_record(table, current, row_id),
        expected_version=expected_version, current_version=current.get("version") if current else None,
        current=current, attempted=dict(attempted), changed_by=user, changed_at=at,
    )


def check_version(s: Session, obj: Versioned, expected_version: int | None, *, attempted: Mapping[str, Any]) -> None:
    """Refuse the save (ConcurrentEditError) when the caller saw an older version of ``obj``."""
    if expected_version is None or obj.version == expected_version:
        return
    table = type(obj).__tablename__
    raise conflict(s.connection(), table=table, row_id=obj.id, expected_version=expected_version,
                   attempted=attempted)


class Versioned(Protocol):
    """A row of a table with a version counter (the models listed in the module docstring)."""

    __tablename__: str

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


def reapplicable(operation: str) -> Callable[[F], F]:
    """Register an operation that takes ``expected_version``, so a conflict it raises can be re-applied.

    A ConcurrentEditError leaving the operation is stamped with the operation's name and its
    keyword arguments; ``ops.concurrency.reapply`` calls it again with the conflicting record's
    version (``error.version_slot``) moved on to the one the user has now seen.
    """
    def deco(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(s: Session, **kwargs: Any) -> Changes:
            try:
                return fn(s, **kwargs)
            except ConcurrentEditError as exc:
                if exc.operation is None:
                    exc.operation = operation
                    exc.arguments = dict(kwargs)
                raise

        _OPERATIONS[operation] = wrapper
        return wrapper  # type: ignore[return-value]  # wraps() keeps the signature; a TypeVar cannot say so

    return deco


def registered_operation(name: str) -> Callable[..., Changes] | None:
    return _OPERATIONS.get(name)


# --- the session --------------------------------------------------------------------------------


def _pending_versioned(s: Session) -> list[tuple[str, int, int, dict[str, Any]]]:
    """(table, id, version read, values being saved) of every versioned row this flush updates or deletes."""
    out = []
    for obj in list(s.dirty) + list(s.deleted):
        state = inspect(obj)
        mapper = state.mapper
        if mapper.version_id_col is None or state.key is None:
            continue
        attempted = {}
        for attr in state.attrs:
            hist = attr.history
            if hist.added and attr.key != "version":
                attempted[attr.key] = hist.added[0]
        version = state.committed_state.get("version", state.dict.get("version"))
        out.append((mapper.local_table.name, state.identity[0], version, attempted))
    return out


class AppSession(Session):
    """A Session whose flush reports a lost race on a versioned row as ConcurrentEditError."""

    def flush(self, objects: Sequence[Any] | None = None) -> None:
        pending = _pending_versioned(self) if (self.dirty or self.deleted) else []
        try:
            super().flush(objects)
        except StaleDataError as exc:
            raise _from_stale(self, exc, pending) from None


def _from_stale(s: Session, exc: StaleDataError, pending: list[tuple[str, int, int, dict[str, Any]]]) -> Exception:
    m = _STALE_TABLE.search(str(exc))
    table = m.group(1) if m else None
    candidates = [p for p in pending if table is None or p[0] == table]
    if not candidates:
        return exc
    # The session's own transaction is dead; a fresh connection sees what the other user committed.
    with s.get_bind().engine.connect() as conn:
        for tbl, row_id, version, attempted in candidates:
            current = stored_row(conn, tbl, row_id)
            if current is None or current.get("version") != version:
                return conflict(conn, table=tbl, row_id=row_id, expected_version=version, attempted=attempted,
                                current=current, current_known=True)
        tbl, row_id, version, attempted = candidates[0]
        return conflict(conn, table=tbl, row_id=row_id, expected_version=version, attempted=attempted)
