"""Issue #15, second review of the documents officials sign: what the reviewer found printing the
demo and the stress database (a name broken in the A4 comparison xlsx, continued cost rows that
did not say whose they were, a footnote alone on a page, a reference sheet printed as an empty
page)."""
from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pytest
from sqlalchemy import select

from cloudsuppress.demo import DEMO_MEMBERS
from cloudsuppress.domain.models import Member
from cloudsuppress.ops import comparison as comparison_ops

from .pdf_support import needs_poppler
from .print_checks import broken_tokens, xlsx_lines


@pytest.fixture(scope="module")
def demo(demo_database):
    return demo_database  # tests/core/conftest.py: made once for this module


@pytest.mark.parametrize("layout", ["wide", "long", "member"])
def test_the_a4_comparison_xlsx_keeps_a_bracketed_member_name_whole(demo, tmp_path, layout):
    """「要望なし: 1団体（かすみがうら市）」 was written 「（かすみがうら／市）」: the 機能名・要望名
    column's least width held the name but not the brackets 禁則 keeps with it."""
    from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx

    with demo.session() as s:
        goka = s.scalar(select(Member.id).where(Member.name == "五霞町"))
        table = comparison_ops.build_comparison(s, long_layout=layout == "long",
                                                member_id=goka if layout == "member" else None)
    assert any("（かすみがうら市）" in r.peer_line for r in table.rows)
    path = tmp_path / "c.xlsx"
    write_comparison_xlsx(path, table, paper="a4")
    names = [m[0] for m in DEMO_MEMBERS]
    assert [b for cell in xlsx_lines(path) for b in broken_tokens(cell, names)] == []
    ws = openpyxl.load_workbook(path).active
    assert ws.page_setup.scale * 9 / 100 >= 7.0 - 1e-9


@pytest.fixture(scope="module")
def stress_costs(tmp_path_factory):
    """The cost table of the stress database (twelve members, names of ten characters): the long
    layout, an item's members running onto the next page, PDF and xlsx."""
    from cloudsuppress.ops import costs as cost_ops
    from cloudsuppress.reports.cost_table_pdf import write_cost_table_pdf
    from cloudsuppress.reports.cost_table_xlsx import write_cost_table_xlsx

    from .stress_support import DATE, build_stress

    out = tmp_path_factory.mktemp("stress_costs")
    db = build_stress(out / "stress.sqlite")
    try:
        with db.session() as s:
            table = cost_ops.cost_table(s, include_open=True)
    finally:
        db.close()
    write_cost_table_pdf(out / "cost_table.pdf", table, issued_on=DATE, doc_number="資料3")
    write_cost_table_xlsx(out / "cost_table.xlsx", table, issued_on=DATE, doc_number="資料3")
    return table, out / "cost_table.pdf", out / "cost_table.xlsx"


def _item_pages(pdf) -> list[list[str]]:
    """The lines under the 要望番号 heading row of each page of the item table (not the totals)."""
    from .pdf_support import page_texts

    pages = []
    for text in page_texts(pdf):
        lines = [ln for ln in text.splitlines() if ln.strip()]
        head = next((k for k, ln in enumerate(lines) if ln.split()[:1] == ["要望番号"]), None)
        if head is not None and head + 1 < len(lines):
            pages.append(lines[head + 1:])
    return pages


@needs_poppler
def test_a_cost_items_members_carried_to_the_next_page_say_whose_they_are(stress_costs):
    """The long layout's member sub-rows that opened a page had an empty 要望番号: nothing said
    which item those shares were for. They read 「R-0009（続き）」, as the comparison's do."""
    table, pdf, xlsx = stress_costs
    assert len(table.members) == 12
    pages = _item_pages(pdf)
    assert len(pages) >= 2
    for lines in pages:
        assert re.match(r"R-\d{4}", lines[0].strip()), lines[:2]
    text = "\n".join(ln for lines in pages for ln in lines)
    assert "（続き）" in text  # the stress table does carry an item's members over a page

    ws = openpyxl.load_workbook(xlsx).active
    carried = 0
    for brk in ws.row_breaks.brk:
        row = brk.id + 1  # the first row of the page (1-based)
        if ws.cell(row, 6).value:  # a member's share under an item
            key = ws.cell(row, 1).value or ""
            assert re.match(r"R-\d{4}", key), (row, key)
            carried += "（続き）" in key
    assert carried


