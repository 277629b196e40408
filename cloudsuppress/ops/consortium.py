"""The consortium itself and its structure: subcommittees and business systems."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit
from ..changes import Changes
from ..errors import DomainError
from ..models import BusinessSystem, Consortium, Subcommittee
from ..presets import PRESETS


@dataclass(frozen=True)
class ConsortiumInfo:
    id: int
    name: str
    preset: str | None
    created_at: dt.datetime


def get_consortium(s: Session) -> ConsortiumInfo | None:
    """The consortium of this database, or None if it has not been created yet."""
    c = s.scalars(select(Consortium).order_by(Consortium.id)).first()
    return ConsortiumInfo(c.id, c.name, c.preset, c.created_at) if c else None


def create_consortium(s: Session, *, name: str, preset: str = "ibaraki33") -> Changes:
    """Create the consortium and, from a preset, its subcommittees and business systems."""
    name = name.strip()
    if not name:
        raise DomainError("協議会の名称を入力してください。")
    if get_consortium(s) is not None:
        raise DomainError("このデータベースにはすでに協議会が登録されています。")
    if preset not in PRESETS:
        raise DomainError(f"プリセット「{preset}」はありません（{', '.join(PRESETS)}）。")
    with audit.action(s, f"協議会「{name}」を作成", undoable=False):
        _create_structure(s, name, preset)
    return Changes(consortium=True, structure=True, history=True)


def _create_structure(s: Session, name: str, preset: str) -> None:
    s.add(Consortium(name=name, preset=preset))
    subcommittees, systems = PRESETS[preset]
    by_name = {}
    for order, sc_name in enumerate(subcommittees):
        by_name[sc_name] = Subcommittee(name=sc_name, sort_order=order)
        s.add(by_name[sc_name])
    for order, ps in enumerate(systems):
        s.add(BusinessSystem(code=ps.code, name=ps.name, subcommittee=by_name[ps.subcommittee],
                             working_group=f"{ps.name}WG", sort_order=order))
    s.flush()


def list_subcommittees(s: Session) -> list[str]:
    """The 専門部会 names in display order."""
    return list(s.scalars(select(Subcommittee.name).order_by(Subcommittee.sort_order, Subcommittee.id)))


def add_subcommittee(s: Session, *, name: str) -> Changes:
    """Add a 専門部会."""
    name = name.strip()
    if not name:
        raise DomainError("専門部会の名称を入力してください。")
    if s.scalar(select(Subcommittee).where(Subcommittee.name == name)):
        raise DomainError(f"専門部会「{name}」はすでにあります。")
    order = (s.scalar(select(func.max(Subcommittee.sort_order))) or 0) + 1
    with audit.action(s, f"専門部会「{name}」を追加"):
        s.add(Subcommittee(name=name, sort_order=order))
        s.flush()
    return Changes(structure=True, history=True)


def add_business_system(
    s: Session, *, name: str, subcommittee: str, code: str | None = None, working_group: str | None = None
) -> Changes:
    """Add a business system under an existing subcommittee."""
    name = name.strip()
    if not name:
        raise DomainError("業務の名称を入力してください。")
    sc = s.scalar(select(Subcommittee).where(Subcommittee.name == subcommittee))
    if sc is None:
        raise DomainError(f"専門部会「{subcommittee}」がありません。")
    if s.scalar(select(BusinessSystem).where(BusinessSystem.name == name)):
        raise DomainError(f"業務「{name}」はすでにあります。")
    order = (s.scalar(select(func.max(BusinessSystem.sort_order))) or 0) + 1
    with audit.action(s, f"業務「{name}」を追加"):
        s.add(BusinessSystem(name=name, subcommittee=sc, code=(code or "").strip() or None,
                             working_group=(working_group or "").strip() or f"{name}WG", sort_order=order))
        s.flush()
    return Changes(structure=True, history=True)


def require_consortium(s: Session) -> ConsortiumInfo:
    """The consortium, or a clear error telling the user to create one first."""
    info = get_consortium(s)
    if info is None:
        raise DomainError("協議会がまだ登録されていません。先に協議会を作成してください（init）。")
    return info
