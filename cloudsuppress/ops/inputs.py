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
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Self

from ..domain.vocab import MEETING_KIND_LABELS, REASON_LABELS
from ..errors import DomainError
from ..unset import UNSET, Unset
from ..wording import either


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
MAX_ANNUAL_CASES = 999_999_999  # the editor's field takes no more; the CLI and the op refuse more by this one rule
ANNUAL_CASES_TOO_MANY = f"年間処理件数は {MAX_ANNUAL_CASES:,} 件以下で入力してください"


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
    elif isinstance(cases, int) and cases > MAX_ANNUAL_CASES:
        found["annual_cases"] = ANNUAL_CASES_TOO_MANY
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

# A meeting's problems as the GUI says them (the new-meeting and schedule dialogs show each one,
# translated: scripts/update_translations.py lists them); the command line's words come from
# ``either`` beside each use, naming the option where that helps. Without the closing 「。」.
MEETING_PROBLEM_MESSAGES = {
    "kind": "会議の種類を選んでください（" + "、".join(MEETING_KIND_LABELS.values()) + "）",
    "title": "会議名を入力してください",
    "held_on": "開催日を入力してください",
    "subcommittee": "部会の会議には専門部会を選んでください",
    "working_group": "分科会の会議には専門部会または業務を選んでください",
    "start_time": "開始時刻は 14:00 のように入力してください",
    "end_time": "終了時刻は 14:00 のように入力してください",
    "start_missing": "終了時刻だけでなく開始時刻も入力してください",
    "end_before_start": "終了時刻は開始時刻より後にしてください",
    "number": NUMBER_PROBLEM,
}
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})$")
_TIME_LABELS = {"start_time": ("開始時刻", "--time"), "end_time": ("終了時刻", "--end")}


def parse_time(value: str | None) -> str | None:
    """'9:30' / '09:30' / '９：３０' → '09:30'; None or '' → None; DomainError if not a time."""
    if value is None or not str(value).strip():
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _TIME.match(text)
    if m is None or int(m[1]) > 23 or int(m[2]) > 59:
        raise DomainError(f"時刻「{value}」を読めません（例: 14:00）。")
    return f"{int(m[1]):02d}:{m[2]}"


def meeting_problems(values: MeetingFields) -> dict[str, str]:
    """The problems of a meeting as it would be saved, per field; a field left UNSET counts as empty.
    Times are read here as typed (14:00, ９：３０). Whether the subcommittee and business system exist,
    and belong together, is the operation's.

    A 分科会 (WG) names its 専門部会 or its 業務: the 業務 is under one 専門部会 and the operation takes
    that one, and a WG may look after several 業務 of its 専門部会 (Ibaraki: 25 WGs for 33 業務)."""
    gui = MEETING_PROBLEM_MESSAGES
    found = {}
    kind = values.kind
    if kind not in MEETING_KIND_LABELS:
        found["kind"] = gui["kind"]
    if _blank(values.title):
        found["title"] = gui["title"]
    if values.held_on is None or values.held_on is UNSET:
        found["held_on"] = gui["held_on"]
    subcommittee = None if values.subcommittee_id is UNSET else values.subcommittee_id
    system = None if values.business_system_id is UNSET else values.business_system_id
    if kind == "subcommittee" and subcommittee is None:
        found["subcommittee_id"] = either(gui=gui["subcommittee"], cli="部会の会議には専門部会を指定してください（--subcommittee）")
    if kind == "working_group" and subcommittee is None and system is None:
        found["subcommittee_id"] = either(gui=gui["working_group"],
                                          cli="分科会の会議には専門部会または業務を指定してください（--subcommittee、--business-system）")
    times: dict[str, str | None] = {}
    for field, (label, option) in _TIME_LABELS.items():
        raw = getattr(values, field)
        try:
            times[field] = parse_time(None if raw is UNSET else raw)
        except DomainError:
            found[field] = either(gui=gui[field], cli=f"{label}「{raw}」を読めません（{option} 14:00 のように指定）")
            times[field] = None
    start, end = times["start_time"], times["end_time"]
    if start is None and end is not None and "start_time" not in found:
        found["start_time"] = either(gui=gui["start_missing"], cli="終了時刻だけでなく開始時刻も指定してください（--time）")
    if start and end and end <= start:
        found["end_time"] = either(gui=gui["end_before_start"],
                                   cli=f"終了時刻は開始時刻より後にしてください（--time {start}、--end {end}）")
    if isinstance(values.number, int) and values.number < 1:
        found["number"] = NUMBER_PROBLEM
    return found
