"""Locks for the writes that number things, on the shared PostgreSQL database.

要望番号 (R-0001 …) and 第N回 are "one more than the highest so far": two users reading the highest
at once would both take the same next number (two 第7回; or the unique 要望番号 refused with an
IntegrityError). ``lock_numbering`` takes a transaction-scoped advisory lock
(``pg_advisory_xact_lock``) before the highest is read, so the second user's transaction waits
until the first commits or rolls back, then reads the number the first one took. The lock is
released by the transaction's end; nothing else has to remember it.

``lock_row`` is ``SELECT … FOR UPDATE`` on one row: used where a write depends on the rows under
it (a member's approvals: record the 財政課協議 once, never twice).

SQLite has one writer at a time (its own file lock); both are no-ops there.
"""
from __future__ import annotations

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from ..domain.models import Base

_NAMESPACE = 0x6353  # "cS": keeps our advisory locks apart from any other application's
_NUMBERING = {"request_key": 1, "meeting_number": 2}


def lock_numbering(s: Session, what: str) -> None:
    """Wait for, then hold until commit, the right to hand out the next 要望番号 / 第N回 (PostgreSQL)."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :what)"), {"ns": _NAMESPACE, "what": _NUMBERING[what]})


def lock_row(s: Session, model: type[Base], row_id: int) -> None:
    """SELECT … FOR UPDATE on one row (PostgreSQL): other writers of it wait until this transaction ends."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        key = inspect(model).primary_key[0]
        s.execute(select(key).where(key == row_id).with_for_update())
