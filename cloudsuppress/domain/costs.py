"""Cost apportionment (費用按分): split a customization's estimate among the members that bear it.

Pure functions on plain values, no database. A rule is a method and a ratio:

* equal (均等割): the same share for every member;
* population (人口割): in proportion to the members' populations (as of the rule's base date);
* mixed (併用): a ratio EQUAL:POPULATION in percent, such as 50:50 (Niigata) or 6:94
  (Shibukawa). The equal pool (total × 50%) is split equally, the population pool (the rest) by
  population, and each member's two parts are summed.

A new mixed ratio must total 100: it is printed as percentages (均等割 6％・人口割 94％) that a
finance official can multiply out. A rule stored before that check (70:20, 1:2) still loads
and is applied as weights; it is printed as entered (均等割：人口割 ＝ 1：2), never as rounded
percentages that would not reproduce the amounts.

Rounding, so that the shares always add up exactly to the total:

1. The exact share (quota) of each member is computed with fractions: equal pool ÷ members
   + population pool × population ÷ population total.
2. Each quota is truncated to whole rounding units (1 yen, or 1,000 yen when the rule says
   千円未満切捨て). The units still missing to reach the total go out one by one by largest
   remainder (最大剰余法): to the largest fractional part first; equal fractional parts go to
   the larger population first, then to the member listed first.
3. With a 1,000-yen unit, only the part of the total that is a multiple of 1,000 is split
   that way. The residue below 1,000 yen (端数, e.g. 567 of 1,234,567 yen) is borne by the
   member with the largest population (the member listed first among equals), so the shares
   still add up to the total and every other share is a multiple of 1,000.

What a report prints for each member: 均等割額 (the equal quota truncated to the unit, the same
for every member), 人口割額 (the population quota truncated to the unit) and 端数調整額 (what
the largest remainder step and the residue added: share − equal part − population part; never
negative, at most two units plus the residue).

Properties (tested with hypothesis): the shares add up to the total; a member with a larger
population never pays less; members with equal populations pay the same within one unit
(the residue aside).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from ..errors import DomainError


class Method(str, Enum):
    EQUAL = "equal"
    POPULATION = "population"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        return METHOD_LABELS[self]


METHOD_LABELS = {Method.EQUAL: "均等割", Method.POPULATION: "人口割", Method.MIXED: "均等割・人口割"}
UNITS = (1, 1000)
UNIT_LABELS = {1: "円単位", 1000: "千円未満切捨て"}
_RATIO = re.compile(r"^(\d+)\s*[:：対]\s*(\d+)$")


def parse_method(value: str | Method) -> Method:
    """A Method from its code or Japanese label; DomainError if unknown."""
    if isinstance(value, Method):
        return value
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    for m in Method:
        if text in (m.value, m.label):
            return m
    if text in ("併用", "混合"):
        return Method.MIXED
    raise DomainError(f"按分方法「{value}」はありません（equal: 均等割、population: 人口割、mixed: 併用）。")


def parse_ratio(value: str) -> tuple[int, int]:
    """'50:50' / '6：94' / '6対94' → (6, 94): the equal and the population percentages (total 100)."""
    ratio = _read_ratio(value)
    check_new_ratio(ratio)
    return ratio


def _read_ratio(value: str) -> tuple[int, int]:
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    m = _RATIO.match(text)
    if m is None:
        raise DomainError(f"按分割合「{value}」を読めません（均等割:人口割 の形で、例: 50:50、6:94）。")
    return int(m[1]), int(m[2])


def check_ratio(ratio: tuple[int, ...]) -> None:
    """Weights the arithmetic can use (a stored rule may predate the 100 check)."""
    if len(ratio) != 2 or any(not isinstance(r, int) or r < 0 for r in ratio) or sum(ratio) == 0:
        raise DomainError("按分割合は 0 以上の整数 2 つ（均等割:人口割、合計は 0 より大きく）で指定してください。")


def check_new_ratio(ratio: tuple[int, int]) -> None:
    """A ratio being set: percentages totalling 100, so the notice prints them exactly."""
    check_ratio(ratio)
    if sum(ratio) != 100:
        raise DomainError(f"按分割合「{ratio[0]}:{ratio[1]}」は合計が {sum(ratio)} です。均等割と人口割の割合（％）は"
                          "合計 100 になるように指定してください（例: 50:50、6:94）。")


@dataclass(frozen=True)
class Rule:
    """How a cost is split: method, ratio (equal, population), rounding unit, population base date."""

    method: Method = Method.EQUAL
    ratio: tuple[int, int] = (1, 0)
    unit: int = 1
    population_date: dt.date | None = None  # 人口基準日: the date the members' populations refer to

    @classmethod
    def make(cls, method: str | Method, ratio: tuple[int, int] | str | None = None, *, unit: int = 1,
             population_date: dt.date | None = None, stored: tuple[int, int] | None = None) -> Rule:
        """A checked rule; the ratio is required for mixed and ignored otherwise. A mixed ratio must
        total 100 unless it is the ``stored`` one kept as it is (a rule saved before that check)."""
        m = parse_method(method)
        if m is Method.EQUAL:
            r = (1, 0)
        elif m is Method.POPULATION:
            r = (0, 1)
        else:
            if ratio is None:
                raise DomainError("併用（均等割・人口割）には按分割合（例: 50:50）を指定してください。")
            given = _read_ratio(ratio) if isinstance(ratio, str) else tuple(ratio)
            check_ratio(given)
            r = (given[0], given[1])  # the two weights check_ratio found
            if r != stored:
                check_new_ratio(r)
        if not isinstance(unit, int) or unit <= 0:
            raise DomainError("端数処理の単位は 1 円または 1,000 円で指定してください。")
        return cls(m, r, unit, population_date)

    @property
    def equal_percent(self) -> Fraction:
        return Fraction(100 * self.ratio[0], sum(self.ratio))

    @property
    def population_percent(self) -> Fraction:
        return 100 - self.equal_percent

    @property
    def ratio_text(self) -> str:
        """'50:50' (the weights as set)."""
        return f"{self.ratio[0]}:{self.ratio[1]}"

    def describe(self) -> str:
        """「均等割 50％・人口割 50％（千円未満切捨て）」; a stored ratio that is not whole percentages
        as entered: 「均等割：人口割 ＝ 1：2（円単位）」."""
        if self.method is Method.EQUAL:
            head = "均等割"
        elif self.method is Method.POPULATION:
            head = "人口割"
        elif self.equal_percent.denominator == 1:
            head = f"均等割 {self.equal_percent}％・人口割 {self.population_percent}％"
        else:
            head = f"均等割：人口割 ＝ {self.ratio[0]}：{self.ratio[1]}"
        unit = UNIT_LABELS.get(self.unit, f"{self.unit:,}円未満切捨て")
        return f"{head}（{unit}）"


@dataclass(frozen=True)
class Payer:
    """A member bearing a cost: its name and population (order matters for ties)."""

    name: str
    population: int


@dataclass(frozen=True)
class Share:
    """One member's share and how it was computed."""

    member: str
    population: int
    share: int  # 負担額 (yen)
    equal_part: int  # 均等割額: the equal quota truncated to the unit
    population_part: int  # 人口割額: the population quota truncated to the unit
    adjustment: int  # 端数調整額: largest-remainder units and the sub-unit residue
    quota: Fraction  # the exact share before rounding


