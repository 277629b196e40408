"""Shared set-up for the request tests: a consortium with four members and a small function list."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from cloudsuppress.domain.models import Function, Member
from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.store.db import Database

MEMBERS = (("常陸大宮市", 42_963), ("那珂市", 55_827), ("かすみがうら市", 43_618), ("五霞町", 9_178))
FUNCTIONS = (
    ("住民基本台帳", "0010001", "住民票の写しの交付", "○"),
    ("住民基本台帳", "0010002", "転入届の受付", "△"),
    ("住民基本台帳", "0010003", "外字の印字", "×"),
    ("個人住民税", "0200001", "納税通知書の出力", "○"),
    ("個人住民税", "0200002", "減免申請の審査", "△"),
)
REQUEST_TABLES = ("member", "function", "request_item", "member_request", "hearing_note", "approval", "status_change")
PART = dict(content="窓口で即日交付できるよう様式を追加してほしい。", reason="service_level", service_drop=True,
            service_drop_detail="様式がないと窓口で待ち時間が延びる。", annual_cases=1200, workaround="手書きの様式で対応")


def part_of(member: int, **fields) -> req.MemberPart:  # noqa: ANN003 - PartFields' own names
    """One member's part as save_item takes it (an unknown field name: TypeError)."""
    return req.MemberPart(member, req.PartFields(**fields))


def seed(database: Database) -> None:
    """Members and a five-function list in two business systems."""
    with database.session() as s, s.begin():
        for name, pop in MEMBERS:
            member_ops.add_member(s, name=name, population=pop)
        records = [FunctionRecord(row=i + 2, code=code, name=name, business_system=system, fit=fit)
                   for i, (system, code, name, fit) in enumerate(FUNCTIONS)]
        parsed = ParsedFunctionList("seed.csv", None, ColumnMapping(0, {"code": 0, "name": 1, "business_system": 2}), records)
        function_ops.apply_function_import(s, function_ops.plan_function_import(s, parsed))


@pytest.fixture
def rdb(db):
    seed(db)
    return db


def member_id(s, name: str) -> int:
    return s.scalar(select(Member.id).where(Member.name == name))


def function_id(s, code: str) -> int:
    return s.scalar(select(Function.id).where(Function.code == code))


def new_item(database: Database, member: str = "那珂市", code: str = "0010002", **kw) -> int:
    """Create an item in its own transaction; return its id."""
    with database.session() as s, s.begin():
        values = {**PART, **kw}
        ch = req.create_item(s, member_id=member_id(s, member), function_id=function_id(s, code), **values)
    return ch.id


def join(database: Database, item_id: int, member: str, **kw) -> None:
    with database.session() as s, s.begin():
        req.join_item(s, item_id=item_id, member_id=member_id(s, member), **{**PART, **kw})


def approve_all(database: Database, item_id: int, members: list[str]) -> None:
    with database.session() as s, s.begin():
        for i, m in enumerate(members):
            req.record_approval(s, item_id=item_id, member_id=member_id(s, m), stage="finance",
                                approved_on=dt.date(2026, 6, 1), reference=f"財第{100 + i}号")
            req.record_approval(s, item_id=item_id, member_id=member_id(s, m), stage="mayor",
                                approved_on=dt.date(2026, 6, 15), reference=f"決裁第{200 + i}号")


def move(database: Database, item_id: int, to: str, reason: str | None = "部会で協議", **kw) -> None:
    with database.session() as s, s.begin():
        req.move_item(s, item_id=item_id, to=to, reason=reason, **kw)


def dump_requests(database: Database) -> dict[str, list[tuple]]:
    """Every row of the request tables, without the row versions (undo restores data, and moves
    the version on, so that a dialog still showing the undone data cannot save over it)."""
    from cloudsuppress.domain.models import Base

    out = {}
    with database.engine.connect() as conn:
        for table in REQUEST_TABLES:
            cols = ", ".join(c.name for c in Base.metadata.tables[table].c if c.name != "version")
            out[table] = [tuple(r) for r in conn.execute(text(f"SELECT {cols} FROM {table} ORDER BY id"))]
    return out
