"""The demo's requests make sense: each sits on the function it is about (in the right business
system), case counts follow the population, the Toyama totals hold, and the function names of
each system are that system's own."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from cloudsuppress.demo import _SYSTEM_OBJECTS
from cloudsuppress.demo.requests import ASKS, KEEP_FREE_SYSTEM, annual_cases
from cloudsuppress.domain.models import BusinessSystem, Function
from cloudsuppress.ops.request_queries import list_item_rows, member_parts
from cloudsuppress.ops.summary import outcome_table


@pytest.fixture(scope="module")
def demo(demo_database):
    return demo_database  # tests/core/conftest.py: made once for this module


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def test_each_request_sits_on_the_function_it_is_about(demo):
    with demo.session() as s:
        rows = list_item_rows(s)
        assert len(rows) == len(ASKS) == 35
        for row, ask in zip(rows, ASKS, strict=True):
            assert (row.business_system, row.function_name, row.title) == (ask.system, ask.function, row.title)
            subject = ask.function.split("の")[0]
            assert _bigrams(subject) & _bigrams(row.title + row.search_text), (row.key, subject, row.title)
            assert row.business_system != KEEP_FREE_SYSTEM
        assert "選挙" in next(r for r in rows if "点字" in r.title).business_system


def test_toyama_totals_and_reasons(demo):
    with demo.session() as s:
        table = outcome_table(s).consortium
        rows = list_item_rows(s)
        parts = {r.key: member_parts(s, r.id) for r in rows}
    assert (table.raised, table.customized, table.standardized, table.withdrawn, table.open) == (35, 17, 3, 11, 4)
    for r in rows:
        if r.status == "customized":
            # only own-policy items and items clearly hurting efficiency were customized (seed 003)
            assert {p.reason for p in parts[r.key]} <= {"own_policy", "efficiency"}
            assert r.estimate and all(p.finance and p.mayor for p in parts[r.key])


def test_small_towns_handle_fewer_cases(demo):
    with demo.session() as s:
        for r in list_item_rows(s):
            cases = {p.member: p.annual_cases for p in member_parts(s, r.id)}
            if "五霞町" in cases and len(cases) > 1:  # 9,178 people against cities of 42,000 to 56,000
                assert cases["五霞町"] < min(v for k, v in cases.items() if k != "五霞町"), (r.key, cases)


def test_town_requests_say_town(demo):
    with demo.session() as s:
        for r in list_item_rows(s):
            for p in member_parts(s, r.id):
                if p.member.endswith("町"):
                    assert "市独自" not in p.content and "市営" not in p.content, (r.key, p.content)


def test_function_names_belong_to_their_system(demo):
    with demo.session() as s:
        for system, name in s.execute(select(BusinessSystem.name, Function.name)
                                      .join(Function, Function.business_system_id == BusinessSystem.id)):
            assert name.startswith(_SYSTEM_OBJECTS[system]), (system, name)


def test_case_counts_are_whole_numbers():
    import random

    rng = random.Random(1)
    # the audit trail records what the operation was given: a float would read 2,960.0件
    assert all(type(annual_cases(a.per_10k, pop, rng)) is int for a in ASKS for pop in (400, 9_178, 55_827, 400_000))
