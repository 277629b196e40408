"""StaleApproval: a member's 首長決裁 whose share has moved since (要再決裁), and why.

The reasons are ``Phrase`` values: Japanese text for the CLI, the JSON and the documents, with
their pattern and parts kept so that the GUI spells them in its own language (ui/labels.py).
Kept apart from ``ops.costs`` (which computes them) so that the request rows can carry one
without importing the cost engine, which imports the request operations.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..phrase import Phrase

YEN = "{0}円"
UNKNOWN_AMOUNT = "未定"  # the estimate is not known (yet, or any more)
ESTIMATE_CHANGED = "見積額 {0}→{1}"
RULE_CHANGED = "按分ルール「{0}」→「{1}」"  # parts: two rule descriptions (domain.costs.Rule.describe)
POPULATION_CHANGED = "人口 {0}人→{1}人"
OTHERS_CHANGED = "他の負担団体の人口又は負担団体の構成の変更"
# Every pattern a reason is made of, for the translation catalogue.
PATTERNS = (YEN, UNKNOWN_AMOUNT, ESTIMATE_CHANGED, RULE_CHANGED, POPULATION_CHANGED, OTHERS_CHANGED)


def _amount(yen: int | None) -> Phrase:
    return Phrase(YEN, f"{yen:,}") if yen is not None else Phrase(UNKNOWN_AMOUNT)


def reapproval_reasons(*, approved_estimate: int | None, estimate: int | None, approved_rule: str | None,
                       rule: str, approved_population: int | None, population: int) -> tuple[Phrase, ...]:
    """What differs from the facts the mayor approved: the estimate, the rule, the member's population;
    when none of them, the other members (their population or who bears the cost)."""
    out = []
    if approved_estimate != estimate:
        out.append(Phrase(ESTIMATE_CHANGED, _amount(approved_estimate), _amount(estimate)))
    if approved_rule is not None and approved_rule != rule[:100]:
        out.append(Phrase(RULE_CHANGED, approved_rule, rule))
    if approved_population is not None and approved_population != population:
        out.append(Phrase(POPULATION_CHANGED, f"{approved_population:,}", f"{population:,}"))
    return tuple(out) or (Phrase(OTHERS_CHANGED),)


@dataclass(frozen=True)
class StaleApproval:
    """A member whose current share of an item differs from the share its 首長決裁 approved (要再決裁)."""

    item_id: int
    key: str
    title: str
    status_label: str
    member_id: int
    member: str
    approved_on: dt.date | None
    reference: str | None
    approved: int  # the share the mayor approved (yen)
    now: int | None  # the share computed now (None: the estimate is 未定 now)
    reasons: tuple[Phrase, ...]  # 見積額 880,000円→1,990,000円 / 人口 55,827人→56,500人 / 按分ルール … / 負担団体の構成・人口

    @property
    def raised(self) -> bool:
        """The share now exceeds what was approved (or is 未定): the approval does not cover it. A lower
        share (a late joiner's 再按分, a lower estimate) is within what the mayor approved."""
        return self.now is None or self.now > self.approved

    def share_text(self) -> str:
        """「首長決裁 319,156円 → 現在 320,414円（人口 55,827人→56,500人）」."""
        now = f"{self.now:,}円" if self.now is not None else UNKNOWN_AMOUNT
        why = f"（{'、'.join(self.reasons)}）" if self.reasons else ""
        return f"首長決裁 {self.approved:,}円 → 現在 {now}{why}"

    def describe(self) -> str:
        return f"要望 {self.key} の{self.member}: {self.share_text()}"
