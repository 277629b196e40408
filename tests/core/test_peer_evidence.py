"""Peer evidence in the comparison (issue #13, measure 4 「他団体ができるのであれば」): per item, the
members that do not ask for it, on the row, under the item in the PDF and the xlsx, and the
comparison of a selection of items."""
from __future__ import annotations

import openpyxl

from cloudsuppress.ops.comparison import peer_line
from cloudsuppress.reports.comparison_pdf import write_comparison_pdf
from cloudsuppress.reports.comparison_xlsx import HEADER_ROW, write_comparison_xlsx

from .pdf_support import flat, needs_poppler, raw_text
from .request_support import rdb  # noqa: F401
from .test_comparison import cdb, table  # noqa: F401


def test_each_row_names_the_members_that_do_not_ask(cdb):
    db, _ = cdb
    rows = {r.key: r for r in table(db).rows}
    assert rows["R-0001"].peers == ("常陸大宮市", "かすみがうら市")  # 那珂市 and 五霞町 ask
    assert rows["R-0001"].peer_line == "要望なし: 2団体（常陸大宮市・かすみがうら市）"
    # 常陸大宮市 asked (the item was withdrawn since): it is not a peer
    assert rows["R-0002"].peers == ("那珂市", "かすみがうら市", "五霞町")
    assert rows["R-0003"].peers == ("常陸大宮市", "那珂市", "五霞町")
    assert peer_line(()) == ""


def test_the_comparison_of_a_selection(cdb):
    db, _ = cdb
    ids = [r.item_id for r in table(db).rows if r.key in ("R-0003", "R-0001")]
    assert [r.key for r in table(db, item_ids=ids).rows] == ["R-0001", "R-0003"]


@needs_poppler
def test_pdf_prints_the_peer_line_under_the_item(cdb, tmp_path):
    db, meeting = cdb
    out = tmp_path / "c.pdf"
    write_comparison_pdf(out, table(db, meeting_id=meeting), paper="a4")
    body = flat(raw_text(out))
    assert "転入届の受付要望なし:2団体（常陸大宮市・かすみがうら市）" in body
    assert "要望なし:3団体（那珂市・かすみがうら市・五霞町）" in body


def test_xlsx_prints_the_peer_line_under_the_item(cdb, tmp_path):
    db, _ = cdb
    out = tmp_path / "c.xlsx"
    write_comparison_xlsx(out, table(db), paper="a4")
    ws = openpyxl.load_workbook(out)["比較一覧表"]
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=HEADER_ROW + 2) if r[0].value}
    # written in the lines the PDF's breaker gives at the column's width (names kept whole)
    assert rows["R-0001"][3].split("\n")[0] == "転入届の受付"
    assert "".join(rows["R-0001"][3].split("\n")[1:]) == "要望なし: 2団体（常陸大宮市・かすみがうら市）"


def test_request_spread_counts_single_member_and_all_member_items(rdb):
    from cloudsuppress.ops.summary import request_spread

    from .request_support import join, move, new_item

    one = new_item(rdb, "那珂市", "0010001")
    everyone = new_item(rdb, "那珂市", "0010002")
    for name in ("常陸大宮市", "かすみがうら市", "五霞町"):
        join(rdb, everyone, name)
    two = new_item(rdb, "五霞町", "0010003")
    join(rdb, two, "那珂市")
    decided = new_item(rdb, "那珂市", "0200001")
    move(rdb, decided, "withdrawn", reason="運用で対応")
    move(rdb, one, "under_review", reason=None)
    with rdb.session() as s:
        spread = request_spread(s)
    assert (spread.open, spread.single, spread.everyone, spread.members) == (3, 1, 1, 4)


@needs_poppler
def test_summary_pdf_counts_under_review_and_requested_apart(rdb, tmp_path):
    """The summary's table used to print 「検討中 2」 for one 検討中 and one 要望."""
    import datetime as dt

    from cloudsuppress.ops import measures as measure_ops
    from cloudsuppress.reports.summary_pdf import write_summary_pdf

    from .request_support import move, new_item

    new_item(rdb, "那珂市", "0010001")
    move(rdb, new_item(rdb, "五霞町", "0010002"), "under_review", reason=None)
    with rdb.session() as s:
        dashboard = measure_ops.measures_dashboard(s, today=dt.date(2026, 11, 22))
    out = tmp_path / "summary.pdf"
    write_summary_pdf(out, dashboard, consortium="テスト協議会", issued_on=dt.date(2026, 11, 22))
    body = flat(raw_text(out))
    assert "検討中の項目1要望（未検討）の項目1" in body
    assert "検討中の項目2" not in body
