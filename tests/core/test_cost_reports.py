"""The cost report, the cost table and the summary report, read back as text, fonts and pages."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops import measures as measure_ops
from cloudsuppress.reports.cost_report_pdf import notice_file_name, write_member_cost_report, write_member_cost_reports
from cloudsuppress.reports.cost_table_pdf import method_cell, write_cost_table_pdf
from cloudsuppress.reports.cost_table_xlsx import write_cost_table_xlsx
from cloudsuppress.reports.summary_pdf import write_summary_pdf

from .pdf_support import assert_fonts_embedded, flat, fonts, needs_poppler, page_count, page_texts
from .request_support import approve_all, join, member_id, move, new_item, rdb  # noqa: F401

pytestmark = needs_poppler
ALL = ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"]


@pytest.fixture
def costed(rdb):
    """Twelve customized items borne by all four members (so the report runs over pages), one open."""
    with rdb.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="mixed", ratio="50:50", population_date=dt.date(2026, 4, 1))
    for n in range(12):
        item = new_item(rdb, "常陸大宮市", "0010001" if n % 2 else "0200002", allow_duplicate=True)
        for m in ALL[1:]:
            join(rdb, item, m)
        with rdb.session() as s, s.begin():
            cost_ops.set_item_cost(s, item_id=item, estimate=2_750_000)
        move(rdb, item, "under_review", reason=None)
        approve_all(rdb, item, ALL)
        move(rdb, item, "customized", reason="独自施策")
    open_item = new_item(rdb, "那珂市", "0010003")
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=open_item, estimate=330_000)
    return rdb


def test_member_cost_report(costed, tmp_path):
    with costed.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, "那珂市"))
    pdf = tmp_path / "naka.pdf"
    pages = write_member_cost_report(pdf, mc, issued_on=dt.date(2026, 11, 22))
    assert pages == page_count(pdf) >= 2
    texts = page_texts(pdf)
    first = flat(texts[0])
    assert "カスタマイズ経費の負担額について（通知）" in first
    assert first.index("令和8年11月22日") < first.index("那珂市長様")
    assert "均等割50％・人口割50％（円単位）" in first and "人口基準日：令和8年4月1日" in first
    every = flat("".join(texts))
    # Each line shows its computation: 均等割 343,750 + 人口割 506,393 = 850,143, population over the total.
    assert every.count("850,143円") >= 12 and "均等割343,750円" in every and "人口割506,393円" in every
    assert "55,827／151,586人" in every
    assert f"{12 * 850_143:,}円" in every  # the total
    assert "財第101号" in every and "決裁第201号" in every  # the approvals' references
    assert "R-0013" in every and "330,000円" in every and "未了" in every  # the open item, approvals pending
    # 以上, then the 担当 block (the consortium's secretariat when no contact is set), then the footer.
    assert flat(texts[-1]).endswith(f"以上担当{mc.consortium}事務局{mc.consortium}{len(texts)}/{len(texts)}")
    # The table's heading row is repeated on the next page.
    assert "算定の内訳" in flat(texts[1])
    assert_fonts_embedded(pdf)


def test_notice_carries_its_document_number_above_the_date_and_the_sender(costed, tmp_path):
    with costed.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, "那珂市"))
    pdf = tmp_path / "naka.pdf"
    write_member_cost_report(pdf, mc, issued_on=dt.date(2026, 11, 22), reference=" い協第15号 ",
                             sender="会長　那珂市長　山田 太郎")
    lines = [flat(ln) for ln in page_texts(pdf)[0].splitlines() if ln.strip()]
    # 文書番号 then the date, each on its own line at the top right, then the addressee.
    assert lines[:3] == ["い協第15号", "令和8年11月22日", "那珂市長様"]
    first = flat(page_texts(pdf)[0])
    assert first.index(flat(mc.consortium)) < first.index("会長那珂市長山田太郎") < first.index("負担額について（通知）")
    assert "事務局" not in first.split("負担額について")[0]  # the given sender replaces the default
    plain = tmp_path / "plain.pdf"
    write_member_cost_report(plain, mc, issued_on=dt.date(2026, 11, 22), reference="  ", sender=" ")
    lines = [flat(ln) for ln in page_texts(plain)[0].splitlines() if ln.strip()]
    # Not yet numbered: 「第　　号」 to be filled in by hand (it was left out); the sender is the 会長.
    assert lines[:2] == ["第号", "令和8年11月22日"] and "会長" in lines[:7] and "（公印省略）" in lines[:7]


def test_the_forecast_total_is_not_0_yen_while_estimates_are_unknown(costed, tmp_path):
    """Section 4 sums the estimated shares only: 未定 when nothing is estimated, the unestimated ones
    counted beside the sum otherwise (「0円」 read as "this costs nothing")."""
    def section_4(mc):
        pdf = tmp_path / "n.pdf"
        write_member_cost_report(pdf, mc, issued_on=dt.date(2026, 11, 22))
        every = flat("".join(page_texts(pdf)))
        return every[every.index("4検討中・未検討の要望"):every.index("5負担額の合計")]

    with costed.session() as s:
        goka = member_id(s, "五霞町")
    unknown = new_item(costed, "五霞町", "0200002")  # 五霞町: one open item, no estimate
    with costed.session() as s:
        text = section_4(cost_ops.member_costs(s, goka))
    assert "見込額の計未定" in text and "0円" not in text
    join(costed, unknown, "那珂市")
    with costed.session() as s:  # 那珂市: R-0013 estimated at 330,000 yen, and this one 未定
        text = section_4(cost_ops.member_costs(s, member_id(s, "那珂市")))
    assert "見込額の計330,000円（ほか未定1件）" in text  # the count on the label's second line


def test_notices_for_every_bearing_member_one_file_each(rdb, tmp_path):
    item = new_item(rdb, "常陸大宮市")
    join(rdb, item, "五霞町")
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=1_000_000)
    move(rdb, item, "under_review", reason=None)
    approve_all(rdb, item, ["常陸大宮市", "五霞町"])
    move(rdb, item, "customized", reason="独自施策")
    with rdb.session() as s:
        bearing = cost_ops.all_member_costs(s)
        everyone = cost_ops.all_member_costs(s, include_none=True)
    assert [mc.member for mc in bearing] == ["常陸大宮市", "五霞町"]  # members' order, only those bearing
    assert [mc.member for mc in everyone] == ALL
    folder = tmp_path / "通知" / "11月"
    written = write_member_cost_reports(folder, bearing, issued_on=dt.date(2026, 11, 22), reference="い協第15号")
    assert written == [folder / "負担額通知_常陸大宮市.pdf", folder / "負担額通知_五霞町.pdf"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    for mc, pdf in zip(bearing, written, strict=True):
        text = flat("".join(page_texts(pdf)))
        assert text.startswith("い協第15号令和8年11月22日" + mc.member + "長様") and f"{mc.total:,}円" in text
        assert_fonts_embedded(pdf)
    assert sum(mc.total for mc in bearing) == 1_000_000
    assert notice_file_name('a/b:c') == "負担額通知_a_b_c.pdf"


def test_method_cell_breaks_between_the_parts():
    assert method_cell("均等割 50％・人口割 50％（円単位）") == "均等割 50％\n人口割 50％"
    assert method_cell("人口割（千円単位）") == "人口割"
    assert method_cell("均等割：人口割 ＝ 1：2（円単位）") == "均等割：\n人口割\n＝ 1：2"


def test_a_stored_ratio_not_totalling_100_prints_as_entered(rdb, tmp_path):
    """A rule stored before new ratios had to total 100 (here 1:2) still loads, and the notice states
    it as entered, so 880,000 × 1/3 ÷ 3 = 97,777 can be checked (a rounded 33.3％ gives 97,680)."""
    from cloudsuppress.domain.models import CostRule

    with rdb.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="mixed", ratio="50:50")
        row = s.query(CostRule).one()
        row.ratio_equal, row.ratio_population = 1, 2  # as an older version could store it
    item = new_item(rdb, "常陸大宮市")
    for m in ("那珂市", "五霞町"):
        join(rdb, item, m)
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=880_000)
    move(rdb, item, "under_review", reason=None)
    approve_all(rdb, item, ["常陸大宮市", "那珂市", "五霞町"])
    move(rdb, item, "customized", reason="独自施策")
    with rdb.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, "那珂市"))
        table = cost_ops.cost_table(s)
    pdf = tmp_path / "naka.pdf"
    write_member_cost_report(pdf, mc, issued_on=dt.date(2026, 11, 22))
    text = flat("".join(page_texts(pdf)))
    assert "協議会の按分ルール：均等割：人口割＝1：2（円単位）" in text
    assert "均等割97,777円" in text and "33.3" not in text and "66.7" not in text
    table_pdf = tmp_path / "table.pdf"
    write_cost_table_pdf(table_pdf, table, issued_on=dt.date(2026, 11, 22))
    layout = "".join(page_texts(table_pdf))
    assert "33.3" not in layout and layout.count("＝ 1：2") == 2  # the heading and the row's cell


def test_cost_table_pdf_and_xlsx(costed, tmp_path):
    with costed.session() as s:
        table = cost_ops.cost_table(s)
    pdf = tmp_path / "table.pdf"
    write_cost_table_pdf(pdf, table, issued_on=dt.date(2026, 11, 22), doc_number="資料3")
    text = flat("".join(page_texts(pdf)))
    assert "費用負担一覧" in text and "那珂市" in text and "（55,827人）" in text
    assert text.count("資料3") == page_count(pdf) and "令和8年11月22日現在" in text
    # The method column breaks between 均等割 and 人口割, never inside 「人口割 50%」.
    layout = "".join(page_texts(pdf))
    assert layout.count("人口割 50％") == len(table.rows) + 1  # each row's cell, and the rule in the heading
    assert f"{12 * 2_750_000:,}円" in text and f"{12 * 427_002:,}円" in text
    assert_fonts_embedded(pdf)
    xlsx = tmp_path / "table.xlsx"
    assert write_cost_table_xlsx(xlsx, table, issued_on=dt.date(2026, 11, 22), doc_number="資料3") == 12
    ws = openpyxl.load_workbook(xlsx).active
    # The 資料番号 in the page header, so every printed page carries it (it was on page 1 only), in
    # BIZ UDGothic (the footer fell back to another font).
    assert "資料3" in ws.oddHeader.right.text and ws.oddHeader.right.font == "BIZ UDGothic,Bold"
    assert "令和8年11月22日現在" in ws.cell(2, 1).value
    assert [ws.cell(4, c).value for c in (1, 4)] == ["要望番号", "見積額"]
    assert ws.cell(4, 6).value == "常陸大宮市\n（42,963人）"
    assert ws.cell(5, 9).value == 427_002 and ws.cell(17, 1).value == "合計"
    assert ws.cell(17, 4).value.startswith("=SUM(")


def test_cost_table_xlsx_prints_page_numbers_and_the_consortium_in_its_footer(costed, tmp_path):
    with costed.session() as s:
        table = cost_ops.cost_table(s)
    xlsx = tmp_path / "table.xlsx"
    write_cost_table_xlsx(xlsx, table, issued_on=dt.date(2026, 11, 22))
    ws = openpyxl.load_workbook(xlsx).active
    footer = ws.oddFooter
    assert table.consortium in footer.left.text and footer.center.text == "&P / &N"  # centred, as the PDF
    assert footer.left.font == footer.center.font == "BIZ UDGothic,Regular"
    note = ws.cell(19, 1).value.replace("\n", "")  # written in the PDF breaker's lines
    assert note.startswith("各団体の負担額は") and "空欄はその要望を負担しない団体です" in note


def test_with_open_items_a_blank_cell_still_means_not_bearing(costed, tmp_path):
    """--include-open: an open item's members show its forecast share marked （見込）, or 未定 while it
    has no estimate, so the footnote's "blank: does not bear it" stays true."""
    unknown = new_item(costed, "五霞町", "0200002")  # R-0014: 五霞町, no estimate
    with costed.session() as s:
        table = cost_ops.cost_table(s, include_open=True)
    rows = {r.key: r for r in table.rows}
    naka, goka, omiya = (table.members.index(m) for m in ("那珂市", "五霞町", "常陸大宮市"))
    assert (rows["R-0013"].cell(naka), rows["R-0014"].cell(goka), rows["R-0014"].cell(omiya)) == (
        "forecast", "unknown", "none")
    assert rows["R-0001"].cell(naka) == "share" and unknown
    pdf = tmp_path / "table.pdf"
    write_cost_table_pdf(pdf, table, issued_on=dt.date(2026, 11, 22))
    text = flat("".join(page_texts(pdf)))
    assert "「未定」は見積額が未定のため算定できない要望団体です" in text
    lines = "".join(page_texts(pdf)).splitlines()
    at = next(i for i, line in enumerate(lines) if "R-0013" in line)
    assert lines[at].count("330,000円") == 2 and lines[at + 1].split()[-1] == "（見込）"  # estimate, 那珂市
    r14 = next(line for line in lines if "R-0014" in line)
    assert r14.split()[-1] == "未定"  # 五霞町, the last column
    xlsx = tmp_path / "table.xlsx"
    write_cost_table_xlsx(xlsx, table, issued_on=dt.date(2026, 11, 22))
    ws = openpyxl.load_workbook(xlsx).active
    cells = {ws.cell(r, 1).value: r for r in range(5, 20)}
    assert ws.cell(cells["R-0013"], 6 + naka).value == 330_000
    assert ws.cell(cells["R-0013"], 6 + naka).number_format == '#,##0"円（見込）"'
    assert ws.cell(cells["R-0014"], 6 + goka).value == "未定" and ws.cell(cells["R-0014"], 6 + omiya).value is None
    assert "「未定」は見積額が未定" in ws.cell(cells["合計"] + 2, 1).value


