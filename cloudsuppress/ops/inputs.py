"""What a user edits, as frozen dataclasses, and the rules those values must keep.

A member part's fields (the editor's tab for one member), a request item's own fields and a
meeting's fields. A field left ``UNSET`` is not changed by an update (None is a value: "clear
it"); a name the dataclass does not have is a TypeError where the call is written, never a
field silently ignored. Each rule is one function returning problems per field (field name →
Japanese message without the closing 「。」): the request editor shows each message under its
field, the operations and the CLI join them into the refusal they raise.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Self

from ..domain.vocab import MEETING_KIND_LABELS, REASON_LABELS
from ..unset import UNSET, Unset


@dataclass(frozen=True)
class _Fields:
    """What the input dataclasses share: the fields given, laid over a base, read from a row."""

    def given(self) -> dict[str, Any]:
        """The fields that are not UNSET, by name (what an update changes; a conflict's attempted values)."""
        return {f.name: v for f in dataclasses.fields(self) if (v := getattr(self, f.name)) is not UNSET}

    def over(self, base: Self) -> Self:
        """``base`` with the fields given here in place of its own."""
        return dataclasses.replace(base, **self.given())

    @classmethod
    def of(cls, row: object) -> Self:
        """The fields as ``row`` (an ORM row or a plain row with the same attribute names) holds them."""
        values = {f.name: getattr(row, f.name) for f in dataclasses.fields(cls)}
        return cls(**values)


# --- a member part --------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PartFields(_Fields):
    """One member's part of a request item: 要望内容, 理由区分 (a vocab.REASON_LABELS key), whether the
    resident service drops, its explanation, 年間処理件数 and 代替運用案."""

    content: str | Unset = UNSET
    reason: str | None | Unset = UNSET
    service_drop: bool | None | Unset = UNSET
    service_drop_detail: str | Unset = UNSET
    annual_cases: int | None | Unset = UNSET
    workaround: str | None | Unset = UNSET

    def stripped(self) -> PartFields:
        """The texts given without surrounding spaces (as the operations store and check them)."""
        texts: dict[str, Any] = {k: v.strip() for k, v in self.given().items() if isinstance(v, str)}
        return dataclasses.replace(self, **texts)


@dataclass(frozen=True)
class MemberPart:
    """One member's part as the item editor saves it (``ops.requests.save_item``): a member joining
    gives every mandatory field; a member already in the item gives the fields it changed."""

    member_id: int
    fields: PartFields = PartFields()


# What a member part must hold before it is saved: one rule for every door (the editor shows each
# message under its field, the operations and the CLI join them; the workbook import names the
# cell). Field name → message, without the closing 「。」.
PART_PROBLEM_MESSAGES = {
    "content": "要望内容を入力してください",
    "reason": "理由区分を選んでください",
    "service_drop": "住民サービス水準が低下するか（低下する／低下しない）を選んでください",
    "service_drop_detail": "住民サービス水準への影響（低下の内容、または低下しない理由）を入力してください",
    "annual_cases": "年間処理件数は 0 以上の整数で入力してください",
}


def _blank(value: object) -> bool:
    return value is UNSET or not str(value or "").strip()


def part_problems(values: PartFields) -> dict[str, str]:
    """The problems of a member part as it would be saved, per field (a field left UNSET counts as empty:
    lay a partial edit over the stored part first, ``edit.over(PartFields.of(part))``)."""
    found = {}
    if _blank(values.content):
        found["content"] = PART_PROBLEM_MESSAGES["content"]
    if values.reason not in REASON_LABELS:
        found["reason"] = PART_PROBLEM_MESSAGES["reason"]
    if values.service_drop is None or values.service_drop is UNSET:
        found["service_drop"] = PART_PROBLEM_MESSAGES["service_drop"]
    if _blank(values.service_drop_detail):
        found["service_drop_detail"] = PART_PROBLEM_MESSAGES["service_drop_detail"]
    cases = values.annual_cases
    if cases is not None and cases is not UNSET and (not isinstance(cases, int) or cases < 0):
        found["annual_cases"] = PART_PROBLEM_MESSAGES["annual_cases"]
    return found


# --- a request item's own fields ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ItemFields(_Fields):
    """A request item's own fields as the editor changes them: 要望名, 見積額 (None: 未定), and the
    function (a package function's id, or a business system with the name of a function it lacks)."""

    title: str | None | Unset = UNSET
    estimate: int | None | Unset = UNSET
    function_id: int | None | Unset = UNSET
    business_system_id: int | None | Unset = UNSET
    proposed_function: str | None | Unset = UNSET


# --- a meeting ------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class MeetingFields(_Fields):
    """A meeting's fields: its kind (vocab.MEETING_KINDS or its label), title, date, 第N回, times
    ('14:00'), place, overall notes (協議内容), next meeting (as printed and its date), and the body
    it belongs to (a subcommittee, a business system for a 分科会)."""

    kind: str | Unset = UNSET
    title: str | Unset = UNSET
    held_on: dt.date | Unset = UNSET
    number: int | None | Unset = UNSET
    start_time: str | None | Unset = UNSET
    end_time: str | None | Unset = UNSET
    place: str | None | Unset = UNSET
    notes: str | None | Unset = UNSET
    next_meeting: str | None | Unset = UNSET
    next_meeting_on: dt.date | None | Unset = UNSET
    subcommittee_id: int | None | Unset = UNSET
    business_system_id: int | None | Unset = UNSET


NUMBER_PROBLEM = "回数（第N回）は 1 以上で入力してください"


def meeting_problems(values: MeetingFields) -> dict[str, str]:
    """The problems of a meeting as it would be saved (times already read as 'HH:MM'), per field; a field
    left UNSET counts as empty. Whether the subcommittee and business system exist is the operation's."""
    found = {}
    kind = values.kind
    if kind not in MEETING_KIND_LABELS:
        found["kind"] = "会議の種類を選んでください（" + "、".join(MEETING_KIND_LABELS.values()) + "）"
    if _blank(values.title):
        found["title"] = "会議名を入力してください"
    if values.held_on is None or values.held_on is UNSET:
        found["held_on"] = "開催日を入力してください"
    subcommittee = None if values.subcommittee_id is UNSET else values.subcommittee_id
    system = None if values.business_system_id is UNSET else values.business_system_id
    if kind == "subcommittee" and subcommittee is None:
        found["subcommittee_id"] = "部会の会議には専門部会を指定してください"
    if kind == "working_group" and subcommittee is None and system is None:
        found["subcommittee_id"] = "分科会の会議には専門部会または業務を指定してください"
    start, end = values.start_time, values.end_time
    if isinstance(start, str) and isinstance(end, str) and start and end and end <= start:
        found["end_time"] = "終了時刻は開始時刻より後にしてください"
    if isinstance(values.number, int) and values.number < 1:
        found["number"] = NUMBER_PROBLEM
    return found
