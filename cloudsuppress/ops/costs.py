"""Customization cost outside the joint contract (measure 3): the consortium's apportionment rule,
an item's estimate and method override, and the shares computed from them.

Only rules are stored (``cost_rule``, ``item_cost_rule``) and the estimate (``request_item.estimate``).
Shares are recomputed from the current members of the item (those who have not withdrawn)
every time they are read, so a member joining or leaving an item changes the shares at once
and nothing can go stale. The arithmetic is ``cloudsuppress.domain.costs.apportion_cost``.

Writing operations take a Session (the caller owns the transaction), open one audit action
and return Changes; reading functions return plain frozen dataclasses.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.costs import Method, Payer, Rule, apportion_cost, parse_method, split_shares
from ..domain.models import Approval, CostRule, ItemCostRule, Member, MemberRequest, RequestItem
from ..domain.workflow import OPEN, STATUS_LABELS, Status
from ..errors import DomainError
from ..store.concurrency import check_version, reapplicable
from ..unset import UNSET, Unset
from .consortium import ConsortiumInfo, get_consortium
from .items import get_item, pending_decisions
from .stale_approval import StaleApproval as StaleApproval  # re-exported: the rows this module returns
from .stale_approval import reapproval_reasons

CHANGED = Changes(costs=True, history=True)
ESTIMATE_CHANGED = Changes(costs=True, requests=True, history=True)
DEFAULT_RULE = Rule()  # no rule set yet: equal split, whole yen
BEARING = (Status.CUSTOMIZED,) + tuple(OPEN)  # statuses whose members bear (or may bear) the cost


# --- the consortium rule ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CostRuleRow:
    """The consortium's rule as the settings screen shows it."""

    rule: Rule
    description: str  # 均等割 50％・人口割 50％（千円未満切捨て）
    stored: bool  # False: nothing set yet, the default applies
    version: int = 1


def _rule_row(s: Session) -> CostRule | None:
    return s.scalars(select(CostRule).order_by(CostRule.id)).first()


def get_cost_rule(s: Session) -> Rule:
    """The consortium's rule (equal, whole yen, when none is set)."""
    row = _rule_row(s)
    if row is None:
        return DEFAULT_RULE
    return Rule(Method(row.method), (row.ratio_equal, row.ratio_population), row.unit, row.population_date)


def cost_rule_row(s: Session) -> CostRuleRow:
    """The consortium's rule with its description and version."""
    row = _rule_row(s)
    rule = get_cost_rule(s)
    return CostRuleRow(rule, rule.describe(), row is not None, row.version if row else 1)


@dataclass(frozen=True)
class CostChanges(Changes):
    """A cost save's changes with the 首長決裁 it made stale (the share approved is no longer the share
    now): the GUI and the CLI both warn of them, from this one result."""

    newly_stale: tuple[StaleApproval, ...] = ()

    @classmethod
    def of(cls, changes: Changes, newly_stale: Sequence[StaleApproval] = ()) -> CostChanges:
        """``changes`` as CostChanges (itself when it is one; else with ``newly_stale``)."""
        if isinstance(changes, CostChanges):
            return changes
        return cls(**{f.name: getattr(changes, f.name) for f in fields(Changes)}, newly_stale=tuple(newly_stale))


def _with_stale(s: Session, changes: Changes, before: list[StaleApproval], *,
                item_ids: list[int] | None = None) -> CostChanges:
    return CostChanges.of(changes, newly_stale(before, stale_approvals(s, item_ids=item_ids)))


