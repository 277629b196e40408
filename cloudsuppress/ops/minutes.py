"""The minutes (議事録) of a meeting as plain data: what the PDF and the Word writers print."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.models import Member, MemberRequest
from ..domain.vocab import ATTENDEE_ROLE_LABELS, ATTENDEE_ROLES, CUSTOMIZED_PENDING
from ..domain.wareki import to_wareki
from ..domain.workflow import DECISIONS, Status
from ..limits import scrub
from .consortium import get_consortium
from .meeting_queries import AgendaRow, AttendeeRow, DecisionRow, MeetingRow, MeetingWarning, get_meeting_detail


@dataclass(frozen=True)
class MinutesLine:
    """One line of 決定事項 / 継続審議事項 / 報告事項: the item and what the secretariat writes of it."""

    item_id: int
    key: str
    title: str
    to_status: str | None  # the item's status after the meeting (None for 報告事項)
    text: str  # 標準化とする / 取下げとする / カスタマイズを実施する（負担: 射水市、砺波市） / 継続審議とする / 報告
    reason: str | None


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
    decisions: tuple[MinutesLine, ...]  # 決定事項: 標準化 / 取下げ / カスタマイズ実施
    continued: tuple[MinutesLine, ...]  # 継続審議事項
    reports: tuple[MinutesLine, ...]  # 報告事項
    next_meeting: str  # as printed, '' when not set
    warnings: tuple[MeetingWarning, ...]

    def result_of(self, row: AgendaRow) -> str:
        """The 結果 line printed under one agenda item in 協議内容 (as its line in 決定事項 reads)."""
        for x in self.decisions:
            if x.item_id == row.item_id:
                return x.text + (f"：{x.reason}" if x.reason else "")
        return outcome_text(row)


def when_text(held_on: dt.date, start: str | None, end: str | None) -> str:
    """令和8年11月22日（日）14:00～16:00 (times left out when not recorded)."""
    text = to_wareki(held_on, weekday=True)
    if start:
        text += f"　{start}～{end or ''}"
    return text


CONTINUED_TEXT = "継続審議とする"


PENDING_NOTE = "各団体の財政課協議・首長決裁の後に確定"


def decision_text(status: str, bearing: tuple[str, ...] = (), *, pending: bool = False) -> str:
    """What the minutes write for a decision: 「標準化とする」「取下げとする」
    「カスタマイズを実施する（負担: 射水市、砺波市）」; 検討中 is carried over: 「継続審議とする」.
    ``pending``: カスタマイズ decided in principle,
    「カスタマイズを実施する（負担: 射水市、砺波市。各団体の財政課協議・首長決裁の後に確定）」."""
    if pending:
        return "カスタマイズを実施する（" + (f"負担: {'、'.join(bearing)}。" if bearing else "") + PENDING_NOTE + "）"
    st = Status(status)
    if st == Status.STANDARDIZED:
        return "標準化とする"
    if st == Status.WITHDRAWN:
        return "取下げとする"
    if st == Status.CUSTOMIZED:
        return "カスタマイズを実施する" + (f"（負担: {'、'.join(bearing)}）" if bearing else "")
    return CONTINUED_TEXT


def outcome_text(row: AgendaRow, bearing: tuple[str, ...] | None = None) -> str:
    """The result line of one agenda item: 取下げとする：reason / 継続審議とする / 報告 / 未協議."""
    if row.outcome == CUSTOMIZED_PENDING:
        text = decision_text(Status.CUSTOMIZED.value, row.members if bearing is None else bearing, pending=True)
        return text + (f"：{row.decision_reason}" if row.decision_reason else "")
    if row.outcome == "decided" and row.decision_status:
        text = decision_text(row.decision_status, row.members if bearing is None else bearing)
        return text + (f"：{row.decision_reason}" if row.decision_reason else "")
    if row.outcome == "continued":
        return CONTINUED_TEXT
    return row.outcome_label


def bearing_members(s: Session, item_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The members still in each item (not withdrawn): those who bear a customization's cost."""
    out: dict[int, list[str]] = {i: [] for i in item_ids}
    if item_ids:
        for item_id, name in s.execute(select(MemberRequest.item_id, Member.name)
                                       .join(Member, Member.id == MemberRequest.member_id)
                                       .where(MemberRequest.item_id.in_(item_ids), MemberRequest.withdrawn.is_(False))
                                       .order_by(Member.sort_order, Member.id)):
            out[item_id].append(name)
    return {i: tuple(v) for i, v in out.items()}


def minutes_sections(decided: tuple[DecisionRow, ...], agenda: tuple[AgendaRow, ...],
                     bearing: dict[int, tuple[str, ...]]) -> tuple[tuple[MinutesLine, ...], ...]:
    """決定事項, 継続審議事項 and 報告事項 apart: a decision is an item the meeting moved to 標準化,
    取下げ or カスタマイズ実施; an item it carried over (継続審議, or moved only as far as 検討中)
    is 継続審議; 報告のみ is 報告事項."""
    pending = {r.item_id: r for r in agenda if r.outcome == CUSTOMIZED_PENDING}
    final = [d for d in decided if Status(d.to_status) in DECISIONS and d.item_id not in pending]
    done = {d.item_id for d in final} | set(pending)
    lines = [MinutesLine(d.item_id, d.key, d.title, d.to_status,
                         decision_text(d.to_status, bearing.get(d.item_id, ())), d.reason) for d in final]
    lines += [MinutesLine(r.item_id, r.key, r.title, Status.CUSTOMIZED.value,
                          decision_text(Status.CUSTOMIZED.value, bearing.get(r.item_id, ()), pending=True),
                          r.decision_reason) for r in pending.values()]
    order = {r.item_id: n for n, r in enumerate(agenda)}
    decisions = tuple(sorted(lines, key=lambda x: order.get(x.item_id, len(order))))
    continued = tuple(
        MinutesLine(r.item_id, r.key, r.title, r.status, CONTINUED_TEXT,
                    r.decision_reason if r.outcome == "decided" else None)
        for r in agenda if r.item_id not in done and r.is_continued)
    reports = tuple(MinutesLine(r.item_id, r.key, r.title, None, "報告", None)
                    for r in agenda if r.outcome == "information" and r.item_id not in done)
    return decisions, continued, reports


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
    then = members_at(s, [r.item_id for r in d.agenda], m.held_on)
    agenda = tuple(replace(r, members=then[r.item_id]) for r in d.agenda)
    decisions, continued, reports = minutes_sections(
        d.decisions, agenda, bearing_members(s, [x.item_id for x in d.decisions]
                                             + [r.item_id for r in agenda if r.outcome == CUSTOMIZED_PENDING]))
    groups = tuple((ATTENDEE_ROLE_LABELS[role], rows) for role in ATTENDEE_ROLES
                   if (rows := tuple(a for a in d.attendees if a.role == role)))
    nxt = d.next_meeting or ""
    if d.next_meeting_on and to_wareki(d.next_meeting_on) not in nxt:
        nxt = to_wareki(d.next_meeting_on, weekday=True) + (f"　{nxt}" if nxt else "")
    minutes = Minutes(info.name if info else "", m, f"{m.label} 議事録", when_text(m.held_on, m.start_time, m.end_time),
                      m.place or "", groups, agenda, d.notes, decisions, continued, reports, nxt, d.warnings)
    scrubbed = scrub(minutes)  # text stored before the limits may hold controls the .docx cannot take
    assert isinstance(scrubbed, Minutes)  # scrub rebuilds a dataclass as its own class
    return scrubbed
