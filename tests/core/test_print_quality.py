"""Issue #15: every printed document, from the stress database (an 800-character request, twelve
members with long names, A4 and A3), prints at 7 pt or more, never breaks a name or a label
across lines, never starts a line with a closing bracket or 、。, and splits what does not fit a
page instead of leaving it half blank; the xlsx sheets print what their PDFs print.

The documents are written once for the module (``stress_support.write_all``)."""
from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise

import openpyxl
import pytest

from cloudsuppress.domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS
from cloudsuppress.domain.workflow import STATUS_LABELS
from cloudsuppress.reports.pdf_base import GOTHIC, widths
from cloudsuppress.reports.xlsx_print import PrintPlan

from .pdf_support import needs_poppler, page_count, page_texts
from .print_checks import (
    bad_line_starts,
    broken_tokens,
    pdf_font_sizes,
    pdf_lines,
    print_scale,
    xlsx_lines,
    xlsx_printed_sizes,
)
from .stress_support import LONG_NAMES, STRESS_MEMBERS, build_stress, long_request, write_all

pytestmark = [needs_poppler, pytest.mark.slow]

# Names and labels, never broken. (Words of running text such as 財政課協議 in a 決定内容 may break
# between characters, as Japanese prose does; they are not listed.)
TOKENS = ([m[0] for m in STRESS_MEMBERS] + list(REASON_LABELS.values()) + list(STATUS_LABELS.values())
          + list(SERVICE_DROP_LABELS.values())
          + ["要望番号", "機能ID", "決定内容", "按分方法", "未検討", "住民サービス", "（続き）", "［取下げ］"])


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = tmp_path_factory.mktemp("stress")
    db = build_stress(out / "stress.sqlite")
    try:
        yield write_all(db, out)
    finally:
        db.close()


def _pdfs(docs):
    return {k: v for k, v in docs.items() if k.endswith(".pdf")}


def _xlsxs(docs):
    return {k: v for k, v in docs.items() if k.endswith(".xlsx")}


def test_the_stress_database_has_what_breaks_layouts(docs):
    assert len(STRESS_MEMBERS) == 12 and "かすみがうら市" in LONG_NAMES
    assert max(len(m) for m in LONG_NAMES) == 10 and len(long_request()) == 800
    assert {"comparison_wide_a4.pdf", "comparison_long_a3.xlsx", "cost_table.pdf", "summary.pdf",
            "template.xlsx"} <= set(docs)


def test_no_pdf_prints_under_7_pt(docs):
    """The A4 comparison was 6 pt throughout."""
    for name, path in _pdfs(docs).items():
        sizes = pdf_font_sizes(path)
        assert sizes and min(sizes) >= 7.0, (name, sorted(sizes)[:3])


def test_no_pdf_breaks_a_name_or_a_label(docs):
    """「カスタマイ／ズ実施」, 「かすみがうら／市」 and 「住民サービ／ス水準の維／持」 were printed."""
    for name, path in _pdfs(docs).items():
        assert broken_tokens(pdf_lines(path), TOKENS) == [], name


def test_no_pdf_line_starts_with_a_closing_bracket_or_stop(docs):
    for name, path in _pdfs(docs).items():
        assert bad_line_starts(pdf_lines(path)) == [], name


def test_every_xlsx_sheet_prints_at_7_pt_or_more_at_a_fixed_scale(docs):
    """Fit-to-page printed the comparison at 6.7 pt, the cost table at 5.5 pt, the template at 4.3 pt."""
    for name, path in _xlsxs(docs).items():
        for sheet, smallest in xlsx_printed_sizes(path).items():
            assert smallest >= 7.0 - 1e-9, (name, sheet, smallest)


def test_xlsx_cells_hold_the_pdf_breakers_lines(docs):
    """No written line starts with ）、。 (17 did on the A3 sheet), none splits a name or label, and
    each fits its column, so a spreadsheet program has nothing to wrap again."""
    ws_widths = widths()
    for name, path in _xlsxs(docs).items():
        cells = xlsx_lines(path)
        assert [ln for c in cells for ln in bad_line_starts(c)] == [], name
        assert [b for c in cells for b in broken_tokens(c, TOKENS)] == [], name
        if not name.startswith("comparison"):
            continue
        ws = openpyxl.load_workbook(path).active
        for row in ws.iter_rows(min_row=6):
            for cell in row:
                if not isinstance(cell.value, str) or cell.coordinate in ws.merged_cells:
                    continue
                width = ws.column_dimensions[cell.column_letter].width - 5 / 6  # as set, before XlsxWriter's padding
                for line in cell.value.split("\n"):
                    assert ws_widths.width(line, GOTHIC, 9) <= PrintPlan.inner_pt(width) + 0.5, (name, cell.coordinate, line)