@reapplicable("costs.set_cost_rule")
def set_cost_rule(s: Session, *, method: str | Method | Unset = UNSET, ratio: tuple[int, int] | str | None = None,
                  unit: int | Unset = UNSET, population_date: dt.date | None | Unset = UNSET, by: str | None = None,
                  expected_version: int | None = None) -> CostChanges:
    """Set the consortium's apportionment rule (method, ratio for mixed, rounding unit, 人口基準日); a
    method, unit or date left UNSET stays as stored (a mixed method kept keeps its ratio unless one is
    given). A ratio given for a method that is not mixed is refused, not ignored. Returns the approvals
    the new rule made stale."""
    row = _rule_row(s)
    rule, values = _planned_rule(s, row, method=method, ratio=ratio, unit=unit, population_date=population_date)
    if row is not None:
        check_version(s, row, expected_version, attempted=values)
        if all(getattr(row, k) == v for k, v in values.items()):
            return CostChanges()
    before = stale_approvals(s)
    with audit.action(s, f"費用按分のルールを「{rule.describe()}」に設定", by=by):
        if row is None:
            s.add(CostRule(**values))
        else:
            for k, v in values.items():
                setattr(row, k, v)
        s.flush()
    return _with_stale(s, CHANGED, before)


def preview_cost_rule(s: Session, *, method: str | Method | Unset = UNSET, ratio: tuple[int, int] | str | None = None,
                      unit: int | Unset = UNSET, population_date: dt.date | None | Unset = UNSET
                      ) -> tuple[StaleApproval, ...]:
    """The 首長決裁 that ``set_cost_rule`` with these arguments would make stale, computed without
    writing anything (the 帳票 view asks before saving, ``costs rule`` before setting). Refuses what
    the save would refuse."""
    rule, _ = _planned_rule(s, _rule_row(s), method=method, ratio=ratio, unit=unit, population_date=population_date)
    return tuple(newly_stale(stale_approvals(s), stale_approvals(s, rule=rule)))


def _planned_rule(s: Session, row: CostRule | None, *, method: str | Method | Unset, ratio: tuple[int, int] | str | None,
                  unit: int | Unset, population_date: dt.date | None | Unset) -> tuple[Rule, dict[str, Any]]:
    """The rule ``set_cost_rule`` would store, and its column values."""
    if unit is not UNSET and unit not in (1, 1000):
        raise DomainError("端数処理の単位は 1（円単位）または 1000（千円未満切捨て）で指定してください。")
    if method is UNSET:
        current = get_cost_rule(s)
        method = current.method
        if ratio is None and method is Method.MIXED:
            ratio = current.ratio
    if ratio is not None and parse_method(method) is not Method.MIXED:
        raise DomainError(f"按分割合は併用（均等割・人口割）のときだけ指定できます（按分方法: {parse_method(method).label}）。")
    date = (row.population_date if row else None) if population_date is UNSET else population_date
    kept_unit = (row.unit if row else DEFAULT_RULE.unit) if unit is UNSET else unit
    stored = (row.ratio_equal, row.ratio_population) if row is not None and row.method == Method.MIXED.value else None
    rule = Rule.make(method, ratio, unit=kept_unit, population_date=date, stored=stored)
    values: dict[str, Any] = dict(method=rule.method.value, ratio_equal=rule.ratio[0], ratio_population=rule.ratio[1],
                                  unit=rule.unit, population_date=rule.population_date)
    return rule, values


# --- one item ---------------------------------------------------------------------------------------


def _override(s: Session, item_id: int) -> ItemCostRule | None:
    return s.scalar(select(ItemCostRule).where(ItemCostRule.item_id == item_id))


def item_rule(s: Session, item_id: int) -> tuple[Rule, bool]:
    """The rule that applies to an item and whether it is the item's own (True) or the consortium's."""
    base = get_cost_rule(s)
    own = _override(s, item_id)
    if own is None:
        return base, False
    return Rule(Method(own.method), (own.ratio_equal, own.ratio_population), base.unit, base.population_date), True


