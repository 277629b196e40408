"""R31: a request on a form (帳票) is shown as 「帳票 0010003」 wherever its target code is printed —
帳票ID and 機能ID share one number space, so a bare code reads as a function."""
from __future__ import annotations

import json

import openpyxl
from sqlalchemy import update

from cloudsuppress.domain.models import Function
from cloudsuppress.ops.comparison import build_comparison
from cloudsuppress.ops.request_queries import list_item_rows
from cloudsuppress.reports.comparison_pdf import write_comparison_pdf
from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx

from .pdf_support import flat, needs_poppler, raw_text
from .request_support import new_item, rdb  # noqa: F401
from .test_cli import run


def _form_request(db) -> int:
    with db.session() as s, s.begin():
        s.execute(update(Function).where(Function.code == "0010003").values(kind="form", name="世帯一覧表"))
    new_item(db, "常陸大宮市", "0010001")
    return new_item(db, "那珂市", "0010003")


@needs_poppler
def test_a_form_request_is_marked_as_a_form_in_lists_and_the_comparison(rdb, tmp_path, capsys):
    _form_request(rdb)
    with rdb.session() as s:
        rows = {r.key: r for r in list_item_rows(s)}
        table = build_comparison(s)
    assert (rows["R-0002"].function_kind, rows["R-0002"].target_code) == ("form", "帳票 0010003")
    assert rows["R-0001"].target_code == "0010001"  # a function keeps its bare code
    assert [r.target_code for r in table.rows] == ["0010001", "帳票 0010003"]
    pdf = tmp_path / "cmp.pdf"
    write_comparison_pdf(pdf, table, paper="a4")
    assert "帳票0010003" in flat(raw_text(pdf))
    xlsx = tmp_path / "cmp.xlsx"
    write_comparison_xlsx(xlsx, table, paper="a4")
    values = [str(c.value).replace("\n", " ") for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row]
    assert "帳票 0010003" in values and "0010001" in values
    code, out, _ = run(capsys, "--db", rdb.path, "requests", "list")
    assert code == 0 and "R-0002\t要望\t帳票 0010003\t" in out
    code, out, _ = run(capsys, "--db", rdb.path, "requests", "list", "--json")
    assert [(x["function_code"], x["function_kind"]) for x in json.loads(out)] == [
        ("0010001", "function"), ("0010003", "form")]
