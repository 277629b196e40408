"""The audit trail (who, when, field, old, new, grouped per action) and undo / redo of every kind
of action, strictly last-first, across sessions and a reopened database; CSV export for Excel."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from sqlalchemy import select

from cloudsuppress.domain import audit
from cloudsuppress.domain.models import AuditAction
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import history as history_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.store.db import open_database

from .conftest import dump
from .request_support import approve_all, dump_requests, join, member_id, move, new_item, rdb  # noqa: F401


def do_undo(db, n=1):
    for _ in range(n):
        with db.session() as s, s.begin():
            undo_ops.undo(s)


def do_redo(db, n=1):
    for _ in range(n):
        with db.session() as s, s.begin():
            undo_ops.redo(s)


def status(db):
    with db.session() as s:
        return undo_ops.undo_status(s)


def trail(db, item_id):
    with db.session() as s:
        return history_ops.item_audit_trail(s, item_id)


def test_each_kind_of_change_is_recorded_with_who_when_field_old_new(rdb):
    audit.set_default_user("事務局 佐藤")
    try:
        item = new_item(rdb)
        with rdb.session() as s, s.begin():
            req.update_member_request(s, item_id=item, member_id=member_id(s, "那珂市"),
                                      fields=req.PartFields(annual_cases=800))
        move(rdb, item, "under_review", reason=None, by="部会長")
    finally:
        audit.set_default_user(None)
    entries = trail(rdb, item)
    labels = list(dict.fromkeys(e.label for e in entries))
    assert labels == ["要望 R-0001 を登録（那珂市）", "要望 R-0001 の那珂市の内容を編集", "要望 R-0001 を検討中に変更"]
    created = [e for e in entries if e.label == labels[0]]
    assert {e.table for e in created} == {"request_item", "member_request", "status_change"}
    assert all(e.user == "事務局 佐藤" and e.op == "insert" for e in created)
    (edit,) = [e for e in entries if e.label == labels[1]]
    assert (edit.target, edit.field_label, edit.old, edit.new) == ("団体の要望（那珂市）", "年間処理件数", "1,200件", "800件")
    moved = [e for e in entries if e.label == labels[2]]
    assert {e.user for e in moved} == {"部会長"}
    assert ("状態", "要望", "検討中") in {(e.field_label, e.old, e.new) for e in moved}
    assert all(isinstance(e.at, dt.datetime) for e in entries)


def test_member_and_function_changes_are_audited(rdb):
    with rdb.session() as s, s.begin():
        member_ops.add_member(s, name="大子町", population=16_000)
    with rdb.session() as s:
        action = s.scalars(select(AuditAction).order_by(AuditAction.id.desc())).first()
        assert action.label == "団体「大子町」を追加"
        first_import = s.scalars(select(AuditAction).where(AuditAction.label.like("機能一覧の取り込み%"))).first()
        assert first_import is not None
    assert status(rdb).undo_label == "団体「大子町」を追加"


def test_undo_and_redo_of_create_edit_move_withdraw(rdb):
    snapshots = [dump_requests(rdb)]
    item = new_item(rdb)
    snapshots.append(dump_requests(rdb))
    with rdb.session() as s, s.begin():
        req.update_item(s, item_id=item, title="転入届の様式追加", estimate=300_000)
    snapshots.append(dump_requests(rdb))
    join(rdb, item, "五霞町")
    snapshots.append(dump_requests(rdb))
    move(rdb, item, "under_review")
    snapshots.append(dump_requests(rdb))
    with rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason="運用で対応")
    snapshots.append(dump_requests(rdb))
    assert status(rdb).undo_label == "要望 R-0001 を五霞町が取下げ"
    for expected in reversed(snapshots[:-1]):
        do_undo(rdb)
        assert dump_requests(rdb) == expected
    assert status(rdb).redo_label == "要望 R-0001 を登録（那珂市）"
    for expected in snapshots[1:]:
        do_redo(rdb)
        assert dump_requests(rdb) == expected
    assert status(rdb).redo_label is None


def test_undo_survives_a_reopened_database(rdb, tmp_path):
    item = new_item(rdb)
    move(rdb, item, "withdrawn", reason="運用で対応")
    path = rdb.path
    rdb.close()
    again = open_database(path)
    try:
        assert (status(again).undo_label, status(again).redo_label) == ("要望 R-0001 を取下げに変更", None)
        do_undo(again)
        with again.session() as s:
            assert rq.get_item_row(s, item).status == "requested"
    finally:
        again.close()
    third = open_database(path)
    try:
        assert status(third).redo_label == "要望 R-0001 を取下げに変更"
        do_redo(third)
        with third.session() as s:
            assert rq.get_item_row(s, item).status == "withdrawn"
    finally:
        third.close()


def test_a_new_action_after_an_undo_clears_the_redo_stack(rdb):
    item = new_item(rdb)
    move(rdb, item, "under_review")
    do_undo(rdb)
    assert status(rdb).redo_label == "要望 R-0001 を検討中に変更"
    move(rdb, item, "withdrawn", reason="運用で対応")
    assert status(rdb).redo_label is None
    with rdb.session() as s, s.begin():
        with pytest.raises(DomainError, match="やり直せる操作はありません"):
            undo_ops.redo(s)


def test_undo_stops_at_the_consortium_creation(db):
    assert status(db).undo_label is None
    with db.session() as s, s.begin():
        with pytest.raises(DomainError, match="元に戻せる操作はありません"
                                              "（「協議会「テスト自治体クラウド協議会」を作成」は元に戻せない操作です）"):
            undo_ops.undo(s)


def test_undo_and_redo_of_a_function_import_restore_every_row(rdb):
    dump_without_versions = dump(rdb, versions=False)
    assert status(rdb).undo_label == "機能一覧の取り込み（seed.csv）"
    do_undo(rdb)
    assert dump(rdb)["function"] == [] and len(dump(rdb)["member"]) == 4
    assert [r[7] for r in dump(rdb)["business_system"]][:1] == [None]  # list_source restored
    do_undo(rdb, 4)  # the four members added before the import
    assert dump(rdb)["member"] == []
    do_redo(rdb, 5)
    assert dump(rdb, versions=False) == dump_without_versions


def test_undo_is_refused_when_a_change_escaped_the_audit_trail(rdb):
    item = new_item(rdb)
    move(rdb, item, "under_review")
    with rdb.engine.begin() as conn:  # someone edits the file behind the app's back
        conn.exec_driver_sql("UPDATE request_item SET status = 'withdrawn'")
    before = dump_requests(rdb)
    with pytest.raises(DomainError, match="「要望 R-0001 を検討中に変更」を元に戻せません.*変わっています"):
        do_undo(rdb)
    assert dump_requests(rdb) == before


def test_undo_is_itself_in_the_audit_trail(rdb):
    item = new_item(rdb)
    move(rdb, item, "under_review")
    do_undo(rdb)
    entries = trail(rdb, item)
    undone = [e for e in entries if e.kind == "undo"]
    assert undone and undone[0].label == "元に戻す: 要望 R-0001 を検討中に変更"
    assert any(e.undone for e in entries if e.label == "要望 R-0001 を検討中に変更")


def test_history_csv_opens_in_excel(rdb, tmp_path):
    item = new_item(rdb)
    move(rdb, item, "under_review")
    out = tmp_path / "history.csv"
    with rdb.session() as s:
        n = history_ops.export_item_history_csv(s, item, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(history_ops.CSV_HEADER) and len(rows) == n + 1
    assert any(r[2] == "要望 R-0001 を検討中に変更" and r[5] == "状態" and r[7] == "検討中" for r in rows)


def test_undo_of_a_reimport_restores_changed_and_removed_functions(rdb):
    from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
    from cloudsuppress.ops import functions as function_ops

    before = dump(rdb, versions=False)
    records = [FunctionRecord(row=2, code="0010001", name="住民票の写しの交付（改）", business_system="住民基本台帳", fit="△"),
               FunctionRecord(row=3, code="0010009", name="新しい機能", business_system="住民基本台帳")]
    parsed = ParsedFunctionList("v2.csv", None, ColumnMapping(0, {"code": 0, "name": 1}), records)
    with rdb.session() as s, s.begin():
        plan = function_ops.plan_function_import(s, parsed, business_system="住民基本台帳", spec_version="第2.0版")
        function_ops.apply_function_import(s, plan)
    after = dump(rdb, versions=False)
    assert after != before
    do_undo(rdb)
    assert dump(rdb, versions=False) == before
    do_redo(rdb)
    assert dump(rdb, versions=False) == after


def test_undo_of_a_reimport_over_two_systems_restores_both(rdb):
    """The import writes all systems in one batch of statements; undo and redo still put each
    system's additions, changes and removals back exactly."""
    from cloudsuppress.domain.models import BusinessSystem, Function
    from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
    from cloudsuppress.ops import functions as function_ops

    before = dump(rdb, versions=False)
    records = [  # 住民基本台帳: 0010001 changed, 0010002 kept, 0010003 removed, 0010004 added
        FunctionRecord(row=2, code="0010001", name="住民票の写しの交付（改）", business_system="住民基本台帳", fit="△"),
        FunctionRecord(row=3, code="0010002", name="転入届の受付", business_system="住民基本台帳", fit="△"),
        FunctionRecord(row=4, code="0010004", name="転出届の受付", business_system="住民基本台帳", fit="○"),
        # 個人住民税: 0200001 removed, 0200002 changed, two added
        FunctionRecord(row=5, code="0200002", name="減免申請の審査", business_system="個人住民税", fit="×"),
        FunctionRecord(row=6, code="0200003", name="特別徴収の通知", business_system="個人住民税", fit="○"),
        FunctionRecord(row=7, code="0200004", name="普通徴収の通知", business_system="個人住民税", fit="○"),
    ]
    parsed = ParsedFunctionList("v2.csv", None, ColumnMapping(0, {"code": 0, "name": 1, "business_system": 2}), records)
    with rdb.session() as s, s.begin():
        plan = function_ops.plan_function_import(s, parsed, spec_version="第2.0版")
        assert {d.business_system: (d.added, d.removed) for d in plan.diffs} == {
            "住民基本台帳": (("0010004",), ("0010003",)), "個人住民税": (("0200003", "0200004"), ("0200001",))}
        function_ops.apply_function_import(s, plan)
    after = dump(rdb, versions=False)
    with rdb.session() as s:
        rows = s.execute(select(Function.code, Function.name, Function.fit, BusinessSystem.name, BusinessSystem.spec_version)
                         .join(BusinessSystem).order_by(Function.code)).all()
    assert [(r[0], r[2]) for r in rows] == [("0010001", "△"), ("0010002", "△"), ("0010004", "○"),
                                           ("0200002", "×"), ("0200003", "○"), ("0200004", "○")]
    assert {(r[3], r[4]) for r in rows} == {("住民基本台帳", "第2.0版"), ("個人住民税", "第2.0版")}
    do_undo(rdb)
    assert dump(rdb, versions=False) == before
    do_redo(rdb)
    assert dump(rdb, versions=False) == after


