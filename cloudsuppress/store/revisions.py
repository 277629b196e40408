"""Which schema revisions this code knows, read from the migration files as text.

Apart from db.py so that backups.py can check a backup's revision without importing the
database module back (they imported each other).
"""
from __future__ import annotations

import re

from ..errors import DatabaseError
from ..resources import resource_path

_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]*)['\"]|None)", re.M)


def known_revisions() -> tuple[str, frozenset[str]]:
    """(head, every revision), read from the migration files as text.

    Importing alembic costs about half a second of every start, so it is imported only when
    a database actually needs migrating; tests check this agrees with alembic's own view.
    """
    revisions, parents = set(), set()
    for path in sorted(resource_path("migrations", "versions").glob("*.py")):
        found = dict((m[1], m[2]) for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise DatabaseError(f"マイグレーションの構成が不正です（head が {len(heads)} 個）。")
    return heads.pop(), frozenset(revisions)