def test_xlsx_print_the_document_number_on_every_page_in_their_own_font(docs):
    for name in ("comparison_wide_a4.xlsx", "comparison_long_a3.xlsx", "cost_table.xlsx"):
        ws = openpyxl.load_workbook(docs[name]).active
        assert ws.oddHeader.right.text in ("資料1", "資料3") and ws.oddHeader.right.font == "BIZ UDGothic,Bold"
        assert ws.oddFooter.center.text == "&P / &N" and ws.oddFooter.center.font == "BIZ UDGothic,Regular"
        assert print_scale(ws) * 9 >= 7.0


def test_xlsx_labels_are_the_pdfs(docs):
    ws = openpyxl.load_workbook(docs["comparison_member_a4.xlsx"]).active
    assert ws["A1"].value == "カスタマイズ要望比較一覧表（かすみがうら市）"
    pdf = "".join("".join(page_texts(docs["comparison_member_a4.pdf"])[0].split()))
    assert "カスタマイズ要望比較一覧表（かすみがうら市）" in pdf
    legend = "".join(c.value or "" for c in (ws["A3"], ws["A4"]))
    assert "かすみがうら市の要望" in legend and "かすみがうら市の要望" in pdf


def test_a_tall_row_is_split_with_its_key_status_and_member_repeated(docs):
    """An 800-character request went whole to page 2, leaving page 1 more than half blank, and its
    continued part had no 状態; 「R-0003（続き）」 overflowed its cell."""
    for name in ("comparison_long_a4.pdf", "comparison_wide_a3.pdf"):
        first = page_texts(docs[name])[0].splitlines()
        body = [i for i, ln in enumerate(first) if ln.strip()]
        # page 1 is used to its foot: text on its last quarter above the footer
        assert body[-2] > 0.7 * len(first), name
    second = "".join(page_texts(docs["comparison_long_a4.pdf"])[1].split())
    assert "（続き）" in second and "常陸大宮市" in second and "要望" in second  # key, member, 状態 again
    # the key and 「（続き）」 on separate lines inside the key column, not one overflowing line
    raw = pdf_lines(docs["comparison_long_a4.pdf"])
    assert "R-0036（続き）" not in raw and any(a.endswith("R-0036") and b.startswith("（続き）")
                                             for a, b in pairwise(raw))


def test_the_xlsx_splits_a_tall_row_instead_of_cutting_it(docs):
    ws = openpyxl.load_workbook(docs["comparison_long_a4.xlsx"]).active
    rows = [r for r in ws.iter_rows(min_row=6) if r[0].value and str(r[0].value).startswith("R-0036")]
    assert len(rows) >= 2 and rows[1][0].value == "R-0036\n（続き）"
    assert all(ws.row_dimensions[r[0].row].height <= 409 for r in rows)
    content = "".join((r[6].value or "").replace("\n", "") for r in rows)
    assert long_request() in content  # nothing cut off
    assert ws.row_breaks.brk  # pages broken by hand


def test_no_xlsx_page_ends_with_a_group_band(docs):
    """A group band was printed alone at the foot of a page."""
    for name in ("comparison_wide_a4.xlsx", "comparison_long_a3.xlsx", "comparison_member_a4.xlsx"):
        ws = openpyxl.load_workbook(docs[name]).active
        bands = {m.min_row for m in ws.merged_cells.ranges if m.min_col == 1 and m.max_col == ws.max_column}
        assert bands and ws.row_breaks.brk, name
        assert all(b.id not in bands for b in ws.row_breaks.brk), name  # id: the last row of a page (1-based)


