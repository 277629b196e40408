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
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
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
    # Full precision: a time is a record of when, never what decides a conflict (the version
    # counters do); rounding it to the second made a part edit touch the item one time in a few.
    return dt.datetime.now()


class Consortium(Base):
    """The 協議会 this database belongs to (exactly one row)."""

    __tablename__ = "consortium"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    preset: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Who signs and who answers the notices sent to members (通知文): the 会長 (his municipality,
    # printed 「那珂市長」, and his name), whether the notice says 「（公印省略）」, and the 担当 block.
    chair_member: Mapped[str | None] = mapped_column(String(100))
    chair_name: Mapped[str | None] = mapped_column(String(100))
    seal_omitted: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    office_section: Mapped[str | None] = mapped_column(String(200))
    office_staff: Mapped[str | None] = mapped_column(String(100))
    office_phone: Mapped[str | None] = mapped_column(String(50))
    office_mail: Mapped[str | None] = mapped_column(String(200))


class Member(Base):
    """構成団体: a participating municipality."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    population: Mapped[int] = mapped_column(Integer)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


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
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}

    subcommittee: Mapped[Subcommittee] = relationship(back_populates="business_systems")
    functions: Mapped[list[Function]] = relationship(
        back_populates="business_system", order_by="Function.sort_order"
    )


class Function(Base):
    """One line of the package function list (機能一覧)."""

    __tablename__ = "function"
    # A form (帳票) may carry the same ID as a function of its business (two numbering series).
    __table_args__ = (UniqueConstraint("business_system_id", "kind", "code", name="uq_function_system_kind_code"),)

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
    # 'function' (機能要件) or 'form' (帳票要件: 帳票ID, 帳票名称, 実装必須帳票 / 標準オプション帳票)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="function", server_default="function")
    # A retired ID (（削除） / 改定区分 削除, 欠番): kept for the requests that point to it, never
    # counted in totals or gap rates, never offered for a new request.
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=text("false"))
    # ○ reached through an alternative function or EUC (Fit&Gap 「代替」), not the standard function.
    fit_alternative: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=text("false"))
    vendor_cost: Mapped[int | None] = mapped_column(Integer)  # カスタマイズ費用 / 概算費用, in yen
    vendor_cost_note: Mapped[str | None] = mapped_column(String(100))  # a cost cell that is not a number: 別途見積
    vendor_alternative: Mapped[str | None] = mapped_column(Text)  # 備考（代替案等） / 代替案
    revision_kind: Mapped[str | None] = mapped_column(String(20))  # 改定区分: 追加 / 修正 / 削除
    revision_note: Mapped[str | None] = mapped_column(Text)  # 改定内容
    rationale: Mapped[str | None] = mapped_column(Text)  # 要件の考え方・理由
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}

    business_system: Mapped[BusinessSystem] = relationship(back_populates="functions")


class MemberJudgement(Base):
    """One member's own judgement of one function (a Fit&Gap sheet's per-member 判定 / 現行運用・要望)."""

    __tablename__ = "member_judgement"
    __table_args__ = (UniqueConstraint("function_id", "member_id", name="uq_member_judgement_function_member"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    function_id: Mapped[int] = mapped_column(ForeignKey("function.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    judgement: Mapped[str | None] = mapped_column(String(1))  # ○ / △ / × / － (not applicable) or None
    note: Mapped[str | None] = mapped_column(Text)  # 現行運用・要望


# --- customization requests (issue 3) ----------------------------------------------------


class RequestItem(Base):
    """要望項目: one row of the comparison table, shared by one or more members.

    It concerns an existing function (``function_id``) or a function the package lacks,
    described by ``business_system_id`` and ``proposed_function``. ``estimate`` is the vendor's
    price for the whole item (split among the members later), so it lives here, not per member.
    """

    __tablename__ = "request_item"
    # AUTOINCREMENT: an undone insert's id is never reused, so the history of an id is one item's.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(30), unique=True)  # 要望番号
    function_id: Mapped[int | None] = mapped_column(ForeignKey("function.id"), index=True)
    business_system_id: Mapped[int | None] = mapped_column(ForeignKey("business_system.id"), index=True)
    proposed_function: Mapped[str | None] = mapped_column(String(400))
    title: Mapped[str] = mapped_column(String(200))
    # workflow.Status values: requested / under_review / standardized / withdrawn / customized
    status: Mapped[str] = mapped_column(String(20), default="requested")
    estimate: Mapped[int | None] = mapped_column(Integer)  # 見積額 (yen, whole item)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class MemberRequest(Base):
    """One member's part in a request item: what it asks, why, and its answer to the policy question."""

    __tablename__ = "member_request"
    __table_args__ = (UniqueConstraint("item_id", "member_id", name="uq_member_request_item_member"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("request_item.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    content: Mapped[str] = mapped_column(Text)  # 要望内容
    reason: Mapped[str] = mapped_column(String(20))  # vocab.REASON_LABELS key
    service_drop: Mapped[bool] = mapped_column(Boolean)  # 住民サービス水準が低下する
    service_drop_detail: Mapped[str] = mapped_column(Text)  # 低下の内容 / 低下しない理由
    annual_cases: Mapped[int | None] = mapped_column(Integer)  # 年間処理件数
    workaround: Mapped[str | None] = mapped_column(Text)  # 代替運用案
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class HearingNote(Base):
    """ヒアリング記録: what the secretariat confirmed with the requesting member."""

    __tablename__ = "hearing_note"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    member_request_id: Mapped[int] = mapped_column(ForeignKey("member_request.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    confirmed: Mapped[str] = mapped_column(Text)
    confirmed_cases: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Approval(Base):
    """財政課協議 (stage 'finance') or 首長決裁 (stage 'mayor') for one member's part (measure 3)."""

    __tablename__ = "approval"
    __table_args__ = (UniqueConstraint("member_request_id", "stage", name="uq_approval_member_request_stage"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    member_request_id: Mapped[int] = mapped_column(ForeignKey("member_request.id"))
    stage: Mapped[str] = mapped_column(String(10))
    approved_on: Mapped[dt.date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(100))  # 文書番号・決裁番号
    # What a 首長決裁 approved (migration 0008): the member's share, the item's estimate, the member's
    # population and the rule as they stood when it was recorded; shares are recomputed from current
    # data, so these tell when a later change (population, rule, estimate, members) moved the amount
    # away from what the mayor approved (要再決裁). None on 財政課協議 rows and on rows recorded before.
    approved_share: Mapped[int | None] = mapped_column(Integer)
    approved_estimate: Mapped[int | None] = mapped_column(Integer)
    approved_population: Mapped[int | None] = mapped_column(Integer)
    approved_rule: Mapped[str | None] = mapped_column(String(100))


class StatusChange(Base):
    """One step of an item's status history; decisions are never edited, only followed by another step."""

    __tablename__ = "status_change"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("request_item.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    # The meeting that decided it (会議), if any: set by meeting outcomes and by `requests move --meeting`.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


# --- meetings (issue 4) -------------------------------------------------------------------


class Meeting(Base):
    """A meeting (協議会 / 専門部会 / 分科会) where request items are discussed and decided."""

    __tablename__ = "meeting"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # vocab.MEETING_KINDS: council / subcommittee / working_group
    subcommittee_id: Mapped[int | None] = mapped_column(ForeignKey("subcommittee.id"), index=True)
    business_system_id: Mapped[int | None] = mapped_column(ForeignKey("business_system.id"))  # a 分科会's system
    number: Mapped[int | None] = mapped_column(Integer)  # 第N回
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    # "HH:MM" text: minutes print the time as written, and the audit trail stores plain JSON values.
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    place: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)  # 協議内容 for the meeting as a whole
    next_meeting: Mapped[str | None] = mapped_column(Text)  # 次回予定 as printed
    next_meeting_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class MeetingAttendee(Base):
    """出席者: a member's staff (``member_id``), the vendor or the secretariat (``role``)."""

    __tablename__ = "meeting_attendee"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # vocab.ATTENDEE_ROLES: member / vendor / secretariat
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    organization: Mapped[str | None] = mapped_column(String(100))  # the vendor's company, a section name
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))  # 役職
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class AgendaEntry(Base):
    """議題: one request item on a meeting's agenda, with what the meeting made of it."""

    __tablename__ = "agenda_entry"
    __table_args__ = (UniqueConstraint("meeting_id", "item_id", name="uq_agenda_entry_meeting_item"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("request_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # None while not yet discussed; vocab.OUTCOME_LABELS: decided / continued / information
    outcome: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)  # 協議内容 for this item
    decision_status: Mapped[str | None] = mapped_column(String(20))  # the status the decision moved it to
    decision_reason: Mapped[str | None] = mapped_column(Text)
    status_change_id: Mapped[int | None] = mapped_column(ForeignKey("status_change.id"))
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


# --- audit trail and undo ------------------------------------------------------------------


class AuditAction(Base):
    """One user action (the unit of undo): who, when, and a Japanese label for menus and history.

    kind 'op' is a user operation; 'undo' / 'redo' record an undo or redo as it happened.
    state 'done' / 'undone' (on the redo stack) / 'discarded' (redo stack cleared).
    """

    __tablename__ = "audit_action"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(400))
    user: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    kind: Mapped[str] = mapped_column(String(10), default="op")
    state: Mapped[str] = mapped_column(String(10), default="done")
    undoable: Mapped[bool] = mapped_column(Boolean, default=True)
    target_id: Mapped[int | None] = mapped_column(Integer)  # for undo/redo: the action undone or redone


class AuditChange(Base):
    """One recorded change: an insert or delete (full row as JSON), or an update of one field
    (``field`` set, JSON scalars) or of several at once (``field`` NULL, JSON objects; bulk imports)."""

    __tablename__ = "audit_change"
    __table_args__ = (Index("ix_audit_change_table_row", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("audit_action.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(20))  # insert / update / delete / bulk_insert
    field: Mapped[str | None] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the request item it belongs to, for the history tab


# --- costs and the four measures (issue 5) -------------------------------------------------------


class CostRule(Base):
    """The consortium's cost apportionment rule (費用按分のルール): one row; none means equal, whole yen.

    Shares are never stored: they are recomputed from the rule, the item's estimate and its
    current members whenever they are shown, so they cannot go stale when a member joins or leaves.
    """

    __tablename__ = "cost_rule"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    method: Mapped[str] = mapped_column(String(20))  # costs.Method: equal / population / mixed
    ratio_equal: Mapped[int] = mapped_column(Integer)  # 均等割の割合 (50 of 50:50)
    ratio_population: Mapped[int] = mapped_column(Integer)  # 人口割の割合
    unit: Mapped[int] = mapped_column(Integer, default=1)  # 1 円単位 / 1000 千円未満切捨て
    population_date: Mapped[dt.date | None] = mapped_column(Date)  # 人口基準日 of members' populations
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class ItemCostRule(Base):
    """An item's own apportionment method, overriding the consortium's rule for that item only."""

    __tablename__ = "item_cost_rule"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("request_item.id"), unique=True)
    method: Mapped[str] = mapped_column(String(20))
    ratio_equal: Mapped[int] = mapped_column(Integer)
    ratio_population: Mapped[int] = mapped_column(Integer)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class Briefing(Base):
    """庁内説明会 (measure 1): a member's internal briefing on the no-customization policy."""

    __tablename__ = "briefing"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    attendees: Mapped[int] = mapped_column(Integer)  # 参加人数
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class SelectionEvent(Base):
    """A vendor-selection event (measure 2): RFI presentation (RFI説明会), second selection (二次選考)."""

    __tablename__ = "selection_event"
    __table_args__ = (UniqueConstraint("name", "held_on", name="uq_selection_event_name_held_on"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    # Bumped by every UPDATE; saving over a newer version is refused (see concurrency.py).
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}


class SelectionAttendee(Base):
    """One member's staff member at a vendor-selection event."""

    __tablename__ = "selection_attendee"
    __table_args__ = (UniqueConstraint("event_id", "member_id", "person", name="uq_selection_attendee_event_member_person"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("selection_event.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    person: Mapped[str] = mapped_column(String(100))  # 氏名
    section: Mapped[str | None] = mapped_column(String(100))  # 所属（課名）


class DecisionAcceptance(Base):
    """後乗り: a member that joined late accepts a decision the consortium took before it joined."""

    __tablename__ = "decision_acceptance"
    __table_args__ = (UniqueConstraint("member_id", "item_id", name="uq_decision_acceptance_member_item"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("request_item.id"), index=True)
    accepted_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
