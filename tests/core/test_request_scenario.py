"""A consortium replayed from its first request to the final outcome table (the Toyama result:
31 raised, 17 customized, 3 standardized, 11 withdrawn), and the demo data set."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from cloudsuppress.demo import create_demo
from cloudsuppress.domain.models import BusinessSystem
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.ops.meetings import create_meeting
from cloudsuppress.ops.summary import build_summary, outcome_table
from cloudsuppress.store.db import open_database

TOYAMA = (("射水市", 92_308), ("滑川市", 33_676), ("上市町", 21_497), ("入善町", 25_758), ("朝日町", 12_727), ("舟橋村", 2_982))


def test_toyama_from_first_request_to_the_outcome_table(tmp_path):
    db = open_database(tmp_path / "toyama.sqlite")
    try:
        with db.session() as s, s.begin():
            create_consortium(s, name="富山県情報システム共同利用推進協議会", preset="ibaraki33")
            for name, pop in TOYAMA:
                member_ops.add_member(s, name=name, population=pop)
            # The three sub-committee meetings the decisions refer to (ids 1, 2, 3).
            for n in (1, 2, 3):
                create_meeting(s, kind="協議会", title="カスタマイズ検討会議", held_on=dt.date(2026, 5 + n, 1))
        with db.session() as s:
            members = {m.name: m.id for m in member_ops.list_members(s)}
            systems = list(s.scalars(select(BusinessSystem.id).order_by(BusinessSystem.sort_order)))
        names = list(members)
        part = dict(reason="efficiency", service_drop=False, service_drop_detail="処理件数が多く手作業では追いつかない。")
        ids = []
        # 31 requests arrive; every third one is joined by a second member instead of duplicated.
        for n in range(31):
            with db.session() as s, s.begin():
                asker = names[n % 6]
                ch = req.create_item(s, member_id=members[asker], business_system_id=systems[n % len(systems)],
                                     proposed_function=f"独自機能{n + 1}", content=f"要望{n + 1}の内容",
                                     annual_cases=100 + n, **part)
                ids.append(ch.id)
                if n % 3 == 0:
                    req.join_item(s, item_id=ch.id, member_id=members[names[(n + 1) % 6]], content="同じく必要",
                                  annual_cases=10, **part)
        with db.session() as s:
            assert outcome_table(s).consortium.open == 31
        # Every item is reviewed at a sub-committee; hearings ask for case counts.
        for n, item in enumerate(ids):
            with db.session() as s, s.begin():
                req.record_hearing(s, item_id=item, member_id=members[names[n % 6]], held_on=dt.date(2026, 5, 1),
                                   confirmed="件数を確認", confirmed_cases=100 + n)
                req.move_item(s, item_id=item, to="under_review", reason=None, meeting_id=1)
        customized, standardized, withdrawn = ids[:17], ids[17:20], ids[20:]
        for item in withdrawn[:6]:  # the members themselves withdraw, one by one
            with db.session() as s, s.begin():
                for p in rq.member_parts(s, item):
                    req.withdraw_member(s, item_id=item, member_id=p.member_id, reason="運用で対応")
        for item in withdrawn[6:]:  # the sub-committee decides
            with db.session() as s, s.begin():
                req.move_item(s, item_id=item, to="withdrawn", reason="代替運用で対応", meeting_id=2)
        for item in standardized:
            with db.session() as s, s.begin():
                req.move_item(s, item_id=item, to="standardized", reason="標準機能として実装", meeting_id=2)
        # One item is first standardized by mistake, then reopened with a reason and customized.
        with db.session() as s, s.begin():
            req.move_item(s, item_id=customized[0], to="standardized", reason="誤って標準化", meeting_id=2)
            req.move_item(s, item_id=customized[0], to="under_review", reason="ベンダーが標準化を撤回", meeting_id=3)
        for n, item in enumerate(customized):
            with db.session() as s, s.begin():
                req.update_item(s, item_id=item, estimate=500_000 + n * 10_000)
                for p in rq.member_parts(s, item):
                    for stage, ref in (("finance", "財"), ("mayor", "決")):
                        req.record_approval(s, item_id=item, member_id=p.member_id, stage=stage,
                                            approved_on=dt.date(2026, 7, 1), reference=f"{ref}第{item}号")
                req.move_item(s, item_id=item, to="customized", reason="独自施策として実施", meeting_id=3)
        with db.session() as s:
            table = outcome_table(s)
            summary = build_summary(s)
            history = rq.status_history(s, customized[0])
        o = table.consortium
        assert (o.raised, o.customized, o.standardized, o.withdrawn, o.open) == (31, 17, 3, 11, 0)
        assert summary["items"] == {"total": 31, "requested": 0, "under_review": 0, "standardized": 3,
                                    "withdrawn": 11, "customized": 17, "suppression_rate": 14 / 31}
        assert sum(m.raised for m in table.members) == 31 + 11  # eleven items had two members
        assert [h.to_status for h in history] == ["requested", "under_review", "standardized", "under_review", "customized"]
        assert sum(sc.raised for sc in table.subcommittees) == 31
    finally:
        db.close()


def test_the_demo_has_requests_in_every_status(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    try:
        with db.session() as s, s.begin():
            create_demo(s, functions=400)
        with db.session() as s:
            o = outcome_table(s).consortium
            rows = rq.list_item_rows(s)
            customized = [r for r in rows if r.status == "customized"]
            parts = rq.member_parts(s, customized[0].id)
        assert (o.customized, o.standardized, o.withdrawn) == (17, 3, 11) and o.open == 4 and o.raised == 35
        assert {r.status for r in rows} == {"requested", "under_review", "standardized", "withdrawn", "customized"}
        assert all(r.estimate for r in customized)
        assert all(p.finance and p.mayor and p.finance.reference for p in parts)
    finally:
        db.close()
