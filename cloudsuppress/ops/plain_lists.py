"""`members list`, `structure list` and `requests list` read with plain sqlite3 (``store.plain_reader``):
the same queries as ``ops.members.list_members``, ``ops.consortium.list_subcommittees`` +
``ops.functions.system_tree`` and ``ops.request_queries.list_item_rows`` in SQL text, without importing
SQLAlchemy or the models. The rows are folded and printed by the same functions as the ORM path's
(``summary_figures``, ``ops.item_rows``, the CLI's printers); tests/core/test_plain_summary.py compares
both paths' output."""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

from ..domain.workflow import parse_status
from ..summary_figures import FitStats, stats_by_system
from .item_rows import ItemRow, fold_item_rows


class PlainMember(NamedTuple):
    """A member as `members list` prints it (the fields of ``ops.members.MemberRow`` it uses)."""

    name: str
    population: int
    joined_on: dt.date | None


class PlainSystem(NamedTuple):
    """A 業務 as `structure list` prints it, with its number of live functions."""

    subcommittee: str
    code: str | None
    name: str
    working_group: str | None
    functions: int


def read_members(con: sqlite3.Connection) -> list[PlainMember]:
    """Members in their display order."""
    return [PlainMember(name, population, dt.date.fromisoformat(joined) if joined is not None else None)
            for name, population, joined in con.execute(
                "SELECT name, population, joined_on FROM member ORDER BY sort_order, id")]


def read_structure(con: sqlite3.Connection) -> tuple[list[str], list[PlainSystem]]:
    """The 専門部会 names in display order, and every 業務 in display order."""
    subs = [name for (name,) in con.execute("SELECT name FROM subcommittee ORDER BY sort_order, id")]
    stats = stats_by_system(con.execute(
        "SELECT business_system_id, fit, convenience, kind, retired, count(*) FROM function "
        "GROUP BY business_system_id, fit, convenience, kind, retired"))
    systems = [PlainSystem(sub, code, name, group, stats.get(sys_id, FitStats()).total)
               for sys_id, code, name, sub, group in con.execute(
                   "SELECT b.id, b.code, b.name, sc.name, b.working_group FROM business_system AS b "
                   "JOIN subcommittee AS sc ON b.subcommittee_id = sc.id ORDER BY sc.sort_order, b.sort_order, b.id")]
    return subs, systems


def read_item_rows(con: sqlite3.Connection, *, status: str | None = None) -> list[ItemRow]:
    """Request items in key order (``list_item_rows`` with no filter but the status)."""
    where, params = ("WHERE i.status = ?", (parse_status(status).value,)) if status is not None else ("", ())
    items = [(*row[:7], _datetime(row[7]), _datetime(row[8]), *row[9:]) for row in con.execute(
        "SELECT i.id, i.key, i.title, i.status, i.function_id, i.proposed_function, i.estimate, i.created_at, "
        "i.updated_at, i.version, f.code, f.name, f.fit, f.kind, f.retired, fs.id, fs.name, fs.subcommittee_id, "
        "os.id, os.name, os.subcommittee_id FROM request_item AS i "
        "LEFT OUTER JOIN function AS f ON f.id = i.function_id "
        "LEFT OUTER JOIN business_system AS fs ON fs.id = f.business_system_id "
        f"LEFT OUTER JOIN business_system AS os ON os.id = i.business_system_id {where} ORDER BY i.key", params)]
    parts = con.execute(
        "SELECT r.item_id, r.member_id, m.name, r.withdrawn, r.content, r.annual_cases, r.service_drop_detail, "
        "r.workaround FROM member_request AS r JOIN member AS m ON m.id = r.member_id ORDER BY m.sort_order, m.id"
    ).fetchall()
    subcommittees = dict(con.execute("SELECT id, name FROM subcommittee"))
    return fold_item_rows(items, parts, subcommittees)


def _datetime(text: str | None) -> dt.datetime | None:
    """A DateTime column as SQLAlchemy stores it in SQLite (2026-12-07 05:11:44.123456)."""
    return dt.datetime.fromisoformat(text) if text is not None else None
