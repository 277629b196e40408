"""Review R20 (helper r): a request for a form whose 帳票ID equals a 機能ID of the same 業務 is never
attached to the function silently: the template carries a 種別 column (機能／帳票, also on its
機能一覧 sheet), the import follows it, and without it refuses naming both."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import request_import as imp
from cloudsuppress.reports.request_template_xlsx import COLUMNS, HEADER_ROW, write_request_template

SYSTEM = "住民基本台帳"


@pytest.fixture
def same_code(db, tmp_path):
    """The ministry annex numbers 機能ID and 帳票ID apart: function 0000001 and form 0000001."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能要件"
    ws.append(["機能ID", "機能名", "機能要件"])
    ws.append(["0000001", "住民票の写しの交付", "住民票の写しを交付できること。"])
    ws.append(["0000002", "転入届の受付", "転入届を受け付けられること。"])
    fs = wb.create_sheet("帳票要件")
    fs.append(["帳票ID", "帳票名称", "帳票要件"])
    fs.append(["0000001", "住民票の写し", "住民票の写しを出力できること。"])
    wb.save(tmp_path / "b7.xlsx")
    from cloudsuppress.importers.detect import ImportOverrides
    from cloudsuppress.importers.tabular import read_workbook
    from cloudsuppress.ops.function_import import apply_function_import, preview_function_import

    with db.session() as s, s.begin():
        preview = preview_function_import(s, read_workbook(tmp_path / "b7.xlsx"), ImportOverrides(business_system=SYSTEM))
        assert preview.plan is not None, preview.issues
        apply_function_import(s, preview.plan)
        member_ops.add_member(s, name="那珂市", population=55_827)
    path = tmp_path / "要望票_那珂市.xlsx"
    with db.session() as s:
        write_request_template(path, member="那珂市", consortium="テスト", functions=function_ops.list_function_rows(s))
    return db, path


def _fill(path: Path, code: str, kind: str | None) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["要望"]
    head = [c.value for c in ws[HEADER_ROW + 1]]
    row = HEADER_ROW + 2
    values = {"機能ID": code, "要望名": "住民票の写しの様式変更", "要望内容": "様式に外国人住民の欄を追加してほしい。",
              "理由区分": "住民サービス水準の維持", "住民サービス低下": "低下する", "低下の内容": "窓口で時間がかかる。"}
    if kind:
        values["種別"] = kind
    for h, v in values.items():
        ws.cell(row=row, column=head.index(h) + 1, value=v)
    wb.save(path)
    return path


def _plan(db, path):
    records = read_request_files([path])
    with db.session() as s:
        return imp.plan_request_import(s, records)


def test_template_says_which_is_the_form(same_code):
    _, path = same_code
    wb = openpyxl.load_workbook(path)
    assert [c.value for c in wb["要望"][HEADER_ROW + 1]] == [*COLUMNS, "業務", "種別"]
    rows = [tuple(c.value for c in r) for r in wb["機能一覧"].iter_rows(min_row=2)]
    assert ("0000001", SYSTEM, "住民票の写しの交付", "", "機能") in rows
    assert ("0000001", SYSTEM, "住民票の写し", "", "帳票") in rows


def test_shared_code_without_kind_is_refused_naming_both(same_code):
    db, path = same_code
    with pytest.raises(ImportValidationError) as err:
        _plan(db, _fill(path, "0000001", None))
    text = str(err.value)
    assert "機能ID「0000001」は業務「住民基本台帳」の機能（住民票の写しの交付）と帳票（住民票の写し）の両方にあります" in text
    assert "種別列" in text


@pytest.mark.parametrize("kind,code,name", [("帳票", "0000001", "住民票の写し"), ("機能", "0000001", "住民票の写しの交付"),
                                            (None, "帳票:0000001", "住民票の写し"), (None, "0000002", "転入届の受付")])
def test_kind_column_or_prefix_chooses(same_code, kind, code, name):
    db, path = same_code
    plan = _plan(db, _fill(path, code, kind))
    from cloudsuppress.domain.models import Function

    with db.session() as s:
        assert s.get(Function, plan.items[0].function_id).name == name
