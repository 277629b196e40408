"""A 部会 decides at the table (issue #13): a 要望 item decided straight to 標準化 / カスタマイズ実施
(two status changes, one undo step; measure 3 still guards), 継続審議 carried to the next meeting
first, 検討中 not locking the entry, titles that already carry 第N回, and changes to several items
at once (one undo step; one refusal names the item and changes nothing)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cloudsuppress.domain.models import Meeting, StatusChange
from cloudsuppress.domain.workflow import WorkflowError
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import meeting_queries as mq
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.ops.minutes import build_minutes
from cloudsuppress.ops.selection import add_agenda_items, move_items

from .request_support import approve_all, dump_requests, join, member_id, move, new_item, rdb  # noqa: F401
from .test_cli import run


def meeting(db, held_on=dt.date(2026, 11, 22), **kw) -> int:
    with db.session() as s, s.begin():
        values = dict(kind="部会", title="住民業務部会", held_on=held_on) | kw
        return mops.create_meeting(s, subcommittee_id=mops.resolve_subcommittee(s, "住民業務"), **values).id


@pytest.fixture
def table(rdb):
    """Three 要望 items in 住民業務 (R-0002 asked by 常陸大宮市 and 五霞町, with an estimate) and a
    meeting with its agenda built."""
    a = new_item(rdb, "那珂市", "0010002")
    b = new_item(rdb, "常陸大宮市", "0010001", )
    join(rdb, b, "五霞町")
    c = new_item(rdb, "かすみがうら市", "0010003")
    with rdb.session() as s, s.begin():
        req.update_item(s, item_id=b, estimate=1_200_000)
    m = meeting(rdb)
    with rdb.session() as s, s.begin():
        mops.build_agenda(s, meeting_id=m)
    return rdb, m, dict(a=a, b=b, c=c)


def trail(db, item_id):
    with db.session() as s:
        return [(c.from_status, c.to_status, c.meeting_id, c.reason)
                for c in s.scalars(select(StatusChange).where(StatusChange.item_id == item_id).order_by(StatusChange.id))
                if c.from_status is not None]  # not the creation's own line


def record(db, m, item, outcome, **kw):
    with db.session() as s, s.begin():
        return mops.record_outcome(s, meeting_id=m, item_id=item, outcome=outcome, **kw)


def test_a_requested_item_is_decided_standardized_at_the_meeting_in_two_steps_and_one_undo(table):
    db, m, ids = table
    before = dump_requests(db)
    record(db, m, ids["a"], "decided", decide="standardized", reason="次期版で標準機能に追加")
    assert trail(db, ids["a"]) == [
        ("requested", "under_review", m, "第1回 住民業務部会で協議"),
        ("under_review", "standardized", m, "次期版で標準機能に追加")]
    with db.session() as s:
        d = mq.get_meeting_detail(s, m)
        assert undo_ops.undo_status(s).undo_label == "「第1回 住民業務部会」で要望 R-0001 を標準化と決定"
    assert [(x.key, x.steps) for x in d.decisions] == [("R-0001", ("要望", "検討中", "標準化"))]
    assert d.meeting.decided_count == 1
    with db.session() as s, s.begin():
        undo_ops.undo(s)
    assert dump_requests(db) == before
    assert trail(db, ids["a"]) == []


def test_outside_a_meeting_the_workflow_table_is_unchanged(table):
    db, _, ids = table
    with db.session() as s:
        with pytest.raises(WorkflowError, match="部会で検討してから判断してください"):
            req.move_item(s, item_id=ids["a"], to="standardized", reason="標準で対応")


def test_customization_at_the_meeting_still_needs_every_bearing_members_approvals(table):
    db, m, ids = table
    before = dump_requests(db)
    with pytest.raises(WorkflowError) as refused:
        record(db, m, ids["b"], "decided", decide="customized", reason="独自施策のため実施")
    text = str(refused.value)
    assert text.startswith("要望 R-0002: 「要望」から「カスタマイズ実施」には決定できません")
    assert "常陸大宮市: 財政課協議の記録、首長決裁の記録" in text and "五霞町: 財政課協議の記録、首長決裁の記録" in text
    assert dump_requests(db) == before  # nothing half-done: still 要望, no 検討中 step left behind
    approve_all(db, ids["b"], ["常陸大宮市"])
    with pytest.raises(WorkflowError, match="五霞町: 財政課協議の記録") as still:
        record(db, m, ids["b"], "decided", decide="customized", reason="独自施策のため実施")
    assert "常陸大宮市" not in str(still.value).split("（", 1)[1]  # only the member still missing
    approve_all(db, ids["b"], ["五霞町"])
    record(db, m, ids["b"], "decided", decide="customized", reason="独自施策のため実施")
    assert [t[1] for t in trail(db, ids["b"])] == ["under_review", "customized"]


def test_under_review_at_the_meeting_does_not_lock_the_item(table):
    db, m, ids = table
    record(db, m, ids["a"], "decided", decide="under_review", reason="件数を確認")
    record(db, m, ids["a"], "decided", decide="withdrawn", reason="窓口の運用で対応できる")
    with db.session() as s:
        row = mq.agenda(s, m)[0]
    assert (row.status, row.outcome, row.decision_status) == ("withdrawn", "decided", "withdrawn")
    with pytest.raises(DomainError, match="すでに「取下げ」と決定しています"):
        record(db, m, ids["a"], "continued")


def test_continued_moves_to_review_and_the_next_meeting_proposes_it_first(table, capsys):
    db, m, ids = table
    record(db, m, ids["c"], "continued", notes="件数を確認して次回に再協議")
    record(db, m, ids["b"], "information")
    assert trail(db, ids["c"]) == [("requested", "under_review", m, "第1回 住民業務部会で協議（継続審議）")]
    assert trail(db, ids["b"]) == []  # 報告のみ leaves the status alone
    record(db, m, ids["a"], None)
    assert trail(db, ids["a"]) == []  # 未協議 too
    nxt = meeting(db, dt.date(2026, 12, 2))
    code, out, _ = run(capsys, "--db", db.path, "meetings", "agenda", nxt, "--build")
    assert code == 0
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert [(x[1], x[4].startswith("［継続］")) for x in lines] == [("R-0003", True), ("R-0001", False), ("R-0002", False)]
    with db.session() as s:
        rows = mq.agenda(s, nxt)
    assert [(r.key, r.carried_over) for r in rows] == [("R-0003", True), ("R-0001", False), ("R-0002", False)]


def test_a_decision_that_went_only_as_far_as_under_review_is_carried_over_like_continued(table, capsys):
    """The minutes and the agenda print a decision to 検討中 as 継続審議; the next meeting's agenda
    now proposes it first and marks it ［継続］ too, and `meetings show` says 継続審議, not
    「決定（検討中）」 (the closing review of #13 found it left at the end, unmarked)."""
    db, m, ids = table
    record(db, m, ids["c"], "decided", decide="under_review", reason="件数を確認して次回に再協議")
    code, out, _ = run(capsys, "--db", db.path, "meetings", "show", m)
    assert code == 0
    line = next(x for x in out.splitlines() if "\tR-0003\t" in x)
    assert "\t継続審議\t" in line and "決定（検討中）" not in out
    nxt = meeting(db, dt.date(2026, 12, 2))
    code, out, _ = run(capsys, "--db", db.path, "meetings", "agenda", nxt, "--build")
    assert code == 0
    lines = [x.split("\t") for x in out.strip().splitlines()]
    assert [(x[1], x[4].startswith("［継続］")) for x in lines] == [("R-0003", True), ("R-0001", False), ("R-0002", False)]


def test_continued_goes_first_also_when_the_agenda_already_has_items(table):
    db, m, ids = table
    record(db, m, ids["c"], "continued")
    nxt = meeting(db, dt.date(2026, 12, 2))
    with db.session() as s, s.begin():
        mops.add_agenda_item(s, meeting_id=nxt, item_id=ids["a"])
        assert mops.build_agenda(s, meeting_id=nxt).added == 2
    with db.session() as s:
        assert [r.key for r in mq.agenda(s, nxt)] == ["R-0003", "R-0001", "R-0002"]


def test_a_title_with_its_own_number_is_not_numbered_again(rdb, capsys):
    meeting(rdb)
    meeting(rdb)
    code, out, _ = run(capsys, "--db", rdb.path, "meetings", "create", "--kind", "部会", "--subcommittee", "住民業務",
                       "--title", "第3回 住民業務部会", "--date", "2026-12-16")
    assert code == 0
    with rdb.session() as s:
        row = mq.get_meeting_row(s, int(out.strip()))
    assert (row.label, row.number) == ("第3回 住民業務部会", 3)
    assert mops.title_number("第十二回 税業務部会") == 12 and mops.title_number("第１０回") == 10
    assert mops.title_number("住民業務部会（第3回）") is None


def test_moving_five_items_at_once_is_one_undo_step(rdb):
    ids = [new_item(rdb, m, code) for m, code in (("那珂市", "0010001"), ("那珂市", "0010002"), ("五霞町", "0010003"),
                                                  ("常陸大宮市", "0200001"), ("五霞町", "0200002"))]
    before = dump_requests(rdb)
    with rdb.session() as s, s.begin():
        move_items(s, item_ids=ids, to="under_review", reason="第1回部会で協議")
    with rdb.session() as s:
        assert undo_ops.undo_status(s).undo_label == "要望 5 件（R-0001、R-0002、R-0003、R-0004、R-0005）を検討中に変更"
    assert all(trail(rdb, i)[0][:2] == ("requested", "under_review") for i in ids)
    with rdb.session() as s, s.begin():
        undo_ops.undo(s)
    assert dump_requests(rdb) == before


def test_a_mixed_selection_with_one_forbidden_move_changes_nothing_and_names_the_item(rdb):
    ids = [new_item(rdb, "那珂市", code) for code in ("0010001", "0010002", "0010003")]
    move(rdb, ids[1], "under_review", reason=None)
    before = dump_requests(rdb)
    with rdb.session() as s, s.begin():
        with pytest.raises(WorkflowError) as refused:
            move_items(s, item_ids=ids, to="standardized", reason="標準機能で対応")
    assert str(refused.value).startswith("要望 R-0001: 「要望」から「標準化」には変更できません")
    assert "選んだ 3 件はどれも変更していません。" in str(refused.value)
    assert dump_requests(rdb) == before


def test_add_several_items_to_an_agenda_at_once(table):
    db, m, ids = table
    nxt = meeting(db, dt.date(2026, 12, 2))
    with db.session() as s, s.begin():
        add_agenda_items(s, meeting_id=nxt, item_ids=[ids["c"], ids["a"]])
    with db.session() as s:
        assert [r.key for r in mq.agenda(s, nxt)] == ["R-0003", "R-0001"]
        with pytest.raises(DomainError, match="要望 R-0001 はすでに「第2回 住民業務部会」の議題にあります。選んだ 2 件"):
            add_agenda_items(s, meeting_id=nxt, item_ids=[ids["b"], ids["a"]])


def test_minutes_write_what_the_secretariat_writes_for_each_decision(table):
    from cloudsuppress.ops.minutes import build_minutes

    db, m, ids = table
    approve_all(db, ids["b"], ["常陸大宮市", "五霞町"])
    record(db, m, ids["b"], "decided", decide="customized", reason="独自施策のため")
    record(db, m, ids["a"], "decided", decide="standardized", reason="次期版で標準機能に追加")
    record(db, m, ids["c"], "information")
    with db.session() as s:
        mi = build_minutes(s, m)
    assert [(x.key, x.text) for x in mi.decisions] == [
        ("R-0001", "標準化とする"), ("R-0002", "カスタマイズを実施する（負担: 常陸大宮市、五霞町）")]
    assert mi.continued == () and [(x.key, x.text) for x in mi.reports] == [("R-0003", "報告")]
    assert [mi.result_of(r) for r in mi.agenda] == [
        "標準化とする：次期版で標準機能に追加", "カスタマイズを実施する（負担: 常陸大宮市、五霞町）：独自施策のため", "報告"]


def test_the_comparison_names_the_latest_meeting_that_carried_an_item_over(table):
    from cloudsuppress.ops.comparison import build_comparison

    db, m, ids = table
    record(db, m, ids["c"], "continued")
    nxt = meeting(db, dt.date(2026, 12, 2))
    with db.session() as s, s.begin():
        mops.build_agenda(s, meeting_id=nxt)
    record(db, nxt, ids["c"], "continued")
    with db.session() as s:
        rows = {r.key: r for r in build_comparison(s).rows}
    assert rows["R-0003"].decision == "継続審議（第2回 住民業務部会）"


def test_requests_move_takes_several_items_as_one_action(rdb, capsys):
    for code in ("0010001", "0010002", "0010003"):
        new_item(rdb, "那珂市", code)
    code, out, err = run(capsys, "--db", rdb.path, "requests", "move", "R-0001", "R-0002", "R-0003", "--to",
                         "under_review", "--reason", "第1回部会で協議")
    assert code == 0, err
    assert out.strip() == "要望 3 件（R-0001、R-0002、R-0003）を「検討中」にしました。"
    code, out, err = run(capsys, "--db", rdb.path, "requests", "move", "R-0001", "R-0002", "--to", "requested",
                         "--reason", "x")
    assert code == 1 and "要望 R-0001: 「検討中」から「要望」には変更できません" in err and "選んだ 2 件" in err
    code, out, _ = run(capsys, "--db", rdb.path, "undo")
    assert code == 0 and "要望 3 件（R-0001、R-0002、R-0003）を検討中に変更" in out


# --- カスタマイズ decided in principle, confirmed when the approvals arrive (review R28) --------------


def approve(db, item, member, stage, on, ref):
    with db.session() as s, s.begin():
        return req.record_approval(s, item_id=item, member_id=member_id(s, member), stage=stage,
                                   approved_on=on, reference=ref)


def test_customization_pending_approvals_is_decided_at_the_meeting_and_confirmed_by_the_last_approval(table):
    """R28: the 部会 decides カスタマイズ before the members' 財政課協議 / 首長決裁 exist: the item moves
    to 検討中 only (one undo step), the minutes print the decision under 決定事項, and the last missing
    approval moves it to カスタマイズ実施 with the meeting as its reference (the same undo step)."""
    db, m, ids = table
    b = ids["b"]
    before = dump_requests(db)
    record(db, m, b, "decided", decide="customized_pending", reason="両団体の独自施策に必要なため")
    assert trail(db, b) == [("requested", "under_review", m,
                             "第1回 住民業務部会で協議（カスタマイズ実施（財政課協議・首長決裁の後に確定））")]
    with db.session() as s:
        assert req.get_item(s, b).status == "under_review"
        assert undo_ops.undo_status(s).undo_label == (
            "「第1回 住民業務部会」で要望 R-0002 をカスタマイズ実施（財政課協議・首長決裁の後に確定）と決定")
        row = next(r for r in mq.agenda(s, m) if r.item_id == b)
        assert (row.outcome, row.decision_status, row.decision_reason) == (
            "customized_pending", "customized", "両団体の独自施策に必要なため")
        assert row.decision_label == "カスタマイズ実施（財政課協議・首長決裁の後に確定）"
        assert not row.is_continued
        mi = build_minutes(s, m)
    assert [(x.key, x.text, x.reason) for x in mi.decisions] == [(
        "R-0002", "カスタマイズを実施する（負担: 常陸大宮市、五霞町。各団体の財政課協議・首長決裁の後に確定）",
        "両団体の独自施策に必要なため")]
    assert "R-0002" not in [x.key for x in mi.continued]
    with db.session() as s:  # not carried over to the next meeting of the body: it was decided
        assert mops.carried_over(s, s.get(Meeting, meeting(db, held_on=dt.date(2026, 12, 4)))) == []
    with pytest.raises(DomainError, match="すでに「カスタマイズ実施（財政課協議・首長決裁の後に確定）」と決定"):
        record(db, m, b, "continued")

    approve(db, b, "常陸大宮市", "finance", dt.date(2026, 11, 25), "財第1号")
    approve(db, b, "常陸大宮市", "mayor", dt.date(2026, 11, 27), "決裁第2号")
    approve(db, b, "五霞町", "finance", dt.date(2026, 11, 26), "財第3号")
    with db.session() as s:
        assert req.get_item(s, b).status == "under_review"  # 五霞町's 首長決裁 is still missing
    approve(db, b, "五霞町", "mayor", dt.date(2026, 11, 30), "決裁第4号")
    assert trail(db, b)[-1] == ("under_review", "customized", m,
                                "第1回 住民業務部会の決定（財政課協議・首長決裁の完了により確定）")
    with db.session() as s:
        assert req.get_item(s, b).status == "customized"
        assert undo_ops.undo_status(s).undo_label == "要望 R-0002 の五霞町の首長決裁を記録（カスタマイズ実施に確定）"
        mi = build_minutes(s, m)  # the minutes of the meeting still say what it decided
    assert [x.text for x in mi.decisions] == [
        "カスタマイズを実施する（負担: 常陸大宮市、五霞町。各団体の財政課協議・首長決裁の後に確定）"]
    with db.session() as s, s.begin():
        undo_ops.undo(s)  # the approval and the confirmation together
    with db.session() as s:
        assert req.get_item(s, b).status == "under_review"
    with db.session() as s, s.begin():
        for _ in range(5):  # three approvals, the next meeting, the decision
            undo_ops.undo(s)
    assert dump_requests(db) == before


def test_customization_pending_approvals_still_needs_an_estimate_and_a_reason(table):
    db, m, ids = table
    with pytest.raises(WorkflowError, match="R-0001: .*見積額が登録されていません"):
        record(db, m, ids["a"], "customized_pending", reason="必要")
    with pytest.raises(WorkflowError, match="理由が必要です"):
        record(db, m, ids["b"], "customized_pending", reason=" ")
    assert trail(db, ids["a"]) == [] and trail(db, ids["b"]) == []


def test_a_later_meeting_that_carries_the_item_over_stops_the_confirmation(table):
    db, m, ids = table
    b = ids["b"]
    record(db, m, b, "customized_pending", reason="必要")
    m2 = meeting(db, held_on=dt.date(2026, 12, 4))
    with db.session() as s, s.begin():
        mops.add_agenda_item(s, meeting_id=m2, item_id=b)
    record(db, m2, b, "continued")
    approve_all(db, b, ["常陸大宮市", "五霞町"])
    with db.session() as s:
        assert req.get_item(s, b).status == "under_review"


def test_customization_pending_from_the_command_line(table, capsys):
    db, m, ids = table
    code, out, err = run(capsys, "--db", db.path, "meetings", "outcome", m, "--item", "R-0002",
                         "--decide", "customized_pending", "--reason", "必要")
    assert code == 0, err
    with db.session() as s:
        row = next(r for r in mq.agenda(s, m) if r.item_id == ids["b"])
    assert row.outcome == "customized_pending"


def test_a_confirmed_then_reopened_item_is_not_confirmed_again_by_an_approval(table):
    db, m, ids = table
    b = ids["b"]
    record(db, m, b, "customized_pending", reason="必要")
    approve_all(db, b, ["常陸大宮市", "五霞町"])
    move(db, b, "under_review", reason="仕様を見直すため再検討")
    approve(db, b, "五霞町", "mayor", dt.date(2026, 6, 20), "決裁第9号")  # a correction
    with db.session() as s:
        assert req.get_item(s, b).status == "under_review"
        assert mops.pending_decisions(s, [b]) == {}


def test_no_confirmation_while_a_mayors_approval_is_for_another_amount(table):
    """R36 beside R28: a 首長決裁 that approved another share than the member's share now (the estimate
    was raised) does not confirm the カスタマイズ; the member decides again first."""
    from cloudsuppress.ops import costs as cost_ops

    db, m, ids = table
    b = ids["b"]
    record(db, m, b, "customized_pending", reason="必要")
    approve(db, b, "常陸大宮市", "finance", dt.date(2026, 11, 25), "財第1号")
    approve(db, b, "常陸大宮市", "mayor", dt.date(2026, 11, 26), "決裁第2号")
    with db.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=b, estimate=2_400_000)
    approve(db, b, "五霞町", "finance", dt.date(2026, 11, 27), "財第3号")
    approve(db, b, "五霞町", "mayor", dt.date(2026, 11, 28), "決裁第4号")
    with db.session() as s:
        assert req.get_item(s, b).status == "under_review"
        assert mops.pending_decisions(s, [b]) == {b: "第1回 住民業務部会"}


