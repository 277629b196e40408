"""The comparison table (カスタマイズ要望比較一覧表, measure 4): request items grouped by
subcommittee → business system, one column per member, then status and decision.

``build_comparison`` returns plain frozen data that the GUI's comparison view, the PDF and the
xlsx writers all take as it is. With more than ``WIDE_LIMIT`` members (or on request) the
table is meant to be shown in the long layout: one sub-row per asking member.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..bulk import gc_paused
from ..domain.models import (
    AgendaEntry,
    BusinessSystem,
    Meeting,
    Member,
    MemberJudgement,
    MemberRequest,
    StatusChange,
    Subcommittee,
)
from ..domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS, target_code
from ..domain.workflow import DECISIONS, OPEN, Status
from ..phrase import Phrase
from .consortium import get_consortium
from .meetings import get_meeting, meeting_label
from .request_queries import list_item_rows

WIDE_LIMIT = 8  # more members than this: the long layout by default
SHORT_ASK = 40  # characters of the ask shown in a cell of the wide layout on screen


@dataclass(frozen=True)
class ComparisonCell:
    """One member's ask in one item."""

    member: str
    content: str
    annual_cases: int | None
    reason: str
    reason_label: str
    service_drop: bool
    service_drop_label: str  # 低下する / 低下しない
    service_drop_detail: str
    workaround: str | None
    withdrawn: bool

    @property
    def short(self) -> str:
        """The ask cut to SHORT_ASK characters for a screen cell (documents print it whole)."""
        text = " ".join(self.content.split())
        return text if len(text) <= SHORT_ASK else text[: SHORT_ASK - 1] + "…"


@dataclass(frozen=True)
class ComparisonRow:
    """One request item: its function, one cell per member column (None: the member did not ask), outcome."""

    item_id: int
    key: str
    title: str
    function_code: str | None
    function_name: str | None
    fit: str | None
    subcommittee: str | None
    business_system: str | None
    cells: tuple[ComparisonCell | None, ...]
    estimate: int | None
    status: str
    status_label: str
    decision: str  # the decision's reason and meeting, 継続審議, or ''
    # Peer evidence (measure 4, 「他団体ができるのであれば」): the members that do not ask for it and
    # run the business on the package as delivered, in member order (see ``PeerEvidence``).
    peers: tuple[str, ...] = ()
    function_kind: str | None = None  # 'function' / 'form' (帳票)
    peers_judged: bool = False  # the function has Fit&Gap judgements: the peers judged it ○ (see ``peer_line``)
    # Members that do not ask but judged the function △ or × on their Fit&Gap sheet: (member, mark)
    gaps: tuple[tuple[str, str], ...] = ()

    @property
    def target_code(self) -> str | None:
        """function_code as printed: 「帳票 0000004」 for a form."""
        return target_code(self.function_code, self.function_kind)

    @property
    def asking(self) -> tuple[ComparisonCell, ...]:
        return tuple(c for c in self.cells if c is not None)

    @property
    def peer_line(self) -> str:
        """「要望なし: 3団体（上市町・入善町・朝日町）」, or '' when every member asks."""
        return peer_line(self.peers, judged=self.peers_judged, gaps=self.gaps)


@dataclass(frozen=True)
class ComparisonTable:
    consortium: str
    subcommittee: str | None  # None: every subcommittee
    meeting: str | None  # 第2回 住民業務部会
    meeting_date: dt.date | None
    members: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]
    long_layout: bool
    undecided_only: bool = False
    member: str | None = None  # the one member's sheet (its title names it; its withdrawn parts included)

    @property
    def withdrawn_parts(self) -> int:
        """On a member's sheet: how many of its parts it withdrew (printed 取下げ, counted in the note)."""
        if self.member is None:
            return 0
        return sum(1 for r in self.rows for c in r.asking if c.member == self.member and c.withdrawn)


GAP_LINE = "△・×と判定し要望なし: {0}"  # the members, each with its mark: 那珂市（△）・五霞町（×）


def peer_line(peers: tuple[str, ...] | list[str], *, judged: bool = False,
              gaps: tuple[tuple[str, str], ...] = ()) -> str:
    """The short line printed under an item: 「要望なし: 3団体（上市町・入善町・朝日町）」 ('' for none).

    ``judged``: the function has members' Fit&Gap judgements, so the peers are those who judged it ○
    (and members the sheet did not cover that do not ask), not every member without a request (review
    R27: 「要望なし: 14団体」 for one request among 34 members read as if 19 had asked): the line says
    what they have in common, 「標準機能で運用: 14団体（…）」.

    ``gaps``: members that do not ask but judged the function △ or × on their sheet (#12 item 5: each
    member's judgement shown in the comparison), added as 「△・×と判定し要望なし: 那珂市（△）」 — a gap
    they will close by their own operation, or a request still to come."""
    line = f"{'標準機能で運用' if judged else '要望なし'}: {len(peers)}団体（{'・'.join(peers)}）" if peers else ""
    if gaps:
        line += ("　" if line else "") + GAP_LINE.format("・".join(f"{name}（{mark}）" for name, mark in gaps))
    return line


