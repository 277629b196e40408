"""What the presentation mode (F5, the meeting room's projector) shows of each agenda item, read
in one go as plain data: the function, every asking member's request, reason, annual case
count, answer to the resident-service question, its share of the estimate and its hearing
notes, the peer evidence, and where the meeting stands on the item."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.models import HearingNote, Member, MemberRequest, RequestItem
from ..domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS
from .comparison import peer_evidence, peer_line
from .costs import item_shares
from .meeting_queries import AgendaRow, agenda, get_meeting_row


@dataclass(frozen=True)
class PresentedHearing:
    held_on: dt.date
    confirmed: str
    confirmed_cases: int | None


@dataclass(frozen=True)
class PresentedMember:
    """One asking member's part as the room sees it."""

    member: str
    content: str
    reason_label: str
    annual_cases: int | None
    service_drop: bool
    service_drop_label: str  # 低下する / 低下しない
    service_drop_detail: str
    workaround: str | None
    withdrawn: bool
    share: int | None  # its share of the estimate (None while no estimate)
    hearings: tuple[PresentedHearing, ...]


@dataclass(frozen=True)
class PresentedItem:
    """One agenda item on the screen."""

    position: int
    count: int  # items on the agenda: 「3 / 8」
    row: AgendaRow  # key, title, function, status, outcome, 継続 mark
    fit: str | None
    estimate: int | None
    rule_text: str  # 均等割 50％・人口割 50％
    members: tuple[PresentedMember, ...]
    peers: tuple[str, ...]
    peers_judged: bool = False  # the peers judged the function ○ on a Fit&Gap sheet
    gaps: tuple[tuple[str, str], ...] = ()  # members not asking that judged it △ / × (see ops.comparison.PeerEvidence)

    @property
    def peer_line(self) -> str:
        return peer_line(self.peers, judged=self.peers_judged, gaps=self.gaps)


@dataclass(frozen=True)
class Presentation:
    meeting_id: int
    meeting: str  # 第4回 税業務部会
    held_on: dt.date
    items: tuple[PresentedItem, ...]


def build_presentation(s: Session, meeting_id: int) -> Presentation:
    """Every agenda item of the meeting, in agenda order, with all the presentation shows."""
    m = get_meeting_row(s, meeting_id)
    rows = agenda(s, meeting_id)
    ids = [r.item_id for r in rows]
    items = {i.id: i for i in s.scalars(select(RequestItem).where(RequestItem.id.in_(ids)))} if ids else {}
    shares = {i: item_shares(s, i) for i in ids}
    fits: dict[int, str | None] = {r.item_id: None for r in rows}
    from .request_queries import list_item_rows

    for r in list_item_rows(s, item_ids=ids) if ids else []:
        fits[r.id] = r.fit
    evidence = peer_evidence(s, [(i, items[i].function_id) for i in ids])
    parts: dict[int, list[PresentedMember]] = {i: [] for i in ids}
    if ids:
        q = (select(MemberRequest, Member.name).join(Member, Member.id == MemberRequest.member_id)
             .where(MemberRequest.item_id.in_(ids)).order_by(Member.sort_order, Member.id))
        found = list(s.execute(q))
        hearings: dict[int, list[PresentedHearing]] = {}
        part_ids = [p.id for p, _ in found]
        for h in s.scalars(select(HearingNote).where(HearingNote.member_request_id.in_(part_ids))
                           .order_by(HearingNote.held_on, HearingNote.id)) if part_ids else []:
            hearings.setdefault(h.member_request_id, []).append(PresentedHearing(h.held_on, h.confirmed, h.confirmed_cases))
        for p, name in found:
            share = shares[p.item_id].by_member().get(name) if p.item_id in shares else None
            parts[p.item_id].append(PresentedMember(
                name, p.content, REASON_LABELS.get(p.reason, p.reason), p.annual_cases, bool(p.service_drop),
                SERVICE_DROP_LABELS[bool(p.service_drop)], p.service_drop_detail or "", p.workaround, bool(p.withdrawn),
                None if p.withdrawn else share, tuple(hearings.get(p.id, ()))))
    out = tuple(
        PresentedItem(n, len(rows), r, fits.get(r.item_id), items[r.item_id].estimate,
                      shares[r.item_id].rule_text if r.item_id in shares else "", tuple(parts[r.item_id]),
                      evidence[r.item_id].peers, evidence[r.item_id].judged, evidence[r.item_id].gaps)
        for n, r in enumerate(rows, start=1))
    return Presentation(meeting_id, m.label, m.held_on, out)
