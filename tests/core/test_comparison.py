"""The comparison table: its data (grouping, member columns, blanks, filters, decisions), the PDF
(text, embedded BIZ UD fonts only, header and page numbers on every page, 資料番号, 和暦, the
sheet's date) and the xlsx (print titles, landscape, fit to width, values, date), and `export
comparison` in-process (with --date)."""
from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest

from benchmarks.comparison import synthetic_table
from cloudsuppress.domain.wareki import to_wareki
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops.comparison import build_comparison
from cloudsuppress.reports.comparison_pdf import write_comparison_pdf
from cloudsuppress.reports.comparison_xlsx import HEADER_ROW, write_comparison_xlsx

from .pdf_support import assert_fonts_embedded, flat, needs_poppler, page_count, page_texts, raw_text
from .request_support import join, move, new_item, rdb  # noqa: F401
from .test_cli import run


@pytest.fixture
def cdb(rdb):
    """R-0001 (住民基本台帳, 那珂市 + 五霞町), R-0002 (住民基本台帳, 常陸大宮市, withdrawn at a meeting),
    R-0003 (個人住民税, かすみがうら市)."""
    a = new_item(rdb, "那珂市", "0010002",
                 content="転入届の入力画面に在留カードの番号と期間を入力する欄を追加してほしい。在留期間の確認漏れを防ぐため。")
    join(rdb, a, "五霞町", annual_cases=85, reason="legal", service_drop=False)
    b = new_item(rdb, "常陸大宮市", "0010001")
    new_item(rdb, "かすみがうら市", "0200002", reason="own_policy")
    with rdb.session() as s, s.begin():
        meeting = mops.create_meeting(s, kind="部会", subcommittee_id=mops.resolve_subcommittee(s, "住民業務"),
                                      title="住民業務部会", held_on=dt.date(2026, 11, 22)).id
        mops.build_agenda(s, meeting_id=meeting)
    move(rdb, b, "withdrawn", reason="窓口の運用で対応できる", meeting_id=meeting)
    return rdb, meeting


def table(db, **kw):
    with db.session() as s:
        return build_comparison(s, **kw)


def test_rows_are_grouped_with_one_cell_per_member_blank_where_none_asked(cdb):
    db, meeting = cdb
    t = table(db)
    assert t.members == ("常陸大宮市", "那珂市", "かすみがうら市", "五霞町") and not t.long_layout
    assert [(r.key, r.subcommittee, r.business_system) for r in t.rows] == [
        ("R-0001", "住民業務", "住民基本台帳"), ("R-0002", "住民業務", "住民基本台帳"), ("R-0003", "税業務", "個人住民税")]
    first = t.rows[0]
    assert [c and c.member for c in first.cells] == [None, "那珂市", None, "五霞町"]
    assert (first.cells[3].annual_cases, first.cells[3].reason_label, first.cells[3].service_drop_label) == (
        85, "法令・制度対応", "低下しない")
    assert first.cells[1].short.endswith("…") and len(first.cells[1].short) == 40
    assert (t.rows[1].status_label, t.rows[1].decision) == ("取下げ", "窓口の運用で対応できる（第1回 住民業務部会）")
    assert [r.key for r in table(db, undecided_only=True).rows] == ["R-0001", "R-0003"]
    with db.session() as s:
        from cloudsuppress.ops.requests import resolve_member

        goka = resolve_member(s, "五霞町")
        tax = mops.resolve_subcommittee(s, "税業務")
    assert [r.key for r in table(db, member_id=goka).rows] == ["R-0001"]
    assert [r.key for r in table(db, subcommittee_id=tax).rows] == ["R-0003"]
    by_meeting = table(db, meeting_id=meeting)
    assert [r.key for r in by_meeting.rows] == ["R-0001", "R-0002"]
    assert (by_meeting.meeting, by_meeting.meeting_date, by_meeting.subcommittee) == (
        "第1回 住民業務部会", dt.date(2026, 11, 22), "住民業務")
    assert table(db, long_layout=True).long_layout


