"""Members (構成団体) of the consortium."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit
from ..changes import Changes
from ..errors import DomainError
from ..importers.members import MemberRecord
from ..models import Member


@dataclass(frozen=True)
class MemberRow:
    id: int
    name: str
    population: int
    joined_on: dt.date | None


def list_members(s: Session) -> list[MemberRow]:
    """Members in their display order."""
    return [
        MemberRow(m.id, m.name, m.population, m.joined_on)
        for m in s.scalars(select(Member).order_by(Member.sort_order, Member.id))
    ]


def add_member(s: Session, *, name: str, population: int, joined_on: dt.date | None = None) -> Changes:
    """Add one member."""
    name = name.strip()
    if not name:
        raise DomainError("団体名を入力してください。")
    if population <= 0:
        raise DomainError("人口は正の整数で入力してください。")
    if s.scalar(select(Member).where(Member.name == name)):
        raise DomainError(f"団体「{name}」はすでに登録されています。")
    order = (s.scalar(select(func.max(Member.sort_order))) or 0) + 1
    with audit.action(s, f"団体「{name}」を追加"):
        s.add(Member(name=name, population=population, joined_on=joined_on, sort_order=order))
        s.flush()
    return Changes(members=True, history=True)


def import_members(s: Session, records: list[MemberRecord]) -> tuple[int, int, Changes]:
    """Add new members and update the population and join date of existing ones. Returns (added, updated, changes)."""
    existing = {m.name: m for m in s.scalars(select(Member))}
    order = (s.scalar(select(func.max(Member.sort_order))) or 0) + 1
    with audit.action(s, f"団体一覧の取り込み（{len(records)} 団体）"):
        added, updated = _import_members(s, records, existing, order)
    return added, updated, Changes(members=True, history=True)


def _import_members(s: Session, records: list[MemberRecord], existing: dict, order: int) -> tuple[int, int]:
    added = updated = 0
    for rec in records:
        m = existing.get(rec.name)
        if m is None:
            s.add(Member(name=rec.name, population=rec.population, joined_on=rec.joined_on, sort_order=order))
            order += 1
            added += 1
        elif (m.population, m.joined_on) != (rec.population, rec.joined_on or m.joined_on):
            m.population = rec.population
            m.joined_on = rec.joined_on or m.joined_on
            updated += 1
    s.flush()
    return added, updated
