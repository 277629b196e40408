"""Approval dates in the database: record_approval and a late joiner's join refuse a 首長決裁 before
(or without) the 財政課協議, a 財政課協議 after the 首長決裁, a date after today, and an approval
while the estimate is 未定; a refusal changes nothing."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops import late_joiners as lj
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req

from .request_support import PART, approve_all, dump_requests, member_id, move, new_item, rdb  # noqa: F401

TODAY = dt.date(2026, 11, 22)
JOIN_PART = {k: v for k, v in PART.items() if k != "workaround"}


def approve(db, item, stage, on, member="那珂市", today=TODAY):
    with db.session() as s, s.begin():
        req.record_approval(s, item_id=item, member_id=member_id(s, member), stage=stage, approved_on=on,
                            reference=f"{stage}第1号", today=today)


def test_record_approval_checks_the_order_today_and_the_estimate(rdb):
    item = new_item(rdb)
    move(rdb, item, "under_review", reason=None)
    with pytest.raises(DomainError, match="見積額が未定です"):
        approve(rdb, item, "finance", dt.date(2026, 6, 1))
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=880_000)
    with pytest.raises(DomainError, match="首長決裁（令和8年1月1日）は記録できません: 那珂市の財政課協議が記録されていません"):
        approve(rdb, item, "mayor", dt.date(2026, 1, 1))
    with pytest.raises(DomainError, match="今日（令和8年11月22日）より後の日付です"):
        approve(rdb, item, "finance", dt.date(2026, 11, 23))
    approve(rdb, item, "finance", dt.date(2026, 11, 23), today=dt.date(2026, 11, 23))  # today is a parameter
    approve(rdb, item, "finance", dt.date(2026, 6, 1))  # corrected
    with pytest.raises(DomainError, match="財政課協議（令和8年6月1日）より前の日付です"):
        approve(rdb, item, "mayor", dt.date(2026, 5, 1))
    approve(rdb, item, "mayor", dt.date(2026, 6, 15))
    with pytest.raises(DomainError, match="首長決裁（令和8年6月15日）より後の日付です"):
        approve(rdb, item, "finance", dt.date(2026, 7, 1))
    with rdb.session() as s:
        part = rq.get_item_detail(s, item).parts[0]
    assert (part.finance.approved_on, part.mayor.approved_on) == (dt.date(2026, 6, 1), dt.date(2026, 6, 15))


def _customization(db) -> int:
    item = new_item(db, "那珂市")
    with db.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=1_000_000)
    move(db, item, "under_review", reason=None)
    approve_all(db, item, ["那珂市"])
    move(db, item, "customized", reason="独自施策")
    with db.session() as s, s.begin():
        member_ops.add_member(s, name="大子町", population=16_000, joined_on=dt.date(2026, 10, 1))
    return item


@pytest.mark.parametrize("finance,mayor,message", [
    (dt.date(2026, 11, 1), dt.date(2026, 10, 20), "首長決裁（令和8年10月20日）は記録できません: 財政課協議（令和8年11月1日）より前"),
    (dt.date(2026, 11, 1), dt.date(2026, 12, 1), "首長決裁（令和8年12月1日）は記録できません: 今日（令和8年11月22日）より後"),
    (dt.date(2026, 12, 1), dt.date(2026, 12, 10), "財政課協議（令和8年12月1日）は記録できません: 今日"),
])
def test_a_late_joiner_is_refused_approvals_out_of_order_or_in_the_future(rdb, finance, mayor, message):
    item = _customization(rdb)
    before = dump_requests(rdb)
    with rdb.session() as s, s.begin(), pytest.raises(DomainError, match=message):
        lj.join_customization(s, item_id=item, member_id=member_id(s, "大子町"), finance=(finance, "財第1号"),
                              mayor=(mayor, "決裁第1号"), on=dt.date(2026, 11, 10), today=TODAY, **JOIN_PART)
    assert dump_requests(rdb) == before


def test_a_late_joiner_with_approvals_in_order_joins(rdb):
    item = _customization(rdb)
    with rdb.session() as s, s.begin():
        lj.join_customization(s, item_id=item, member_id=member_id(s, "大子町"), finance=(dt.date(2026, 11, 1), "財第1号"),
                              mayor=(dt.date(2026, 11, 1), "決裁第1号"), on=dt.date(2026, 11, 10), today=TODAY,
                              **JOIN_PART)
    with rdb.session() as s:
        assert set(cost_ops.item_shares(s, item).by_member()) == {"那珂市", "大子町"}