# --- several agenda items decided at once (the agenda's multi-select and `meetings outcome --item A B …`) --------


@pytest.fixture
def five(rdb):
    """Five 要望 items (R-0004 and R-0005 with an estimate) on the agenda of a meeting held."""
    ids = [new_item(rdb, m, code) for m, code in (("那珂市", "0010001"), ("那珂市", "0010002"), ("五霞町", "0010003"),
                                                  ("常陸大宮市", "0200001"), ("五霞町", "0200002"))]
    m = meeting(rdb)
    with rdb.session() as s, s.begin():
        add_agenda_items(s, meeting_id=m, item_ids=ids)
    return rdb, m, ids


def test_five_agenda_items_decided_at_once_are_one_undo_step_and_reach_the_minutes(five):
    db, m, ids = five
    before = dump_requests(db)
    with db.session() as s, s.begin():
        mops.record_outcomes(s, meeting_id=m, item_ids=ids, outcome="decided", decide="standardized",
                             reason="次期版で標準機能に追加")
    for i in ids:  # each exactly as record_outcome records one: 要望 → 検討中 → 標準化, both with the meeting
        assert trail(db, i) == [("requested", "under_review", m, "第1回 住民業務部会で協議"),
                                ("under_review", "standardized", m, "次期版で標準機能に追加")]
    with db.session() as s:
        assert undo_ops.undo_status(s).undo_label == (
            "「第1回 住民業務部会」で要望 5 件（R-0001、R-0002、R-0003、R-0004、R-0005）を標準化と決定")
        rows = mq.agenda(s, m)
        mi = build_minutes(s, m)
    assert [(r.outcome, r.decision_status, r.decision_reason) for r in rows] == [
        ("decided", "standardized", "次期版で標準機能に追加")] * 5
    assert [(x.key, x.text) for x in mi.decisions] == [(f"R-000{n}", "標準化とする") for n in range(1, 6)]
    with db.session() as s, s.begin():
        undo_ops.undo(s)  # one step undoes all five
    assert dump_requests(db) == before
    with db.session() as s:
        assert [r.outcome for r in mq.agenda(s, m)] == [None] * 5