@reapplicable("costs.set_item_cost")
def set_item_cost(s: Session, *, item_id: int, estimate: int | None | Unset = UNSET,
                  method: str | Method | None | Unset = UNSET,
                  ratio: tuple[int, int] | str | None = None, by: str | None = None,
                  expected_version: int | None = None) -> CostChanges:
    """Set an item's estimate (見積額, yen) and/or its own apportionment method (None: back to the
    consortium's rule). Refused for standardized and withdrawn items: nobody bears their cost.
    Returns the item's approvals the change made stale.

    A customized item's estimate may still be corrected (the vendor's final price), since changing
    it does not reopen the decision. ``expected_version``: the item's version the editor showed.
    """
    item = get_item(s, item_id)
    attempted = {k: v for k, v in dict(estimate=estimate, method=method).items() if v is not UNSET}
    check_version(s, item, expected_version, attempted=attempted)
    if Status(item.status) not in BEARING:
        raise DomainError(f"要望 {item.key} は「{STATUS_LABELS[Status(item.status)]}」のため、費用を負担する団体がありません。")
    if estimate is not UNSET and estimate is not None and (not isinstance(estimate, int) or estimate < 0):
        raise DomainError("見積額は 0 以上の金額（円）で入力してください。")
    own = _override(s, item_id)
    new_rule: Rule | None = None
    if method is not UNSET and method is not None:
        stored = (own.ratio_equal, own.ratio_population) if own is not None and own.method == Method.MIXED.value else None
        new_rule = Rule.make(parse_method(method), ratio, stored=stored)
    new_estimate = item.estimate if estimate is UNSET else estimate
    change_estimate = new_estimate != item.estimate
    if method is UNSET:
        change_method = False
    elif new_rule is None:
        change_method = own is not None
    else:
        change_method = own is None or (own.method, own.ratio_equal, own.ratio_population) != (
            new_rule.method.value, *new_rule.ratio)
    if not (change_estimate or change_method):
        return CostChanges()
    before = stale_approvals(s, item_ids=[item_id])
    what = []
    if change_estimate:
        what.append(f"見積額 {new_estimate:,}円" if new_estimate is not None else "見積額を未定")
    if change_method:
        what.append(f"按分方法「{_method_text(new_rule)}」" if new_rule else "按分方法を協議会のルールに戻す")
    with audit.action(s, f"要望 {item.key} の費用を設定（{'、'.join(what)}）", by=by):
        if change_estimate:
            item.estimate = new_estimate
            item.updated_at = dt.datetime.now()
        if change_method:
            if new_rule is None:
                s.delete(own)
            elif own is None:
                s.add(ItemCostRule(item_id=item.id, method=new_rule.method.value, ratio_equal=new_rule.ratio[0],
                                   ratio_population=new_rule.ratio[1]))
            else:
                own.method, own.ratio_equal, own.ratio_population = new_rule.method.value, *new_rule.ratio
        s.flush()
    return _with_stale(s, ESTIMATE_CHANGED if change_estimate else CHANGED, before, item_ids=[item_id])


def _method_text(rule: Rule) -> str:
    return rule.describe().split("（")[0]


# --- shares -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareRow:
    """One member's share of one item and how it was computed."""

    member_id: int
    member: str
    population: int
    share: int  # 負担額 (yen)
    equal_part: int  # 均等割額
    population_part: int  # 人口割額
    adjustment: int  # 端数調整額
    population_ratio: Fraction  # population / population total of the item's members


@dataclass(frozen=True)
class ItemShares:
    """An item's estimate split among its current members."""

    item_id: int
    key: str
    title: str
    status: str
    status_label: str
    estimate: int | None
    rule: Rule
    rule_text: str  # 均等割 50％・人口割 50％（千円未満切捨て）
    own_rule: bool  # the item's own method rather than the consortium's
    population_total: int
    shares: tuple[ShareRow, ...]  # empty while the estimate is not set or nobody bears the cost
    residue: int = 0
    residue_member: str | None = None
    payer_ids: tuple[int, ...] = ()  # the members in the item (not withdrawn), estimated or not
    version: int | None = None  # the item's row version when read: what a save of its cost rule expects

    @property
    def method(self) -> str:
        return self.rule.method.value

    def by_member(self) -> dict[str, int]:
        return {r.member: r.share for r in self.shares}