def _judgements(s: Session, function_ids: set[int]) -> dict[tuple[int, int], str | None]:
    """(function id, member id) → the member's own Fit&Gap judgement (○ △ × －), where a sheet gave one."""
    if not function_ids:
        return {}
    # One query for all the functions (the pair is unique), not one per function: 1,000 items
    # took 1,000 round trips through the ORM, twice per sheet.
    q = (select(MemberJudgement.function_id, MemberJudgement.member_id, MemberJudgement.judgement)
         .where(MemberJudgement.function_id.in_(sorted(function_ids))))
    return {(f, m): j for f, m, j in s.execute(q)}


@dataclass(frozen=True)
class PeerEvidence:
    """Measure 4's evidence for one item, from the members that do not ask for it (a member that
    withdrew its part asks no more, but its withdrawal shows in its own cell, so it is neither):
    ``peers`` run the business on the package as delivered, in member order — where a Fit&Gap sheet
    gave the member's own judgement of the function only ○ counts (△/× is a gap of its own, － a
    business it does not run), otherwise not asking is the evidence; ``gaps`` judged it △ or × on
    their sheet, with the mark; ``judged``: members' judgements cover the function at all."""

    peers: tuple[str, ...]
    gaps: tuple[tuple[str, str], ...]
    judged: bool


def peer_evidence(s: Session, items: list[tuple[int, int | None]]) -> dict[int, PeerEvidence]:
    """Per item (item id, function id): its ``PeerEvidence``, read in three queries for all the items."""
    members = list(s.execute(select(Member.id, Member.name).order_by(Member.sort_order, Member.id)))
    ids = [i for i, _ in items]
    involved: dict[int, set[int]] = {i: set() for i in ids}
    if ids:
        for item_id, member_id in s.execute(select(MemberRequest.item_id, MemberRequest.member_id)
                                            .where(MemberRequest.item_id.in_(ids))):
            involved[item_id].add(member_id)
    judgements = _judgements(s, {f for _, f in items if f is not None})
    covered = {f for f, _ in judgements}
    out = {}
    for item_id, function_id in items:
        peers: list[str] = []
        gaps: list[tuple[str, str]] = []
        for mid, name in members:
            if mid in involved[item_id]:
                continue
            mark = judgements.get((function_id, mid)) if function_id is not None else None
            if mark is None or mark in ("○", "〇"):
                peers.append(name)
            elif mark in ("△", "×"):
                gaps.append((name, mark))
        out[item_id] = PeerEvidence(tuple(peers), tuple(gaps), function_id in covered)
    return out


DECIDED_AT = "{0}（{1}）"  # the decision's reason, the meeting
CONTINUED_AT = "継続審議（{0}）"  # the meeting
PATTERNS = (DECIDED_AT, CONTINUED_AT)


def _decisions(s: Session, item_ids: list[int]) -> dict[int, str]:
    """Per item: why and where its current decision was made, or 継続審議 at its latest meeting."""
    meetings = {m.id: m for m in s.scalars(select(Meeting))}
    out: dict[int, str] = {}
    for c in s.scalars(select(StatusChange).where(StatusChange.item_id.in_(item_ids)).order_by(StatusChange.id)):
        text = c.reason or ""
        m = meetings.get(c.meeting_id) if c.meeting_id else None
        if m is not None:  # a Phrase: the screen spells the meeting in its language
            text = Phrase(DECIDED_AT, text, meeting_label(m))
        out[c.item_id] = text if Status(c.to_status) in DECISIONS else ""
    continued: dict[int, str] = {}
    for e, _held_on in s.execute(select(AgendaEntry, Meeting.held_on).join(Meeting, Meeting.id == AgendaEntry.meeting_id)
                                .where(AgendaEntry.item_id.in_(item_ids), AgendaEntry.outcome == "continued")
                                .order_by(Meeting.held_on, Meeting.id)):
        continued[e.item_id] = Phrase(CONTINUED_AT, meeting_label(meetings[e.meeting_id]))  # the latest meeting wins
    for item_id, text in continued.items():
        if not out.get(item_id):
            out[item_id] = text
    return out


