"""Reading requests: list rows with filters, one item's detail, status history. All plain frozen
dataclasses, safe to keep after the session is closed."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..domain.models import (
    Approval,
    BusinessSystem,
    Function,
    HearingNote,
    Meeting,
    Member,
    MemberRequest,
    RequestItem,
    StatusChange,
    Subcommittee,
)
from ..domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS
from ..domain.wareki import to_wareki
from ..domain.workflow import STATUS_LABELS, Status, allowed_targets, parse_status
from .item_rows import ItemRow as ItemRow  # the list rows themselves: also read without the ORM
from .item_rows import fold_item_rows
from .meetings import meeting_label
from .requests import get_item
from .stale_approval import StaleApproval


@dataclass(frozen=True)
class HearingRow:
    id: int
    held_on: dt.date
    confirmed: str
    confirmed_cases: int | None


@dataclass(frozen=True)
class ApprovalRow:
    stage: str
    approved_on: dt.date
    reference: str | None


@dataclass(frozen=True)
class MemberPartRow:
    """One member's part of an item, with its hearings and approvals."""

    id: int
    member_id: int
    member: str
    content: str
    reason: str
    reason_label: str
    service_drop: bool
    service_drop_label: str
    service_drop_detail: str
    annual_cases: int | None
    workaround: str | None
    withdrawn: bool
    withdrawn_on: dt.date | None
    withdrawn_reason: str | None
    hearings: tuple[HearingRow, ...]
    finance: ApprovalRow | None
    mayor: ApprovalRow | None
    version: int = 1  # the member request's version, for update_member_request / withdraw_member
    # its share no longer equals what its 首長決裁 approved (review R36): 「首長決裁 319,156円 → 現在 320,414円（…）」
    reapproval: StaleApproval | None = None


@dataclass(frozen=True)
class StatusChangeRow:
    id: int
    from_status: str | None
    from_label: str | None
    to_status: str
    to_label: str
    reason: str | None
    meeting_id: int | None
    changed_by: str
    changed_at: dt.datetime
    meeting: str | None = None  # 第2回 住民業務部会（令和8年7月8日）


@dataclass(frozen=True)
class ItemDetail:
    """Everything the item editor shows."""

    item: ItemRow
    parts: tuple[MemberPartRow, ...]
    history: tuple[StatusChangeRow, ...]
    allowed_moves: tuple[str, ...]


def list_item_rows(
    s: Session, *, status: str | Status | None = None, member_id: int | None = None, subcommittee_id: int | None = None,
    business_system_id: int | None = None, text: str | None = None, item_ids: list[int] | None = None,
    include_withdrawn: bool = False,
) -> list[ItemRow]:
    """Request items in key order, filtered by status, member (still in it, or with ``include_withdrawn``
    also where it withdrew its part), subcommittee, business system, text."""
    fn_system = aliased(BusinessSystem)
    own_system = aliased(BusinessSystem)
    q = (  # the columns of item_rows.ITEM_COLUMNS, in that order
        select(RequestItem.id, RequestItem.key, RequestItem.title, RequestItem.status, RequestItem.function_id,
               RequestItem.proposed_function, RequestItem.estimate, RequestItem.created_at, RequestItem.updated_at,
               RequestItem.version, Function.code, Function.name, Function.fit, Function.kind, Function.retired,
               fn_system.id, fn_system.name, fn_system.subcommittee_id,
               own_system.id, own_system.name, own_system.subcommittee_id)
        .outerjoin(Function, Function.id == RequestItem.function_id)
        .outerjoin(fn_system, fn_system.id == Function.business_system_id)
        .outerjoin(own_system, own_system.id == RequestItem.business_system_id)
        .order_by(RequestItem.key)
    )
    if status is not None:
        q = q.where(RequestItem.status == parse_status(status).value)
    if item_ids is not None:
        q = q.where(RequestItem.id.in_(item_ids))
    parts_q = (select(MemberRequest.item_id, MemberRequest.member_id, Member.name, MemberRequest.withdrawn,
                      MemberRequest.content, MemberRequest.annual_cases, MemberRequest.service_drop_detail,
                      MemberRequest.workaround)
               .join(Member, Member.id == MemberRequest.member_id)
               .order_by(Member.sort_order, Member.id))
    if item_ids is not None:
        parts_q = parts_q.where(MemberRequest.item_id.in_(item_ids))
    parts = s.execute(parts_q).all()
    subcommittees = dict(s.execute(select(Subcommittee.id, Subcommittee.name)).all())
    return fold_item_rows(s.execute(q), parts, subcommittees, member_id=member_id, subcommittee_id=subcommittee_id,
                          business_system_id=business_system_id, text=text, include_withdrawn=include_withdrawn)