def _payers(s: Session, item_ids: list[int]) -> dict[int, list[tuple[int, str, int]]]:
    """Per item: (member id, name, population) of the members still in it, in member order."""
    out: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    if not item_ids:
        return out
    for item_id, mid, name, pop in s.execute(
        select(MemberRequest.item_id, Member.id, Member.name, Member.population)
        .join(Member, Member.id == MemberRequest.member_id)
        .where(MemberRequest.item_id.in_(item_ids), MemberRequest.withdrawn.is_(False))
        .order_by(Member.sort_order, Member.id)
    ):
        out[item_id].append((mid, name, pop))
    return out


def _shares_for(items: list[RequestItem], s: Session, *, rule: Rule | None = None) -> list[ItemShares]:
    """The items' shares under the stored consortium rule, or under ``rule`` (a preview)."""
    base = get_cost_rule(s) if rule is None else rule
    ids = [i.id for i in items]
    overrides = {o.item_id: o for o in s.scalars(select(ItemCostRule).where(ItemCostRule.item_id.in_(ids)))} if ids else {}
    payers = _payers(s, ids)
    out = []
    for item in items:
        own = overrides.get(item.id)
        rule = base if own is None else Rule(Method(own.method), (own.ratio_equal, own.ratio_population), base.unit,
                                             base.population_date)
        members = payers.get(item.id, [])
        pop_total = sum(p for _, _, p in members)
        rows: tuple[ShareRow, ...] = ()
        residue, residue_member = 0, None
        if item.estimate is not None and members:
            result = apportion_cost(item.estimate, [Payer(name, pop) for _, name, pop in members], rule)
            rows = tuple(ShareRow(mid, sh.member, sh.population, sh.share, sh.equal_part, sh.population_part,
                                  sh.adjustment, Fraction(sh.population, pop_total) if pop_total else Fraction(0))
                         for (mid, _, _), sh in zip(members, result.shares, strict=True))
            residue, residue_member = result.residue, result.residue_member
        st = Status(item.status)
        out.append(ItemShares(item.id, item.key, item.title, st.value, STATUS_LABELS[st], item.estimate, rule,
                              rule.describe(), own is not None, pop_total, rows, residue, residue_member,
                              tuple(mid for mid, _, _ in members), item.version))
    return out


def item_shares(s: Session, item_id: int) -> ItemShares:
    """An item's estimate split among the members now in it (recomputed on every call)."""
    return _shares_for([get_item(s, item_id)], s)[0]


def all_item_shares(s: Session, *, statuses: tuple[Status, ...] = (Status.CUSTOMIZED,)) -> list[ItemShares]:
    """Shares of every item in the given statuses (customized by default), in key order."""
    items = list(s.scalars(select(RequestItem).where(RequestItem.status.in_([st.value for st in statuses]))
                           .order_by(RequestItem.key)))
    return _shares_for(items, s)


# --- what a 首長決裁 approved (R36) ---------------------------------------------------------------------


def approval_snapshot(s: Session, item_id: int, member_id: int) -> dict[str, object]:
    """The values a 首長決裁 recorded now approves, as ``Approval`` columns: the member's current share
    (None while it has none), the item's estimate, the member's population and the rule's text."""
    sh = item_shares(s, item_id)
    mine = next((r for r in sh.shares if r.member_id == member_id), None)
    member = s.get(Member, member_id)
    return dict(approved_share=mine.share if mine else None, approved_estimate=sh.estimate,
                approved_population=member.population if member else None, approved_rule=sh.rule_text[:100])


