"""Late joiners (後乗り): a member that joins the consortium after decisions were taken accepts
them, and may join a customization, taking a share of its cost.

* ``decisions_to_accept``: the decided items (standardized, withdrawn, customized) whose
  decision was taken on or before the member's join date (``member.joined_on``) and that it
  has not accepted yet. A member without a join date is a founding member: nothing to accept.
* ``accept_decisions``: record the acceptance date for some or all of them (one action).
* ``join_customization``: join a customized item. The item is reopened, the member joins
  through ``ops.requests.join_item``, its 財政課協議 and 首長決裁 are recorded (paying for a
  customization needs both, as for the original members), and the item is customized again
  with a reason that names the late joiner; all in one undoable action. Shares are recomputed
  from the item's members, so every member's share drops at once. The acceptance is recorded.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.models import DecisionAcceptance, Meeting, Member, MemberRequest, RequestItem, StatusChange
from ..domain.wareki import to_wareki
from ..domain.workflow import DECISIONS, STATUS_LABELS, ApprovalFact, Status, check_approval
from ..errors import DomainError
from . import requests as request_ops
from .costs import item_shares

CHANGED = Changes(measures=True, history=True)


@dataclass(frozen=True)
class PendingDecision:
    """A decision taken before the member joined, for it to accept."""

    item_id: int
    key: str
    title: str
    status: str
    status_label: str
    decided_on: dt.date
    reason: str | None
    accepted_on: dt.date | None  # None while not accepted


@dataclass(frozen=True)
class JoinChanges(Changes):
    """Changes plus every member's share before and after the late joiner came in."""

    before: tuple[tuple[str, int], ...] = ()
    after: tuple[tuple[str, int], ...] = ()


def _member(s: Session, member_id: int) -> Member:
    m = s.get(Member, member_id)
    if m is None:
        raise DomainError(f"団体（id {member_id}）が見つかりません。")
    return m


def prior_decisions(s: Session, member_id: int) -> list[PendingDecision]:
    """Decisions taken on or before the member's join date, accepted or not, in key order."""
    m = _member(s, member_id)
    if m.joined_on is None:
        return []
    meetings: dict[int | None, dt.date] = dict(s.execute(select(Meeting.id, Meeting.held_on)).all())
    accepted = dict(s.execute(select(DecisionAcceptance.item_id, DecisionAcceptance.accepted_on)
                              .where(DecisionAcceptance.member_id == member_id)).all())
    out = []
    for item in s.scalars(select(RequestItem).where(RequestItem.status.in_([st.value for st in DECISIONS]))
                          .order_by(RequestItem.key)):
        last = s.scalars(select(StatusChange).where(StatusChange.item_id == item.id, StatusChange.to_status == item.status)
                         .order_by(StatusChange.id.desc())).first()
        if last is None:
            continue
        decided_on = meetings.get(last.meeting_id) or last.changed_at.date()
        if decided_on <= m.joined_on:
            out.append(PendingDecision(item.id, item.key, item.title, item.status, STATUS_LABELS[Status(item.status)],
                                       decided_on, last.reason, accepted.get(item.id)))
    return out


def decisions_to_accept(s: Session, member_id: int) -> list[PendingDecision]:
    """The prior decisions the member has not accepted yet."""
    return [d for d in prior_decisions(s, member_id) if d.accepted_on is None]


def accept_decisions(s: Session, *, member_id: int, accepted_on: dt.date, item_ids: list[int] | None = None,
                     notes: str | None = None, by: str | None = None) -> Changes:
    """Record that the member accepted the given prior decisions (all still pending when ``item_ids`` is None)."""
    m = _member(s, member_id)
    if accepted_on is None:
        raise DomainError("承認した日付を入力してください。")
    pending = {d.item_id: d for d in decisions_to_accept(s, member_id)}
    ids = list(pending) if item_ids is None else item_ids
    unknown = [i for i in ids if i not in pending]
    if unknown:
        keys = "、".join(s.scalar(select(RequestItem.key).where(RequestItem.id == i)) or str(i) for i in unknown)
        raise DomainError(f"{keys} は、{m.name}が承認する既決事項ではありません（参加前の決定でないか、承認済みです）。")
    if not ids:
        return Changes()
    with audit.action(s, f"{m.name}が既決事項 {len(ids)} 件を承認（{to_wareki(accepted_on)}）", by=by):
        for item_id in ids:
            s.add(DecisionAcceptance(member_id=member_id, item_id=item_id, accepted_on=accepted_on,
                                     notes=(notes or "").strip() or None))
        s.flush()
    return CHANGED


def join_customization(
    s: Session, *, item_id: int, member_id: int, content: str, reason: str, service_drop: bool | None,
    service_drop_detail: str, finance: tuple[dt.date, str], mayor: tuple[dt.date, str], on: dt.date,
    annual_cases: int | None = None, by: str | None = None, today: dt.date | None = None,
) -> JoinChanges:
    """A late joiner joins a customized item and takes its share of the cost (see the module docstring).
    The approvals are checked as ``record_approval`` checks them (none after ``today``, the 首長決裁
    not before the 財政課協議) before anything changes."""
    item = request_ops.get_item(s, item_id)
    m = _member(s, member_id)
    if item.status != Status.CUSTOMIZED.value:
        raise DomainError(f"要望 {item.key} はカスタマイズ実施ではありません。検討中の要望には通常どおり参加してください。")
    part = s.scalar(select(MemberRequest).where(MemberRequest.item_id == item_id, MemberRequest.member_id == member_id))
    if part is not None and not part.withdrawn:
        raise DomainError(f"団体「{m.name}」はすでに要望 {item.key} の費用を負担しています。")
    for label, (date, ref) in (("財政課協議", finance), ("首長決裁", mayor)):
        if date is None or not (ref or "").strip():
            raise DomainError(f"カスタマイズ経費を負担するには、{m.name}の{label}の日付と文書番号が必要です。")
    today = today or dt.date.today()
    for stage, (date, _) in (("finance", finance), ("mayor", mayor)):
        check_approval(stage, date, member=m.name, item=item.key, estimate=item.estimate,
                       finance=ApprovalFact(*finance), mayor=None, today=today)
    before = tuple(item_shares(s, item_id).by_member().items())
    with audit.action(s, f"要望 {item.key} に{m.name}が後から参加（費用を再按分）", by=by):
        request_ops.move_item(s, item_id=item_id, to=Status.UNDER_REVIEW,
                              reason=f"後乗り: {m.name}が参加するため（{to_wareki(on)}）")
        request_ops.join_item(s, item_id=item_id, member_id=member_id, content=content, reason=reason,
                              service_drop=service_drop, service_drop_detail=service_drop_detail,
                              annual_cases=annual_cases)
        for stage, (date, ref) in (("finance", finance), ("mayor", mayor)):
            request_ops.record_approval(s, item_id=item_id, member_id=member_id, stage=stage, approved_on=date,
                                        reference=ref, today=today)
        request_ops.move_item(s, item_id=item_id, to=Status.CUSTOMIZED,
                              reason=f"後乗り: {m.name}の参加により費用を再按分")
        if s.scalar(select(DecisionAcceptance.id).where(DecisionAcceptance.member_id == member_id,
                                                        DecisionAcceptance.item_id == item_id)) is None:
            s.add(DecisionAcceptance(member_id=member_id, item_id=item_id, accepted_on=on,
                                     notes="カスタマイズに参加し、費用を負担"))
        s.flush()
    after = tuple(item_shares(s, item_id).by_member().items())
    return JoinChanges(requests=True, costs=True, measures=True, history=True, before=before, after=after)
