"""Customization requests: create an item, join it, edit it, move it through the workflow,
withdraw one member's part, record hearings and approvals.

Every operation takes a Session (the caller owns the transaction), opens one audit action
with a Japanese label (the unit of undo), and returns Changes. Every refusal is a
DomainError (a WorkflowError for status moves) whose message is shown as it is.
Reading lives in ``request_queries``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..changes import Changes, ChangesWithId
from ..domain import audit
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
)
from ..domain.vocab import APPROVAL_LABELS, APPROVAL_STAGES, REASON_LABELS
from ..domain.wareki import to_wareki
from ..domain.workflow import (
    OPEN,
    ApprovalFact,
    ItemFacts,
    MemberFact,
    Status,
    approvals_complete,
    check_approval,
    check_move,
    parse_status,
)
from ..errors import ConcurrentEditError, DomainError
from ..store.concurrency import check_version, reapplicable
from ..store.locks import lock_numbering, lock_row
from ..unset import UNSET, Unset
from .inputs import PART_PROBLEM_MESSAGES as PART_PROBLEM_MESSAGES  # re-exported: the editor's and CLI's inputs
from .inputs import ItemFields as ItemFields
from .inputs import MemberPart as MemberPart
from .inputs import PartFields as PartFields
from .inputs import part_problems as part_problems
from .items import get_item as get_item  # re-exported: callers read items through the request ops
from .items import pending_decision as pending_decision
from .items import pending_decisions as pending_decisions
from .meeting_held import check_meeting_held
from .meeting_label import meeting_label

CHANGED = Changes(requests=True, history=True)
KEY_PREFIX = "R-"
_KEY_RE = re.compile(r"^R-(\d+)$")




def _now() -> dt.datetime:
    return dt.datetime.now()  # full precision (see models._now)



def _touch_item(s: Session, item: RequestItem, now: dt.datetime) -> None:
    """Record that the item changed (its updated_at) because one member's part did, without moving the
    item's version: the version says "another user changed this item's own fields", which a part's
    edit did not (the part has its own version). An ORM assignment would bump the version, and did
    so whenever the rounded clock had moved on, hence the false 「ほかの利用者が変更しました」."""
    if item in s.dirty:  # the item's own fields change in this flush anyway: one UPDATE, one version step
        item.updated_at = now
        return
    old = item.updated_at
    s.execute(update(RequestItem).where(RequestItem.id == item.id).values(updated_at=now)
              .execution_options(synchronize_session=False))
    set_committed_value(item, "updated_at", now)
    audit.record_changes(s, [dict(table_name="request_item", row_id=item.id, op="update", field="updated_at",
                                  old_value=audit.encode(old), new_value=audit.encode(now), item_id=item.id)])


# --- look-ups ---------------------------------------------------------------------------------


def resolve_item(s: Session, ref: str | int) -> int:
    """The id of an item given its 要望番号 (R-0001) or its numeric id."""
    text = str(ref).strip()
    item_id = s.scalar(select(RequestItem.id).where(RequestItem.key == text))
    if item_id is None and text.isdigit():
        item_id = s.scalar(select(RequestItem.id).where(RequestItem.id == int(text)))
    if item_id is None:
        raise DomainError(f"要望「{text}」が見つかりません（要望番号または id を指定してください）。")
    return item_id


def resolve_member(s: Session, name: str) -> int:
    """The id of a member given its name."""
    member_id = s.scalar(select(Member.id).where(Member.name == name.strip()))
    if member_id is None:
        names = "、".join(s.scalars(select(Member.name).order_by(Member.sort_order, Member.id)))
        raise DomainError(f"団体「{name}」は登録されていません（登録済み: {names or 'なし'}）。")
    return member_id


def next_key(s: Session, taken: set[str] | None = None) -> str:
    """The next free generated 要望番号 (R-0001, R-0002, ...)."""
    numbers = [int(m.group(1)) for k in s.scalars(select(RequestItem.key)) if (m := _KEY_RE.match(k))]
    numbers += [int(m.group(1)) for k in taken or () if (m := _KEY_RE.match(k))]
    return f"{KEY_PREFIX}{max(numbers, default=0) + 1:04d}"


def key_number(key: str) -> int | None:
    """The number of a generated 要望番号 (R-0042 → 42), None for a key of another form."""
    m = _KEY_RE.match(key)
    return int(m.group(1)) if m else None


def _member_name(s: Session, member_id: int) -> str:
    name = s.scalar(select(Member.name).where(Member.id == member_id))
    if name is None:
        raise DomainError(f"団体（id {member_id}）が見つかりません。")
    return name


def _part(s: Session, item_id: int, member_id: int) -> MemberRequest | None:
    return s.scalar(select(MemberRequest).where(MemberRequest.item_id == item_id, MemberRequest.member_id == member_id))


def _require_part(s: Session, item: RequestItem, member_id: int) -> MemberRequest:
    part = _part(s, item.id, member_id)
    if part is None:
        raise DomainError(f"団体「{_member_name(s, member_id)}」は要望 {item.key} に参加していません。")
    return part


class _KeyAndStatus(Protocol):
    """An item as _require_open reads it (a RequestItem, or the bulk import's plain row)."""

    @property
    def key(self) -> str: ...
    @property
    def status(self) -> str: ...


def _require_open(item: _KeyAndStatus, what: str) -> None:
    st = Status(item.status)
    if st not in OPEN:
        raise DomainError(
            f"要望 {item.key} は「{st.label}」で決定済みのため、{what}できません。"
            "見直す場合は、理由を記録して「検討中」に戻してください。"
        )


# --- validation -------------------------------------------------------------------------------


def _check_part_fields(values: PartFields) -> None:
    problems = _part_problems(values)
    if problems:
        raise DomainError("。".join(problems) + "。")


def _part_problems(values: PartFields) -> list[str]:
    """part_problems as sentences for a refusal (the reason's with the labels to choose from)."""
    found = part_problems(values)
    if "reason" in found:
        found["reason"] += "（" + "、".join(REASON_LABELS.values()) + "）"
    return list(found.values())


def _complete(values: PartFields) -> dict[str, Any]:
    """A joining member's part as create_item / join_item take it (a field not given: None)."""
    return {f.name: None if (v := getattr(values, f.name)) is UNSET else v for f in dataclasses.fields(values)}


def _check_estimate(estimate: int | None) -> None:
    if estimate is not None and estimate < 0:
        raise DomainError("見積額は 0 以上の金額（円）で入力してください。")


# The bulk import (ops.request_import) checks and stamps its rows as the operations here do.
now, require_open, check_part_fields, check_estimate = _now, _require_open, _check_part_fields, _check_estimate


def _check_function(s: Session, function_id: int | None, business_system_id: int | None,
                    proposed_function: str | None) -> None:
    if function_id is not None:
        if s.get(Function, function_id) is None:
            raise DomainError(f"機能（id {function_id}）が見つかりません。")
        return
    if business_system_id is None or not (proposed_function or "").strip():
        raise DomainError("対象の機能を選ぶか、新しい機能の業務と機能名を入力してください。")
    if s.get(BusinessSystem, business_system_id) is None:
        raise DomainError(f"業務（id {business_system_id}）が見つかりません。")


# --- create and join --------------------------------------------------------------------------


def create_item(
    s: Session, *, member_id: int, content: str, reason: str, service_drop: bool | None, service_drop_detail: str,
    title: str | None = None, function_id: int | None = None, business_system_id: int | None = None,
    proposed_function: str | None = None, annual_cases: int | None = None, workaround: str | None = None,
    estimate: int | None = None, key: str | None = None, allow_duplicate: bool = False, by: str | None = None,
) -> ChangesWithId:
    """Create a request item with its first member's request; refuses a duplicate of an open item."""
    _check_function(s, function_id, business_system_id, proposed_function)
    _check_part_fields(PartFields(content=content, reason=reason, service_drop=service_drop,
                                  service_drop_detail=service_drop_detail, annual_cases=annual_cases))
    _check_estimate(estimate)
    member = _member_name(s, member_id)
    if function_id is not None and not allow_duplicate:
        existing = s.scalars(select(RequestItem.key).where(
            RequestItem.function_id == function_id, RequestItem.status.in_([st.value for st in OPEN]))).all()
        if existing:
            raise DomainError(
                f"この機能にはすでに検討中の要望 {'、'.join(existing)} があります。"
                "同じ要望であれば、新しく登録せずにその要望項目に参加してください。"
            )
    lock_numbering(s, "request_key")  # parallel users: the next number and the check see each other's
    key = (key or "").strip() or next_key(s)
    if s.scalar(select(RequestItem.id).where(RequestItem.key == key)) is not None:
        raise DomainError(f"要望番号「{key}」はすでに使われています。")
    if not (title or "").strip():
        title = s.scalar(select(Function.name).where(Function.id == function_id)) if function_id else proposed_function
    now = _now()
    with audit.action(s, f"要望 {key} を登録（{member}）", by=by) as act:
        item = RequestItem(key=key, function_id=function_id,
                           business_system_id=None if function_id is not None else business_system_id,
                           proposed_function=None if function_id is not None else (proposed_function or "").strip(),
                           title=(title or "").strip(), status=Status.REQUESTED.value, estimate=estimate,
                           created_at=now, updated_at=now)
        s.add(item)
        s.flush()
        s.add(MemberRequest(item_id=item.id, member_id=member_id, content=content.strip(), reason=reason,
                            service_drop=service_drop, service_drop_detail=service_drop_detail.strip(),
                            annual_cases=annual_cases, workaround=(workaround or "").strip() or None,
                            withdrawn=False, created_at=now, updated_at=now))
        s.add(StatusChange(item_id=item.id, from_status=None, to_status=Status.REQUESTED.value,
                           reason=f"{member}から要望", changed_by=act.user, changed_at=now))
        s.flush()
    return ChangesWithId(requests=True, history=True, id=item.id, key=key)


def join_item(
    s: Session, *, item_id: int, member_id: int, content: str, reason: str, service_drop: bool | None,
    service_drop_detail: str, annual_cases: int | None = None, workaround: str | None = None,
    estimate: int | None | Unset = UNSET, by: str | None = None,
) -> Changes:
    """Add a member's request to an existing open item (instead of creating a duplicate); ``estimate``
    (the vendor's price for the whole item, None for 未定) is set in the same action when given."""
    item = get_item(s, item_id)
    member = _member_name(s, member_id)
    _require_open(item, "団体を追加")
    _check_part_fields(PartFields(content=content, reason=reason, service_drop=service_drop,
                                  service_drop_detail=service_drop_detail, annual_cases=annual_cases))
    if estimate is not UNSET:
        _check_estimate(estimate)
    part = _part(s, item_id, member_id)
    if part is not None and not part.withdrawn:
        raise DomainError(f"団体「{member}」はすでに要望 {item.key} に参加しています。内容の修正は編集で行ってください。")
    now = _now()
    with audit.action(s, f"要望 {item.key} に{member}が参加", by=by):
        values = dict(content=content.strip(), reason=reason, service_drop=service_drop,
                      service_drop_detail=service_drop_detail.strip(), annual_cases=annual_cases,
                      workaround=(workaround or "").strip() or None, withdrawn=False, withdrawn_on=None,
                      withdrawn_reason=None, updated_at=now)
        if part is None:
            s.add(MemberRequest(item_id=item_id, member_id=member_id, created_at=now, **values))
        else:  # a member that had withdrawn asks again
            for k, v in values.items():
                setattr(part, k, v)
        if estimate is not UNSET and item.estimate != estimate:
            item.estimate = estimate
        item.updated_at = now
        s.flush()
    return CHANGED


# --- edit -------------------------------------------------------------------------------------


@reapplicable("requests.update_item")
def update_item(
    s: Session, *, item_id: int, title: str | Unset = UNSET, estimate: int | None | Unset = UNSET,
    function_id: int | None | Unset = UNSET, business_system_id: int | None | Unset = UNSET,
    proposed_function: str | None | Unset = UNSET, by: str | None = None, expected_version: int | None = None,
) -> Changes:
    """Change an open item's title, estimate or function (UNSET leaves a field as it is).

    ``expected_version``: the item version the editor showed; a newer stored version raises ConcurrentEditError.
    """
    item = get_item(s, item_id)
    attempted = {k: v for k, v in dict(title=title, estimate=estimate, function_id=function_id,
                                       business_system_id=business_system_id,
                                       proposed_function=proposed_function).items() if v is not UNSET}
    check_version(s, item, expected_version, attempted=attempted)
    _require_open(item, "編集")
    values: dict[str, object] = {
        k: v for k, v in dict(title=title, estimate=estimate, function_id=function_id,
                              business_system_id=business_system_id,
                              proposed_function=proposed_function).items() if v is not UNSET}
    if title is not UNSET and not (title or "").strip():
        raise DomainError("要望名を入力してください。")
    if estimate is not UNSET:
        _check_estimate(estimate)
    if {"function_id", "business_system_id", "proposed_function"} & values.keys():
        fid = item.function_id if function_id is UNSET else function_id
        bsid = item.business_system_id if business_system_id is UNSET else business_system_id
        name = item.proposed_function if proposed_function is UNSET else proposed_function
        _check_function(s, fid, bsid, name)
        if fid is not None:
            values.update(business_system_id=None, proposed_function=None)
    changed = {k: v for k, v in values.items() if getattr(item, k) != v}
    if not changed:
        return Changes()
    with audit.action(s, f"要望 {item.key} を編集", by=by):
        for k, v in changed.items():
            setattr(item, k, v.strip() if isinstance(v, str) else v)
        item.updated_at = _now()
        s.flush()
    return CHANGED


@reapplicable("requests.update_member_request")
def update_member_request(s: Session, *, item_id: int, member_id: int, fields: PartFields, by: str | None = None,
                          expected_version: int | None = None) -> Changes:
    """Change one member's request (the fields given; UNSET ones stay as they are).

    ``expected_version``: the member request's version the editor showed (MemberPartRow.version).
    """
    item = get_item(s, item_id)
    part = _require_part(s, item, member_id)
    check_version(s, part, expected_version, attempted=fields.given())
    _require_open(item, "編集")
    merged = fields.over(PartFields.of(part)).stripped()
    _check_part_fields(merged)
    merged = dataclasses.replace(merged, workaround=merged.workaround or None)
    changed = {k: v for k, v in merged.given().items() if getattr(part, k) != v}
    if not changed:
        return Changes()
    with audit.action(s, f"要望 {item.key} の{_member_name(s, member_id)}の内容を編集", by=by):
        for k, v in changed.items():
            setattr(part, k, v)
        part.updated_at = _now()
        _touch_item(s, item, part.updated_at)
        s.flush()
    return CHANGED


# --- the item editor's save -------------------------------------------------------------------

_ITEM_AS_IT_IS = ItemFields()  # save_item changing members' parts only
_ITEM_FIELD_LABELS = {"title": "要望名", "estimate": "見積額", "function": "対象の機能"}


@reapplicable("requests.save_item")
def save_item(
    s: Session, *, item_id: int | None, parts: Sequence[MemberPart] = (), item: ItemFields = _ITEM_AS_IT_IS,
    key: str | None = None, allow_duplicate: bool = False, by: str | None = None,
    expected_version: int | None = None, part_versions: Mapping[int, int] | None = None,
) -> ChangesWithId:
    """Apply the item editor's whole edit as one audited, undoable action, after validating all of it.

    ``item_id`` None creates the item: ``parts[0]`` is the asking member, the function is
    ``item.function_id`` or ``item.business_system_id`` + ``item.proposed_function``. For an existing
    item, item fields left UNSET stay as they are. A member of ``parts`` already in the item has the
    fields given changed, any other member joins (all mandatory fields needed; a member that withdrew
    its part rejoins with its former answers for the fields not given). Every problem is
    reported at once, each with the member it concerns; nothing is written then. Returns the item's
    id and key (``requests`` False when nothing changed).

    ``expected_version`` / ``part_versions`` ({member id: version}): what the editor showed; when
    another user saved a newer version meanwhile, ConcurrentEditError (re-applicable), nothing written."""
    member_ids = [p.member_id for p in parts]
    if len(set(member_ids)) != len(member_ids):
        raise DomainError("同じ団体の要望が2回指定されています。")
    names = {mid: _member_name(s, mid) for mid in member_ids}  # unknown member: DomainError
    cleaned = [(p.member_id, p.fields.stripped()) for p in parts]
    if item_id is None:
        return _save_new_item(s, cleaned, names, item=item, key=key, allow_duplicate=allow_duplicate, by=by)
    row = get_item(s, item_id)
    # The versions the editor showed (ItemRow.version, MemberPartRow.version by member id): a newer one is refused.
    check_version(s, row, expected_version, attempted=item.given())
    for mid, version in (part_versions or {}).items():
        part = _part(s, row.id, mid)
        if part is not None:
            try:
                check_version(s, part, version, attempted=next((v.given() for m, v in cleaned if m == mid), {}))
            except ConcurrentEditError as exc:
                exc.version_slot = ("part_versions", mid)
                raise
    _require_open(row, "編集")
    problems: list[str] = []
    item_values = item.given()
    changed_fields: list[str] = []
    if "title" in item_values:
        if not (item_values["title"] or "").strip():
            problems.append("要望名を入力してください。")
        elif item_values["title"].strip() != row.title:
            changed_fields.append("title")
    if "estimate" in item_values:
        if item_values["estimate"] is not None and item_values["estimate"] < 0:
            problems.append("見積額は 0 以上の金額（円）で入力してください。")
        elif item_values["estimate"] != row.estimate:
            changed_fields.append("estimate")
    if {"function_id", "business_system_id", "proposed_function"} & item_values.keys():
        fid = item_values.get("function_id", row.function_id)
        bsid = None if fid is not None else item_values.get("business_system_id", row.business_system_id)
        name = None if fid is not None else item_values.get("proposed_function", row.proposed_function)
        try:
            _check_function(s, fid, bsid, name)
        except DomainError as exc:
            problems.append(str(exc))
        if (fid, bsid, (name or "").strip() or None) != (row.function_id, row.business_system_id, row.proposed_function):
            changed_fields.append("function")
    edits: list[tuple[int, PartFields]] = []
    joins: list[tuple[int, PartFields]] = []
    for mid, values in cleaned:
        part = _part(s, row.id, mid)
        if part is not None and not part.withdrawn:
            merged = values.over(PartFields.of(part))
            merged = dataclasses.replace(merged, workaround=merged.workaround or None)
            found = _part_problems(merged)
            diff = {k: v for k, v in merged.given().items() if getattr(part, k) != v}
            if diff and not found:
                edits.append((mid, PartFields(**diff)))
        elif part is not None:  # withdrew and asks again: its former answers stay unless given (walk O11)
            values = values.over(PartFields.of(part))
            found = _part_problems(values)
            joins.append((mid, values))
        else:
            found = _part_problems(values)
            joins.append((mid, values))
        problems += [f"{names[mid]}: {p}。" for p in found]
    if problems:
        raise DomainError("\n".join(problems))
    if not (changed_fields or edits or joins):
        return ChangesWithId(id=row.id, key=row.key)
    label = _edit_label(row.key, changed_fields, [names[m] for m, _ in edits], [names[m] for m, _ in joins])
    with audit.action(s, label, by=by):
        if changed_fields:
            update_item(s, item_id=row.id, by=by, **item_values)
        for mid, diff_fields in edits:
            update_member_request(s, item_id=row.id, member_id=mid, fields=diff_fields, by=by)
        for mid, full in joins:
            join_item(s, item_id=row.id, member_id=mid, by=by, **_complete(full))
    return ChangesWithId(requests=True, history=True, id=row.id, key=row.key)


def _edit_label(key: str, fields: list[str], edited: list[str], joined: list[str]) -> str:
    """「要望 R-0007 を編集（見積額、那珂市の内容、五霞町が参加）」, or 「要望 R-0007 に五霞町が参加」."""
    if joined and not fields and not edited:
        return f"要望 {key} に{'、'.join(joined)}が参加"
    what = ["・".join(_ITEM_FIELD_LABELS[f] for f in fields)] if fields else []
    what += [f"{name}の内容" for name in edited]
    if joined:
        what.append(f"{'、'.join(joined)}が参加")
    return f"要望 {key} を編集（{'、'.join(what)}）"


def _save_new_item(s: Session, parts: list[tuple[int, PartFields]], names: dict[int, str], *, item: ItemFields,
                   key: str | None, allow_duplicate: bool, by: str | None) -> ChangesWithId:
    if not parts:
        raise DomainError("要望する団体を選んでください。")
    fid = None if item.function_id is UNSET else item.function_id
    bsid = None if item.business_system_id is UNSET else item.business_system_id
    name = None if item.proposed_function is UNSET else item.proposed_function
    problems = []
    try:
        _check_function(s, fid, bsid, name)
    except DomainError as exc:
        problems.append(str(exc))
    est = None if item.estimate is UNSET else item.estimate
    if est is not None and est < 0:
        problems.append("見積額は 0 以上の金額（円）で入力してください。")
    for mid, values in parts:
        found = _part_problems(values)
        problems += [(f"{names[mid]}: {p}。" if len(parts) > 1 else f"{p}。") for p in found]
    if problems:
        raise DomainError("\n".join(problems))
    (first, first_values), others = parts[0], parts[1:]
    # The key is settled before the action opens: its label names it, and renaming the action from
    # inside would rename an enclosing one (the demo's) instead.
    lock_numbering(s, "request_key")
    key = (key or "").strip() or next_key(s)
    with audit.action(s, f"要望 {key} を登録（{'、'.join(names[m] for m, _ in parts)}）", by=by):
        created = create_item(s, member_id=first, title=None if item.title is UNSET else item.title, function_id=fid,
                              business_system_id=bsid, proposed_function=name, estimate=est, key=key,
                              allow_duplicate=allow_duplicate, by=by, **_complete(first_values))
        for mid, values in others:
            join_item(s, item_id=created.id, member_id=mid, by=by, **_complete(values))
    return created


# --- workflow ---------------------------------------------------------------------------------


def item_facts(s: Session, item: RequestItem) -> ItemFacts:
    """What the workflow guards need to know about an item."""
    members = []
    for part, name in s.execute(
        select(MemberRequest, Member.name).join(Member, Member.id == MemberRequest.member_id)
        .where(MemberRequest.item_id == item.id).order_by(Member.sort_order, Member.id)
    ):
        approvals = {a.stage: ApprovalFact(a.approved_on, a.reference)
                     for a in s.scalars(select(Approval).where(Approval.member_request_id == part.id))}
        members.append(MemberFact(name, part.withdrawn, approvals.get("finance"), approvals.get("mayor")))
    from .costs import BEARING, stale_approvals  # costs imports this module

    stale: tuple[str, ...] = ()
    if Status(item.status) in BEARING:
        stale = tuple(f"{x.member}（首長決裁 {x.approved:,}円 → 現在 "
                      f"{'未定' if x.now is None else f'{x.now:,}円'}）"
                      for x in stale_approvals(s, item_ids=[item.id]) if x.raised)
    return ItemFacts(item.estimate, tuple(members), stale)


def _set_status(s: Session, item: RequestItem, to: Status, reason: str | None, meeting_id: int | None, user: str) -> None:
    now = _now()
    s.add(StatusChange(item_id=item.id, from_status=item.status, to_status=to.value, reason=(reason or "").strip() or None,
                       meeting_id=meeting_id, changed_by=user, changed_at=now))
    item.status = to.value
    item.updated_at = now


@reapplicable("requests.move_item")
def move_item(s: Session, *, item_id: int, to: Status | str, reason: str | None, meeting_id: int | None = None,
              by: str | None = None, expected_version: int | None = None) -> Changes:
    """Move an item to another status; WorkflowError (nothing changed) when the table or a guard refuses."""
    item = get_item(s, item_id)
    target = parse_status(to)
    check_version(s, item, expected_version, attempted={"status": target.value})
    if meeting_id is not None:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise DomainError(f"会議（id {meeting_id}）が見つかりません。決定した会議を先に登録してください。")
        check_meeting_held(meeting, what="その会議での決定")
    try:
        check_move(item.status, target, reason=reason, facts=item_facts(s, item))
    except DomainError as exc:
        raise type(exc)(f"要望 {item.key}: {exc}") from None
    with audit.action(s, f"要望 {item.key} を{target.label}に変更", by=by) as act:
        _set_status(s, item, target, reason, meeting_id, act.user)
        s.flush()
    return CHANGED


@reapplicable("requests.withdraw_member")
def withdraw_member(s: Session, *, item_id: int, member_id: int, reason: str, on: dt.date | None = None,
                    by: str | None = None, expected_version: int | None = None) -> Changes:
    """Withdraw one member's part; the item becomes withdrawn when no member remains in it.

    ``expected_version``: the member request's version the editor showed.
    """
    item = get_item(s, item_id)
    member = _member_name(s, member_id)
    part = _require_part(s, item, member_id)
    check_version(s, part, expected_version, attempted={"withdrawn": True, "withdrawn_reason": reason})
    _require_open(item, "団体の取下げを")
    if part.withdrawn:
        raise DomainError(f"団体「{member}」は要望 {item.key} をすでに取り下げています（{part.withdrawn_on}）。")
    if not (reason or "").strip():
        raise DomainError("取下げの理由を入力してください。")
    with audit.action(s, f"要望 {item.key} を{member}が取下げ", by=by) as act:
        part.withdrawn = True
        part.withdrawn_on = on or dt.date.today()
        part.withdrawn_reason = reason.strip()
        part.updated_at = _now()
        _touch_item(s, item, part.updated_at)
        s.flush()
        remaining = s.scalar(select(func.count()).select_from(MemberRequest).where(
            MemberRequest.item_id == item.id, MemberRequest.withdrawn.is_(False)))
        if remaining == 0:
            _set_status(s, item, Status.WITHDRAWN, f"すべての団体が要望を取り下げたため（最後: {member}「{reason.strip()}」）",
                        None, act.user)
            s.flush()
    return CHANGED


# --- hearings and approvals -------------------------------------------------------------------


def record_hearing(s: Session, *, item_id: int, member_id: int, held_on: dt.date, confirmed: str,
                   confirmed_cases: int | None = None, by: str | None = None) -> Changes:
    """Record a hearing (ヒアリング記録) with one member about its request."""
    item = get_item(s, item_id)
    part = _require_part(s, item, member_id)
    if not (confirmed or "").strip():
        raise DomainError("ヒアリングで確認した内容を入力してください。")
    if confirmed_cases is not None and confirmed_cases < 0:
        raise DomainError("確認した処理件数は 0 以上の整数で入力してください。")
    with audit.action(s, f"要望 {item.key} の{_member_name(s, member_id)}のヒアリングを記録", by=by):
        s.add(HearingNote(member_request_id=part.id, held_on=held_on, confirmed=confirmed.strip(),
                          confirmed_cases=confirmed_cases, created_at=_now()))
        s.flush()
    return CHANGED


def record_approval(s: Session, *, item_id: int, member_id: int, stage: str, approved_on: dt.date,
                    reference: str | None = None, by: str | None = None, today: dt.date | None = None) -> Changes:
    """Record (or correct) a member's 財政課協議 ('finance') or 首長決裁 ('mayor'); refused while the
    estimate is 未定, for a date after ``today`` (default: the real today), for a 首長決裁 without or
    before the 財政課協議 and for a 財政課協議 after the 首長決裁 (``workflow.check_approval``)."""
    if stage not in APPROVAL_STAGES:
        raise DomainError(f"段階「{stage}」はありません（finance: 財政課協議、mayor: 首長決裁）。")
    item = get_item(s, item_id)
    part = _require_part(s, item, member_id)
    if part.withdrawn:
        raise DomainError(f"団体「{_member_name(s, member_id)}」は要望 {item.key} を取り下げているため、費用を負担しません。")
    if approved_on is None:
        raise DomainError(f"{APPROVAL_LABELS[stage]}の日付を入力してください。")
    reference = (reference or "").strip() or None
    lock_row(s, MemberRequest, part.id)  # two users recording at once: the second sees the first's, and updates it
    recorded = {a.stage: a for a in s.scalars(select(Approval).where(Approval.member_request_id == part.id))}
    facts = {k: ApprovalFact(a.approved_on, a.reference) for k, a in recorded.items()}
    from .costs import approval_snapshot, stale_approvals  # costs imports this module

    mayor_fact = facts.get("mayor")
    if stage == "finance" and mayor_fact is not None and stale_approvals(s, item_ids=[item.id], member_id=member_id):
        # the amount its mayor approved has changed since (R36): a new 財政課協議 on the new amount
        # comes after that old 首長決裁, and the new 首長決裁 follows it
        mayor_fact = None
    check_approval(stage, approved_on, member=_member_name(s, member_id), item=item.key, estimate=item.estimate,
                   finance=facts.get("finance"), mayor=mayor_fact, today=today or dt.date.today())
    existing = recorded.get(stage)
    # a 首長決裁 approves an amount: keep the share, estimate, population and rule it approved (R36)
    snapshot = approval_snapshot(s, item.id, member_id) if stage == "mayor" else {}
    label = f"要望 {item.key} の{_member_name(s, member_id)}の{APPROVAL_LABELS[stage]}を記録"
    with audit.action(s, label, by=by) as state:
        if existing is None:
            s.add(Approval(member_request_id=part.id, stage=stage, approved_on=approved_on, reference=reference,
                           **snapshot))
        else:
            existing.approved_on, existing.reference = approved_on, reference
            for k, v in snapshot.items():
                setattr(existing, k, v)
        s.flush()
        # the last approval a カスタマイズ decided in principle awaited; not while a member's 首長決裁
        # approved another amount than its share now (R36: it must decide again first)
        if not stale_approvals(s, item_ids=[item.id]) and confirm_pending(s, item, by=by):
            state.label = f"{label}（カスタマイズ実施に確定）"
            return Changes(requests=True, meetings=True, history=True)
    return CHANGED


def confirm_pending(s: Session, item: RequestItem, *, by: str | None = None) -> bool:
    """Move an item awaiting its approvals (``pending_decision``) to カスタマイズ実施 once every bearing
    member's 財政課協議 and 首長決裁 are recorded; called inside the caller's audit action (the approval
    that completed them), so one undo takes back both. True when it moved."""
    pending = pending_decision(s, item)
    facts = item_facts(s, item)
    if pending is None or not approvals_complete(facts):
        return False
    m, entry = pending
    try:  # a guard that refuses leaves the item 検討中 and the approval recorded
        check_move(Status.UNDER_REVIEW, Status.CUSTOMIZED, reason="確定", facts=facts)
    except DomainError:
        return False
    move_item(s, item_id=item.id, to=Status.CUSTOMIZED, meeting_id=m.id, by=by,
                          reason=f"{meeting_label(m)}の決定（財政課協議・首長決裁の完了により確定）")
    entry.status_change_id = s.scalar(select(func.max(StatusChange.id)).where(StatusChange.item_id == item.id))
    s.flush()
    return True



def delete_hearing(s: Session, *, hearing_id: int, by: str | None = None) -> Changes:
    """Delete a hearing note recorded by mistake (refused once the item is decided)."""
    note = s.get(HearingNote, hearing_id)
    if note is None:
        raise DomainError(f"ヒアリング記録（id {hearing_id}）が見つかりません。")
    part = s.get_one(MemberRequest, note.member_request_id)  # the foreign key keeps it
    item = get_item(s, part.item_id)
    _require_open(item, "ヒアリング記録を削除")
    label = (f"要望 {item.key} の{_member_name(s, part.member_id)}のヒアリング記録"
             f"（{to_wareki(note.held_on)}）を削除")
    with audit.action(s, label, by=by):
        s.delete(note)
        item.updated_at = _now()
        s.flush()
    return CHANGED


def delete_approval(s: Session, *, item_id: int, member_id: int, stage: str, by: str | None = None) -> Changes:
    """Delete a member's 財政課協議 ('finance') or 首長決裁 ('mayor') recorded by mistake (refused once
    the item is decided: a customized item keeps the approvals it was decided on; and a 財政課協議
    while its 首長決裁 stands, which would leave a decision without the consultation it followed)."""
    if stage not in APPROVAL_STAGES:
        raise DomainError(f"段階「{stage}」はありません（finance: 財政課協議、mayor: 首長決裁）。")
    item = get_item(s, item_id)
    part = _require_part(s, item, member_id)
    _require_open(item, f"{APPROVAL_LABELS[stage]}の記録を削除")
    approval = s.scalar(select(Approval).where(Approval.member_request_id == part.id, Approval.stage == stage))
    member = _member_name(s, member_id)
    if approval is None:
        raise DomainError(f"要望 {item.key} の{member}の{APPROVAL_LABELS[stage]}は記録されていません。")
    if stage == "finance" and s.scalar(select(Approval.id).where(Approval.member_request_id == part.id,
                                                                  Approval.stage == "mayor")):
        raise DomainError(f"要望 {item.key} の{member}の財政課協議は削除できません。首長決裁が記録されています"
                          "（首長決裁は財政課協議の後に行うもの）。先に首長決裁の記録を削除してください。")
    with audit.action(s, f"要望 {item.key} の{member}の{APPROVAL_LABELS[stage]}の記録を削除", by=by):
        s.delete(approval)
        item.updated_at = _now()
        s.flush()
    return CHANGED
