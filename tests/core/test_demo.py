"""The demo consortium looks like the Ibaraki case (seed 004): 3,069 functions, 42 business
systems under 4 subcommittees, 125 convenience functions, 4 members."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from cloudsuppress.demo import DEMO_MEMBERS, create_demo
from cloudsuppress.domain.models import Function
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops.members import list_members
from cloudsuppress.ops.summary import build_summary
from cloudsuppress.presets import PRESETS
from cloudsuppress.store.db import open_database

# The procured systems table of seed 004 (調達業務：33業務), number and name as printed there.
SEED_004_SYSTEMS = [
    ("1", "住民基本台帳"), ("1-2", "住基ネット連携"), ("2", "印鑑登録"), ("3", "選挙投票管理"), ("3-2", "裁判員制度"),
    ("4", "住登外管理"), ("5", "個人住民税"), ("6", "法人住民税"), ("7", "軽自動車税"), ("8", "固定資産税"),
    ("9", "電子申告支援"), ("10", "申告受付支援"), ("11", "収滞納管理(収納)"), ("11-1", "収滞納管理(滞納)"),
    ("11-2", "総合滞納"), ("12", "課税資料イメージ管理"), ("13", "家屋評価"), ("14-1", "国民健康保険(資格)"),
    ("14-2", "国民健康保険(賦課)"), ("14-3", "国民健康保険(給付)"), ("14-4", "国民健康保険(国保滞納対策)"),
    ("15", "国民年金"), ("16", "後期高齢者医療"), ("17", "介護保険"), ("18", "障害者福祉業務"), ("19", "障害者自立支援"),
    ("20", "医療費助成(マル福)"), ("21", "児童手当"), ("22", "児童扶養手当"), ("23", "保育料"), ("24", "学童保育管理"),
    ("25", "学齢簿業務"), ("26", "公営住宅管理"), ("27", "畜犬管理"), ("28", "下水道受益者負担"), ("29", "農業行政"),
    ("30", "健康管理"), ("31", "自動交付機"), ("32", "外字管理"), ("33", "総合窓口"), (None, "コンビニ収納"),
    (None, "クレジット収納"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    started = time.perf_counter()
    with database.session() as s, s.begin():
        create_demo(s)
    elapsed = time.perf_counter() - started
    yield database, elapsed
    database.close()


def test_demo_counts(demo):
    database, elapsed = demo
    with database.session() as s:
        tree = function_ops.system_tree(s)
        summary = build_summary(s)
        stats = function_ops.fit_stats(s)
        members = list_members(s)
    assert summary["functions"]["total"] == 3069
    assert stats.convenience == 125
    assert len(tree) == 42
    assert [sc["name"] for sc in summary["subcommittees"]] == ["住民業務", "税業務", "福祉業務", "総合業務"]
    assert sum(sc["business_systems"] for sc in summary["subcommittees"]) == 42
    assert [m.name for m in members] == [m[0] for m in DEMO_MEMBERS] == ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"]
    assert [m.population for m in members] == [42_963, 55_827, 43_618, 9_178]
    # Every function is assessed and a handful are gaps, as at the Ibaraki proposal stage.
    assert stats.unassessed == 0
    assert 0 < stats.gaps < 10
    assert stats.gap_rate < 0.005
    assert elapsed < 20


def test_demo_spreads_functions_over_every_system(demo):
    database, _ = demo
    with database.session() as s:
        counts = dict(s.execute(select(Function.business_system_id, func.count()).group_by(Function.business_system_id)).all())
    assert len(counts) == 42
    assert max(counts.values()) - min(counts.values()) <= 1


def test_demo_requirement_texts_are_long_and_multiline(demo):
    database, _ = demo
    with database.session() as s:
        rows = function_ops.list_function_rows(s)
    assert len({(r.business_system, r.code) for r in rows}) == 3069
    assert sum("\n" in (r.requirement or "") for r in rows) > 3000
    assert {r.requirement_class for r in rows} == {"mandatory", "optional", "excluded"}


def test_preset_names_match_seed_004():
    _, systems = PRESETS["ibaraki33"]
    assert [(p.code, p.name) for p in systems] == SEED_004_SYSTEMS
    names = {p.name for p in systems}
    for spot in ("国民健康保険(資格)", "収滞納管理(滞納)", "医療費助成(マル福)", "クレジット収納"):
        assert spot in names
    by_name = {p.name: p.subcommittee for p in systems}
    assert by_name["住民基本台帳"] == "住民業務"
    assert by_name["固定資産税"] == "税業務"
    assert by_name["介護保険"] == "福祉業務"
    assert by_name["選挙投票管理"] == "総合業務"


def test_demo_names_in_the_database_match_the_preset(demo):
    database, _ = demo
    with database.session() as s:
        tree = function_ops.system_tree(s)
    assert [(n.code, n.name) for n in sorted(tree, key=lambda n: n.id)] == SEED_004_SYSTEMS
    assert {n.subcommittee for n in tree} == {"住民業務", "税業務", "福祉業務", "総合業務"}


def test_demo_decisions_refer_to_past_meetings_with_minutes(demo):
    """The demo's standardized and customized items were decided at real meetings, whose minutes list them."""
    from cloudsuppress.domain.models import RequestItem, StatusChange
    from cloudsuppress.ops.meeting_queries import list_meetings
    from cloudsuppress.ops.minutes import build_minutes

    database, _ = demo
    with database.session() as s:
        decided = s.execute(select(RequestItem.key, StatusChange.meeting_id)
                            .join(StatusChange, StatusChange.item_id == RequestItem.id)
                            .where(StatusChange.to_status.in_(("standardized", "customized")))).all()
        meetings = list_meetings(s)
        minutes = {m.id: build_minutes(s, m.id) for m in meetings}
    assert len(decided) == 20 and all(meeting is not None for _, meeting in decided)
    listed = {d.key for mi in minutes.values() for d in mi.decisions if d.to_status in ("standardized", "customized")}
    assert listed == {key for key, _ in decided}
    past = [m for m in meetings if any(r.outcome for r in minutes[m.id].agenda)]
    assert len(past) >= 4 and all(len(minutes[m.id].attendees) == 3 for m in past)  # members, vendor, secretariat
    upcoming = [m for m in meetings if m not in past]
    assert len(upcoming) == 1 and upcoming[0].agenda_count > 0 and minutes[upcoming[0].id].warnings
