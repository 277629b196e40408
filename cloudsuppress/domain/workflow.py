"""The request workflow as one pure transition table: no database, tested on its own.

    requested (要望) → under_review (検討中) → standardized (標準化)
                                            → withdrawn (取下げ)
                                            → customized (カスタマイズ実施)
    requested → withdrawn
    any decision → under_review (reopening, with a reason)

``check_move`` is the single judge: the GUI and the CLI both call it (through
``ops.requests.move_item``) and show its ``WorkflowError`` message as it is. ``check_approval``
judges a member's 財政課協議 / 首長決裁 the same way (through ``ops.requests.record_approval``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..errors import DomainError
from ..wording import either
from .vocab import APPROVAL_LABELS
from .wareki import to_wareki


class Status(str, Enum):
    REQUESTED = "requested"
    UNDER_REVIEW = "under_review"
    STANDARDIZED = "standardized"
    WITHDRAWN = "withdrawn"
    CUSTOMIZED = "customized"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.REQUESTED: "要望",
    Status.UNDER_REVIEW: "検討中",
    Status.STANDARDIZED: "標準化",
    Status.WITHDRAWN: "取下げ",
    Status.CUSTOMIZED: "カスタマイズ実施",
}
DECISIONS = frozenset({Status.STANDARDIZED, Status.WITHDRAWN, Status.CUSTOMIZED})
OPEN = frozenset({Status.REQUESTED, Status.UNDER_REVIEW})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.REQUESTED: frozenset({Status.UNDER_REVIEW, Status.WITHDRAWN}),
    Status.UNDER_REVIEW: frozenset({Status.STANDARDIZED, Status.WITHDRAWN, Status.CUSTOMIZED}),
    Status.STANDARDIZED: frozenset({Status.UNDER_REVIEW}),
    Status.WITHDRAWN: frozenset({Status.UNDER_REVIEW}),
    Status.CUSTOMIZED: frozenset({Status.UNDER_REVIEW}),
}

# Why a move that is not in the table is refused, in words the secretariat can act on.
_WHY_NOT: dict[tuple[Status, Status], str] = {
    (Status.REQUESTED, Status.STANDARDIZED): "部会で検討してから判断してください（先に「検討中」にしてください）",
    (Status.REQUESTED, Status.CUSTOMIZED): "部会で検討してから判断してください（先に「検討中」にしてください）",
    (Status.UNDER_REVIEW, Status.REQUESTED): "検討を始めた要望は「要望」に戻せません",
}


class WorkflowError(DomainError):
    """A status move was refused; the message names the move and the reason."""


@dataclass(frozen=True)
class ApprovalFact:
    """A recorded 財政課協議 or 首長決裁: its date and reference number."""

    approved_on: dt.date | None
    reference: str | None


@dataclass(frozen=True)
class MemberFact:
    """What the guards need to know about one member's part of an item."""

    member: str
    withdrawn: bool = False
    finance: ApprovalFact | None = None
    mayor: ApprovalFact | None = None


@dataclass(frozen=True)
class ItemFacts:
    """What the guards need to know about an item."""

    estimate: int | None = None
    members: tuple[MemberFact, ...] = ()
    # members whose share now exceeds what their 首長決裁 approved (review R36):
    # 「那珂市（首長決裁 319,156円 → 現在 320,414円）」; that decision does not cover the cost
    reapproval: tuple[str, ...] = ()


def parse_status(value: str | Status) -> Status:
    """A Status from its code or Japanese label; WorkflowError if unknown."""
    if isinstance(value, Status):
        return value
    text = str(value).strip()
    for st in Status:
        if text in (st.value, st.label):
            return st
    choices = "、".join(f"{s.value}（{s.label}）" for s in Status)
    raise WorkflowError(f"状態「{text}」はありません（{choices}）。")


def allowed_targets(current: Status | str) -> frozenset[Status]:
    """The statuses an item in ``current`` may move to (before guards)."""
    return TRANSITIONS[parse_status(current)]


