"""Re-importing a business system's list: the plan shows exactly what changes, asks for
confirmation before anything existing is changed or removed, and the apply replaces that
system's list only."""
from __future__ import annotations

import pytest

from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops.summary import build_summary

from .conftest import HEADER, dump, functions_of, import_file, parse_file, write_csv

SYSTEM = "国民健康保険(資格)"
OTHER = "介護保険"

V1 = [
    ["14001", "資格取得の登録", "資格取得を登録できること。", "実装必須機能", "○"],
    ["14002", "資格喪失の登録", "資格喪失を登録できること。", "実装必須機能", "○"],
    ["14003", "被保険者証の発行", "被保険者証を発行できること。", "実装必須機能", "○"],
    ["14004", "資格照会", "資格を照会できること。", "標準オプション機能", "△"],
    ["14005", "退職者医療", "退職者医療の資格を管理できること。", "実装不可機能", "×"],
]


def _v2():
    rows = [list(r) for r in V1]
    rows[1][4] = "△"                               # 14002: fit changed
    rows[2][2] = "被保険者証を一括発行できること。"      # 14003: requirement changed
    del rows[4]                                      # 14005 removed
    rows.append(["14006", "マイナ保険証の確認", "資格確認書を発行できること。", "実装必須機能", "○"])  # added
    rows.append(["14007", "短期証の管理", "短期被保険者証を管理できること。", "標準オプション機能", "○"])  # added
    return rows


@pytest.fixture
def first(db, tmp_path):
    import_file(db, write_csv(tmp_path / "v1.csv", [HEADER, *V1]), business_system=SYSTEM, spec_version="第1.0版")
    other = [HEADER, ["K1", "認定申請", "", "", "○"], ["K2", "給付管理", "", "", "△"]]
    import_file(db, write_csv(tmp_path / "other.csv", other), business_system=OTHER, spec_version="第2.0版")
    return db


def _plan(db, path, *, spec_version="第1.0版", business_system=SYSTEM):
    parsed = parse_file(path)
    with db.session() as s:
        return function_ops.plan_function_import(s, parsed, business_system=business_system, spec_version=spec_version)


def test_the_plan_shows_exactly_the_added_changed_and_removed_ids(first, tmp_path):
    before = dump(first)
    plan = _plan(first, write_csv(tmp_path / "v2.csv", [HEADER, *_v2()]))
    assert dump(first) == before  # planning writes nothing
    (diff,) = plan.diffs
    assert diff.business_system == SYSTEM
    assert diff.added == ("14006", "14007")
    assert {c.code: c.fields for c in diff.changed} == {"14002": ("適合度",), "14003": ("機能要件",)}
    assert diff.removed == ("14005",)
    assert (diff.unchanged, diff.existing) == (2, 5)
    assert plan.needs_confirmation
    assert plan.describe() == f"{SYSTEM}: 追加 2 件、変更 2 件、削除 1 件、変更なし 2 件"


def test_identical_reimport_changes_nothing_and_needs_no_confirmation(first, tmp_path):
    plan = _plan(first, write_csv(tmp_path / "same.csv", [HEADER, *V1], "cp932"))
    (diff,) = plan.diffs
    assert (diff.added, diff.changed, diff.removed, diff.unchanged) == ((), (), (), 5)
    assert not plan.needs_confirmation


def test_only_additions_need_no_confirmation(first, tmp_path):
    rows = [*V1, ["14008", "追加機能", "", "", "○"]]
    plan = _plan(first, write_csv(tmp_path / "more.csv", [HEADER, *rows]))
    assert plan.diffs[0].added == ("14008",)
    assert not plan.needs_confirmation


@pytest.mark.parametrize("edit", ["change", "remove"])
def test_a_change_or_a_removal_needs_confirmation(first, tmp_path, edit):
    rows = [list(r) for r in V1]
    if edit == "change":
        rows[0][1] = "資格取得の登録（遡及）"
    else:
        rows.pop()
    assert _plan(first, write_csv(tmp_path / "e.csv", [HEADER, *rows])).needs_confirmation


def test_a_new_spec_version_needs_confirmation_even_with_the_same_rows(first, tmp_path):
    plan = _plan(first, write_csv(tmp_path / "same.csv", [HEADER, *V1]), spec_version="第2.1版")
    assert plan.needs_confirmation
    assert "仕様書の版 第1.0版 → 第2.1版" in plan.describe()


