"""「負担のある全団体」 (every bearing member's notice) leaves out a member that bears nothing
(issue #14): one whose only requests are open items without an estimate got a 0円 notice."""
from __future__ import annotations

from cloudsuppress.ops import costs as cost_ops

from .request_support import approve_all, join, move, new_item, rdb  # noqa: F401


def test_a_member_in_unestimated_open_items_only_gets_no_notice(rdb):
    decided = new_item(rdb, "常陸大宮市")
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=decided, estimate=1_000_000)
    move(rdb, decided, "under_review", reason=None)
    approve_all(rdb, decided, ["常陸大宮市"])
    move(rdb, decided, "customized", reason="独自施策")
    open_item = new_item(rdb, "那珂市")  # 要望, no estimate yet: 那珂市 bears nothing so far
    join(rdb, open_item, "常陸大宮市")
    with rdb.session() as s:
        bearing = {mc.member: mc for mc in cost_ops.all_member_costs(s)}
        everyone = {mc.member for mc in cost_ops.all_member_costs(s, include_none=True)}
    assert set(bearing) == {"常陸大宮市"}
    assert bearing["常陸大宮市"].total == 1_000_000
    assert "那珂市" in everyone  # still there when asked for every member


def test_an_estimated_open_item_is_a_cost_to_announce(rdb):
    item = new_item(rdb, "那珂市")
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=600_000)
    with rdb.session() as s:
        [notice] = cost_ops.all_member_costs(s)
    assert notice.member == "那珂市" and notice.total == 0 and notice.prospective_total == 600_000
