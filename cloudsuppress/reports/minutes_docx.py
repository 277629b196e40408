"""議事録 as .docx (python-docx), for members who edit and file minutes in Word: A4 portrait,
headings, a table of attendees, "n / N" in the footer.

Word picks the font of Japanese text from ``w:eastAsia`` of ``w:rFonts``; python-docx's
``font.name`` sets only the Latin fonts, so without it Japanese falls back to the theme font.
It is set on the Normal and heading styles and on every run written here.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..ops.meeting_queries import AgendaRow
from ..ops.minutes import Minutes

# 出席者 columns (区分, 所属, 氏名, 役職) in mm: the PDF's proportions (16:40:24:36) over the text width
# less the PDF's 6 mm indent; 所属 fits 「株式会社サンプルシステムズ」 at 10.5 pt on one line.
ATTENDEE_WIDTHS_MM = (22.0, 55.0, 33.0, 50.0)
BODY_FONT = "BIZ UDMincho"
HEAD_FONT = "BIZ UDGothic"


def set_east_asian_font(target: CharacterStyle | Run, name: str) -> None:
    """Set Latin, East Asian and complex-script fonts of a style or run (``w:rFonts``)."""
    target.font.name = name
    rpr = target.element.get_or_add_rPr() if hasattr(target.element, "get_or_add_rPr") else target._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _run(paragraph: Paragraph, text: str, *, font: str = BODY_FONT, bold: bool = False, size: float | None = None) -> Run:
    run = paragraph.add_run(text)
    set_east_asian_font(run, font)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return run


def _field(paragraph: Paragraph, code: str) -> None:
    """A simple field (PAGE, NUMPAGES) Word fills in."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), code)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _item_line(r: AgendaRow) -> str:
    members = f"（{'、'.join(r.members)}）" if r.members else ""
    return f"{r.key}　{r.title}{members}"


def write_minutes_docx(path: str | Path, minutes: Minutes) -> None:
    """Write the minutes as a Word document."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    normal = doc.styles["Normal"]
    set_east_asian_font(normal, BODY_FONT)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)
    for name, size in (("Title", 16), ("Heading 1", 12), ("Heading 2", 10.5)):
        style = doc.styles[name]
        set_east_asian_font(style, HEAD_FONT)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = True

    title = doc.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, minutes.title, font=HEAD_FONT, bold=True)
    org = doc.add_paragraph()
    org.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(org, minutes.consortium)

    counter = iter(range(1, 100))

    def heading(text: str) -> None:
        h = doc.add_paragraph(style="Heading 1")
        _run(h, f"{next(counter)}　{text}", font=HEAD_FONT, bold=True)

    def body(text: str, indent_mm: float = 6, hanging_mm: float = 0) -> Paragraph:
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Mm(indent_mm + hanging_mm)
        if hanging_mm:  # 「・」 hangs: a wrapped line starts under the text, not under the bullet
            p.paragraph_format.first_line_indent = Mm(-hanging_mm)
        _run(p, text)
        return p

    heading("日時")
    body(minutes.when)
    heading("場所")
    body(minutes.place or "（記録なし）")
    heading("出席者")
    people = [(group, a) for group, rows in minutes.attendees for a in rows]
    if people:
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # the widths below, not Word's (or LibreOffice's) even split
        for cell, text in zip(table.rows[0].cells, ("区分", "所属", "氏名", "役職"), strict=True):
            _run(cell.paragraphs[0], text, font=HEAD_FONT, bold=True)
        for group, a in people:
            cells = table.add_row().cells
            for cell, text in zip(cells, (group, a.member or a.organization or "", a.name, a.title or ""), strict=True):
                _run(cell.paragraphs[0], text)
        # As the PDF sizes them: 所属 holds the longest texts (a vendor's company name), so it is the
        # widest; 区分 the narrowest.
        for column, width in zip(table.columns, ATTENDEE_WIDTHS_MM, strict=True):
            column.width = Mm(width)
            for cell in column.cells:
                cell.width = Mm(width)
    else:
        body("（記録なし）")
    heading("議題")
    for i, r in enumerate(minutes.agenda, start=1):
        body(f"({i})　{_item_line(r)}")
    if not minutes.agenda:
        body("（議題なし）")
    heading("協議内容")
    if minutes.notes:
        body(minutes.notes)
    for i, r in enumerate(minutes.agenda, start=1):
        h = doc.add_paragraph(style="Heading 2")
        h.paragraph_format.left_indent = Mm(6)
        _run(h, f"({i})　{_item_line(r)}", font=HEAD_FONT, bold=True)
        if r.notes:
            body(r.notes, 14)
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Mm(14)
        _run(p, "結果　", font=HEAD_FONT)
        _run(p, minutes.result_of(r))
    for part, lines in (("決定事項", minutes.decisions), ("継続審議事項", minutes.continued),
                        ("報告事項", minutes.reports)):
        heading(part)
        for x in lines:
            body(f"・{x.key}　{x.title}：{x.text}" + (f"（{x.reason}）" if x.reason else ""), hanging_mm=3.7)
        if not lines:
            body("（なし）")
    heading("次回予定")
    # 以上 never stands alone at the top of a page: the last section is kept with it.
    body(minutes.next_meeting or "未定").paragraph_format.keep_with_next = True
    end = doc.add_paragraph()
    end.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(end, "以上")

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")
    _run(footer, " / ")
    _field(footer, "NUMPAGES")
    doc.core_properties.title = minutes.title
    doc.save(str(path))
