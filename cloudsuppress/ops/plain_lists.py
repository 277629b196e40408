"""`members list` and `structure list` read with plain sqlite3 (``store.plain_reader``): the same
queries as ``ops.members.list_members`` and ``ops.consortium.list_subcommittees`` + ``ops.functions.system_tree``
in SQL text, without importing SQLAlchemy or the models. The CLI prints both paths' rows with the same
printers (``cli.structure``); tests/core/test_plain_summary.py compares their output."""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

from ..summary_figures import FitStats, stats_by_system


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
