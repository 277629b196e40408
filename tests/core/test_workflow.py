"""The transition table, without a database: every pair of the five states, the reasons,
and the measure-3 guard on customization (estimate, finance consultation, mayor's approval)."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from cloudsuppress.domain.workflow import (
    TRANSITIONS,
    ApprovalFact,
    ItemFacts,
    MemberFact,
    Status,
    WorkflowError,
    allowed_targets,
    check_approval,
    check_move,
    parse_status,
)
from cloudsuppress.errors import DomainError

R, U, S, W, C = (Status.REQUESTED, Status.UNDER_REVIEW, Status.STANDARDIZED, Status.WITHDRAWN, Status.CUSTOMIZED)
ALLOWED = {(R, U), (R, W), (U, S), (U, W), (U, C), (S, U), (W, U), (C, U)}
OK = ApprovalFact(dt.date(2026, 6, 1), "財第1号")
APPROVED = ItemFacts(estimate=1_000_000, members=(MemberFact("那珂市", finance=OK, mayor=OK),))


@pytest.mark.parametrize("current,to", list(itertools.product(Status, Status)), ids=lambda s: s.value)
def test_every_pair_of_states(current, to):
    if (current, to) in ALLOWED:
        check_move(current, to, reason="部会で協議した結果", facts=APPROVED)  # does not raise
        assert to in allowed_targets(current)
        return
    with pytest.raises(WorkflowError) as err:
        check_move(current, to, reason="部会で協議した結果", facts=APPROVED)
    message = str(err.value)
    assert f"「{current.label}」から「{to.label}」には変更できません" in message
    assert isinstance(err.value, DomainError)
    assert to not in allowed_targets(current)


def test_the_table_is_exactly_the_documented_one():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED


def test_same_state_is_refused_with_its_own_reason():
    with pytest.raises(WorkflowError, match="すでに「検討中」です"):
        check_move(U, U, reason="x")


def test_skipping_the_review_is_refused_with_advice():
    with pytest.raises(WorkflowError) as err:
        check_move(R, S, reason="標準機能で対応")
    assert "「要望」から「標準化」には変更できません: 部会で検討してから判断してください" in str(err.value)


def test_a_decision_cannot_jump_to_another_decision():
    with pytest.raises(WorkflowError) as err:
        check_move(W, C, reason="やはり必要", facts=APPROVED)
    assert "「取下げ」から「カスタマイズ実施」には変更できません" in str(err.value)
    assert "「検討中」に戻してから判断し直してください" in str(err.value)


def test_review_cannot_go_back_to_requested():
    with pytest.raises(WorkflowError, match="検討を始めた要望は「要望」に戻せません"):
        check_move(U, R, reason="x")


@pytest.mark.parametrize("current,to", [(U, S), (U, W), (U, C), (R, W), (S, U), (W, U), (C, U)])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_every_decision_and_reopening_needs_a_reason(current, to, reason):
    with pytest.raises(WorkflowError) as err:
        check_move(current, to, reason=reason, facts=APPROVED)
    assert "理由が必要です" in str(err.value)


def test_starting_the_review_needs_no_reason():
    check_move(R, U, reason=None)


def test_customized_needs_an_estimate():
    facts = ItemFacts(estimate=None, members=APPROVED.members)
    with pytest.raises(WorkflowError) as err:
        check_move(U, C, reason="独自施策のため", facts=facts)
    assert "見積額が登録されていません" in str(err.value)


def test_customized_lists_what_is_missing_per_member():
    facts = ItemFacts(estimate=500_000, members=(
        MemberFact("那珂市", finance=OK, mayor=OK),
        MemberFact("五霞町", finance=OK, mayor=None),
        MemberFact("常陸大宮市", finance=ApprovalFact(dt.date(2026, 6, 1), ""), mayor=ApprovalFact(None, "決1")),
        MemberFact("かすみがうら市", withdrawn=True),  # withdrawn: bears no cost, needs nothing
    ))
    with pytest.raises(WorkflowError) as err:
        check_move(U, C, reason="独自施策のため", facts=facts)
    message = str(err.value)
    assert "五霞町: 首長決裁の記録" in message
    assert "常陸大宮市: 財政課協議の文書番号、首長決裁の日付" in message
    assert "那珂市" not in message and "かすみがうら市" not in message


def test_customized_needs_a_member_bearing_the_cost():
    facts = ItemFacts(estimate=500_000, members=(MemberFact("五霞町", withdrawn=True),))
    with pytest.raises(WorkflowError, match="費用を負担する団体がありません"):
        check_move(U, C, reason="x", facts=facts)


def test_parse_status_accepts_codes_and_labels_and_refuses_others():
    assert parse_status("customized") is C and parse_status("取下げ") is W
    with pytest.raises(WorkflowError, match="状態「done」はありません"):
        parse_status("done")


# --- approvals: 財政課協議 then 首長決裁, about a known estimate, never in the future -------------------

TODAY = dt.date(2026, 11, 22)
FIN = ApprovalFact(dt.date(2026, 6, 1), "財第1号")
MAYOR = ApprovalFact(dt.date(2026, 6, 15), "決裁第1号")


def approval(stage, on, *, estimate=880_000, finance=None, mayor=None):
    check_approval(stage, on, member="那珂市", item="R-0033", estimate=estimate, finance=finance, mayor=mayor,
                   today=TODAY)


def test_approvals_in_order_are_accepted():
    approval("finance", dt.date(2026, 6, 1))
    approval("mayor", dt.date(2026, 6, 1), finance=FIN)  # the same day
    approval("mayor", TODAY, finance=FIN)
    approval("finance", dt.date(2026, 6, 15), finance=FIN, mayor=MAYOR)  # a correction, still not after the mayor's


def test_a_mayors_approval_needs_the_finance_consultation_first():
    with pytest.raises(WorkflowError, match=r"R-0033 の那珂市の首長決裁（令和8年1月1日）は記録できません: "
                                            r"那珂市の財政課協議が記録されていません"):
        approval("mayor", dt.date(2026, 1, 1))
    with pytest.raises(WorkflowError, match=r"財政課協議（令和8年6月1日）より前の日付です"):
        approval("mayor", dt.date(2026, 5, 31), finance=FIN)


def test_a_finance_consultation_after_the_mayors_approval_is_refused():
    with pytest.raises(WorkflowError, match=r"財政課協議（令和8年6月16日）は記録できません: 首長決裁（令和8年6月15日）より後"):
        approval("finance", dt.date(2026, 6, 16), finance=FIN, mayor=MAYOR)


def test_approvals_are_refused_in_the_future_and_while_the_estimate_is_unknown():
    with pytest.raises(WorkflowError, match=r"今日（令和8年11月22日）より後の日付です"):
        approval("finance", dt.date(2026, 11, 23))
    for stage, kw in (("finance", {}), ("mayor", {"finance": FIN})):
        with pytest.raises(WorkflowError, match="見積額が未定です"):
            approval(stage, dt.date(2026, 6, 20), estimate=None, **kw)