@needs_poppler
def test_pdf_of_the_meeting_has_title_meeting_wareki_doc_number_and_cells(cdb, tmp_path):
    db, meeting = cdb
    out = tmp_path / "c.pdf"
    assert write_comparison_pdf(out, table(db, meeting_id=meeting), paper="a4", doc_number="資料2") == 1
    assert_fonts_embedded(out)
    (text,) = page_texts(out)
    head = text.splitlines()[0]
    assert "カスタマイズ要望比較一覧表" in head and head.rstrip().endswith("資料2")  # 資料番号 top right
    body = flat(raw_text(out))
    for expected in ("テスト自治体クラウド協議会", "第1回住民業務部会", "令和8年11月22日", "○標準", "△改修必要", "×対応不可",
                     "カスタマイズ実施", "住民業務＞住民基本台帳", "R-0001", "0010002", "転入届の受付",
                     "転入届の入力画面に在留カードの番号と期間を入力する欄を追加してほしい。在留期間の確認漏れを防ぐため。", "件数85件/年",
                     "理由法令・制度対応", "住民サービス低下しない", "窓口の運用で対応できる（第1回住民業務部会）", "1/1"):
        assert expected in body, expected
    assert "R-0003" not in body  # not on this meeting's agenda


@needs_poppler
def test_a_thousand_items_on_a3_repeat_the_header_and_number_every_page(tmp_path):
    # 8 members: ten no longer fit A3 side by side at 7 pt once 「住民サービス水準の維持」 is kept whole
    # (it was broken 「住民サービ／ス水準の維／持」); they take the long layout (test_print_quality).
    t = synthetic_table(120, 8)
    out = tmp_path / "big.pdf"
    pages = write_comparison_pdf(out, t, paper="a3", doc_number="資料3")
    assert pages == page_count(out) and 10 < pages < 60
    assert_fonts_embedded(out)
    texts = page_texts(out)
    assert len(texts) == pages
    for n, text in enumerate(texts, start=1):
        body = flat(text)
        assert "カスタマイズ要望比較一覧表" in body and "資料3" in body
        assert "要望番号" in body and "第8町" in body and "決定内容" in body  # the column headings
        assert re.search(rf"(?<!\d){n}/{pages}(?!\d)", body), n
    everything = flat(raw_text(out))
    for row in t.rows:  # every item and every ask is printed, none cut off
        assert row.key in everything
        for cell in row.asking:
            assert flat(cell.content) in everything, (row.key, cell.content)


@needs_poppler
def test_long_layout_prints_one_sub_row_per_asking_member(cdb, tmp_path):
    db, _ = cdb
    out = tmp_path / "long.pdf"
    write_comparison_pdf(out, table(db, long_layout=True), paper="a4")
    assert_fonts_embedded(out)
    lines = [line for line in page_texts(out)[0].splitlines() if "那珂市" in line or "五霞町" in line]
    assert any(line.lstrip().startswith("R-0001") and "那珂市" in line for line in lines)
    assert any("五霞町" in line and "R-0001" not in line for line in lines)  # its own sub-row, item columns blank


def test_xlsx_prints_landscape_at_a_known_scale_with_repeated_headings(cdb, tmp_path):
    db, meeting = cdb
    out = tmp_path / "c.xlsx"
    write_comparison_xlsx(out, table(db), paper="a4", doc_number="資料2")
    ws = openpyxl.load_workbook(out)["比較一覧表"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    # A fixed print scale, not fit-to-page (the program chose 6.7 pt): 9 pt × scale never under 7 pt.
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert 78 <= ws.page_setup.scale <= 100
    assert ws.print_title_rows.replace("$", "") == f"{HEADER_ROW + 1}:{HEADER_ROW + 1}"
    head = [c.value for c in ws[HEADER_ROW + 1]]
    assert head[:5] == ["要望番号", "機能ID", "業務", "機能名・要望名", "適合"]
    assert head[5:9] == ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"] and head[-1] == "決定内容"
    assert ws["A1"].value == "カスタマイズ要望比較一覧表"
    assert "資料2" in ws.oddHeader.right.text  # the 資料番号 on every printed page, not on the first only
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=HEADER_ROW + 2) if r[0].value}
    r1 = rows["R-0001"]
    assert r1[5] in (None, "") and r1[7] in (None, "")
    assert r1[8].startswith("窓口で即日交付") and "件数 85件/年" in r1[8] and ws.cell(HEADER_ROW + 3, 9).alignment.wrap_text
    # the cells hold the lines the PDF's breaker gives (written with explicit line breaks)
    assert [v.replace("\n", "") for v in rows["R-0002"][-2:]] == ["取下げ", "窓口の運用で対応できる（第1回 住民業務部会）"]
    assert "第1回" in rows["R-0002"][-1]  # never 「第／1回」
    write_comparison_xlsx(tmp_path / "a3.xlsx", table(db, long_layout=True), paper="a3")
    ws = openpyxl.load_workbook(tmp_path / "a3.xlsx").active
    assert ws.page_setup.paperSize == 8
    assert [c.value for c in ws[HEADER_ROW + 1]][5:7] == ["団体", "要望内容"]