def _missing_approvals(facts: ItemFacts) -> list[str]:
    lines = []
    for m in facts.members:
        if m.withdrawn:
            continue
        missing = []
        for label, fact in (("財政課協議", m.finance), ("首長決裁", m.mayor)):
            if fact is None:
                missing.append(f"{label}の記録")
            else:
                if fact.approved_on is None:
                    missing.append(f"{label}の日付")
                if not (fact.reference or "").strip():
                    missing.append(f"{label}の文書番号")
        if missing:
            lines.append(f"{m.member}: {'、'.join(missing)}")
    return lines


def meeting_steps(current: Status | str, to: Status | str) -> tuple[Status, ...]:
    """The moves a 部会's decision at the table makes: the meeting *is* the review, so an item still
    要望 decided 標準化 or カスタマイズ実施 there goes 要望 → 検討中 → the decision (two steps);
    every other decision is the one move of the table. Outside a meeting the table stays as it is."""
    cur, target = parse_status(current), parse_status(to)
    if cur == Status.REQUESTED and target in (Status.STANDARDIZED, Status.CUSTOMIZED):
        return (Status.UNDER_REVIEW, target)
    return (target,)


def check_meeting_decision(current: Status | str, to: Status | str, *, reason: str | None,
                           facts: ItemFacts | None = None) -> None:
    """Raise WorkflowError unless a meeting may decide ``to`` for an item in ``current`` (see
    ``meeting_steps``); the guards of the final move apply as they are (measure 3 included), and
    the message names the item's present status."""
    cur, target = parse_status(current), parse_status(to)
    steps = meeting_steps(cur, target)
    if len(steps) == 1:
        check_move(cur, target, reason=reason, facts=facts)
    else:
        _check(Status.UNDER_REVIEW, target, reason=reason, facts=facts or ItemFacts(),
               head=f"「{cur.label}」から「{target.label}」には決定できません")


PENDING_LABEL = "カスタマイズ実施（財政課協議・首長決裁の後に確定）"


def approvals_complete(facts: ItemFacts) -> bool:
    """Every member bearing the cost (not withdrawn; at least one) has both approvals with date and number."""
    return any(not m.withdrawn for m in facts.members) and not _missing_approvals(facts) and not facts.reapproval


def check_pending_customization(current: Status | str, *, reason: str | None, facts: ItemFacts | None = None) -> None:
    """Raise WorkflowError unless a meeting may decide カスタマイズ in principle, to be confirmed when the
    bearing members' 財政課協議 and 首長決裁 arrive: the item is still open (要望 / 検討中), there is a
    reason, and — measure 3 — an estimate (the finance sections and mayors judge an amount) and a
    member who bears it. The approvals themselves are what the decision waits for."""
    cur = parse_status(current)
    facts = facts or ItemFacts()
    head = f"「{cur.label}」から「{PENDING_LABEL}」には決定できません"
    if cur not in OPEN:
        raise WorkflowError(f"{head}: 決定済みの要望は、理由を記録して「検討中」に戻してから判断し直してください。")
    if not (reason or "").strip():
        raise WorkflowError(f"{head}: 判断するには理由が必要です。{_ask_reason()}")
    problems = []
    if facts.estimate is None:
        problems.append("見積額が登録されていません")
    if not any(not m.withdrawn for m in facts.members):
        problems.append("費用を負担する団体がありません")
    if problems:
        raise WorkflowError(f"{head}: " + "。".join(problems) + "。財政課協議と首長決裁は、負担する各団体が"
                            "見積額について行うものです。" + ("先に見積額を登録してください。" if facts.estimate is None else ""))


def check_move(current: Status | str, to: Status | str, *, reason: str | None, facts: ItemFacts | None = None) -> None:
    """Raise WorkflowError unless the move is in the table and its guards hold."""
    cur, target = parse_status(current), parse_status(to)
    _check(cur, target, reason=reason, facts=facts or ItemFacts(),
           head=f"「{cur.label}」から「{target.label}」には変更できません")


