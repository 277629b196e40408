"""Each member's own judgement of a function (a Fit&Gap sheet's per-member 判定 / 現行運用・要望).

A member's △ or × is where its customization requests come from: ``member_gap_rows`` gives
them, and ``reports.request_template_xlsx.write_request_template(prefill=…)`` turns them into
that member's pre-filled request workbook (the 要望票 round trip: the member completes the
mandatory answers and sends it back; ``requests import`` reads it).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.models import BusinessSystem, Function, Member, MemberJudgement

GAP_MARKS = ("△", "×")


@dataclass(frozen=True)
class JudgementRow:
    function_id: int
    code: str
    kind: str
    business_system: str
    member_id: int
    member: str
    judgement: str | None  # ○ / △ / × / － (not applicable) or None
    note: str | None  # 現行運用・要望


@dataclass(frozen=True)
class GapRow:
    """A function a member judged △ or ×, with what it wrote: one pre-filled request line."""

    function_id: int
    code: str
    kind: str
    business_system: str
    name: str
    fit: str | None  # the package's answer
    judgement: str | None  # △ or × (the query asks for those only)
    note: str | None


def list_judgements(s: Session, *, function_id: int | None = None, member_id: int | None = None,
                    function_ids: Iterable[int] | None = None) -> list[JudgementRow]:
    """Judgements, optionally of one function, of some functions or of one member, in list order."""
    q = (select(MemberJudgement.function_id, Function.code, Function.kind, BusinessSystem.name,
                MemberJudgement.member_id, Member.name, MemberJudgement.judgement, MemberJudgement.note)
         .join(Function, Function.id == MemberJudgement.function_id)
         .join(BusinessSystem, BusinessSystem.id == Function.business_system_id)
         .join(Member, Member.id == MemberJudgement.member_id)
         .order_by(BusinessSystem.sort_order, Function.kind.desc(), Function.sort_order, Member.sort_order, Member.id))
    if function_id is not None:
        q = q.where(MemberJudgement.function_id == function_id)
    if function_ids is not None:
        ids = sorted(set(function_ids))
        if not ids:
            return []
        q = q.where(MemberJudgement.function_id.in_(ids))
    if member_id is not None:
        q = q.where(MemberJudgement.member_id == member_id)
    return [JudgementRow(*row) for row in s.execute(q)]


def member_gap_rows(s: Session, *, member_id: int, business_system_id: int | None = None) -> list[GapRow]:
    """The live functions and forms this member judged △ or ×, in list order."""
    q = (select(Function.id, Function.code, Function.kind, BusinessSystem.name, Function.name, Function.fit,
                MemberJudgement.judgement, MemberJudgement.note)
         .join(Function, Function.id == MemberJudgement.function_id)
         .join(BusinessSystem, BusinessSystem.id == Function.business_system_id)
         .where(MemberJudgement.member_id == member_id, MemberJudgement.judgement.in_(GAP_MARKS),
                Function.retired.is_(False))
         .order_by(BusinessSystem.sort_order, Function.kind.desc(), Function.sort_order, Function.id))
    if business_system_id is not None:
        q = q.where(Function.business_system_id == business_system_id)
    return [GapRow(*row) for row in s.execute(q)]