def _trail_of(s, action_id):
    from cloudsuppress.domain.models import AuditChange

    return list(s.scalars(select(AuditChange).where(AuditChange.action_id == action_id).order_by(AuditChange.seq)))


def _shape(c):
    """A recorded change without the row images (an undo moves the row versions on)."""
    import json

    values = (json.loads(c.old_value), json.loads(c.new_value)) if c.field is not None else None
    return c.table_name, c.row_id, c.op, c.field, values, c.item_id


def _undo_of(c):
    """What undoing one change records: the mirror image (a bulk insert: one delete a row, newest first)."""
    import json

    if c.op == "bulk_insert":
        return [(c.table_name, rid, "delete", None, None, None) for rid in sorted(json.loads(c.new_value), reverse=True)]
    op = {"insert": "delete", "delete": "insert", "update": "update"}[c.op]
    values = (json.loads(c.new_value), json.loads(c.old_value)) if c.field is not None else None
    return [(c.table_name, c.row_id, op, c.field, values, c.item_id)]


def _redo_of(c):
    """What redoing one change records: the change again (a bulk insert: one insert a row, oldest first)."""
    import json

    if c.op == "bulk_insert":
        return [(c.table_name, rid, "insert", None, None, None) for rid in sorted(json.loads(c.new_value))]
    return [_shape(c)]