def _ask_reason() -> str:
    """Where the reason goes: the GUI's 理由 field, the command line's --reason (walk O10)."""
    return either(gui="理由を入力してください。", cli="理由を --reason で指定してください。")


def _check(cur: Status, target: Status, *, reason: str | None, facts: ItemFacts, head: str) -> None:
    if cur == target:
        raise WorkflowError(f"{head}: すでに「{cur.label}」です。")
    if target not in TRANSITIONS[cur]:
        why = _WHY_NOT.get((cur, target))
        if why is None:
            why = ("決定済みの要望は、理由を記録して「検討中」に戻してから判断し直してください"
                   if cur in DECISIONS else "この変更は手順にありません")
        raise WorkflowError(f"{head}: {why}。")
    needs_reason = target in DECISIONS or cur in DECISIONS
    if needs_reason and not (reason or "").strip():
        what = "決定を見直す" if cur in DECISIONS else "判断する"
        raise WorkflowError(f"{head}: {what}には理由が必要です。{_ask_reason()}")
    if target == Status.CUSTOMIZED:
        problems = []
        if facts.estimate is None:
            problems.append("見積額が登録されていません")
        if not any(not m.withdrawn for m in facts.members):
            problems.append("費用を負担する団体がありません")
        missing = _missing_approvals(facts)
        if missing:
            problems.append("費用を負担する団体の財政課協議・首長決裁がそろっていません（" + "／".join(missing) + "）")
        if facts.reapproval:
            problems.append("首長決裁の後に負担額が増えた団体があります（" + "／".join(facts.reapproval)
                            + "）。変更後の負担額による財政課協議・首長決裁を記録してください")
        if problems:
            raise WorkflowError(
                f"{head}: " + "。".join(problems) + "。カスタマイズ経費は共同調達の契約外のため、"
                "負担する各団体の財政課協議と首長決裁（日付・文書番号）が必要です。"
            )


def check_approval(stage: str, approved_on: dt.date, *, member: str, item: str, estimate: int | None,
                   finance: ApprovalFact | None, mayor: ApprovalFact | None, today: dt.date) -> None:
    """Raise WorkflowError unless ``member`` may record its ``stage`` ('finance' / 'mayor') for
    ``item`` on ``approved_on``, given the approvals it already has (the one being corrected included).

    Measure 3 asks the member's finance department, then its mayor, to judge a cost the member
    pays itself: so the estimate must be known (a consultation on 見積額 未定 settles nothing), the
    mayor decides after the consultation (not before it, not without it), and neither is in the future.
    """
    label = APPROVAL_LABELS[stage]
    head = f"要望 {item} の{member}の{label}（{to_wareki(approved_on)}）は記録できません"
    if approved_on > today:
        raise WorkflowError(f"{head}: 今日（{to_wareki(today)}）より後の日付です。日付を確認してください。")
    if estimate is None:
        raise WorkflowError(f"{head}: 見積額が未定です。財政課協議と首長決裁は、団体が負担する見積額について"
                            "行うものです。先に見積額を登録してください。")
    if stage == "mayor":
        if finance is None or finance.approved_on is None:
            raise WorkflowError(f"{head}: {member}の財政課協議が記録されていません。首長決裁は財政課協議の後に"
                                "行うものです。先に財政課協議を記録してください。")
        if approved_on < finance.approved_on:
            raise WorkflowError(f"{head}: 財政課協議（{to_wareki(finance.approved_on)}）より前の日付です。"
                                "首長決裁は財政課協議の後に行うものです。日付を確認してください。")
    elif mayor is not None and mayor.approved_on is not None and approved_on > mayor.approved_on:
        raise WorkflowError(f"{head}: 首長決裁（{to_wareki(mayor.approved_on)}）より後の日付です。"
                            "財政課協議は首長決裁の前に行うものです。日付を確認してください。")
