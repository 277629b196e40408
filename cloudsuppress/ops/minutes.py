"""The minutes (議事録) of a meeting as plain data: what the PDF and the Word writers print."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Member, MemberRequest
from ..vocab import ATTENDEE_ROLE_LABELS, ATTENDEE_ROLES
from ..wareki import to_wareki
from .consortium import get_consortium
from .meeting_queries import AgendaRow, AttendeeRow, DecisionRow, MeetingRow, MeetingWarning, get_meeting_detail


@dataclass(frozen=True)
class Minutes:
    consortium: str
    meeting: MeetingRow
    title: str  # 第2回 住民業務部会 議事録
    when: str  # 令和8年11月22日（日）14:00～16:00
    place: str
    attendees: tuple[tuple[str, tuple[AttendeeRow, ...]], ...]  # (構成団体 / ベンダー / 事務局, rows), empty groups left out
    agenda: tuple[AgendaRow, ...]
    notes: str | None
    decisions: tuple[DecisionRow, ...]
    continued: tuple[AgendaRow, ...]
    next_meeting: str  # as printed, '' when not set
    warnings: tuple[MeetingWarning, ...]


def when_text(held_on: dt.date, start: str | None, end: str | None) -> str:
    """令和8年11月22日（日）14:00～16:00 (times left out when not recorded)."""
    text = to_wareki(held_on, weekday=True)
    if start:
        text += f"　{start}～{end or ''}"
    return text


def outcome_text(row: AgendaRow) -> str:
    """The result line of one agenda item: 決定（取下げ）: reason / 継続審議 / 報告 / 未協議."""
    if row.outcome == "decided" and row.decision_label:
        return f"決定（{row.decision_label}）" + (f"：{row.decision_reason}" if row.decision_reason else "")
    return row.outcome_label


def members_at(s: Session, item_ids: list[int], held_on: dt.date) -> dict[int, tuple[str, ...]]:
    """The requesting members of each item as they were on ``held_on``, in member order.

    A member that withdrew after that day (or at the meeting itself) was still asking at the
    meeting and is listed; one that withdrew earlier is not, nor one whose withdrawal has no
    date (nothing says it was still asking). The minutes of a past meeting thus print the same
    names whenever they are printed, however the members decide later.
    """
    out: dict[int, list[str]] = {i: [] for i in item_ids}
    if not item_ids:
        return {}
    rows = s.execute(select(MemberRequest.item_id, Member.name, MemberRequest.withdrawn, MemberRequest.withdrawn_on)
                     .join(Member, Member.id == MemberRequest.member_id)
                     .where(MemberRequest.item_id.in_(item_ids))
                     .order_by(Member.sort_order, Member.id))
    for item_id, name, withdrawn, withdrawn_on in rows:
        if not withdrawn or (withdrawn_on is not None and withdrawn_on >= held_on):
            out[item_id].append(name)
    return {i: tuple(names) for i, names in out.items()}


def build_minutes(s: Session, meeting_id: int) -> Minutes:
    """Everything the minutes print, read in one go; the agenda's members as they were at the meeting."""
    d = get_meeting_detail(s, meeting_id)
    info = get_consortium(s)
    m = d.meeting
    then = members_at(s, [r.item_id for r in d.agenda + d.continued], m.held_on)
    agenda = tuple(replace(r, members=then[r.item_id]) for r in d.agenda)
    continued = tuple(replace(r, members=then[r.item_id]) for r in d.continued)
    groups = tuple((ATTENDEE_ROLE_LABELS[role], rows) for role in ATTENDEE_ROLES
                   if (rows := tuple(a for a in d.attendees if a.role == role)))
    nxt = d.next_meeting or ""
    if d.next_meeting_on and to_wareki(d.next_meeting_on) not in nxt:
        nxt = to_wareki(d.next_meeting_on, weekday=True) + (f"　{nxt}" if nxt else "")
    return Minutes(info.name if info else "", m, f"{m.label} 議事録", when_text(m.held_on, m.start_time, m.end_time),
                   m.place or "", groups, agenda, d.notes, d.decisions, continued, nxt, d.warnings)