def test_each_kind_of_change_goes_back_and_forth_twice_with_a_mirrored_trail(rdb):
    """Insert, delete, one-field update, many-field update and bulk insert: undo and redo each,
    twice over (a second redo of a bulk insert takes the rows the second undo removed)."""
    import json

    from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
    from cloudsuppress.ops import functions as function_ops

    with rdb.session() as s:
        first = s.scalar(select(AuditAction.id).order_by(AuditAction.id.desc()))
    snapshots = [dump(rdb, versions=False)]
    item = new_item(rdb)
    snapshots.append(dump(rdb, versions=False))
    with rdb.session() as s, s.begin():
        req.update_item(s, item_id=item, title="転入届の様式追加", estimate=300_000)
    snapshots.append(dump(rdb, versions=False))
    records = [FunctionRecord(row=2, code="0010001", name="住民票の写しの交付（改）", business_system="住民基本台帳", fit="△"),
               FunctionRecord(row=3, code="0010002", name="転入届の受付", business_system="住民基本台帳", fit="△"),
               FunctionRecord(row=4, code="0010004", name="転出届の受付", business_system="住民基本台帳", fit="○"),
               FunctionRecord(row=5, code="0010005", name="転居届の受付", business_system="住民基本台帳", fit="○")]
    parsed = ParsedFunctionList("v2.csv", None, ColumnMapping(0, {"code": 0, "name": 1}), records)
    with rdb.session() as s, s.begin():
        function_ops.apply_function_import(s, function_ops.plan_function_import(s, parsed, business_system="住民基本台帳",
                                                                                spec_version="第2.0版"))
    snapshots.append(dump(rdb, versions=False))
    with rdb.session() as s:
        actions = list(s.scalars(select(AuditAction.id).where(AuditAction.id > first).order_by(AuditAction.id)))
        done = {a: _trail_of(s, a) for a in actions}
        kinds = {(c.op, c.field is not None) for trail in done.values() for c in trail}
    assert len(actions) == 3
    assert {("insert", False), ("delete", False), ("update", True), ("update", False), ("bulk_insert", False)} <= kinds
    assert any(c.op == "bulk_insert" and len(json.loads(c.new_value)) == 2 for trail in done.values() for c in trail)
    for _ in range(2):
        for n, action in enumerate(reversed(actions)):
            do_undo(rdb)
            assert dump(rdb, versions=False) == snapshots[-2 - n]
            with rdb.session() as s:
                undo_id = s.scalar(select(AuditAction.id).where(AuditAction.kind == "undo").order_by(AuditAction.id.desc()))
                assert [_shape(c) for c in _trail_of(s, undo_id)] == [
                    m for c in reversed(done[action]) for m in _undo_of(c)]
        for n, action in enumerate(actions):
            do_redo(rdb)
            assert dump(rdb, versions=False) == snapshots[n + 1]
            with rdb.session() as s:
                redo_id = s.scalar(select(AuditAction.id).where(AuditAction.kind == "redo").order_by(AuditAction.id.desc()))
                assert [_shape(c) for c in _trail_of(s, redo_id)] == [m for c in done[action] for m in _redo_of(c)]
