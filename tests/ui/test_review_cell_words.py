"""Review R24: the comparison view's member cells keep 「低下しない」 and the other labels whole:
「住民サービス」 over 「低下しない」 when the column is narrow, never a lone 「い」 on the last line."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from cloudsuppress.ops.comparison import ComparisonCell
from ui.table_models.comparison_table_model import cell_lines
from ui.views.comparison_view import word_lines


def test_meta_lines_break_only_between_words(qapp):
    cell = ComparisonCell("那珂市", "様式を追加してほしい。", 2960, "service_level", "住民サービス水準の維持", False,
                          "低下しない", "", None, False)
    meta = [text for style, text in cell_lines(cell) if style == 1]
    assert meta[-1] == "住民サービス 低下しない"
    font = QFont(qapp.font())
    fm = QFontMetrics(font)
    # A member column just too narrow for the whole line (as at 1280×720 with four members).
    width = fm.horizontalAdvance("住民サービス低下しな") + 2
    assert word_lines(font, meta[-1], width) == ["住民サービス", "低下しない"]
    assert word_lines(font, "2,960件/年", fm.horizontalAdvance("2,960件/年")) == ["2,960件/年"]
    # Wide enough: one line; a single word wider than the line is wrapped, never cut.
    assert word_lines(font, meta[-1], 10_000) == ["住民サービス 低下しない"]
    long_word = "住民サービス水準の維持"
    parts = word_lines(font, long_word, fm.horizontalAdvance("住民サービ") + 1)
    assert "".join(parts) == long_word and len(parts) > 1