@dataclass(frozen=True)
class Apportionment:
    """The result: every payer's share, and the figures a report prints to show the computation."""

    total: int
    rule: Rule
    population_total: int
    equal_pool: Fraction  # total (less the sub-unit residue) × equal weight
    population_pool: Fraction
    residue: int  # the part of the total below one unit, borne by ``residue_member``
    residue_member: str | None
    shares: tuple[Share, ...]

    def by_member(self) -> dict[str, int]:
        """{member name: share in yen}, in payer order."""
        return {s.member: s.share for s in self.shares}

    def population_ratio(self, member: str) -> Fraction:
        """A payer's population over the payers' population total."""
        pop = next(s.population for s in self.shares if s.member == member)
        return Fraction(pop, self.population_total) if self.population_total else Fraction(0)


def _check_split(total: int, pops: Sequence[int], rule: Rule, names: Sequence[str] = ()) -> None:
    """What apportion_cost refuses, in its order (``names``: the payers', when known)."""
    if not isinstance(total, int) or total < 0:
        raise DomainError("按分する金額は 0 以上の整数（円）で指定してください。")
    if not pops:
        raise DomainError("費用を負担する団体がありません。")
    if len(set(names)) != len(names):
        raise DomainError("同じ団体が 2 回指定されています。")
    if any(not isinstance(x, int) or x < 0 for x in pops):
        raise DomainError("人口は 0 以上の整数で指定してください。")
    check_ratio(rule.ratio)
    if rule.ratio[1] > 0 and sum(pops) == 0:
        raise DomainError("人口割で按分するには、負担する団体の人口を登録してください。")


