"""The consortium summary: what `cloudsuppress summary` prints and the dashboard shows."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..domain.models import BusinessSystem, Function, Member, MemberRequest, RequestItem, Subcommittee
from ..domain.workflow import Status
from ..summary_figures import counts_dict as _counts_dict
from ..summary_figures import format_rate as format_rate  # the figures' arithmetic, shared with plain_summary
from ..summary_figures import stats_dict as stats_dict
from ..summary_figures import summary_core
from ..summary_figures import suppression_rate as suppression_rate
from .consortium import get_consortium
from .functions import system_tree
from .members import list_members


def build_summary(s: Session) -> dict[str, Any]:
    """Everything the summary shows, as plain data."""
    info = get_consortium(s)
    tree = system_tree(s)
    members = list_members(s)
    by_member = member_status_counts(s)
    from .costs import member_cost_totals  # the costs module (and ops.requests) only when summarising

    cost_totals = member_cost_totals(s)
    core = summary_core(consortium=info.name if info else None, populations=[m.population for m in members],
                        systems=[(n.code, n.name, n.subcommittee, n.spec_version, n.stats) for n in tree],
                        item_counts=item_status_counts(s))
    return {
        "consortium": core["consortium"],
        "members": [{"name": m.name, "population": m.population, "items": _counts_dict(by_member.get(m.id, Counter())),
                     "cost_total": cost_totals.get(m.id, 0)}
                    for m in members],
        "items": core["items"],
        "population_total": core["population_total"],
        "functions": core["functions"],
        "subcommittees": core["subcommittees"],
        "business_systems": [
            {"code": n.code, "name": n.name, "subcommittee": n.subcommittee, "spec_version": n.spec_version, **stats_dict(n.stats)}
            for n in tree
        ],
    }


# --- request outcomes (the Toyama table) -----------------------------------------------------


def item_status_counts(s: Session) -> Counter[str]:
    """Number of request items per status."""
    return Counter(s.scalars(select(RequestItem.status)))


def member_status_counts(s: Session) -> dict[int, Counter[str]]:
    """Per member id: its parts per outcome (a part the member withdrew counts as withdrawn)."""
    out: dict[int, Counter[str]] = defaultdict(Counter)
    for member_id, withdrawn, status in s.execute(
        select(MemberRequest.member_id, MemberRequest.withdrawn, RequestItem.status)
        .join(RequestItem, RequestItem.id == MemberRequest.item_id)
    ):
        out[member_id][Status.WITHDRAWN.value if withdrawn else status] += 1
    return out


@dataclass(frozen=True)
class OutcomeRow:
    """One line of the outcome table: items raised and how they ended."""

    name: str
    raised: int = 0
    customized: int = 0
    standardized: int = 0
    withdrawn: int = 0
    under_review: int = 0  # 検討中: a 部会 has taken it up
    requested: int = 0  # 要望: not yet discussed (counted apart from 検討中 everywhere)

    @property
    def open(self) -> int:
        """Still undecided: 要望 plus 検討中."""
        return self.under_review + self.requested

    @classmethod
    def from_counts(cls, name: str, counts: Counter[str]) -> OutcomeRow:
        return cls(name, sum(counts.values()), counts.get(Status.CUSTOMIZED.value, 0),
                   counts.get(Status.STANDARDIZED.value, 0), counts.get(Status.WITHDRAWN.value, 0),
                   counts.get(Status.UNDER_REVIEW.value, 0), counts.get(Status.REQUESTED.value, 0))


@dataclass(frozen=True)
class OutcomeTable:
    """The Toyama-style result table for the consortium, per member and per subcommittee."""

    consortium: OutcomeRow
    members: tuple[OutcomeRow, ...]
    subcommittees: tuple[OutcomeRow, ...]


OUTCOME_LABELS = (
    ("raised", "カスタマイズ要望項目"),
    ("customized", "カスタマイズを行った項目"),
    ("standardized", "標準機能として実装された項目"),
    ("withdrawn", "要望を取下げた項目"),
    ("under_review", "検討中の項目"),
    ("requested", "要望（未検討）の項目"),
)


@dataclass(frozen=True)
class RequestSpread:
    """How widely the undecided items are asked (peer evidence, measure 4): of the ``open`` items
    (要望・検討中), how many one member alone asks for (the others run it as delivered) and how many
    every member asks for (a candidate for 標準化)."""

    open: int
    single: int
    everyone: int
    members: int


def request_spread(s: Session) -> RequestSpread:
    """Counts of undecided items asked by one member only and by all members (parts not withdrawn)."""
    members = s.scalar(select(func.count()).select_from(Member)) or 0
    asking: Counter[int] = Counter()  # parts per item id
    open_ids = set(s.scalars(select(RequestItem.id).where(
        RequestItem.status.in_([Status.REQUESTED.value, Status.UNDER_REVIEW.value]))))
    for item_id in s.scalars(select(MemberRequest.item_id).where(MemberRequest.withdrawn.is_(False))):
        if item_id in open_ids:
            asking[item_id] += 1
    return RequestSpread(len(open_ids), sum(1 for i in open_ids if asking[i] == 1),
                         sum(1 for i in open_ids if members and asking[i] >= members), members)


def outcome_table(s: Session) -> OutcomeTable:
    """Items raised, customized, standardized, withdrawn and still open: overall, per member, per subcommittee."""
    info = get_consortium(s)
    overall = OutcomeRow.from_counts(info.name if info else "協議会", item_status_counts(s))
    by_member = member_status_counts(s)
    members = tuple(
        OutcomeRow.from_counts(name, by_member.get(mid, Counter()))
        for mid, name in s.execute(select(Member.id, Member.name).order_by(Member.sort_order, Member.id))
    )
    per_sub: dict[int, Counter[str]] = defaultdict(Counter)
    fn_sys, own_sys = aliased(BusinessSystem), aliased(BusinessSystem)
    for status, fn_sub, own_sub in s.execute(
        select(RequestItem.status, fn_sys.subcommittee_id, own_sys.subcommittee_id)
        .outerjoin(Function, Function.id == RequestItem.function_id)
        .outerjoin(fn_sys, fn_sys.id == Function.business_system_id)
        .outerjoin(own_sys, own_sys.id == RequestItem.business_system_id)
    ):
        per_sub[fn_sub or own_sub][status] += 1
    subs = tuple(
        OutcomeRow.from_counts(name, per_sub.get(sid, Counter()))
        for sid, name in s.execute(select(Subcommittee.id, Subcommittee.name).order_by(Subcommittee.sort_order))
    )
    return OutcomeTable(overall, members, subs)
