"""The audit trail and its CSV speak the officials' words: labels instead of stored codes, member
names instead of ids, 機能ID + 機能名, はい／いいえ, 和暦 dates, no technical columns."""
from __future__ import annotations

import csv
import datetime as dt

from cloudsuppress.ops import history as history_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.meetings import create_meeting

from .request_support import approve_all, function_id, join, member_id, move, new_item, rdb  # noqa: F401

CODES = {"requested", "under_review", "customized", "withdrawn", "standardized", "service_level", "own_policy",
         "efficiency", "finance", "mayor", "True", "False", "true", "false"}


def lived_item(db) -> int:
    """An item with a join, a hearing, an estimate, approvals, a move at a meeting and a withdrawal."""
    item = new_item(db)  # 那珂市, function 0010002 転入届の受付
    join(db, item, "五霞町", annual_cases=40)
    with db.session() as s, s.begin():
        meeting = create_meeting(s, kind="協議会", title="カスタマイズ検討会議", number=2, held_on=dt.date(2026, 5, 20)).id
        req.record_hearing(s, item_id=item, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 4, 27),
                           confirmed="繁忙期の件数を確認", confirmed_cases=1_100)
        req.update_item(s, item_id=item, estimate=1_650_000, function_id=function_id(s, "0010003"))
    move(db, item, "under_review", meeting_id=meeting)
    approve_all(db, item, ["那珂市"])
    with db.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason="運用で対応",
                           on=dt.date(2026, 6, 3))
    return item


def test_the_trail_shows_labels_names_and_wareki(rdb):
    item = lived_item(rdb)
    with rdb.session() as s:
        entries = history_ops.item_audit_trail(s, item)
    values = {v for e in entries for v in (e.old, e.new) if v}
    assert not values & CODES
    lines = {(e.target, e.field_label, e.old, e.new) for e in entries}
    assert ("団体の要望（五霞町）", "団体", None, "五霞町") in lines
    assert ("要望項目", "機能", None, "0010002 転入届の受付") in lines
    assert ("要望項目", "機能", "0010002 転入届の受付", "0010003 外字の印字") in lines
    assert ("要望項目", "見積額", None, "1,650,000円") in lines
    assert ("要望項目", "状態", "要望", "検討中") in lines
    assert ("状態の変更", "会議", None, "第2回 カスタマイズ検討会議（令和8年5月20日）") in lines
    assert ("団体の要望（那珂市）", "理由区分", None, "住民サービス水準の維持") in lines
    assert ("団体の要望（那珂市）", "住民サービス低下", None, "低下する") in lines
    assert ("団体の要望（五霞町）", "取下げ", "いいえ", "はい") in lines
    assert ("団体の要望（五霞町）", "取下げ日", None, "令和8年6月3日") in lines
    assert ("ヒアリング記録（那珂市）", "実施日", None, "令和8年4月27日") in lines
    assert ("ヒアリング記録（那珂市）", "確認件数", None, "1,100件") in lines
    assert ("財政課協議・首長決裁（那珂市）", "段階", None, "財政課協議") in lines
    hidden = {e.field for e in entries} & history_ops.HIDDEN_FIELDS
    assert hidden == set()
    assert all(e.at_text.startswith("令和") for e in entries)


def test_undone_parts_still_show_their_member(rdb):
    from cloudsuppress.ops import undo as undo_ops

    item = new_item(rdb)
    join(rdb, item, "五霞町")
    with rdb.session() as s, s.begin():
        undo_ops.undo(s)
    with rdb.session() as s:
        entries = history_ops.item_audit_trail(s, item)
    undone = [e for e in entries if e.kind == "undo"]
    assert undone and {e.target for e in undone} == {"団体の要望（五霞町）"}
    assert all(e.undone for e in entries if e.label == "要望 R-0001 に五霞町が参加")


def test_history_csv_is_ready_for_excel(rdb, tmp_path):
    item = lived_item(rdb)
    out = tmp_path / "R-0001_変更履歴.csv"
    with rdb.session() as s:
        n = history_ops.export_item_history_csv(s, item, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads it as UTF-8
    assert data.count(b"\r\n") >= n + 1 and data.replace(b"\r\n", b"").count(b"\n") == 0  # CRLF only
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["日時", "操作者", "操作", "対象", "変更の種類", "項目", "変更前", "変更後", "備考"]
    assert len(rows) == n + 1 and all(len(r) == 9 for r in rows)
    assert "id" not in rows[0]
    assert ["要望項目", "変更", "状態", "要望", "検討中"] in [r[3:8] for r in rows]
    assert not {c for r in rows[1:] for c in r[6:8]} & CODES


def test_composed_values_keep_their_pattern_for_a_ui(rdb):
    """「1,100件」, 「1,650,000円」, dates and meetings are the Japanese text and carry what a UI needs to
    spell them in another language (the pattern and its parts)."""
    item = lived_item(rdb)
    with rdb.session() as s:
        entries = history_ops.item_audit_trail(s, item)
    by_field = {e.field_label: e.new for e in entries if e.new}
    cases, amount, day = by_field["確認件数"], by_field["見積額"], by_field["実施日"]
    assert (cases, cases.pattern, cases.parts, cases.plural_count) == ("1,100件", history_ops.CASES, ("1,100",), 1_100)
    assert (amount, amount.pattern, amount.parts) == ("1,650,000円", history_ops.YEN, ("1,650,000",))
    assert (day, day.parts) == ("令和8年4月27日", (dt.date(2026, 4, 27),))
    meeting = by_field["会議"]
    assert (meeting.pattern, meeting.parts) == (history_ops.WITH_NOTE, ("第2回 カスタマイズ検討会議", dt.date(2026, 5, 20)))
    assert all(p in history_ops.PATTERNS for p in (cases.pattern, amount.pattern, meeting.pattern))
    nth = history_ops.Phrase(history_ops.NTH, "3")
    assert (nth, history_ops.Phrase(history_ops.ROWS, "12", count=12)) == ("第3回", "12 件")
    fit = history_ops.Phrase(history_ops.WITH_NOTE, "△", history_ops.Phrase("改修必要"))
    assert fit == "△（改修必要）" and fit.parts[1].parts == ()
