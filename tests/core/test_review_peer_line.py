"""Review R27 (also noted): with members' Fit&Gap judgements the peers of an item are the members that
judged the function ○, not every member without a request; the line said 「要望なし: 14団体」 for one
request among 34 members, as if the 19 others had asked. It now says what they have in common."""
from __future__ import annotations

from sqlalchemy import select

from cloudsuppress.domain.models import Function, Member
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.comparison import build_comparison, peer_line

from .real_layouts import fit_gap
from .request_support import PART
from .test_real_layouts import _import, _members


def test_peers_from_judgements_are_named_as_such(db, tmp_path):
    _members(db, "那珂市", "常陸大宮市", "五霞町")  # 五霞町 has no column in the sheet
    _import(db, fit_gap(tmp_path / "fitgap.xlsx"))  # 0010002: 那珂市 △, 常陸大宮市 ○
    with db.session() as s, s.begin():
        fid = s.scalar(select(Function.id).where(Function.code == "0010002"))
        naka = s.scalar(select(Member.id).where(Member.name == "那珂市"))
        req.create_item(s, member_id=naka, function_id=fid, **PART)
    with db.session() as s:
        row, = build_comparison(s).rows
    assert row.peers == ("常陸大宮市", "五霞町")
    assert row.peer_line == "標準機能で運用: 2団体（常陸大宮市・五霞町）"
    assert peer_line(("常陸大宮市",)) == "要望なし: 1団体（常陸大宮市）"  # without judgements, as before


def test_a_member_that_judged_the_function_a_gap_but_does_not_ask_is_shown_with_its_mark(db, tmp_path):
    """#12 item 5 asks each member's judgement to be shown in the comparison: before, a member's △ or ×
    showed only when it asked (its own cell); one that judged a gap and did not ask was simply absent."""
    _members(db, "那珂市", "常陸大宮市", "五霞町")
    _import(db, fit_gap(tmp_path / "fitgap.xlsx"))  # 0010002: 那珂市 △, 常陸大宮市 ○
    with db.session() as s, s.begin():
        fid = s.scalar(select(Function.id).where(Function.code == "0010002"))
        omiya = s.scalar(select(Member.id).where(Member.name == "常陸大宮市"))
        req.create_item(s, member_id=omiya, function_id=fid, **PART)
    with db.session() as s:
        row, = build_comparison(s).rows
    assert row.peers == ("五霞町",) and row.gaps == (("那珂市", "△"),)
    assert row.peer_line == "標準機能で運用: 1団体（五霞町）　△・×と判定し要望なし: 那珂市（△）"
    assert peer_line((), gaps=(("那珂市", "×"),)) == "△・×と判定し要望なし: 那珂市（×）"
    from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx  # the sheet prints the same line

    with db.session() as s:
        table = build_comparison(s)
    out = tmp_path / "c.xlsx"
    write_comparison_xlsx(out, table)
    from openpyxl import load_workbook

    cells = [str(c.value) for r in load_workbook(out).active.iter_rows() for c in r if c.value]
    assert any("△・×と判定し要望なし: 那珂市（△）" in c.replace("\n", "") for c in cells)
