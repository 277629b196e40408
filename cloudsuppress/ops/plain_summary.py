"""The text summary read with plain sqlite3 (``store.plain_reader``), for `cloudsuppress summary`
on a SQLite file: the same queries as ``ops.summary.build_summary`` in SQL text, folded by the
same functions (``summary_figures``), without importing SQLAlchemy or the models.

``summary --json`` (members' cost totals need the cost rules) and PostgreSQL read through the ORM.
tests/core/test_plain_summary.py compares both paths' output.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from ..summary_figures import FitStats, stats_by_system, summary_core, summary_lines


def read_summary(con: sqlite3.Connection) -> dict[str, Any]:
    """``summary_core``'s data and ``members`` (their number), read in the connection's transaction."""
    row = con.execute("SELECT name FROM consortium ORDER BY id LIMIT 1").fetchone()
    populations = [p for (p,) in con.execute("SELECT population FROM member ORDER BY sort_order, id")]
    stats = stats_by_system(con.execute(
        "SELECT business_system_id, fit, convenience, kind, retired, count(*) FROM function "
        "GROUP BY business_system_id, fit, convenience, kind, retired"))
    systems = [(code, name, sub, version, stats.get(sys_id, FitStats())) for sys_id, code, name, sub, version in con.execute(
        "SELECT b.id, b.code, b.name, sc.name, b.spec_version FROM business_system AS b "
        "JOIN subcommittee AS sc ON b.subcommittee_id = sc.id ORDER BY sc.sort_order, b.sort_order, b.id")]
    item_counts: Counter[str] = Counter(dict(con.execute("SELECT status, count(*) FROM request_item GROUP BY status")))
    core = summary_core(consortium=row[0] if row else None, populations=populations, systems=systems,
                        item_counts=item_counts)
    return {**core, "members": len(populations)}


def plain_summary_lines(con: sqlite3.Connection) -> list[str]:
    """What `cloudsuppress summary` prints, read with plain sqlite3."""
    data = read_summary(con)
    return summary_lines(data, members=data["members"])
