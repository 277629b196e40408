"""Reading requests: list rows with filters, one item's detail, status history. All plain frozen
dataclasses, safe to keep after the session is closed."""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
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
from ..domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS, target_code
from ..domain.wareki import to_wareki
from ..domain.workflow import STATUS_LABELS, Status, allowed_targets, parse_status
from .meetings import meeting_label
from .requests import get_item
from .stale_approval import StaleApproval


@dataclass(frozen=True)
class ItemRow:
    """One request item as the request list shows it."""

    id: int
    key: str
    title: str
    status: str
    status_label: str
    function_id: int | None
    function_code: str | None
    function_name: str | None  # the package function, or the proposed new function's name
    fit: str | None
    business_system_id: int | None
    business_system: str | None
    subcommittee_id: int | None
    subcommittee: str | None
    members: tuple[str, ...]  # members still in the item
    withdrawn_members: tuple[str, ...]
    estimate: int | None
    annual_cases: int | None  # total over the members still in the item
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # pass back as expected_version when saving an edit or a move
    search_text: str = ""  # every member's 要望内容, 低下の内容 and 代替運用案, for the list's search
    function_kind: str | None = None  # 'function' / 'form' (帳票): what function_code is an ID of

    @property
    def target_code(self) -> str | None:
        """function_code as printed: 「帳票 0000004」 for a form."""
        return target_code(self.function_code, self.function_kind)


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


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def list_item_rows(
    s: Session, *, status: str | Status | None = None, member_id: int | None = None, subcommittee_id: int | None = None,
    business_system_id: int | None = None, text: str | None = None, item_ids: list[int] | None = None,
    include_withdrawn: bool = False,
) -> list[ItemRow]:
    """Request items in key order, filtered by status, member (still in it, or with ``include_withdrawn``
    also where it withdrew its part), subcommittee, business system, text."""
    fn_system = aliased(BusinessSystem)
    own_system = aliased(BusinessSystem)
    q = (
        select(RequestItem, Function.code, Function.name, Function.fit, fn_system, own_system, Function.kind,
               Function.retired)
        .outerjoin(Function, Function.id == RequestItem.function_id)
        .outerjoin(fn_system, fn_system.id == Function.business_system_id)
        .outerjoin(own_system, own_system.id == RequestItem.business_system_id)
        .order_by(RequestItem.key)
    )
    if status is not None:
        q = q.where(RequestItem.status == parse_status(status).value)
    if item_ids is not None:
        q = q.where(RequestItem.id.in_(item_ids))
    member_rows: dict[int, list[tuple[int, str, bool, str, int | None, str, str | None]]] = defaultdict(list)
    parts_q = (select(MemberRequest.item_id, MemberRequest.member_id, Member.name, MemberRequest.withdrawn,
                      MemberRequest.content, MemberRequest.annual_cases, MemberRequest.service_drop_detail,
                      MemberRequest.workaround)
               .join(Member, Member.id == MemberRequest.member_id)
               .order_by(Member.sort_order, Member.id))
    if item_ids is not None:
        parts_q = parts_q.where(MemberRequest.item_id.in_(item_ids))
    for item_id, mid, name, withdrawn, content, cases, detail, workaround in s.execute(parts_q):
        member_rows[item_id].append((mid, name, withdrawn, content, cases, detail, workaround))
    subcommittees = dict(s.execute(select(Subcommittee.id, Subcommittee.name)).all())
    needle = _fold(text.strip()) if text and text.strip() else None
    out = []
    for item, code, fname, fit, fsys, osys, fkind, fretired in s.execute(q):
        system = fsys or osys
        if business_system_id is not None and (system is None or system.id != business_system_id):
            continue
        if subcommittee_id is not None and (system is None or system.subcommittee_id != subcommittee_id):
            continue
        mrows = member_rows.get(item.id, [])
        if member_id is not None and not any(m[0] == member_id and (include_withdrawn or not m[2]) for m in mrows):
            continue
        # What every member wrote (要望内容, 低下の内容, 代替運用案), so a search finds an item by it.
        search = "\n".join(t for m in mrows for t in (m[3], m[5], m[6]) if t)
        if needle is not None:
            hay = " ".join(filter(None, [item.key, item.title, code, fname, item.proposed_function, search,
                                         *(m[1] for m in mrows)]))
            if needle not in _fold(hay):
                continue
        active = [m for m in mrows if not m[2]]
        counts = [m[4] for m in active if m[4] is not None]
        out.append(ItemRow(
            item.id, item.key, item.title, item.status, STATUS_LABELS[Status(item.status)], item.function_id, code,
            # A retired function (欠番) keeps its last name, marked wherever a request's target is shown.
            (f"{fname}（欠番）" if fretired and fname else fname) or item.proposed_function, fit,
            system.id if system else None, system.name if system else None,
            system.subcommittee_id if system else None, subcommittees.get(system.subcommittee_id) if system else None,
            tuple(m[1] for m in active), tuple(m[1] for m in mrows if m[2]), item.estimate,
            sum(counts) if counts else None, item.created_at, item.updated_at, item.version,
            search_text=search, function_kind=fkind,
        ))
    return out


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