def test_summary_report_with_charts(costed, tmp_path):
    with costed.session() as s, s.begin():
        measure_ops.record_briefing(s, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 4, 20), attendees=48)
        measure_ops.record_selection_attendance(s, event="RFI説明会", held_on=dt.date(2025, 10, 21),
                                                member_id=member_id(s, "五霞町"), person="鈴木花子")
    with costed.session() as s:
        dashboard = measure_ops.measures_dashboard(s)
    pdf = tmp_path / "summary.pdf"
    pages = write_summary_pdf(pdf, dashboard, consortium="テスト協議会", issued_on=dt.date(2026, 11, 22))
    assert pages == page_count(pdf)
    every = flat("".join(page_texts(pdf)))
    for label in ("カスタマイズ要望項目", "カスタマイズを行った項目", "標準機能として実装された項目", "要望を取下げた項目"):
        assert label in every
    assert "決定した12項目のうち、カスタマイズを行わなかった0項目の割合）：0.0％" in every
    # Charts: titled and labelled in Japanese (member names appear in the table and on the chart's axis).
    assert "団体別の要望の結果（項目数）" in every and "専門部会別の要望の結果（項目数）" in every
    assert every.count("五霞町") >= 3 and "カスタマイズ実施" in every and "検討中" in every
    assert "ギャップ率" in every and "60.00%" in every  # 3 of the 5 seeded functions are △ or ×
    assert "令和8年4月20日" in every and "48人" in every
    assert_fonts_embedded(pdf)
    assert not any("Helvetica" in r["line"] for r in fonts(pdf))