def stale_approvals(s: Session, *, item_ids: list[int] | None = None, member_id: int | None = None,
                    statuses: tuple[Status, ...] = BEARING, rule: Rule | None = None) -> list[StaleApproval]:
    """Every member (still in the item) whose current share of a customized or open item differs from
    the share its recorded 首長決裁 approved, in key then member order. Approvals recorded before the
    approved share was kept (migration 0008) are not known and not listed. ``rule``: as if the
    consortium's rule were that one (``preview_cost_rule``)."""
    q = (select(Approval, MemberRequest.member_id, RequestItem)
         .join(MemberRequest, MemberRequest.id == Approval.member_request_id)
         .join(RequestItem, RequestItem.id == MemberRequest.item_id)
         .where(Approval.stage == "mayor", Approval.approved_share.is_not(None), MemberRequest.withdrawn.is_(False),
                RequestItem.status.in_([st.value for st in statuses])))
    if item_ids is not None:
        q = q.where(RequestItem.id.in_(item_ids))
    if member_id is not None:
        q = q.where(MemberRequest.member_id == member_id)
    found = list(s.execute(q))
    if not found:
        return []
    items = {item.id: item for _, _, item in found}
    shares = {sh.item_id: sh for sh in _shares_for(list(items.values()), s, rule=rule)}
    members = {m.id: m for m in s.scalars(select(Member).where(Member.id.in_({mid for _, mid, _ in found})))}
    out = []
    for approval, mid, item in found:
        sh = shares[item.id]
        mine = next((r for r in sh.shares if r.member_id == mid), None)
        now = mine.share if mine else None
        approved = approval.approved_share
        if approved is None or now == approved:  # (the query keeps recorded shares only)
            continue
        m = members[mid]
        out.append(StaleApproval(item.id, item.key, item.title, sh.status_label, mid, m.name, approval.approved_on,
                                 approval.reference, approved, now, reapproval_reasons(
            approved_estimate=approval.approved_estimate, estimate=sh.estimate, approved_rule=approval.approved_rule,
            rule=sh.rule_text, approved_population=approval.approved_population, population=m.population)))
    order = {m.id: (m.sort_order, m.id) for m in members.values()}
    return sorted(out, key=lambda x: (x.key, order[x.member_id]))


def newly_stale(before: list[StaleApproval], after: list[StaleApproval]) -> list[StaleApproval]:
    """The entries of ``after`` that a change caused: not stale before, or stale at another amount."""
    seen = {(x.item_id, x.member_id, x.now) for x in before}
    return [x for x in after if (x.item_id, x.member_id, x.now) not in seen]


# --- per member -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalState:
    """A member's 財政課協議 or 首長決裁 for one item: date and reference, or None while pending."""

    approved_on: dt.date | None
    reference: str | None
    approved_share: int | None = None  # 首長決裁: the share it approved (None: not kept, before migration 0008)


@dataclass(frozen=True)
class MemberCostLine:
    """One item a member bears, as its cost report prints it."""

    item_id: int
    key: str
    title: str
    status: str
    status_label: str
    estimate: int | None
    share: int | None  # None while the estimate is not set
    equal_part: int | None
    population_part: int | None
    adjustment: int | None
    population: int
    population_total: int  # of the item's members
    members: tuple[str, ...]  # every member bearing the item
    rule_text: str
    ratio_text: str  # 50:50
    own_rule: bool
    finance: ApprovalState | None
    mayor: ApprovalState | None
    # 「第4回 税業務部会」: the meeting that decided カスタマイズ in principle, confirmed when the bearing
    # members' approvals are recorded (the item is still 検討中); None otherwise
    decided_at: str | None = None

    @property
    def approvals_pending(self) -> bool:
        return self.finance is None or self.mayor is None

    @property
    def approvals_asked(self) -> bool:
        """The notice asks for this member's 財政課協議 / 首長決裁: pending, and there is an amount to judge."""
        return self.approvals_pending and self.estimate is not None

    @property
    def group(self) -> str:
        """Where section 4 lists an open item: 'pending' (decided in principle), 'under_review' or 'requested'."""
        return "pending" if self.decided_at else self.status

    @property
    def needs_reapproval(self) -> bool:
        """Its 首長決裁 approved another amount than its share now (要再決裁, R36)."""
        return (self.mayor is not None and self.mayor.approved_share is not None
                and self.mayor.approved_share != self.share)

    @property
    def approved_share(self) -> int | None:
        return self.mayor.approved_share if self.mayor is not None else None


