"""A pre-filled 要望票 row is as tall as its longest text, so the member reads the whole of what
the Fit&Gap said when the sheet is printed (reviewer R15: rows kept the default one-line height,
so the second line printed over the next row in LibreOffice and was cut off in Excel)."""
from __future__ import annotations

from dataclasses import dataclass

from openpyxl import load_workbook

from cloudsuppress.reports.request_template_xlsx import HEADER_ROW, write_request_template


@dataclass(frozen=True)
class Gap:
    code: str
    kind: str
    business_system: str
    name: str
    judgement: str
    note: str | None


def test_prefilled_rows_grow_with_their_text(tmp_path):
    long_note = "窓口で手作業により対応している。年間約1,200件。" * 4
    gaps = [Gap("0010003", "function", "住民基本台帳", "外字の印字", "△", long_note),
            Gap("0010004", "function", "住民基本台帳", "除票の照会", "×", "短い")]
    out = tmp_path / "要望票.xlsx"
    write_request_template(out, member="那珂市", consortium="いばらき協議会", functions=[], prefill=gaps)
    ws = load_workbook(out)["要望"]
    first = HEADER_ROW + 2  # 1-based: the row under the headings
    tall, short, blank = (ws.row_dimensions[r].height for r in (first, first + 1, first + 2))
    assert ws.cell(first, 5).value == long_note
    assert tall is not None and tall >= 3 * 13  # several lines of 10 pt text
    assert short is None or short < tall  # one line: the sheet's own height
    assert blank is None or blank < tall
