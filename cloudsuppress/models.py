"""Typed ORM classes. One database holds one consortium (協議会), like one document file.

Changing a column here means writing an Alembic migration in
``resources/migrations/versions``; ``tests/core/test_migrations.py`` fails when the
models and the migrated schema drift apart.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so that SQLite batch migrations can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Consortium(Base):
    """The 協議会 this database belongs to (exactly one row)."""

    __tablename__ = "consortium"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    preset: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Member(Base):
    """構成団体: a participating municipality."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    population: Mapped[int] = mapped_column(Integer)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Subcommittee(Base):
    """専門部会 (住民業務, 税業務, ...)."""

    __tablename__ = "subcommittee"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    business_systems: Mapped[list[BusinessSystem]] = relationship(
        back_populates="subcommittee", order_by="BusinessSystem.sort_order"
    )


class BusinessSystem(Base):
    """業務システム, with the 分科会 (WG) that looks after it and its current function list."""

    __tablename__ = "business_system"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100), unique=True)
    subcommittee_id: Mapped[int] = mapped_column(ForeignKey("subcommittee.id"), index=True)
    working_group: Mapped[str | None] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    spec_version: Mapped[str | None] = mapped_column(String(50))
    list_source: Mapped[str | None] = mapped_column(String(400))
    list_imported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    subcommittee: Mapped[Subcommittee] = relationship(back_populates="business_systems")
    functions: Mapped[list[Function]] = relationship(
        back_populates="business_system", order_by="Function.sort_order"
    )


class Function(Base):
    """One line of the package function list (機能一覧)."""

    __tablename__ = "function"
    __table_args__ = (UniqueConstraint("business_system_id", "code", name="uq_function_system_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # No separate index: uq_function_system_code already leads with business_system_id, and
    # every extra index slows the 30,000-row import.
    business_system_id: Mapped[int] = mapped_column(ForeignKey("business_system.id"))
    code: Mapped[str] = mapped_column(String(50))
    level1: Mapped[str | None] = mapped_column(String(200))
    level2: Mapped[str | None] = mapped_column(String(200))
    level3: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(400))
    requirement: Mapped[str | None] = mapped_column(Text)
    # 'mandatory' 実装必須機能 / 'optional' 標準オプション機能 / 'excluded' 実装不可機能
    requirement_class: Mapped[str | None] = mapped_column(String(20))
    # '○' / '△' / '×', or None while not yet assessed
    fit: Mapped[str | None] = mapped_column(String(1))
    convenience: Mapped[bool] = mapped_column(Boolean, default=False)
    spec_version: Mapped[str | None] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    business_system: Mapped[BusinessSystem] = relationship(back_populates="functions")