@needs_poppler
def test_the_cost_tables_note_never_opens_a_page_alone(stress_costs):
    """The stress cost table's footnote sat alone on an otherwise empty fifth page: it goes with the
    table's last row (keep with previous), the row under its table's heading."""
    from .pdf_support import page_texts

    _, pdf, xlsx = stress_costs
    note = "各団体の負担額は"
    page = next(t for t in page_texts(pdf) if note in t)
    above = [ln.strip() for ln in page[:page.index(note)].splitlines() if ln.strip()]
    assert any(ln.startswith("合計") for ln in above), above  # the totals row is on the note's page
    assert any(ln.startswith("団体") for ln in above), above  # under the totals table's heading

    ws = openpyxl.load_workbook(xlsx).active
    note_row = next(r for r in range(ws.max_row, 0, -1) if str(ws.cell(r, 1).value or "").startswith(note))
    breaks = {b.id + 1 for b in ws.row_breaks.brk}  # 1-based first rows of pages
    assert not breaks & {note_row, note_row - 1}, (sorted(breaks), note_row)


def test_xlsx_page_breaks_keep_a_run_of_kept_rows_with_the_row_after_it():
    """The cost sheet kept its last row with the gap under it only: the note could still open a
    page. A run of keep-with-next rows (last row, gap) now goes whole with the note."""
    from cloudsuppress.reports.xlsx_print import PrintPlan

    plan = PrintPlan("a4", 100, landscape=True)
    room = plan.page_height() * 0.97
    body = [20.0] * int((room - 20 - 12) // 20)  # rows that leave room for the gap, not the note
    heights = [20.0, *body, 12.0, 40.0]  # heading, rows, the gap, the note
    note = len(heights) - 1
    breaks = plan.page_breaks(heights, header_rows=1, keep_with_next={note - 2, note - 1})
    assert breaks == [note - 2]  # the last row goes over with the note, under the repeated heading


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_printing_the_request_workbook_prints_no_empty_looking_function_list_page(tmp_path):
    """機能一覧 printed a page holding only its heading row (its print area, so that its thousands
    of rows did not print). It is a look-up list for the screen: printing the workbook leaves it
    out, and 記入方法 says so and how to print part of it."""
    from types import SimpleNamespace

    from cloudsuppress.reports.request_template_xlsx import write_request_template

    from .pdf_support import page_texts

    functions = [SimpleNamespace(code=f"{i:07d}", business_system="住民基本台帳", name=f"機能{i}", fit="○")
                 for i in range(300)]
    path = tmp_path / "要望票.xlsx"
    write_request_template(path, member="那珂市", consortium="協議会", functions=functions)
    wb = openpyxl.load_workbook(path)
    assert wb["機能一覧"].max_row == 301  # the list is all there, on screen
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=300)
    pages = page_texts(tmp_path / "要望票.pdf")
    assert not [t for t in pages if "機能ID" in t and "要望内容" not in t and "記入方法" not in t], \
        "a page of the function list was printed"
    assert any("カスタマイズ要望票の記入方法" in t for t in pages)
    guide = "".join(r[0].value or "" for r in wb["記入方法"].iter_rows()).replace("\n", "")
    assert "ブックを印刷しても印刷されません" in guide


def test_a_comparison_members_row_opening_a_page_says_whose_it_is(demo, tmp_path):
    """The long layout's xlsx opened page 2 with 五霞町's ask under an empty 要望番号, where the PDF
    prints 「R-0025（続き）」: a member's sub-row that opens a page now says its item too."""
    from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx

    with demo.session() as s:
        table = comparison_ops.build_comparison(s, long_layout=True)
    path = tmp_path / "c.xlsx"
    write_comparison_xlsx(path, table, paper="a4")
    ws = openpyxl.load_workbook(path).active
    carried = 0
    for brk in ws.row_breaks.brk:
        row = brk.id + 1
        if ws.cell(row, 6).value:  # 団体: a member's ask, not a group band
            key = ws.cell(row, 1).value or ""
            assert re.match(r"R-\d{4}", key), (row, key)
            carried += "（続き）" in key
    assert carried


def test_the_body_of_a_decisions_meeting_is_never_broken_in_a_narrow_column():
    """The A4 demo sheet's 決定内容 column printed 「（第2回 住民業務／部会）」 (docs/samples render): the body
    a decision names is kept whole like a member name, in the PDF and the xlsx (both use kept_words)."""
    import dataclasses

    from cloudsuppress.ops.comparison import DECIDED_AT
    from cloudsuppress.phrase import Phrase
    from cloudsuppress.reports.comparison_pdf import kept_words
    from cloudsuppress.reports.pdf_base import GOTHIC, wrap_text

    from .test_comparison_layout import sheet

    table = sheet(long_layout=False)
    decision = Phrase(DECIDED_AT, "代替運用案（標準様式を使う）で対応できることを部会で確認", "第2回 住民業務部会")
    table = dataclasses.replace(table, rows=(dataclasses.replace(table.rows[0], decision=decision), *table.rows[1:]))
    words = kept_words(table)
    assert "住民業務部会" in words
    for width in range(60, 160, 4):  # every narrow column width: the body is on one line
        lines = wrap_text(decision, width, GOTHIC, 7, words)
        assert any("住民業務部会" in line for line in lines), (width, lines)