def test_cost_table_for_34_members_lists_them_under_each_item(tmp_path):
    from cloudsuppress.demo import synthetic_members
    from cloudsuppress.domain.costs import Payer, Rule, apportion_cost
    from cloudsuppress.ops.costs import CostTable, CostTableRow

    members = synthetic_members(34)
    rule = Rule.make("mixed", "6:94", unit=1000)
    rows, totals = [], [0] * 34
    for k in range(6):
        idx = list(range(k, 34, 4))
        result = apportion_cost(1_760_000, [Payer(members[i][0], members[i][1]) for i in idx], rule)
        cells: list[int | None] = [None] * 34
        for i, sh in zip(idx, result.shares, strict=True):
            cells[i] = sh.share
            totals[i] += sh.share
        rows.append(CostTableRow(f"R-{k + 1:04d}", "課税明細書の地目別小計の印字", "カスタマイズ実施", 1_760_000,
                                 rule.describe(), tuple(cells)))
    table = CostTable("テスト協議会", rule.describe(), None, tuple(m[0] for m in members), tuple(m[1] for m in members),
                      tuple(rows), tuple(totals), sum(totals))
    pdf = tmp_path / "wide.pdf"
    write_cost_table_pdf(pdf, table, issued_on=dt.date(2026, 11, 22), doc_number="資料3")
    text = flat("".join(page_texts(pdf)))
    # On a continuation page the 資料番号 sits on its own line above the repeated heading row.
    assert page_count(pdf) >= 2
    later = [ln.strip() for ln in page_texts(pdf)[1].splitlines() if ln.strip()]
    assert later[0] == "資料3" and later[1].startswith("要望番号")
    assert "負担団体" in text and "団体別の負担額の合計" in text
    assert f"{6 * 1_760_000:,}円" in text and "第34市" in text
    assert_fonts_embedded(pdf)