@dataclass(frozen=True)
class MemberCosts:
    """Everything a member's cost report shows: decided customizations and those still under review."""

    member_id: int
    member: str
    population: int
    consortium: str
    rule_text: str  # the consortium's rule
    population_date: dt.date | None
    lines: tuple[MemberCostLine, ...]  # customized items it bears
    prospective: tuple[MemberCostLine, ...]  # open items it is in (要望・検討中), with their share if estimated
    total: int  # sum of its shares of customized items
    prospective_total: int  # sum of its shares of open items with an estimate


def _approvals(s: Session, member_id: int) -> dict[tuple[int, str], ApprovalState]:
    return {(item_id, a.stage): ApprovalState(a.approved_on, a.reference, a.approved_share) for a, item_id in s.execute(
        select(Approval, MemberRequest.item_id).join(MemberRequest, MemberRequest.id == Approval.member_request_id)
        .where(MemberRequest.member_id == member_id))}


def _line(sh: ItemShares, member_id: int, population: int, approvals: dict[tuple[int, str], ApprovalState],
          decided_at: dict[int, str] | None = None) -> MemberCostLine:
    mine = next((r for r in sh.shares if r.member_id == member_id), None)
    return MemberCostLine(
        sh.item_id, sh.key, sh.title, sh.status, sh.status_label, sh.estimate, mine.share if mine else None,
        mine.equal_part if mine else None, mine.population_part if mine else None, mine.adjustment if mine else None,
        population, sh.population_total, tuple(r.member for r in sh.shares), sh.rule_text, sh.rule.ratio_text,
        sh.own_rule, approvals.get((sh.item_id, "finance")), approvals.get((sh.item_id, "mayor")),
        (decided_at or {}).get(sh.item_id))


def member_costs(s: Session, member_id: int) -> MemberCosts:
    """A member's cost lines: every customized item it bears and every open item it is in."""
    m = s.get(Member, member_id)
    if m is None:
        raise DomainError(f"団体（id {member_id}）が見つかりません。")
    item_ids = list(s.scalars(select(MemberRequest.item_id).where(MemberRequest.member_id == member_id,
                                                                    MemberRequest.withdrawn.is_(False))))
    items = list(s.scalars(select(RequestItem).where(RequestItem.id.in_(item_ids),
                                                     RequestItem.status.in_([st.value for st in BEARING]))
                           .order_by(RequestItem.key))) if item_ids else []
    return _member_costs(s, m, _shares_for(items, s), get_cost_rule(s), get_consortium(s))


def _member_costs(s: Session, m: Member, shares: list[ItemShares], rule: Rule,
                  info: ConsortiumInfo | None) -> MemberCosts:
    """``m``'s lines from the shares of the items it is in (customized or open, in key order)."""
    approvals = _approvals(s, m.id)
    lines = tuple(_line(sh, m.id, m.population, approvals) for sh in shares if sh.status == Status.CUSTOMIZED.value)
    open_items = [sh for sh in shares if sh.status != Status.CUSTOMIZED.value]
    decided_at = pending_decisions(s, [sh.item_id for sh in open_items if sh.status == Status.UNDER_REVIEW.value])
    prospective = tuple(_line(sh, m.id, m.population, approvals, decided_at) for sh in open_items)
    return MemberCosts(m.id, m.name, m.population, info.name if info else "", rule.describe(), rule.population_date,
                       lines, prospective, sum(x.share or 0 for x in lines), sum(x.share or 0 for x in prospective))


def all_member_costs(s: Session, *, include_none: bool = False) -> list[MemberCosts]:
    """Every member's cost lines in the members' order (for one notice per member). A member that
    bears nothing — no customization, and no open item with an estimate (a 0円 notice, issue #14) —
    is left out unless ``include_none``. Every item's shares, the rule and the consortium are read
    once, not once per member."""
    shares = all_item_shares(s, statuses=BEARING)
    rule, info = get_cost_rule(s), get_consortium(s)
    out = [_member_costs(s, m, [sh for sh in shares if m.id in sh.payer_ids], rule, info)
           for m in s.scalars(select(Member).order_by(Member.sort_order, Member.id))]
    return out if include_none else [mc for mc in out if bears_cost(mc)]