def test_the_cost_table_switches_layout_rather_than_break_names(docs):
    text = "".join(page_texts(docs["cost_table.pdf"])[0].split())
    assert "負担団体" in text and all(name in "".join("".join(p.split()) for p in page_texts(docs["cost_table.pdf"]))
                                    for name in LONG_NAMES)


def test_the_summary_legend_gives_each_label_its_room():
    """「カスタマイズ実施」 ran into the 標準化 swatch."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cloudsuppress.ops.summary import OutcomeRow
    from cloudsuppress.reports.summary_pdf import SERIES, outcome_chart

    d = outcome_chart((OutcomeRow("那珂市", 5, 2, 1, 1, 1, 0),), 160 * 2.83, title="t")
    legend = next(x for x in d.contents if isinstance(x, Legend))
    widest = max(stringWidth(label, legend.fontName, legend.fontSize) for _, label, _ in SERIES)
    assert legend.deltax >= widest + legend.dx + legend.dxTextSpace


def test_the_demo_prints_a_population_base_date_of_its_own_year():
    """平成26年4月1日 was printed on 令和8年 documents."""
    from cloudsuppress.demo.costs import POPULATION_DATE

    assert POPULATION_DATE.year >= 2026


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_the_xlsx_printed_by_libreoffice_keep_the_floor_and_the_words(docs, tmp_path):
    """What a member's spreadsheet program prints: the xlsx through LibreOffice, read back as PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    names = ["comparison_wide_a3.xlsx", "comparison_long_a4.xlsx", "cost_table.xlsx", "template.xlsx", "minutes.docx"]
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), *(str(docs[n]) for n in names)],
                   check=True, capture_output=True, timeout=600)
    for n in names:
        pdf = tmp_path / (n.rsplit(".", 1)[0] + ".pdf")
        sizes = pdf_font_sizes(pdf)
        assert min(sizes) >= 6.95, (n, sorted(sizes)[:3])  # 9 pt × 78 % = 7.02 pt, rounded by LibreOffice
        if n.endswith(".xlsx"):  # Word lays out a .docx's lines itself (names not guarded there)
            assert broken_tokens(pdf_lines(pdf), TOKENS) == [], n
        assert bad_line_starts(pdf_lines(pdf)) == [], n
    assert page_count(tmp_path / "template.pdf") <= 8  # was 131


def test_group_bands_print_black_whatever_the_row_above_ended_in(docs):
    """The band's text took the grey of the last line drawn before it (grey or black at random)."""
    from pypdf import PdfReader

    checked = 0
    for name in ("comparison_long_a4.pdf", "comparison_wide_a3.pdf"):
        for page in PdfReader(str(docs[name])).pages:
            fonts = page["/Resources"]["/Font"]
            bold = {k for k in fonts if "Bold" in str(fonts[k].get_object()["/BaseFont"])}
            gray, font, size = "0", None, None
            for line in page.get_contents().get_data().decode("latin-1").split("\n"):
                parts = line.split()
                if len(parts) == 2 and parts[1] == "g":
                    gray = parts[0]
                elif len(parts) == 3 and parts[2] == "Tf":
                    font, size = parts[0], float(parts[1])
                elif line.endswith("Tj") and font in bold and size == 7.0:  # bold at body size: a band
                    assert float(gray) == 0.0, (name, line)
                    checked += 1
    assert checked > 10


def test_xlsx_and_pdf_print_the_same_meta_line(tmp_path):
    """The xlsx lacked 「（未決定の要望のみ）」 and doubled 「税業務部会　第4回 税業務部会」."""
    import datetime as dt

    from benchmarks.comparison import synthetic_table
    from cloudsuppress.reports.comparison_pdf import write_comparison_pdf
    from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx

    t = synthetic_table(3, 4)
    t = type(t)(t.consortium, "税業務", "第4回 税業務部会", dt.date(2026, 11, 25), t.members, t.rows, False, True)
    write_comparison_xlsx(tmp_path / "c.xlsx", t, paper="a4")
    write_comparison_pdf(tmp_path / "c.pdf", t, paper="a4")
    meta = openpyxl.load_workbook(tmp_path / "c.xlsx").active["A2"].value
    assert meta == f"{t.consortium}　第4回 税業務部会　令和8年11月25日　（未決定の要望のみ）"
    assert "".join(meta.split()) in "".join(page_texts(tmp_path / "c.pdf")[0].split())
