"""The 総会 summary report with 4 and with 34 members: the per-member bar chart shows every member,
never runs past the footer, and carries its axis and legend on every page it spans."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from cloudsuppress.demo import synthetic_members
from cloudsuppress.ops import measures as measure_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.reports.summary_pdf import write_summary_pdf

from .pdf_support import assert_fonts_embedded, needs_poppler, page_count, poppler
from .request_support import join, move, new_item, rdb  # noqa: F401

pytestmark = needs_poppler
FOUR = ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"]


def _words(pdf) -> list[list[tuple[str, float, float]]]:
    """Per page: (word, yMin, yMax) in points from the top, from pdftotext -bbox."""
    out = poppler("pdftotext", "-bbox", str(pdf), "-")
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(w, float(y0), float(y1)) for y0, y1, w in
                      re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def _summary(db, tmp_path, extra: int):
    item = new_item(db, "那珂市")
    join(db, item, "五霞町")
    move(db, new_item(db, "常陸大宮市", "0010001"), "withdrawn", reason="運用で対応")
    with db.session() as s, s.begin():
        for name, population, joined in synthetic_members(4 + extra)[4:]:
            member_ops.add_member(s, name=name, population=population, joined_on=joined)
    with db.session() as s:
        dashboard = measure_ops.measures_dashboard(s, today=dt.date(2026, 11, 22))
    pdf = tmp_path / "summary.pdf"
    pages = write_summary_pdf(pdf, dashboard, consortium="テスト協議会", issued_on=dt.date(2026, 11, 22))
    assert pages == page_count(pdf)
    assert_fonts_embedded(pdf)
    return pdf, [m.member for m in dashboard.members]


@pytest.mark.parametrize("extra", [0, 30])
def test_member_chart_shows_every_member_above_the_footer(rdb, tmp_path, extra):
    pdf, names = _summary(rdb, tmp_path, extra)
    assert len(names) == 4 + extra
    chart_pages, count = [], {}
    for words in _words(pdf):
        slash = next(y0 for w, y0, _ in words if w == "/")  # the footer line, "テスト協議会  n / N"
        body = [(w, y1) for w, y0, y1 in words if abs(y0 - slash) > 2]
        assert all(y1 < slash - 2 for _, y1 in body), [b for b in body if b[1] >= slash - 2]
        text = [w for w, *_ in words]
        for w in text:
            count[w] = count.get(w, 0) + 1
        if any(w.startswith("団体別の要望の結果") for w in text):
            chart_pages.append(text)
    assert chart_pages
    for text in chart_pages:  # each part of the chart: its legend and its axis from 0
        assert "カスタマイズ実施" in text and "検討中" in text and "0" in text
    on_charts = {w for text in chart_pages for w in text}
    # every member: in the 団体別 table, on a bar of the chart, in the four-measures table
    assert {n: count.get(n, 0) for n in names} == {n: 3 for n in names}
    if extra:
        assert len(chart_pages) >= 2 and "団体別の要望の結果（項目数）（続き）" in on_charts
    else:
        assert len(chart_pages) == 1


def test_summary_words_and_rates_match_the_dashboard(rdb, tmp_path):
    """A member without a briefing reads 未開催 (the dashboard's word), and every rate has one decimal."""
    pdf, _ = _summary(rdb, tmp_path, 0)
    text = "".join(w for page in _words(pdf) for w, *_ in page)
    assert measure_ops.BRIEFING_NOT_HELD == "未開催"
    assert text.count("未開催") == 4 and "未実施" not in text  # no member has a briefing on record here
    assert "カスタマイズを行わなかった1項目の割合）：100.0％" in text
    assert measure_ops.format_share(14 / 31) == "45.2％" and measure_ops.format_share(None) == "—"