@dataclass(frozen=True)
class MemberCostFacts:
    """The cost figures of one member that the 4つの方策 dashboard shows (``all_member_costs`` gives the
    same through every line; this reads only what the figures need)."""

    member_id: int
    total: int = 0  # its shares of customized items
    prospective_total: int = 0  # its shares of open items with an estimate
    pending_finance: int = 0  # open items with an estimate it is in, without 財政課協議
    pending_mayor: int = 0  # ... without 首長決裁
    pending_items: tuple[str, ...] = ()  # their keys (either approval missing), in key order


def member_cost_facts(s: Session) -> dict[int, MemberCostFacts]:
    """Per member id, the figures of ``MemberCostFacts`` for every member (zeros for one bearing nothing).

    Four queries and one integer split per estimated item (``split_shares``): at 5,000 items × 34
    members this is a fraction of building every member's cost lines."""
    statuses = [st.value for st in BEARING]
    items = list(s.execute(select(RequestItem.id, RequestItem.key, RequestItem.status, RequestItem.estimate)
                           .where(RequestItem.status.in_(statuses)).order_by(RequestItem.key)))
    base = get_cost_rule(s)
    rules = {item_id: Rule(Method(method), (e, p), base.unit, base.population_date)
             for item_id, method, e, p in s.execute(
                 select(ItemCostRule.item_id, ItemCostRule.method, ItemCostRule.ratio_equal,
                        ItemCostRule.ratio_population)
                 .join(RequestItem, RequestItem.id == ItemCostRule.item_id).where(RequestItem.status.in_(statuses)))}
    payers: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for item_id, mid, name, pop in s.execute(
        select(MemberRequest.item_id, Member.id, Member.name, Member.population)
        .join(Member, Member.id == MemberRequest.member_id)
        .join(RequestItem, RequestItem.id == MemberRequest.item_id)
        .where(RequestItem.status.in_(statuses), MemberRequest.withdrawn.is_(False))
        .order_by(Member.sort_order, Member.id)
    ):
        payers[item_id].append((mid, name, pop))
    approved: set[tuple[int, int, str]] = set()
    mayor_share: dict[tuple[int, int], int] = {}  # what a 首長決裁 approved, where kept (R36)
    for mid, item_id, stage, kept in s.execute(
            select(MemberRequest.member_id, MemberRequest.item_id, Approval.stage, Approval.approved_share)
            .join(MemberRequest, MemberRequest.id == Approval.member_request_id)):
        approved.add((mid, item_id, stage))
        if stage == "mayor" and kept is not None:
            mayor_share[(mid, item_id)] = kept
    total: dict[int, int] = defaultdict(int)
    prospective: dict[int, int] = defaultdict(int)
    finance: dict[int, int] = defaultdict(int)
    mayor: dict[int, int] = defaultdict(int)
    pending: dict[int, list[str]] = defaultdict(list)
    customized = Status.CUSTOMIZED.value
    for item_id, key, status, estimate in items:
        members = payers.get(item_id)
        if not members:
            continue
        shares = (split_shares(estimate, [p for _, _, p in members], rules.get(item_id, base),
                               [n for _, n, _ in members]) if estimate is not None else None)
        if status == customized:
            if shares:
                for (mid, _, _), share in zip(members, shares, strict=True):
                    total[mid] += share
            continue
        if shares is None:
            continue  # an open item without an estimate: no share, nothing to approve yet
        for (mid, _, _), share in zip(members, shares, strict=True):
            prospective[mid] += share
            no_finance = (mid, item_id, "finance") not in approved
            kept = mayor_share.get((mid, item_id))
            no_mayor = (mid, item_id, "mayor") not in approved or (kept is not None and kept != share)
            finance[mid] += no_finance
            mayor[mid] += no_mayor
            if no_finance or no_mayor:
                pending[mid].append(key)
    return {mid: MemberCostFacts(mid, total[mid], prospective[mid], finance[mid], mayor[mid], tuple(pending[mid]))
            for mid in s.scalars(select(Member.id))}


