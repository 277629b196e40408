"""Issue #15, second review of the documents officials sign: what the reviewer found printing the
demo and the stress database (a name broken in the A4 comparison xlsx, continued cost rows that
did not say whose they were, a footnote alone on a page, a reference sheet printed as an empty
page)."""
from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import select

from cloudsuppress.demo import DEMO_MEMBERS, create_demo
from cloudsuppress.domain.models import Member
from cloudsuppress.ops import comparison as comparison_ops
from cloudsuppress.store.db import open_database

from .print_checks import broken_tokens, xlsx_lines


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    with database.session() as s, s.begin():
        create_demo(s)
    yield database
    database.close()


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