@dataclass(frozen=True)
class ComparisonFilter:
    """Which items of a comparison table are shown: a 専門部会 (by name), the items a member asks for
    (its part not withdrawn), undecided items only. The screen's filters and the exports apply
    this one rule."""

    subcommittee: str | None = None
    member: str | None = None
    undecided: bool = False


def filter_comparison_rows(rows: Sequence[ComparisonRow], members: Sequence[str],
                           f: ComparisonFilter) -> list[ComparisonRow]:
    """The rows ``f`` lets through, in their order (``members``: the table's member columns)."""
    out = list(rows)
    if f.subcommittee is not None:
        out = [r for r in out if r.subcommittee == f.subcommittee]
    if f.undecided:
        out = [r for r in out if Status(r.status) in OPEN]
    if f.member is not None:
        i = list(members).index(f.member)
        out = [r for r in out if (cell := r.cells[i]) is not None and not cell.withdrawn]
    return out


@gc_paused()  # thousands of cells and rows, none cyclic: the collector only walked the heap (~0.1 s)
def build_comparison(
    s: Session, *, subcommittee_id: int | None = None, meeting_id: int | None = None, undecided_only: bool = False,
    member_id: int | None = None, long_layout: bool | None = None, item_ids: list[int] | None = None,
) -> ComparisonTable:
    """The comparison table, filtered by subcommittee, a meeting's agenda (in agenda order),
    undecided items only, one member's items, or chosen items (a selection in a list).
    ``long_layout`` None: long when more than 8 members."""
    info = get_consortium(s)
    members = list(s.execute(select(Member.id, Member.name).order_by(Member.sort_order, Member.id)))
    meeting = get_meeting(s, meeting_id) if meeting_id is not None else None
    # A member's own sheet shows its withdrawn parts too, marked 取下げ, so it counts what the summary counts.
    rows = list_item_rows(s, subcommittee_id=subcommittee_id, member_id=member_id, item_ids=item_ids,
                          include_withdrawn=member_id is not None)
    if meeting is not None:
        order = dict(s.execute(select(AgendaEntry.item_id, AgendaEntry.position)
                               .where(AgendaEntry.meeting_id == meeting.id)).all())
        rows = sorted((r for r in rows if r.id in order), key=lambda r: order[r.id])
        if subcommittee_id is None:
            subcommittee_id = meeting.subcommittee_id
    else:
        sub_order: dict[int | None, int] = dict(s.execute(select(Subcommittee.id, Subcommittee.sort_order)).all())
        sys_order: dict[int | None, int] = dict(s.execute(select(BusinessSystem.id, BusinessSystem.sort_order)).all())
        rows.sort(key=lambda r: (sub_order.get(r.subcommittee_id, 1 << 30), sys_order.get(r.business_system_id, 1 << 30),
                                 r.key))
    if undecided_only:
        rows = [r for r in rows if Status(r.status) in OPEN]
    ids = [r.id for r in rows]
    parts: dict[int, dict[int, ComparisonCell]] = {}
    # The columns, not the entities: ~9,000 parts for 1,000 items, none of them changed here.
    mr = MemberRequest
    for item, part_member, name, content, cases, reason, drop, detail, workaround, withdrawn in s.execute(
            select(mr.item_id, mr.member_id, Member.name, mr.content, mr.annual_cases, mr.reason, mr.service_drop,
                   mr.service_drop_detail, mr.workaround, mr.withdrawn)
            .join(Member, Member.id == mr.member_id).where(mr.item_id.in_(ids))):
        parts.setdefault(item, {})[part_member] = ComparisonCell(
            name, content, cases, reason, REASON_LABELS.get(reason, reason), bool(drop),
            SERVICE_DROP_LABELS[bool(drop)], detail, workaround, bool(withdrawn))
    decisions = _decisions(s, ids) if ids else {}
    evidence = peer_evidence(s, [(r.id, r.function_id) for r in rows])
    out = tuple(
        ComparisonRow(r.id, r.key, r.title, r.function_code, r.function_name, r.fit, r.subcommittee, r.business_system,
                      tuple(parts.get(r.id, {}).get(mid) for mid, _ in members), r.estimate, r.status, r.status_label,
                      decisions.get(r.id, ""), evidence[r.id].peers, r.function_kind, evidence[r.id].judged,
                      evidence[r.id].gaps)
        for r in rows
    )
    sub_name = s.scalar(select(Subcommittee.name).where(Subcommittee.id == subcommittee_id)) if subcommittee_id else None
    return ComparisonTable(
        info.name if info else "", sub_name, meeting_label(meeting) if meeting else None,
        meeting.held_on if meeting else None, tuple(name for _, name in members), out,
        len(members) > WIDE_LIMIT if long_layout is None else long_layout, undecided_only,
        next((name for mid, name in members if mid == member_id), None) if member_id is not None else None,
    )
