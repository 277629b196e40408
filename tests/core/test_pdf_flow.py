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
