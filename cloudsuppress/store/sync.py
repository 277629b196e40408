"""Noticing other users' changes: a cheap marker to poll, and LISTEN/NOTIFY on PostgreSQL.

Every change goes through the audit trail, one ``audit_action`` row per committed user
action (undo and redo included), so the marker (count and newest id of audit actions)
changes exactly when someone commits a change. The count is there because PostgreSQL hands
out ids before commit: an action with a smaller id can commit after a larger one.

On PostgreSQL, each commit that wrote an action also sends ``NOTIFY cloudsuppress_changes``
(sent inside the transaction, so it is delivered only if the transaction commits);
``ChangeListener`` receives them without polling the tables.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ..domain.models import AuditAction

if TYPE_CHECKING:
    from psycopg import Notify

CHANNEL = "cloudsuppress_changes"


@dataclass(frozen=True)
class ChangeMarker:
    """Compare two markers: unequal means someone committed a change in between."""

    count: int
    last_id: int | None
    last_at: dt.datetime | None
    last_user: str | None
    last_label: str | None


def last_change_marker(s: Session) -> ChangeMarker:
    """The current marker: two index-only aggregates and one row; cheap enough to poll every few seconds."""
    count, last_id = s.execute(select(func.count(AuditAction.id), func.max(AuditAction.id))).one()
    if last_id is None:
        return ChangeMarker(0, None, None, None, None)
    at, user, label = s.execute(
        select(AuditAction.at, AuditAction.user, AuditAction.label).where(AuditAction.id == last_id)).one()
    return ChangeMarker(count, last_id, at, user, label)


def changes_since(s: Session, marker: ChangeMarker, *, limit: int = 50) -> list[tuple[int, str, str, dt.datetime]]:
    """(id, user, label, at) of actions newer than the marker's newest, oldest first (for a 「他の利用者の変更」 notice)."""
    q = select(AuditAction.id, AuditAction.user, AuditAction.label, AuditAction.at).order_by(AuditAction.id)
    if marker.last_id is not None:
        q = q.where(AuditAction.id > marker.last_id)
    return [(i, user, label, at) for i, user, label, at in s.execute(q.limit(limit))]


# --- PostgreSQL LISTEN / NOTIFY -----------------------------------------------------------------


def install_notify(factory: sessionmaker[Any]) -> None:
    """Send a NOTIFY with each transaction of this factory's sessions that wrote an audit action."""

    @event.listens_for(factory, "before_commit")
    def _notify(session: Session) -> None:
        ids = session.info.get("audit_action_ids")
        if not ids:
            return
        payload = json.dumps({"action_ids": ids[-20:]})
        session.connection().exec_driver_sql("SELECT pg_notify(%(channel)s, %(payload)s)",
                                             {"channel": CHANNEL, "payload": payload})


@dataclass(frozen=True)
class ChangeNotice:
    action_ids: tuple[int, ...]
    pid: int  # the sending server process (tells apart the app's own connections from others')


def _notice(n: Notify) -> ChangeNotice:
    try:
        ids = tuple(json.loads(n.payload).get("action_ids", ()))
    except (ValueError, AttributeError):
        ids = ()
    return ChangeNotice(ids, n.pid)


class ChangeListener:
    """A dedicated PostgreSQL connection that LISTENs for change notices.

    ``wait(timeout)`` returns the notices received within ``timeout`` seconds (empty when
    none); the GUI calls it from a worker thread, or with ``timeout=0`` from a timer. Close it
    when the database is closed.
    """

    def __init__(self, url: str):
        import psycopg

        u = make_url(url)
        self._conn = psycopg.connect(
            host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database, autocommit=True,
        )
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float = 0.0) -> list[ChangeNotice]:
        out = [_notice(n) for n in self._conn.notifies(timeout=max(timeout, 0.001), stop_after=1)]
        if out:  # then whatever else has already arrived
            out += [_notice(n) for n in self._conn.notifies(timeout=0.01)]
        return out

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ChangeListener:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