def get_item_row(s: Session, item_id: int) -> ItemRow:
    """One item as a list row."""
    get_item(s, item_id)
    return list_item_rows(s, item_ids=[item_id])[0]


def find_items_for_function(s: Session, function_id: int, *, open_only: bool = True) -> list[ItemRow]:
    """Items about this function (by default only those still open), so a new request can join one."""
    ids = list(s.scalars(select(RequestItem.id).where(RequestItem.function_id == function_id)))
    rows = list_item_rows(s, item_ids=ids) if ids else []
    if open_only:
        rows = [r for r in rows if r.status in (Status.REQUESTED.value, Status.UNDER_REVIEW.value)]
    return rows


def status_history(s: Session, item_id: int) -> list[StatusChangeRow]:
    """An item's status changes, oldest first, with the meetings that decided them named."""
    changes = list(s.scalars(select(StatusChange).where(StatusChange.item_id == item_id).order_by(StatusChange.id)))
    ids = {c.meeting_id for c in changes if c.meeting_id is not None}
    meetings: dict[int | None, str] = {m.id: f"{meeting_label(m)}（{to_wareki(m.held_on)}）"
                for m in s.scalars(select(Meeting).where(Meeting.id.in_(ids)))} if ids else {}
    return [
        StatusChangeRow(c.id, c.from_status, STATUS_LABELS[Status(c.from_status)] if c.from_status else None,
                        c.to_status, STATUS_LABELS[Status(c.to_status)], c.reason, c.meeting_id, c.changed_by,
                        c.changed_at, meeting=meetings.get(c.meeting_id))
        for c in changes
    ]


def member_parts(s: Session, item_id: int) -> list[MemberPartRow]:
    """Every member's part of an item, in member order."""
    from .costs import stale_approvals  # costs imports the request operations

    stale = {x.member_id: x for x in stale_approvals(s, item_ids=[item_id])}
    out = []
    for p, name in s.execute(
        select(MemberRequest, Member.name).join(Member, Member.id == MemberRequest.member_id)
        .where(MemberRequest.item_id == item_id).order_by(Member.sort_order, Member.id)
    ):
        hearings = tuple(
            HearingRow(h.id, h.held_on, h.confirmed, h.confirmed_cases)
            for h in s.scalars(select(HearingNote).where(HearingNote.member_request_id == p.id)
                               .order_by(HearingNote.held_on, HearingNote.id))
        )
        approvals = {a.stage: ApprovalRow(a.stage, a.approved_on, a.reference)
                     for a in s.scalars(select(Approval).where(Approval.member_request_id == p.id))}
        out.append(MemberPartRow(
            p.id, p.member_id, name, p.content, p.reason, REASON_LABELS.get(p.reason, p.reason), p.service_drop,
            SERVICE_DROP_LABELS[bool(p.service_drop)], p.service_drop_detail, p.annual_cases, p.workaround,
            p.withdrawn, p.withdrawn_on, p.withdrawn_reason, hearings, approvals.get("finance"), approvals.get("mayor"),
            p.version, stale.get(p.member_id),
        ))
    return out


def get_item_detail(s: Session, item_id: int) -> ItemDetail:
    """The item, its members' parts, its status history and the moves the table allows now."""
    row = get_item_row(s, item_id)
    moves = tuple(st.value for st in Status if st in allowed_targets(row.status))
    return ItemDetail(row, tuple(member_parts(s, item_id)), tuple(status_history(s, item_id)), moves)
