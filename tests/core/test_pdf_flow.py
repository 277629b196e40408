"""The flowing-document layout keeps the 資料番号 box clear of what continues on later pages."""
from __future__ import annotations

from reportlab.lib.units import mm

from cloudsuppress.reports.pdf_base import PAPERS, Flow, doc_number_bottom

from .pdf_support import needs_poppler, page_texts


def _top_of_content(flow: Flow, page: int) -> float:
    """The highest point drawn on a page: a text's baseline plus its size, or a rectangle's top."""
    tops = []
    for op in flow.pages[page]:
        if op[0] == "text":
            tops.append(op[2] + op[5])
        elif op[0] in ("rect", "fill"):
            tops.append(op[2] + op[4])
    return max(tops)


def _long_table(flow: Flow) -> None:
    flow.paragraph("費用負担一覧", size=15, align="c")
    flow.table(["要望番号", "要望名", "負担額"], [[f"R-{i:04d}", "課税明細書の地目別小計の印字", "1,000円"] for i in range(80)],
               [20, 60, 20], size=9)


@needs_poppler
def test_later_pages_start_below_the_document_number_box(tmp_path):
    paper = PAPERS["a4"]
    flow = Flow(paper, margin=12 * mm, bottom=14 * mm, doc_number="資料3")
    _long_table(flow)
    assert len(flow.pages) >= 2
    box_bottom = paper[1] - doc_number_bottom()
    for page in range(1, len(flow.pages)):
        assert _top_of_content(flow, page) < box_bottom  # the repeated heading row starts under the box
    pdf = tmp_path / "t.pdf"
    pages = flow.render(pdf, title="t")
    assert pages == len(flow.pages)
    assert all("資料3" in text for text in page_texts(pdf))  # given to the constructor, drawn on every page


def test_without_a_document_number_pages_start_at_the_margin():
    paper = PAPERS["a4"]
    flow = Flow(paper, margin=12 * mm, bottom=14 * mm)
    _long_table(flow)
    assert _top_of_content(flow, 1) == paper[1] - 12 * mm


def _fill_until(flow: Flow, room: float) -> None:
    """Paragraphs until less than ``room`` points are left above the bottom margin."""
    while flow.y - flow.bottom > room + 30:
        flow.paragraph("本文の行。", size=10.5)
    while flow.y - flow.bottom > room:
        flow.space(1)


def test_a_heading_with_follow_moves_when_its_short_section_does_not_fit():
    paper = PAPERS["a4"]
    block = 12 * 1.6 + 6 * mm + 10.5 * 1.6  # a total, a gap, 以上 (the notice's section 5)
    flow = Flow(paper, margin=12 * mm, bottom=14 * mm)
    _fill_until(flow, 11.5 * 1.7 + 3 * mm + 2 * 10.5 * 1.6 + 2)  # room for the heading and two lines, not the block
    assert len(flow.pages) == 1
    flow.heading("5　負担額の合計", follow=block)
    assert len(flow.pages) == 2
    assert any(op[0] == "text" and op[3] == "5　負担額の合計" for op in flow.pages[1])
    # Without ``follow`` the heading stays (two lines of room is the default promise).
    flow2 = Flow(paper, margin=12 * mm, bottom=14 * mm)
    _fill_until(flow2, 11.5 * 1.7 + 3 * mm + 2 * 10.5 * 1.6 + 2)
    flow2.heading("5　負担額の合計")
    assert len(flow2.pages) == 1
