"""Review R23: the comparison xlsx's legend wrapped to two lines on A4, and its second line was put
in the one-line row right above the headings: printed, it sat on the table's top border. The legend
is now one box across the sheet, its lines at the top, as tall as its lines plus air above the
headings, however many lines it takes (a member's sheet adds its own count)."""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from cloudsuppress.reports.comparison_xlsx import HEADER_ROW, LINE_PT, ROW_PAD_PT, write_comparison_xlsx

from .test_comparison_layout import MEMBERS, sheet

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
AIR_PT = 3.0  # at least this much under the legend's last line, above the headings' border


def _legend_box(path):
    ws = openpyxl.load_workbook(path).active
    box = next(r for r in ws.merged_cells.ranges if r.min_row == 3 and r.min_col == 1)
    heights = [ws.row_dimensions[r].height for r in range(box.min_row, box.max_row + 1)]
    return ws, box, ws["A3"], sum(heights)


@pytest.mark.parametrize("member", [None, "かすみがうら市"])
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_the_legend_is_one_box_with_room_for_its_lines(tmp_path, paper, member):
    table = sheet(long_layout=False, members=MEMBERS[:4])
    if member:  # a member's sheet: its count (and withdrawn parts) lengthen the legend
        table = dataclasses.replace(table, member=member)
    path = tmp_path / "cmp.xlsx"
    write_comparison_xlsx(path, table, paper=paper)
    ws, box, legend, height = _legend_box(path)
    lines = legend.value.split("\n")
    assert "空欄はその団体の要望なし" in legend.value.replace("\n", "")
    assert any("（空欄はその団体の要望なし）" in line for line in lines)  # never split (the A3 sheet broke it)
    if paper == "a4":
        assert len(lines) >= 2  # the case of the review
    assert box.max_row == HEADER_ROW and box.max_col == ws.max_column  # above the headings, the sheet's width
    assert legend.alignment.vertical == "top" and legend.alignment.wrap_text
    assert height >= len(lines) * LINE_PT + ROW_PAD_PT + AIR_PT


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_printed_on_a4_the_legend_keeps_off_the_headings(tmp_path):
    """As the reviewer printed it: the xlsx through LibreOffice; the legend's last line ends above the
    headings' text by more than the headings' own padding (before: 0.7 pt, on the border)."""
    from .pdf_support import poppler

    path = tmp_path / "cmp_a4.xlsx"
    write_comparison_xlsx(path, sheet(long_layout=False, members=MEMBERS[:4]), paper="a4")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    # The app's own fonts, as on a laptop that has BIZ UDGothic (LibreOffice finds fonts through fontconfig).
    fonts = tmp_path / "fonts.conf"
    fonts.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{FONTS}</dir><cachedir>{tmp_path / 'fc'}</cachedir>
</fontconfig>""", encoding="utf-8")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300,
                   env={**os.environ, "FONTCONFIG_FILE": str(fonts)})
    words = poppler("pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "cmp_a4.pdf"), "-")
    boxes = [(w.split(">", 1)[1].split("<", 1)[0], float(w.split('yMin="')[1].split('"')[0]),
              float(w.split('yMax="')[1].split('"')[0])) for w in words.splitlines() if "<word " in w]
    legend_bottom = max(y1 for text, _, y1 in boxes if "要望なし）" in text)
    heading_top = min(y0 for text, y0, _ in boxes if text == "要望番号")
    assert heading_top - legend_bottom >= 4.0
