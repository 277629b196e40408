"""Cost apportionment (費用按分): worked examples by hand and properties checked with hypothesis."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cloudsuppress.domain.costs import Method, Payer, Rule, apportion_cost, parse_method, parse_ratio
from cloudsuppress.errors import DomainError

# The Ibaraki case (seed 004): four members and their populations.
IBARAKI = [Payer("常陸大宮市", 42_963), Payer("那珂市", 55_827), Payer("かすみがうら市", 43_618), Payer("五霞町", 9_178)]


def test_ibaraki_50_50_on_2_750_000_yen_worked_by_hand():
    # Population total 42,963 + 55,827 + 43,618 + 9,178 = 151,586.
    # Equal pool 2,750,000 × 50% = 1,375,000 → 343,750 each.
    # Population pool 1,375,000 × population / 151,586:
    #   常陸大宮市 389,706.998…  那珂市 506,393.235…  かすみがうら市 395,648.344…  五霞町 83,251.421…
    # Exact shares: 733,456.998 / 850,143.235 / 739,398.344 / 427,001.421; truncated they sum to
    # 2,749,998, so 2 yen are missing: they go to the largest fractional parts, .998 (常陸大宮市)
    # and .421 (五霞町).
    result = apportion_cost(2_750_000, IBARAKI, Rule.make("mixed", "50:50"))
    assert result.by_member() == {"常陸大宮市": 733_457, "那珂市": 850_143, "かすみがうら市": 739_398, "五霞町": 427_002}
    assert sum(result.by_member().values()) == 2_750_000
    assert result.population_total == 151_586
    first = result.shares[0]
    assert (first.equal_part, first.population_part, first.adjustment) == (343_750, 389_706, 1)
    assert result.shares[1].adjustment == 0


def test_ibaraki_50_50_truncated_to_thousands():
    # In units of 1,000 yen: 733.457, 850.143, 739.398, 427.001 → 733 + 850 + 739 + 427 = 2,749;
    # the one missing unit goes to the largest fraction (.457, 常陸大宮市).
    result = apportion_cost(2_750_000, IBARAKI, Rule.make("mixed", "50:50", unit=1000))
    assert result.by_member() == {"常陸大宮市": 734_000, "那珂市": 850_000, "かすみがうら市": 739_000, "五霞町": 427_000}
    assert result.residue == 0 and result.residue_member is None
    # 均等割 343,750 truncated to 343,000; 人口割 389,706 → 389,000; the rest is the adjustment.
    assert (result.shares[0].equal_part, result.shares[0].population_part, result.shares[0].adjustment) == (343_000, 389_000, 2_000)


def test_a_total_that_is_not_a_multiple_of_1000_leaves_its_residue_to_the_largest_member():
    # 6:94 on 1,234,567 yen: 1,234,000 is split in thousands, the 567 yen go to 那珂市 (largest population).
    result = apportion_cost(1_234_567, IBARAKI, Rule.make("mixed", "6:94", unit=1000))
    shares = result.by_member()
    assert sum(shares.values()) == 1_234_567
    assert result.residue == 567 and result.residue_member == "那珂市"
    assert shares["那珂市"] % 1000 == 567
    assert all(v % 1000 == 0 for k, v in shares.items() if k != "那珂市")


def test_equal_split_gives_the_leftover_yen_to_the_larger_populations():
    # 1,000,000 / 3 = 333,333.33…: one yen left over; all remainders equal, so the larger population gets it.
    payers = [Payer("A町", 5_000), Payer("B市", 50_000), Payer("C村", 800)]
    assert apportion_cost(1_000_000, payers, Rule.make("equal")).by_member() == {"A町": 333_333, "B市": 333_334, "C村": 333_333}


def test_population_split_is_proportional():
    payers = [Payer("A", 1), Payer("B", 3)]
    assert apportion_cost(1_000, payers, Rule.make("population")).by_member() == {"A": 250, "B": 750}


def test_a_single_payer_bears_everything():
    assert apportion_cost(880_000, [Payer("五霞町", 9_178)], Rule.make("mixed", "6:94", unit=1000)).by_member() == {"五霞町": 880_000}


def test_rule_parsing_and_description():
    assert parse_ratio("6：94") == (6, 94)
    assert parse_ratio("50対50") == (50, 50)
    assert parse_method("人口割") is Method.POPULATION
    rule = Rule.make("mixed", (6, 94), unit=1000, population_date=dt.date(2026, 4, 1))
    assert rule.describe() == "均等割 6％・人口割 94％（千円未満切捨て）"
    assert Rule.make("equal", "50:50").ratio == (1, 0)  # the ratio only matters for mixed
    with pytest.raises(DomainError, match="按分割合"):
        Rule.make("mixed")
    with pytest.raises(DomainError, match="按分割合"):
        parse_ratio("0:0")
    with pytest.raises(DomainError, match="按分方法"):
        parse_method("by-size")


def test_refusals():
    with pytest.raises(DomainError, match="負担する団体がありません"):
        apportion_cost(1_000, [], Rule.make("equal"))
    with pytest.raises(DomainError, match="0 以上"):
        apportion_cost(-1, IBARAKI, Rule.make("equal"))
    with pytest.raises(DomainError, match="人口"):
        apportion_cost(1_000, [Payer("A", 0)], Rule.make("population"))


def test_a_new_mixed_ratio_must_total_100():
    for ratio in ("70:20", "1:2", (70, 20), (1, 1)):
        with pytest.raises(DomainError, match="合計 100"):
            Rule.make("mixed", ratio)
    with pytest.raises(DomainError, match="「70:20」は合計が 90 です"):
        parse_ratio("70:20")
    assert Rule.make("mixed", "0:100").describe() == "均等割 0％・人口割 100％（円単位）"


def test_a_stored_ratio_not_in_percent_is_printed_as_entered():
    """A rule stored before the 100 check still applies as weights; its description reproduces the
    amounts (880,000 × 1/3 ÷ 3 = 97,777) instead of a rounded 33.3％ (which gives 97,680)."""
    rule = Rule(Method.MIXED, (1, 2), 1)
    assert rule.describe() == "均等割：人口割 ＝ 1：2（円単位）"
    assert Rule(Method.MIXED, (70, 20), 1000).describe() == "均等割：人口割 ＝ 70：20（千円未満切捨て）"
    assert Rule(Method.MIXED, (1, 1), 1).describe() == "均等割 50％・人口割 50％（円単位）"  # whole percentages
    shares = apportion_cost(880_000, IBARAKI[:3], rule).shares
    assert {s.equal_part for s in shares} == {97_777}
    assert "％" not in rule.describe() and "." not in rule.describe()


# --- properties -----------------------------------------------------------------------------------

populations = st.lists(st.integers(min_value=1, max_value=400_000), min_size=1, max_size=34)
# Any weights, as a stored rule may hold (new ones total 100, a subset of these).
ratios = st.tuples(st.integers(0, 100), st.integers(0, 100)).filter(lambda r: sum(r) > 0)
totals = st.integers(min_value=0, max_value=50_000_000)
units = st.sampled_from([1, 1000])


def _payers(pops: list[int]) -> list[Payer]:
    return [Payer(f"団体{i}", p) for i, p in enumerate(pops)]


@settings(max_examples=400, deadline=None)
@given(total=totals, pops=populations, ratio=ratios, unit=units)
def test_shares_add_up_exactly_to_the_total(total, pops, ratio, unit):
    result = apportion_cost(total, _payers(pops), Rule(Method.MIXED, ratio, unit))
    assert sum(s.share for s in result.shares) == total
    assert all(s.share >= 0 for s in result.shares)
    for s in result.shares:
        assert s.equal_part + s.population_part + s.adjustment == s.share
        assert s.adjustment >= 0
        # Each share is within one unit of its exact quota (plus the residue for its bearer).
        extra = result.residue if s.member == result.residue_member else 0
        assert abs((s.share - extra) - s.quota) < unit


@settings(max_examples=400, deadline=None)
@given(total=totals, pops=populations, ratio=ratios, unit=units)
def test_a_larger_population_never_pays_less(total, pops, ratio, unit):
    result = apportion_cost(total, _payers(pops), Rule(Method.MIXED, ratio, unit))
    for a in result.shares:
        for b in result.shares:
            if a.population > b.population:
                assert a.share >= b.share, (a, b)
                assert a.population_part >= b.population_part


@settings(max_examples=400, deadline=None)
@given(total=totals, pops=populations, ratio=ratios, unit=units, twins=st.integers(2, 5))
def test_equal_populations_pay_the_same_within_one_unit(total, pops, ratio, unit, twins):
    pops = pops + [pops[0]] * (twins - 1)  # make sure some members share a population
    result = apportion_cost(total, _payers(pops), Rule(Method.MIXED, ratio, unit))
    by_pop: dict[int, list[int]] = {}
    for s in result.shares:
        residue = result.residue if s.member == result.residue_member else 0
        by_pop.setdefault(s.population, []).append(s.share - residue)
    for shares in by_pop.values():
        assert max(shares) - min(shares) <= unit


@settings(max_examples=200, deadline=None)
@given(total=totals, pops=populations, method=st.sampled_from(["equal", "population"]), unit=units)
def test_pure_methods_also_add_up(total, pops, method, unit):
    result = apportion_cost(total, _payers(pops), Rule.make(method, unit=unit))
    assert sum(result.by_member().values()) == total
    if method == "equal":
        shares = [s.share - (result.residue if s.member == result.residue_member else 0) for s in result.shares]
        assert max(shares) - min(shares) <= unit


def _fraction_apportionment(total, payers, rule):
    """The apportionment as it was computed before issue 18 (Fractions throughout): the reference
    the integer arithmetic must reproduce figure for figure."""
    import math
    from fractions import Fraction

    pops = [p.population for p in payers]
    e, p = rule.ratio
    pop_total, unit, n = sum(pops), rule.unit, len(payers)
    residue = total % unit
    base = total - residue
    equal_pool = Fraction(base * e, e + p)
    population_pool = base - equal_pool
    equal_quota = equal_pool / n
    pop_quotas = [population_pool * x / pop_total if p > 0 else Fraction(0) for x in pops]
    quotas = [equal_quota + q for q in pop_quotas]
    units_ = [q / unit for q in quotas]
    floors = [math.floor(u) for u in units_]
    missing = base // unit - sum(floors)
    order = sorted(range(n), key=lambda i: (-(units_[i] - floors[i]), -pops[i], i))
    extra = set(order[:missing])
    shares = [(floors[i] + (i in extra)) * unit for i in range(n)]
    residue_at = min(range(n), key=lambda i: (-pops[i], i)) if residue else None
    if residue_at is not None:
        shares[residue_at] += residue
    eq_part = math.floor(equal_quota / unit) * unit
    rows = [(payer.name, pops[i], shares[i], eq_part, math.floor(pop_quotas[i] / unit) * unit, quotas[i])
            for i, payer in enumerate(payers)]
    return (pop_total, equal_pool, population_pool, residue,
            payers[residue_at].name if residue_at is not None else None, rows)


@settings(max_examples=600, deadline=None)
@given(total=totals, pops=st.lists(st.integers(min_value=0, max_value=400_000), min_size=1, max_size=34),
       ratio=ratios, unit=st.sampled_from([1, 1000, 7]), twins=st.integers(1, 4))
def test_integer_arithmetic_gives_the_fractions_figures(total, pops, ratio, unit, twins):
    """apportion_cost and split_shares compute in integers (issue 18: the dashboard splits thousands of
    items); every figure equals the Fraction computation's, ties (equal populations) included."""
    from cloudsuppress.domain.costs import split_shares

    pops = pops + [pops[0]] * (twins - 1)
    if ratio[1] > 0 and sum(pops) == 0:
        pops[0] = 1
    rule = Rule(Method.MIXED, ratio, unit)
    payers = _payers(pops)
    got = apportion_cost(total, payers, rule)
    want = _fraction_apportionment(total, payers, rule)
    assert (got.population_total, got.equal_pool, got.population_pool, got.residue, got.residue_member) == want[:5]
    assert [(s.member, s.population, s.share, s.equal_part, s.population_part, s.quota) for s in got.shares] == want[5]
    assert [s.adjustment for s in got.shares] == [r[2] - r[3] - r[4] for r in want[5]]
    assert split_shares(total, pops, rule) == [s.share for s in got.shares]
    for method in ("equal", "population"):
        pure = Rule.make(method, unit=unit)
        if method == "population" and sum(pops) == 0:  # nobody's population to split by: refused, both ways
            with pytest.raises(DomainError, match="人口"):
                apportion_cost(total, payers, pure)
            continue
        assert apportion_cost(total, payers, pure).by_member() == {r[0]: r[2] for r in
                                                                    _fraction_apportionment(total, payers, pure)[5]}
