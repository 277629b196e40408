"""The request list finds an item by what its members wrote (要望内容, 低下の内容, 代替運用案), and the
status history names the meeting that decided a move."""
from __future__ import annotations

import datetime as dt

from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops.meetings import create_meeting

from .request_support import join, move, new_item, rdb  # noqa: F401


def test_rows_carry_every_members_text_for_the_search(rdb):
    first = new_item(rdb, content="窓口で即日交付できるよう様式を追加してほしい。")
    join(rdb, first, "五霞町", content="点字の案内を同封してほしい。", workaround="職員が読み上げる",
         service_drop_detail="視覚障害のある住民への配慮が後退する。")
    other = new_item(rdb, code="0200002", content="減免の審査結果を一覧にしてほしい。")
    with rdb.session() as s:
        rows = {r.id: r for r in rq.list_item_rows(s)}
        assert "点字の案内を同封してほしい。" in rows[first].search_text
        assert "職員が読み上げる" in rows[first].search_text
        assert "視覚障害" in rows[first].search_text
        assert "点字" not in rows[other].search_text
        assert [r.id for r in rq.list_item_rows(s, text="読み上げる")] == [first]
        assert [r.id for r in rq.list_item_rows(s, text="ｼｮｳｶｲ結果")] == []
        assert [r.id for r in rq.list_item_rows(s, text="審査結果")] == [other]
        assert rq.get_item_row(s, first).search_text == rows[first].search_text


def test_status_history_names_the_meeting(rdb):
    item = new_item(rdb)
    with rdb.session() as s, s.begin():
        meeting = create_meeting(s, kind="協議会", title="住民業務部会", number=2, held_on=dt.date(2026, 7, 8)).id
    move(rdb, item, "under_review", meeting_id=meeting)
    with rdb.session() as s:
        history = rq.status_history(s, item)
    assert history[0].meeting is None
    assert history[-1].meeting == "第2回 住民業務部会（令和8年7月8日）"