def test_several_items_continued_at_once(five):
    db, m, ids = five
    with db.session() as s, s.begin():
        mops.record_outcomes(s, meeting_id=m, item_ids=ids[:2], outcome="continued")
        assert undo_ops.undo_status(s).undo_label == "「第1回 住民業務部会」で要望 2 件（R-0001、R-0002）を継続審議として記録"
    assert trail(db, ids[0]) == [("requested", "under_review", m, "第1回 住民業務部会で協議（継続審議）")]
    with db.session() as s:
        assert [x.key for x in build_minutes(s, m).continued] == ["R-0001", "R-0002"]


def test_a_mixed_selection_with_one_refused_decision_changes_nothing_and_names_the_item(five):
    """カスタマイズ実施 needs each bearing member's approvals (measure 3): R-0004 has none, so the whole
    selection is refused with its 要望番号, and nothing — no status, no agenda outcome — changes."""
    db, m, ids = five
    for i in ids[:3] + ids[4:]:
        with db.session() as s, s.begin():
            req.update_item(s, item_id=i, estimate=500_000)
    for i, who in zip(ids[:3] + ids[4:], ("那珂市", "那珂市", "五霞町", "五霞町"), strict=True):
        approve_all(db, i, [who])
    before = dump_requests(db)
    with db.session() as s, s.begin():
        with pytest.raises(WorkflowError) as refused:
            mops.record_outcomes(s, meeting_id=m, item_ids=ids, outcome="decided", decide="customized",
                                 reason="独自施策のため")
    text = str(refused.value)
    assert text.startswith("要望 R-0004: 「要望」から「カスタマイズ実施」には決定できません") and "見積額" in text
    assert text.endswith("選んだ 5 件はどれも変更していません。")
    assert dump_requests(db) == before
    with db.session() as s:
        assert [r.outcome for r in mq.agenda(s, m)] == [None] * 5
    # an item not on the agenda, or one the meeting already decided, is named the same way
    other = meeting(db, dt.date(2026, 11, 23))
    with db.session() as s, s.begin():
        with pytest.raises(DomainError, match=r"^要望 R-0001 は「第2回 住民業務部会」の議題にありません。.*選んだ 1 件"):
            mops.record_outcomes(s, meeting_id=other, item_ids=[ids[0]], outcome="information")
    record(db, m, ids[1], "decided", decide="withdrawn", reason="代替運用")
    with db.session() as s, s.begin():
        with pytest.raises(DomainError, match=r"^要望 R-0002 は「第1回 住民業務部会」ですでに「取下げ」と決定しています。"):
            mops.record_outcomes(s, meeting_id=m, item_ids=ids[:3], outcome="decided", decide="standardized",
                                 reason="標準機能で対応")