def bears_cost(mc: MemberCosts) -> bool:
    """A customization it pays for (its price may still be 未定), or an open item whose estimate gives it a share."""
    return bool(mc.lines) or any((line.share or 0) > 0 for line in mc.prospective)


def member_cost_totals(s: Session) -> dict[int, int]:
    """Per member id: the total of its shares of customized items (yen; 0 for a member bearing none)."""
    totals: dict[int, int] = dict.fromkeys(s.scalars(select(Member.id)), 0)
    for sh in all_item_shares(s):
        for r in sh.shares:
            totals[r.member_id] = totals.get(r.member_id, 0) + r.share
    return totals


# --- the consortium-wide table ------------------------------------------------------------------------


@dataclass(frozen=True)
class CostTableRow:
    key: str
    title: str
    status_label: str
    estimate: int | None
    rule_text: str
    shares: tuple[int | None, ...]  # per member in CostTable.members order; None: no amount for it
    open: bool = False  # still 要望・検討中: the shares are a forecast (見込)
    in_item: tuple[bool, ...] = ()  # per member: in the item (so an open item's None is 未定, not "bears nothing")
    reapproval: tuple[bool, ...] = ()  # per member: its share differs from what its 首長決裁 approved (R36)

    def cell(self, i: int) -> str:
        """What member ``i``'s cell means: 'share', 'forecast' (an open item's estimated share),
        'unknown' (in an open item whose estimate is 未定) or 'none' (does not bear it)."""
        if self.shares[i] is not None:
            return "forecast" if self.open else "share"
        return "unknown" if self.in_item and self.in_item[i] else "none"


@dataclass(frozen=True)
class CostTable:
    """Every customized item (optionally also open ones) with each member's share, and the totals."""

    consortium: str
    rule_text: str
    population_date: dt.date | None
    members: tuple[str, ...]
    populations: tuple[int, ...]
    rows: tuple[CostTableRow, ...]
    member_totals: tuple[int, ...]
    total: int  # sum of the estimates split (equals the sum of member_totals)

    @property
    def has_open(self) -> bool:
        """Open items are listed (include_open): the table then holds forecasts too."""
        return any(r.open for r in self.rows)


def cost_table(s: Session, *, include_open: bool = False) -> CostTable:
    """The consortium-wide cost table (費用負担一覧)."""
    statuses = BEARING if include_open else (Status.CUSTOMIZED,)
    members = list(s.execute(select(Member.id, Member.name, Member.population).order_by(Member.sort_order, Member.id)))
    index = {mid: i for i, (mid, _, _) in enumerate(members)}
    totals = [0] * len(members)
    rows = []
    stale = {(x.item_id, x.member_id) for x in stale_approvals(s, statuses=statuses)}
    for sh in all_item_shares(s, statuses=statuses):
        cells: list[int | None] = [None] * len(members)
        for r in sh.shares:
            cells[index[r.member_id]] = r.share
            totals[index[r.member_id]] += r.share
        in_item = [False] * len(members)
        for mid in sh.payer_ids:
            in_item[index[mid]] = True
        rows.append(CostTableRow(sh.key, sh.title, sh.status_label, sh.estimate, sh.rule_text, tuple(cells),
                                 sh.status != Status.CUSTOMIZED.value, tuple(in_item),
                                 tuple((sh.item_id, mid) in stale for mid, _, _ in members)))
    rule = get_cost_rule(s)
    info = get_consortium(s)
    return CostTable(info.name if info else "", rule.describe(), rule.population_date, tuple(n for _, n, _ in members),
                     tuple(p for _, _, p in members), tuple(rows), tuple(totals), sum(totals))
