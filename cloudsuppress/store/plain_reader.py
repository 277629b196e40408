"""A SQLite file opened for reading with plain sqlite3: no SQLAlchemy, no models (issue 18).

Importing SQLAlchemy and the ORM models is most of a CLI call's start (about 0.26 s of CPU);
a command that only reads and has a plain-SQL reading (``summary``) takes this door first. It
opens only the easy case: an existing SQLite file at this code's schema revision, read-only.
Anything else (a missing, foreign, damaged, older or newer file) gives None, and the caller
takes the ordinary door (``store.db.open_database``), which says what is wrong or migrates.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .backups import SQLITE_HEADER, read_only_uri
from .revisions import known_revisions

BUSY_TIMEOUT_MS = 5000  # as store.db: a writer's commit in progress is waited for, not an error


def open_plain_reader(target: str) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite file ``target`` at the current schema, or None."""
    if "://" in target:  # a URL (PostgreSQL, sqlite:///): the ordinary door
        return None
    try:
        path = Path(target).expanduser().resolve()
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return None
        con = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        con.execute("PRAGMA query_only=ON")
        con.execute("BEGIN")  # every query of the command reads the same snapshot
        has_version = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
        row = con.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
        if row is None or row[0] != known_revisions()[0]:
            con.close()
            return None
    except sqlite3.Error:
        con.close()
        return None
    return con