def test_meetings_outcome_takes_several_items_as_one_action(five, capsys):
    db, m, ids = five
    before = dump_requests(db)
    code, out, err = run(capsys, "--db", db.path, "meetings", "outcome", m, "--item", "R-0001", "R-0002", "--item",
                         "R-0003", "--decide", "標準化", "--reason", "次期版で標準機能に追加")
    assert code == 0, err
    assert out.strip() == "要望 3 件（R-0001、R-0002、R-0003）の協議結果を記録しました。"
    code, out, _ = run(capsys, "--db", db.path, "meetings", "show", m)
    decided = out.split("決定事項:")[1].split("継続審議事項:")[0]
    assert all(f"R-000{n}\t標準化" in decided for n in (1, 2, 3)) and "R-0004" not in decided
    code, out, _ = run(capsys, "--db", db.path, "undo")
    assert code == 0 and "要望 3 件（R-0001、R-0002、R-0003）を標準化と決定" in out
    assert dump_requests(db) == before
    # one refused item refuses them all, named; --notes stays per item
    code, _, err = run(capsys, "--db", db.path, "meetings", "outcome", m, "--item", "R-0001", "R-0004",
                       "--decide", "customized", "--reason", "独自施策")
    assert code != 0 and "要望 R-0001: 「要望」から「カスタマイズ実施」には決定できません" in err
    assert "選んだ 2 件はどれも変更していません。" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db.path, "meetings", "outcome", m, "--item", "R-0001", "R-0002", "--info",
                       "--notes", "説明のみ")
    assert code != 0 and "--item を 1 件にしてください" in err
    assert dump_requests(db) == before
    code, out, err = run(capsys, "--db", db.path, "meetings", "outcome", m, "--item", "R-0005", "--info",
                         "--notes", "説明のみ")  # the single form as before
    assert code == 0 and out.strip() == "要望 R-0005 の協議結果を記録しました。"


def test_requests_move_with_a_meeting_names_the_meetings_own_command_when_it_refuses(five, capsys):
    """`requests move --meeting` stays a status change by the workflow table (the meeting as a reference);
    what only the meeting may decide is refused with the command that records it as the meeting's decision."""
    db, m, _ = five
    before = dump_requests(db)
    code, _, err = run(capsys, "--db", db.path, "requests", "move", "R-0001", "R-0002", "--to", "標準化",
                       "--reason", "標準機能で対応", "--meeting", m)
    assert code != 0 and "「要望」から「標準化」には変更できません" in err
    assert f"meetings outcome {m} --item R-0001 R-0002 --decide standardized --reason …" in err
    code, _, err = run(capsys, "--db", db.path, "requests", "move", "R-0001", "--to", "標準化",
                       "--reason", "標準機能で対応")
    assert code != 0 and "meetings outcome" not in err  # no meeting named: the table's refusal as it is
    assert dump_requests(db) == before