@needs_poppler
def test_export_comparison_from_the_command_line(cdb, tmp_path, capsys):
    db, meeting = cdb
    pdf, xlsx = tmp_path / "c.pdf", tmp_path / "c.xlsx"
    code, out, err = run(capsys, "--db", db.path, "export", "comparison", "--out", pdf, "--meeting", meeting,
                         "--paper", "a4", "--doc-number", "資料4")
    assert code == 0, err
    assert "2 件、1 ページ" in out and "資料4" in page_texts(pdf)[0]
    code, out, err = run(capsys, "--db", db.path, "export", "comparison", "--out", xlsx, "--subcommittee", "税業務",
                         "--undecided-only")
    assert code == 0, err
    ws = openpyxl.load_workbook(xlsx).active
    assert [r[0].value for r in ws.iter_rows(min_row=HEADER_ROW + 2) if r[0].value and r[0].value.startswith("R-")] == ["R-0003"]
    code, _, err = run(capsys, "--db", db.path, "export", "comparison", "--out", tmp_path / "c.csv")
    assert code == 1 and ".pdf または .xlsx" in err


@needs_poppler
def test_sheets_carry_their_date_in_wareki_besides_the_meetings(cdb, tmp_path):
    db, meeting = cdb
    out = tmp_path / "c.pdf"
    write_comparison_pdf(out, table(db), paper="a4", created_on=dt.date(2026, 11, 20))
    assert "令和8年11月20日現在" in flat(page_texts(out)[0])  # not exported for a meeting: still dated
    write_comparison_pdf(out, table(db, meeting_id=meeting), paper="a3", created_on=dt.date(2026, 11, 20))
    head = flat("\n".join(page_texts(out)[0].splitlines()[:4]))
    assert "第1回住民業務部会令和8年11月22日" in head and "令和8年11月20日現在" in head  # the meeting's date and the sheet's
    write_comparison_pdf(out, table(db), paper="a4")
    assert f"{to_wareki(dt.date.today())}現在" in flat(page_texts(out)[0])  # today unless told
    xlsx = tmp_path / "c.xlsx"
    write_comparison_xlsx(xlsx, table(db, meeting_id=meeting), created_on=dt.date(2026, 11, 20))
    ws = openpyxl.load_workbook(xlsx).active
    top = [c.value for row in ws.iter_rows(max_row=HEADER_ROW) for c in row if c.value]
    assert "令和8年11月20日現在" in top and any("令和8年11月22日" in str(v) for v in top)


@needs_poppler
def test_export_comparison_date_option(cdb, tmp_path, capsys):
    db, _ = cdb
    pdf = tmp_path / "c.pdf"
    code, out, err = run(capsys, "--db", db.path, "export", "comparison", "--out", pdf, "--date", "R8.11.20")
    assert (code, err) == (0, "")
    assert "令和8年11月20日現在" in out and "令和8年11月20日現在" in flat(page_texts(pdf)[0])
    code, _, err = run(capsys, "--db", db.path, "export", "comparison", "--out", tmp_path / "x.pdf", "--date", "11月20日")
    assert code == 1 and "作成日" in err and not (tmp_path / "x.pdf").exists()
    code, out, err = run(capsys, "--db", db.path, "export", "comparison", "--out", tmp_path / "d.xlsx")
    assert code == 0, err
    assert f"{to_wareki(dt.date.today())}現在" in out  # the command line's default: today