def _split(total: int, pops: Sequence[int], rule: Rule) -> tuple[list[int], list[int], int, int | None]:
    """(each payer's share, each payer's quota numerator over ``_denominator``, residue, residue payer index).

    The arithmetic of the module docstring in integers over one common denominator
    D = (e + p) × n × P × unit (P: the population total, 1 when p is 0): a quota in units is
    N_i / D with N_i = base × e × P + base × p × population_i × n, so its floor and its remainder
    (N_i mod D, ordering the remainders as the fractions would) come without any Fraction —
    the same shares as the fractions, several times faster (the dashboard splits thousands of items).
    """
    e, p = rule.ratio
    unit = rule.unit
    n = len(pops)
    residue = total % unit
    base = total - residue
    big_p = sum(pops) if p > 0 else 1
    den = (e + p) * n * big_p * unit
    fixed, per_pop = base * e * big_p, base * p * n
    nums = [fixed + per_pop * x for x in pops]
    floors = [x // den for x in nums]
    missing = base // unit - sum(floors)
    if missing:
        # Largest remainder; equal remainders: larger population first, then the member listed first.
        order = sorted(range(n), key=lambda i: (floors[i] * den - nums[i], -pops[i], i))
        for i in order[:missing]:
            floors[i] += 1
    shares = [f * unit for f in floors]
    residue_at = None
    if residue:
        residue_at = min(range(n), key=lambda i: (-pops[i], i))
        shares[residue_at] += residue
    return shares, nums, residue, residue_at


def split_shares(total: int, pops: Sequence[int], rule: Rule, names: Sequence[str] = ()) -> list[int]:
    """Only the shares of ``apportion_cost`` (in payer order), for figures that need no breakdown."""
    _check_split(total, pops, rule, names)
    return _split(total, pops, rule)[0]


def apportion_cost(total: int, payers: Sequence[Payer], rule: Rule) -> Apportionment:
    """Split ``total`` yen among ``payers`` by ``rule``; the shares add up exactly to ``total``."""
    names = [p.name for p in payers]
    pops = [p.population for p in payers]
    _check_split(total, pops, rule, names)
    e, p = rule.ratio
    unit = rule.unit
    n = len(payers)
    shares, nums, residue, residue_at = _split(total, pops, rule)
    base = total - residue
    pop_total = sum(pops)
    big_p = pop_total if p > 0 else 1
    den = (e + p) * n * big_p * unit
    equal_pool = Fraction(base * e, e + p)
    population_pool = base - equal_pool
    eq_part = base * e // ((e + p) * n * unit) * unit
    out = []
    for i, payer in enumerate(payers):
        pop_part = base * p * pops[i] // ((e + p) * big_p * unit) * unit if p > 0 else 0
        out.append(Share(payer.name, pops[i], shares[i], eq_part, pop_part, shares[i] - eq_part - pop_part,
                         Fraction(nums[i] * unit, den)))
    return Apportionment(total, rule, pop_total, equal_pool, population_pool, residue,
                         payers[residue_at].name if residue_at is not None else None, tuple(out))