def test_a_first_import_needs_no_confirmation(db, tmp_path):
    parsed = parse_file(write_csv(tmp_path / "v1.csv", [HEADER, *V1]))
    with db.session() as s:
        plan = function_ops.plan_function_import(s, parsed, business_system=SYSTEM, spec_version="第1.0版")
    assert plan.diffs[0].added == tuple(r[0] for r in V1)
    assert not plan.needs_confirmation


def test_apply_replaces_the_systems_list_and_leaves_other_systems_alone(first, tmp_path):
    old = functions_of(first, SYSTEM)
    other_before = functions_of(first, OTHER)
    import_file(first, write_csv(tmp_path / "v2.csv", [HEADER, *_v2()]), business_system=SYSTEM, spec_version="第2.1版")
    new = functions_of(first, SYSTEM)
    assert list(new) == ["14001", "14002", "14003", "14004", "14006", "14007"]  # file order
    assert new["14002"].fit == "△"
    assert new["14003"].requirement == "被保険者証を一括発行できること。"
    assert new["14006"].name == "マイナ保険証の確認"
    # Matching IDs keep their database ids (requests that point at them stay attached).
    assert all(new[c].id == old[c].id for c in ("14001", "14002", "14003", "14004"))
    assert {r.spec_version for r in new.values()} == {"第2.1版"}
    assert functions_of(first, OTHER) == other_before
    with first.session() as s:
        tree = {n.name: n for n in function_ops.system_tree(s)}
    assert tree[SYSTEM].spec_version == "第2.1版"
    assert tree[OTHER].spec_version == "第2.0版"
    assert tree[SYSTEM].stats.total == 6
    assert tree[SYSTEM].stats.by_fit == {"○": 4, "△": 2, "×": 0}


def test_apply_records_the_source_and_time(first, tmp_path):
    import_file(first, write_csv(tmp_path / "新一覧.csv", [HEADER, *_v2()]), business_system=SYSTEM, spec_version="第2.1版")
    with first.engine.connect() as conn:
        source, at = conn.exec_driver_sql(
            "SELECT list_source, list_imported_at FROM business_system WHERE name = ?", (SYSTEM,)
        ).one()
    assert source == "新一覧.csv"
    assert at is not None


def test_summary_counts_follow_the_reimport(first, tmp_path):
    import_file(first, write_csv(tmp_path / "v2.csv", [HEADER, *_v2()]), business_system=SYSTEM)
    with first.session() as s:
        f = build_summary(s)["functions"]
    # SYSTEM now: ○ 14001 14003 14006 14007, △ 14002 14004; OTHER: ○ K1, △ K2
    assert f["total"] == 8
    assert f["by_fit"] == {"○": 5, "△": 3, "×": 0}
    assert f["gap_rate"] == pytest.approx(3 / 8)


def test_a_file_covering_two_systems_plans_each(first, tmp_path):
    rows = [["業務", *HEADER]] + [[SYSTEM, *r] for r in V1] + [[OTHER, "K1", "認定申請", "", "", "○"]]
    plan = _plan(first, write_csv(tmp_path / "two.csv", rows), business_system=None)
    by_name = {d.business_system: d for d in plan.diffs}
    assert by_name[OTHER].removed == ("K2",)
    assert by_name[SYSTEM].removed == ()
    assert plan.total_records == 6


def test_a_correction_without_a_spec_version_keeps_the_recorded_one(first, tmp_path):
    rows = [list(r) for r in V1]
    rows[0][1] = "資格取得の登録（訂正）"
    plan = _plan(first, write_csv(tmp_path / "fix.csv", [HEADER, *rows]), spec_version=None)
    (diff,) = plan.diffs
    assert (diff.old_spec_version, diff.new_spec_version) == ("第1.0版", "第1.0版")
    assert "仕様書の版" not in plan.describe()
    with first.session() as s, s.begin():
        function_ops.apply_function_import(s, plan)
    with first.session() as s:
        (node,) = [n for n in function_ops.system_tree(s) if n.name == SYSTEM]
        assert node.spec_version == "第1.0版"
        assert {r.spec_version for r in function_ops.list_function_rows(s, business_system_id=node.id)} == {"第1.0版"}
