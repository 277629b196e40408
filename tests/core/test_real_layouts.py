"""Issue 12: the three layouts function lists really arrive in import with no --sheet, --map or
--header-row, every ID as Excel shows it, notes and totals left out, 〇 read as ○, forms and
retired IDs apart, members' own judgements kept; checked row by row."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cloudsuppress.errors import DomainError, ImportValidationError
from cloudsuppress.importers.detect import ImportOverrides, detect_function_list
from cloudsuppress.importers.tabular import read_workbook
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops.function_import import apply_function_import, preview_function_import
from cloudsuppress.ops.functions import list_function_rows, system_tree
from cloudsuppress.ops.judgements import list_judgements, member_gap_rows
from cloudsuppress.ops.summary import build_summary

from .real_layouts import LONG_SENTENCE, fit_gap, ministry_annex, vendor_answer


def _import(db, path: Path, **overrides):
    book = read_workbook(path)
    with db.session() as s, s.begin():
        preview = preview_function_import(s, book, ImportOverrides(**overrides))
        if preview.plan is None:
            raise ImportValidationError(list(preview.issues))
        apply_function_import(s, preview.plan)
    return preview


def _rows(db, system: str):
    with db.session() as s:
        sys_id = next(n.id for n in system_tree(s) if n.name == system)
        return [(r.kind, r.code, r.name, r.level1, r.level2, r.level3, r.requirement_class, r.fit, r.retired)
                for r in list_function_rows(s, business_system_id=sys_id)]


def test_the_ministry_annex_imports_functions_forms_and_retired_ids_as_written(db, tmp_path):
    preview = _import(db, ministry_annex(tmp_path / "介護保険_機能・帳票要件.xlsx"), business_system="介護保険")
    det = preview.detection
    assert [s.name for s in det.sheets] == ["表紙", "機能要件", "帳票要件"]
    assert det.functions.sheet == "機能要件" and det.functions.header_rows == (4, 5)
    assert det.forms.sheet == "帳票要件"
    assert [(i.row, i.reason) for i in det.functions.ignored] == [(12, "注記"), (13, "注記")]
    assert [(i.row, i.reason) for i in det.forms.ignored] == [(8, "注記")]
    assert _rows(db, "介護保険") == [
        ("function", "0230001", "転入による資格取得を登録できること", "資格管理", "資格取得", "転入", "mandatory", None, False),
        ("function", "0230002", "65歳到達による資格取得を一括で登録できること", "資格管理", "資格取得", "年齢到達", "mandatory",
         None, False),
        ("function", "0230003", "（削除）", "資格管理", "資格喪失", "死亡", None, None, True),
        ("function", "0230265", "所得段階を判定し、保険料を算定できること", "賦課", "保険料算定", "所得段階", "optional", None, False),
        ("function", "0230266", "保険料の減免を登録できること", "賦課", "保険料算定", "減免", "excluded", None, False),
        ("form", "0230001", "介護保険被保険者証", None, None, None, "mandatory", None, False),
        ("form", "0230002", "介護保険資格者証", None, None, None, "optional", None, False),
        ("form", "0230003", "（削除）", None, None, None, None, None, True),
    ]
    with db.session() as s:
        rows = list_function_rows(s)
        first = next(r for r in rows if r.code == "0230001" and r.kind == "function")
        assert first.requirement == "転入による資格取得を登録できること。\n・住民記録システムの異動情報を連携すること。"
        requestable = {(r.kind, r.code) for r in list_function_rows(s, requestable=True)}
        assert ("function", "0230003") not in requestable and ("form", "0230003") not in requestable
        assert ("form", "0230001") in requestable
        summary = build_summary(s)
    kaigo = next(b for b in summary["business_systems"] if b["name"] == "介護保険")
    assert (kaigo["total"], kaigo["forms"], kaigo["retired"]) == (4, 2, 2)
    assert summary["functions"]["total"] == 4 and summary["functions"]["forms"] == 2


def test_the_vendor_answer_sheet_reads_its_words_costs_and_blank_rule(db, tmp_path):
    preview = _import(db, vendor_answer(tmp_path / "回答書.xlsx"), business_system="住民基本台帳")
    det = preview.detection.functions
    assert det.mapping["code"] == 0 and det.mapping["requirement"] == 3 and det.names_from_requirement
    assert det.blank_fit == "×" and det.blank_fit_row == 3 and det.cost_unit == 1000
    assert [(w.word, w.mark) for w in det.fit_words if w.word == "〇"] == [("〇", "○")]
    assert [(i.row, i.reason) for i in det.ignored] == [(11, "合計行"), (13, "注記")]
    with db.session() as s:
        rows = {r.code: r for r in list_function_rows(s)}
    assert sorted(rows) == ["1", "2", "3", "4", "5"]
    assert [rows[c].fit for c in "12345"] == ["○", "△", "×", "×", "○"]
    assert [rows[c].requirement_class for c in "12345"] == ["mandatory", "optional", "mandatory", "mandatory", "optional"]
    assert rows["1"].requirement == LONG_SENTENCE  # the whole sentence, no refusal for its length
    assert rows["1"].name.endswith("…") and len(rows["1"].name) <= 40 and LONG_SENTENCE.startswith(rows["1"].name[:-1])
    assert rows["2"].name == "転居届を受け付け、世帯の住所を一括で変更できること"
    assert rows["2"].vendor_cost == 1_200_000 and rows["2"].vendor_alternative == "運用で対応可能"
    assert rows["3"].vendor_cost is None
    with db.session() as s:
        from cloudsuppress.domain.models import Function
        assert s.query(Function.vendor_cost_note).filter(Function.code == "3").scalar() == "別途見積"
    assert [rows[c].level2 for c in "12345"] == ["異動", "異動", "証明", "証明", "証明"]


def _members(db, *names):
    with db.session() as s, s.begin():
        for n in names:
            member_ops.add_member(s, name=n, population=10_000)


def test_the_fit_gap_sheet_keeps_each_members_judgement_and_matches_system_spellings(db, tmp_path):
    _members(db, "那珂市", "常陸大宮市")
    preview = _import(db, fit_gap(tmp_path / "fitgap.xlsx"))
    det = preview.detection.functions
    assert det.mapping["code"] == 2  # 機能ID, not the running No.
    assert [(g.name, g.judgement_column, g.note_column) for g in det.member_groups] == [("那珂市", 6, 7), ("常陸大宮市", 8, 9)]
    assert [r[1:] for r in _rows(db, "住民基本台帳")] == [
        ("0010001", "住民票の写しの交付", None, None, None, None, "○", False),
        ("0010002", "転入届の受付", None, None, None, None, "△", False),
        ("0010003", "外字の印字", None, None, None, None, None, False),
        ("0010004", "除票の照会", None, None, None, None, "○", False),
    ]
    with db.session() as s:
        rows = {r.code: r for r in list_function_rows(s)}
        assert rows["0010004"].fit_alternative and rows["0010004"].vendor_alternative == "EUCで照会画面を作成"
        assert not rows["0010001"].fit_alternative
        judged = [(j.code, j.member, j.judgement, j.note) for j in list_judgements(s)]
        omiya = next(m.id for m in member_ops.list_members(s) if m.name == "常陸大宮市")
        gaps = [(g.code, g.judgement, g.note) for g in member_gap_rows(s, member_id=omiya)]
    assert judged == [
        ("0010001", "那珂市", "○", None), ("0010001", "常陸大宮市", "○", None),
        ("0010002", "那珂市", "△", "窓口で世帯全員を一括入力している"), ("0010002", "常陸大宮市", "○", None),
        ("0010003", "那珂市", "－", None), ("0010003", "常陸大宮市", "×", "独自の外字を約200字登録している"),
        ("0010004", "那珂市", "○", None), ("0010004", "常陸大宮市", "△", "照会画面に続柄を表示したい"),
    ]
    assert gaps == [("0010003", "×", "独自の外字を約200字登録している"), ("0010004", "△", "照会画面に続柄を表示したい")]


def test_a_member_group_naming_no_member_is_refused_naming_it(db, tmp_path):
    _members(db, "那珂市")
    with pytest.raises(ImportValidationError) as err:
        _import(db, fit_gap(tmp_path / "fitgap.xlsx", members=("那珂市", "笠間市")))
    assert "「笠間市」が構成団体にありません" in str(err.value) and "那珂市" in str(err.value)
    with db.session() as s:
        assert list_function_rows(s) == []


def _simple(path: Path, header: list, rows: list, *, formats: dict[int, str] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    for col, fmt in (formats or {}).items():
        for r in range(2, len(rows) + 2):
            ws.cell(r, col + 1).number_format = fmt
    wb.save(path)
    return path


def test_no_and_function_number_take_the_function_number_as_the_id(db, tmp_path):
    path = _simple(tmp_path / "no.xlsx", ["No.", "機能番号", "機能名", "適合度"],
                   [[1, "0010001", "住民票の写しの交付", "○"], [2, "0010002", "転入届の受付", "△"]])
    preview = _import(db, path, business_system="住民基本台帳")
    assert preview.detection.functions.mapping["code"] == 1
    assert [r[1] for r in _rows(db, "住民基本台帳")] == ["0010001", "0010002"]


def test_two_id_columns_with_nothing_deciding_are_refused_naming_both_until_chosen(db, tmp_path):
    path = _simple(tmp_path / "two.xlsx", ["機能ID", "要件ID", "機能名"],
                   [["0010001", "R-1", "住民票の写しの交付"], ["0010002", "R-2", "転入届の受付"]])
    with pytest.raises(ImportValidationError) as err:
        _import(db, path, business_system="住民基本台帳")
    assert "A列「機能ID」" in str(err.value) and "B列「要件ID」" in str(err.value)
    _import(db, path, business_system="住民基本台帳", columns={1: "code", 0: None})
    assert [r[1] for r in _rows(db, "住民基本台帳")] == ["R-1", "R-2"]


def test_a_second_fit_column_is_refused_naming_both(db, tmp_path):
    path = _simple(tmp_path / "dup.xlsx", ["機能ID", "機能名", "適合度", "適合度"],
                   [["0010001", "住民票の写しの交付", "○", "×"]])
    with pytest.raises(ImportValidationError) as err:
        _import(db, path, business_system="住民基本台帳")
    assert "C列「適合度」とD列「適合度」" in str(err.value)


def test_reimport_from_another_layout_with_numeric_ids_plans_updates_only(db, tmp_path):
    _import(db, ministry_annex(tmp_path / "annex.xlsx"), business_system="介護保険")
    # The same functions in another order of columns, IDs typed as numbers shown with 0000000.
    path = _simple(tmp_path / "other.xlsx", ["実装区分", "機能要件", "機能ID"], [
        ["実装必須機能", "転入による資格取得を登録できること。", 230001],
        ["実装必須機能", "65歳到達による資格取得を一括で登録できること。", 230002],
        ["", "（削除）", 230003],
        ["標準オプション機能", "所得段階を判定し、保険料を算定できること。", 230265],
        ["実装不可機能", "保険料の減免を登録できること。", 230266],
    ], formats={2: "0000000"})
    book = read_workbook(path)
    with db.session() as s:
        preview = preview_function_import(s, book, ImportOverrides(business_system="介護保険"))
    (diff,) = [d for d in preview.plan.diffs]
    # No form sheet here: the forms are left alone. Columns this layout lacks (大/中/小項目, 改定区分,
    # 考え方) keep their values; only the requirements written shorter here differ.
    assert (diff.added, diff.removed, diff.unchanged) == ((), (), 3)
    assert [(c.code, c.fields) for c in diff.changed] == [("0230001", ("機能要件",)), ("0230266", ("機能要件",))]
    with db.session() as s, s.begin():
        apply_function_import(s, preview.plan)
    rows = _rows(db, "介護保険")
    assert rows[0][:6] == ("function", "0230001", "転入による資格取得を登録できること", "資格管理", "資格取得", "転入")
    assert [r[0] for r in rows].count("form") == 3


def test_unknown_system_names_are_reported_once_each_and_can_be_mapped(db, tmp_path):
    path = _simple(tmp_path / "sys.xlsx", ["業務", "機能ID", "機能名"], [
        ["住民記録", "0010001", "住民票"], ["住基", "0010002", "転入"], ["ｺｾｷ", "0200001", "戸籍謄本"],
        ["ｺｾｷ", "0200002", "戸籍抄本"], ["個人住民税", "0500001", "課税"], ["住民税（個人）", "0500002", "減免"],
    ])
    book = read_workbook(path)
    with db.session() as s:
        preview = preview_function_import(s, book)
    assert [(u.name, u.rows, u.first_row) for u in preview.unknown_systems] == [("ｺｾｷ", 2, 4)]
    assert sum("ｺｾｷ" in i.message for i in preview.issues) == 1
    _import(db, path, system_map={"ｺｾｷ": "住登外管理"})
    assert [r[1] for r in _rows(db, "住民基本台帳")] == ["0010001", "0010002"]
    assert [r[1] for r in _rows(db, "住登外管理")] == ["0200001", "0200002"]
    assert [r[1] for r in _rows(db, "個人住民税")] == ["0500001", "0500002"]


def test_an_unknown_fit_word_is_refused_listing_the_understood_words(db, tmp_path):
    path = _simple(tmp_path / "fit.xlsx", ["機能ID", "機能名", "回答欄"], [["0010001", "住民票", "要相談"]])
    with pytest.raises(ImportValidationError) as err:
        _import(db, path, business_system="住民基本台帳")
    assert "適合度「要相談」を読み取れません" in str(err.value) and "カスタマイズ" in str(err.value) and "対象外" in str(err.value)


def test_detection_json_and_text_name_the_sheet_header_and_ignored_rows(tmp_path):
    det = detect_function_list(read_workbook(vendor_answer(tmp_path / "v.xlsx")))
    text = det.describe()
    assert "見出し行: 5行目" in text and "11行目を除外（合計行）" in text and "空欄の適合度 → ×" in text
    data = json.loads(json.dumps(det.to_json(), ensure_ascii=False))
    assert data["functions"]["ignored"][0] == {"row": 11, "reason": "合計行", "text": "合計"}


def test_the_openpyxl_fixture_really_stores_numbers_with_the_id_format(tmp_path):
    """The fixture is what the test claims: the cell holds 230001 and shows 0230001."""
    ws = load_workbook(ministry_annex(tmp_path / "a.xlsx"))["機能要件"]
    assert ws["A6"].value == 230001 and ws["A6"].number_format == "0000000"
    assert ws.merged_cells.ranges and "B6:B8" in {str(r) for r in ws.merged_cells.ranges}


def test_a_business_system_with_functions_cannot_be_removed_and_can_be_renamed(db, tmp_path):
    from cloudsuppress.ops.business_systems import remove_business_system, rename_business_system

    _import(db, vendor_answer(tmp_path / "v.xlsx"), business_system="住民基本台帳")
    with db.session() as s, s.begin():
        sys_id = next(n.id for n in system_tree(s) if n.name == "住民基本台帳")
        with pytest.raises(DomainError) as err:
            remove_business_system(s, system_id=sys_id)
        assert "機能 5 件（1、2、3、4、5）" in str(err.value)
        rename_business_system(s, system_id=sys_id, name="住民記録")
    with db.session() as s, s.begin():
        assert "住民記録" in [n.name for n in system_tree(s)]
        empty = next(n.id for n in system_tree(s) if n.name == "裁判員制度")
        remove_business_system(s, system_id=empty)
    with db.session() as s:
        assert "裁判員制度" not in [n.name for n in system_tree(s)]


def test_undo_and_redo_of_a_fit_gap_import_take_the_judgements_along(db, tmp_path):
    from cloudsuppress.ops import undo as undo_ops

    _members(db, "那珂市", "常陸大宮市")
    _import(db, fit_gap(tmp_path / "fitgap.xlsx"))
    with db.session() as s:
        before = [(j.code, j.member, j.judgement, j.note) for j in list_judgements(s)]
    assert len(before) == 8
    with db.session() as s, s.begin():
        undo_ops.undo(s)
    with db.session() as s:
        assert list_judgements(s) == [] and list_function_rows(s) == []
    with db.session() as s, s.begin():
        undo_ops.redo(s)
    with db.session() as s:
        assert [(j.code, j.member, j.judgement, j.note) for j in list_judgements(s)] == before
    # A second import of the same sheet replaces the judgements instead of adding them twice.
    _import(db, fit_gap(tmp_path / "fitgap2.xlsx"))
    with db.session() as s:
        assert [(j.code, j.member, j.judgement, j.note) for j in list_judgements(s)] == before


def test_a_title_alone_in_the_first_cell_is_not_the_upper_header_row(tmp_path):
    """(a2) A title row above a one-row header was read as the upper row of a two-row header."""
    from .conftest import write_csv

    path = write_csv(tmp_path / "t.csv", [["○○市 機能一覧", "", "", "", ""], ["機能ID", "機能名", "機能要件", "実装区分", "適合度"],
                                          ["0010001", "住民票", "交付できること。", "実装必須機能", "○"]])
    det = detect_function_list(read_workbook(path)).functions
    assert det.header_rows == (2, 2) and det.columns[0].header == "機能ID"
    assert det.mapping == {"code": 0, "name": 1, "requirement": 2, "requirement_class": 3, "fit": 4}


def test_the_three_layouts_import_the_same_on_postgresql(pg_db, tmp_path):
    """Raw executemany with the new columns, booleans and the judgements table, on the real server."""
    _members(pg_db, "那珂市", "常陸大宮市")
    _import(pg_db, ministry_annex(tmp_path / "a.xlsx"), business_system="介護保険")
    _import(pg_db, vendor_answer(tmp_path / "v.xlsx"), business_system="住民基本台帳")
    _import(pg_db, fit_gap(tmp_path / "f.xlsx"))  # replaces the vendor's list of 住民基本台帳
    kaigo = _rows(pg_db, "介護保険")
    assert [(k, c, r) for k, c, *_, r in kaigo] == [
        ("function", "0230001", False), ("function", "0230002", False), ("function", "0230003", True),
        ("function", "0230265", False), ("function", "0230266", False),
        ("form", "0230001", False), ("form", "0230002", False), ("form", "0230003", True)]
    assert [r[1] for r in _rows(pg_db, "住民基本台帳")] == ["0010001", "0010002", "0010003", "0010004"]
    with pg_db.session() as s:
        assert len(list_judgements(s)) == 8


def test_text_after_a_blank_row_and_marks_with_note_references(db, tmp_path):
    path = _simple(tmp_path / "tail.xlsx", ["機能ID", "機能名", "回答欄"], [
        ["0010001", "住民票の写しの交付", "△※1"], ["0010002", "転入届の受付", "○（代替）"], [None, None, None],
        ["以上", None, None], ["（担当: 情報政策課）", None, None]])
    preview = _import(db, path, business_system="住民基本台帳")
    assert [(i.row, i.reason, i.text) for i in preview.detection.functions.ignored] == [
        (5, "表の後の文", "以上"), (6, "表の後の文", "（担当: 情報政策課）")]
    with db.session() as s:
        assert [(r.code, r.fit, r.fit_alternative) for r in list_function_rows(s)] == [
            ("0010001", "△", False), ("0010002", "○", True)]


def test_a_header_below_forty_rows_of_instructions_is_found(db, tmp_path):
    wb = Workbook()
    ws = wb.active
    for r in range(1, 41):
        ws.cell(r, 1, f"{r}. 回答にあたっての注意事項（その{r}）")
    ws.append(["No", "項目", "回答欄"])
    ws.append([1, "住民票の写しを交付できること。", "〇"])
    wb.save(tmp_path / "long.xlsx")
    preview = _import(db, tmp_path / "long.xlsx", business_system="住民基本台帳")
    assert preview.detection.functions.header_rows == (41, 41)
    assert [r[1:3] for r in _rows(db, "住民基本台帳")] == [("1", "住民票の写しを交付できること")]


def test_a_later_sheet_without_some_columns_keeps_what_the_list_had_there(db, tmp_path):
    _import(db, ministry_annex(tmp_path / "annex.xlsx"), business_system="介護保険")
    # The vendor's fit answers per 機能ID, nothing else: the requirements, classes and levels stay.
    path = _simple(tmp_path / "fit.xlsx", ["機能ID", "適合度"],
                   [["0230001", "○"], ["0230002", "△"], ["0230003", ""], ["0230265", "×"], ["0230266", "代替"]])
    book = read_workbook(path)
    with db.session() as s:
        preview = preview_function_import(s, book, ImportOverrides(business_system="介護保険", columns={0: "code"}))
    assert preview.plan is None and any("機能名" in i.message for i in preview.issues)  # a name column is required
    path = _simple(tmp_path / "fit2.xlsx", ["機能ID", "機能名", "適合度"], [
        ["0230001", "転入による資格取得を登録できること", "○"], ["0230002", "65歳到達による資格取得を一括で登録できること", "△"],
        ["0230003", "（削除）", ""], ["0230265", "所得段階を判定し、保険料を算定できること", "×"],
        ["0230266", "保険料の減免を登録できること", "代替"]])
    _import(db, path, business_system="介護保険")
    assert _rows(db, "介護保険")[:5] == [
        ("function", "0230001", "転入による資格取得を登録できること", "資格管理", "資格取得", "転入", "mandatory", "○", False),
        ("function", "0230002", "65歳到達による資格取得を一括で登録できること", "資格管理", "資格取得", "年齢到達", "mandatory",
         "△", False),
        ("function", "0230003", "（削除）", "資格管理", "資格喪失", "死亡", None, None, True),
        ("function", "0230265", "所得段階を判定し、保険料を算定できること", "賦課", "保険料算定", "所得段階", "optional", "×", False),
        ("function", "0230266", "保険料の減免を登録できること", "賦課", "保険料算定", "減免", "excluded", "○", False),
    ]


def _ods(path: Path, rows: list[list[tuple[str, str, str | None]]]) -> Path:
    """A minimal .ods: each cell (value-type, shown text, value) as LibreOffice saves it."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(kind: str, text: str, value: str | None) -> str:
        attrs = f' office:value-type="{kind}"' + (f' office:value="{value}"' if value is not None else "")
        return f"<table:table-cell{attrs}><text:p>{escape(text)}</text:p></table:table-cell>"

    body = "".join("<table:table-row>" + "".join(cell(*c) for c in row) + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="機能一覧">{body}</table:table></office:spreadsheet>'
               '</office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_reads_ids_as_libreoffice_showed_them(db, tmp_path):
    path = _ods(tmp_path / "list.ods", [
        [("string", "機能ID", None), ("string", "機能名", None), ("string", "適合度", None)],
        [("float", "0010001", "10001"), ("string", "住民票の写しの交付", None), ("string", "〇", None)],
        [("float", "0010002", "10002"), ("string", "転入届の受付", None), ("string", "△", None)],
    ])
    _import(db, path, business_system="住民基本台帳")
    assert [(r[1], r[7]) for r in _rows(db, "住民基本台帳")] == [("0010001", "○"), ("0010002", "△")]


def test_a_chart_sheet_beside_the_list_does_not_stop_the_import(db, tmp_path):
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    ws.append(["機能ID", "機能名", "適合度"])
    ws.append(["0010001", "住民票の写しの交付", "○"])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=2))
    wb.create_chartsheet("グラフ").add_chart(chart)
    wb.save(tmp_path / "chart.xlsx")
    preview = _import(db, tmp_path / "chart.xlsx", business_system="住民基本台帳")
    assert [s.name for s in preview.detection.sheets] == ["機能一覧", "グラフ"]
    assert [r[1] for r in _rows(db, "住民基本台帳")] == ["0010001"]


def test_a_workbook_whose_only_sheet_is_damaged_says_so(db, tmp_path):
    import io
    import zipfile

    good = _simple(tmp_path / "good.xlsx", ["機能ID", "機能名"], [["0010001", "住民票"]])
    out = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    (tmp_path / "bad.xlsx").write_bytes(out.getvalue())
    with pytest.raises(ImportValidationError) as err:
        _import(db, tmp_path / "bad.xlsx", business_system="住民基本台帳")
    assert "を読み込めません" in str(err.value)
