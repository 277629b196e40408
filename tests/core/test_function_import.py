"""Reading real-looking function lists: encodings, title rows, header synonyms, merged cells,
old requirement-class wording, fit marks in every width, and column mapping by hand."""
from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.function_list import guess_mapping
from cloudsuppress.importers.tabular import read_table
from cloudsuppress.ops import functions as function_ops

from .conftest import HEADER, functions_of, import_file, parse_file, write_csv, write_xlsx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

TITLE_ROWS = [
    ["住民基本台帳 機能一覧（第2.1版）", "", "", "", ""],
    ["", "", "", "", "作成日: 令和8年11月22日"],
    ["", "", "", "", ""],
]
BODY = [
    ["0010001", "住民票の写しの交付", "住民票の写しを交付できること。\n・世帯全員、一部を選択できること。", "実装必須機能", "○"],
    ["0010002", "転入届の受付", "転入届を受け付け、異動処理できること。", "標準オプション機能", "△"],
    ["0010003", "外字の印字", "外字「髙」「﨑」を正しく印字できること。", "実装不可機能", "×"],
    ["0010004", "除票の照会", "除票を照会できること。", "", ""],
]


def summary(records):
    return [
        (r.code, r.name, r.requirement, r.requirement_class, r.fit, r.row) for r in records
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_every_csv_encoding_gives_the_same_records(tmp_path, encoding):
    reference = parse_file(write_csv(tmp_path / "ref.csv", [HEADER, *BODY], "utf-8"))
    parsed = parse_file(write_csv(tmp_path / "list.csv", [*TITLE_ROWS, HEADER, *BODY], encoding))
    # Same content, shifted down by the three title rows.
    assert [(c, n, q, k, f) for c, n, q, k, f, _ in summary(parsed.records)] == [
        (c, n, q, k, f) for c, n, q, k, f, _ in summary(reference.records)
    ]
    assert [r.row for r in parsed.records] == [5, 6, 7, 8]
    assert parsed.records[2].requirement == "外字「髙」「﨑」を正しく印字できること。"
    assert parsed.records[0].requirement.splitlines()[1] == "・世帯全員、一部を選択できること。"
    assert [r.fit for r in parsed.records] == ["○", "△", "×", None]
    assert [r.requirement_class for r in parsed.records] == ["mandatory", "optional", "excluded", None]


def test_title_rows_above_the_header_are_not_functions(tmp_path, db):
    path = write_csv(tmp_path / "list.csv", [*TITLE_ROWS, HEADER, *BODY], "cp932")
    import_file(db, path, business_system="住民基本台帳")
    assert sorted(functions_of(db, "住民基本台帳")) == ["0010001", "0010002", "0010003", "0010004"]


SYNONYM_CASES = [
    ("code", ["機能ID", "機能番号", "No.", "No", "Ｎｏ．", "機能ＩＤ"]),
    ("name", ["機能名", "機能名称"]),
    ("requirement", ["機能要件", "要件", "機能説明"]),
    ("requirement_class", ["実装区分", "区分"]),
    ("fit", ["適合度", "適合", "対応可否"]),
]
CANONICAL = {"code": "機能ID", "name": "機能名", "requirement": "機能要件", "requirement_class": "実装区分", "fit": "適合度"}
ORDER = list(CANONICAL)


@pytest.mark.parametrize(
    ("field", "word"), [(f, w) for f, words in SYNONYM_CASES for w in words]
)
def test_every_header_synonym_is_recognised(tmp_path, field, word):
    header = [word if f == field else CANONICAL[f] for f in ORDER]
    parsed = parse_file(write_csv(tmp_path / "list.csv", [*TITLE_ROWS, header, *BODY]))
    assert parsed.mapping.header_row == 3
    assert parsed.mapping.columns == {f: i for i, f in enumerate(ORDER)}
    assert getattr(parsed.records[1], field) == {
        "code": "0010002", "name": "転入届の受付", "requirement": "転入届を受け付け、異動処理できること。",
        "requirement_class": "optional", "fit": "△",
    }[field]


def _merged_xlsx(path: Path) -> Path:
    """A list as people make them: a title, a two-row merged header, 大分類 merged down its block."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("機能一覧")
    ws.write(0, 0, "個人住民税 機能要件一覧")
    ws.merge_range(2, 0, 2, 1, "機能")          # 機能 over 機能ID | 機能名
    ws.write(3, 0, "機能ID")
    ws.write(3, 1, "機能名")
    for col, title in ((2, "大分類"), (3, "中分類"), (4, "機能要件"), (5, "実装区分"), (6, "適合度")):
        ws.merge_range(2, col, 3, col, title)  # one title over both header rows
    ws.merge_range(4, 2, 6, 2, "課税管理")       # 大分類 over three functions
    ws.merge_range(4, 3, 5, 3, "課税台帳登録")    # 中分類 over two
    ws.write(6, 3, "課税台帳照会")
    ws.merge_range(7, 2, 8, 2, "帳票出力")
    ws.write(7, 3, "納税通知書")
    ws.write(8, 3, "納税通知書")
    rows = [
        ("0050001", "課税台帳の登録", "実装すべき機能", "○"),
        ("0050002", "課税台帳の修正", "実装してもしなくても良い機能", "○"),
        ("0050003", "課税台帳の照会", "実装しない機能", "△"),
        ("0050004", "納税通知書の出力", "実装必須機能", "×"),
        ("0050005", "納税通知書の再発行", "標準オプション機能", ""),
    ]
    for i, (code, name, cls, fit) in enumerate(rows):
        ws.write_string(4 + i, 0, code)
        ws.write_string(4 + i, 1, name)
        ws.write_string(4 + i, 4, f"{name}ができること。")
        ws.write_string(4 + i, 5, cls)
        if fit:
            ws.write_string(4 + i, 6, fit)
    wb.close()
    return path


EXPECTED_MERGED = [
    ("0050001", "課税管理", "課税台帳登録", "mandatory", "○"),
    ("0050002", "課税管理", "課税台帳登録", "optional", "○"),
    ("0050003", "課税管理", "課税台帳照会", "excluded", "△"),
    ("0050004", "帳票出力", "納税通知書", "mandatory", "×"),
    ("0050005", "帳票出力", "納税通知書", "optional", None),
]


def test_merged_cells_are_filled_down_and_the_two_row_header_is_found(tmp_path):
    parsed = parse_file(_merged_xlsx(tmp_path / "merged.xlsx"))
    assert parsed.mapping.header_row == 3  # the lower header row (0-based), rows below it are data
    assert [(r.code, r.level1, r.level2, r.requirement_class, r.fit) for r in parsed.records] == EXPECTED_MERGED
    assert [r.row for r in parsed.records] == [5, 6, 7, 8, 9]


def test_xls_fixture_reads_like_the_xlsx_it_was_made_from(tmp_path):
    """tests/fixtures/merged_list.xls is _merged_xlsx() saved as .xls by LibreOffice."""
    xls = parse_file(FIXTURES / "merged_list.xls")
    xlsx = parse_file(_merged_xlsx(tmp_path / "merged.xlsx"))
    assert [(r.code, r.level1, r.level2, r.requirement_class, r.fit) for r in xls.records] == EXPECTED_MERGED
    assert summary(xls.records) == summary(xlsx.records)


def test_xlsx_and_xls_import_into_the_database(tmp_path, db):
    import_file(db, _merged_xlsx(tmp_path / "merged.xlsx"), business_system="個人住民税")
    import_file(db, FIXTURES / "merged_list.xls", business_system="固定資産税")
    a, b = functions_of(db, "個人住民税"), functions_of(db, "固定資産税")
    assert len(a) == len(b) == 5
    assert [(r.name, r.level1, r.fit) for r in a.values()] == [(r.name, r.level1, r.fit) for r in b.values()]


OLD_AND_NEW_WORDING = [
    ("実装すべき機能", "mandatory"), ("実装必須機能", "mandatory"),
    ("実装してもしなくても良い機能", "optional"), ("実装してもしなくてもよい機能", "optional"),
    ("標準オプション機能", "optional"),
    ("実装しない機能", "excluded"), ("実装不可機能", "excluded"),
    ("実装 すべき 機能", "mandatory"), ("ｵﾌﾟｼｮﾝ", "optional"),
]


def test_old_requirement_wording_maps_to_the_same_three_classes(tmp_path, db):
    rows = [HEADER] + [[f"R{i:03d}", f"機能{i}", "", word, "○"] for i, (word, _) in enumerate(OLD_AND_NEW_WORDING)]
    import_file(db, write_csv(tmp_path / "old.csv", rows, "cp932"), business_system="印鑑登録")
    stored = functions_of(db, "印鑑登録")
    assert [stored[f"R{i:03d}"].requirement_class for i in range(len(OLD_AND_NEW_WORDING))] == [
        cls for _, cls in OLD_AND_NEW_WORDING
    ]


FIT_VARIANTS = [
    ("○", "○"), ("〇", "○"), ("◯", "○"), ("o", "○"), ("O", "○"), ("ｏ", "○"), ("Ｏ", "○"), (" ○ ", "○"),
    ("△", "△"), ("▲", "△"),
    ("×", "×"), ("✕", "×"), ("x", "×"), ("X", "×"), ("ｘ", "×"), ("Ｘ", "×"),
    ("", None), ("　", None),
]


def test_fit_marks_in_full_and_half_width(tmp_path, db):
    rows = [HEADER] + [[f"F{i:03d}", f"機能{i}", "", "", mark] for i, (mark, _) in enumerate(FIT_VARIANTS)]
    import_file(db, write_csv(tmp_path / "fit.csv", rows, "utf-8-sig"), business_system="児童手当")
    stored = functions_of(db, "児童手当")
    assert [stored[f"F{i:03d}"].fit for i in range(len(FIT_VARIANTS))] == [m for _, m in FIT_VARIANTS]


def test_list_without_fit_marks_is_unassessed_and_the_gap_rate_counts_assessed_only(tmp_path, db):
    no_fit = [["機能ID", "機能名", "機能要件"]] + [[f"N{i}", f"機能{i}", "要件"] for i in range(6)]
    import_file(db, write_csv(tmp_path / "nofit.csv", no_fit), business_system="介護保険")
    assessed = [HEADER] + [[f"A{i}", f"機能{i}", "", "", m] for i, m in enumerate("○○○△")]
    import_file(db, write_csv(tmp_path / "fit.csv", assessed), business_system="保育料")
    assert {r.fit for r in functions_of(db, "介護保険").values()} == {None}
    with db.session() as s:
        st = function_ops.fit_stats(s)
    assert (st.total, st.unassessed, st.assessed, st.gaps) == (10, 6, 4, 1)
    assert st.gap_rate == pytest.approx(0.25)  # 1 of 4 assessed, not 1 of 10


def test_a_list_with_nothing_assessed_has_no_gap_rate(tmp_path, db):
    no_fit = [["機能ID", "機能名", "機能要件"]] + [[f"N{i}", f"機能{i}", "要件"] for i in range(3)]
    import_file(db, write_csv(tmp_path / "nofit.csv", no_fit), business_system="介護保険")
    with db.session() as s:
        assert function_ops.fit_stats(s).gap_rate is None


def test_list_without_business_system_column_needs_a_target(tmp_path, db):
    path = write_csv(tmp_path / "list.csv", [HEADER, *BODY])
    with pytest.raises(ImportValidationError) as err:
        import_file(db, path)
    assert "業務の列がありません" in str(err.value)
    assert "--business-system" in str(err.value)
    import_file(db, path, business_system="住民基本台帳")
    assert len(functions_of(db, "住民基本台帳")) == 4


def test_list_with_business_system_column_fills_several_systems(tmp_path, db):
    rows = [["業務", *HEADER],
            ["住民基本台帳", "1", "住民票の交付", "", "", "○"],
            ["印鑑登録", "1", "印鑑登録証の交付", "", "", "○"],
            ["印鑑登録", "2", "印鑑の廃止", "", "", "△"]]
    import_file(db, write_csv(tmp_path / "multi.csv", rows))
    assert list(functions_of(db, "住民基本台帳")) == ["1"]
    assert list(functions_of(db, "印鑑登録")) == ["1", "2"]


ODD_HEADER = [["項番", "名称", "内容説明", "評価"],
              ["K-1", "窓口での証明書交付", "証明書を交付できること。", "○"],
              ["K-2", "コンビニ交付", "コンビニで交付できること。", "×"]]


@pytest.mark.parametrize(
    "options",
    [
        {"code": "A", "name": "B", "requirement": "C", "fit": "D"},
        {"code": "a", "name": "b", "requirement": "c", "fit": "d"},
        {"code": "1", "name": "2", "requirement": "3", "fit": "4"},
        {"code": "項番", "name": "名称", "requirement": "内容説明", "fit": "評価"},
        {"code": "A", "name": "2", "requirement": "内容説明", "fit": "D"},
    ],
    ids=["letters", "lowercase-letters", "numbers", "header-text", "mixed"],
)
def test_map_field_to_column_by_letter_number_and_header_text(tmp_path, options):
    path = write_xlsx(tmp_path / "odd.xlsx", ODD_HEADER)
    with pytest.raises(ImportValidationError):  # nothing recognisable without a mapping
        parse_file(path)
    parsed = parse_file(path, options=options, header_row=1)
    assert [(r.code, r.name, r.requirement, r.fit) for r in parsed.records] == [
        ("K-1", "窓口での証明書交付", "証明書を交付できること。", "○"),
        ("K-2", "コンビニ交付", "コンビニで交付できること。", "×"),
    ]


def test_map_overrides_a_wrong_guess(tmp_path):
    # 要件 is guessed as the requirement, but in this file 備考 holds it.
    rows = [["機能ID", "機能名", "要件", "備考", "適合度"], ["1", "交付", "（旧）", "交付できること。", "○"]]
    parsed = parse_file(write_csv(tmp_path / "l.csv", rows), options={"requirement": "D"})
    assert parsed.records[0].requirement == "交付できること。"
    assert parsed.records[0].fit == "○"


def test_map_to_a_column_that_does_not_exist_names_it(tmp_path):
    path = write_csv(tmp_path / "l.csv", [HEADER, *BODY])
    with pytest.raises(ImportValidationError) as err:
        parse_file(path, options={"requirement": "説明文"})
    assert "列「説明文」が見つかりません" in str(err.value)
    with pytest.raises(ImportValidationError) as err:
        parse_file(path, options={"color": "A"})
    assert "項目名「color」は使えません" in str(err.value)


def test_numbers_in_spreadsheet_cells_read_as_the_user_sees_them(tmp_path):
    rows = [HEADER, [1001, "機能", "", "", "○"], [1002.0, "機能2", "", "", "○"]]
    parsed = parse_file(write_xlsx(tmp_path / "n.xlsx", rows))
    assert [r.code for r in parsed.records] == ["1001", "1002"]


def test_guess_mapping_finds_nothing_in_a_list_without_a_header(tmp_path):
    table = read_table(write_csv(tmp_path / "l.csv", BODY))
    assert guess_mapping(table) is None


# --- property: any Japanese text survives a CSV round trip through every encoding that can hold it

import unicodedata  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cloudsuppress.importers.function_list import header_field  # noqa: E402


def _stable(ch: str) -> bool:
    # Characters NFKC leaves alone, so the expected value does not depend on whether a field
    # is normalised (codes, marks) or kept as written (free text).
    return unicodedata.normalize("NFKC", ch) == ch


_JAPANESE = st.one_of(
    st.characters(min_codepoint=0x3041, max_codepoint=0x3096),  # hiragana
    st.characters(min_codepoint=0x30A1, max_codepoint=0x30FA),  # katakana
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    st.sampled_from("、。「」・（）〇髙﨑—～￥"),
    st.characters(min_codepoint=0x21, max_codepoint=0x7E),
    st.sampled_from(", \"\n\r\t"),
).filter(_stable)
_FIELD = st.text(_JAPANESE, min_size=0, max_size=40)


def _expected(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _ok(value: str) -> bool:
    v = _expected(value)
    return not v.startswith("=") and header_field(v) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(_FIELD.filter(lambda v: _expected(v) != "" and _ok(v)), _FIELD.filter(_ok)),
        min_size=1, max_size=8,
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
)
def test_csv_round_trip_of_japanese_text(tmp_path, rows, encoding):
    if encoding == "cp932":
        try:
            "".join(a + b for a, b in rows).encode("cp932")
        except UnicodeEncodeError:
            encoding = "utf-8-sig"  # Shift_JIS cannot hold it; Excel would save it as UTF-8
    data = [["機能ID", "機能名", "機能要件"]] + [[f"ID{i}", name, req] for i, (name, req) in enumerate(rows)]
    path = write_csv(tmp_path / "prop.csv", data, encoding)
    parsed = parse_file(path)
    assert [(r.code, r.name, r.requirement) for r in parsed.records] == [
        (f"ID{i}", _expected(name), _expected(req) or None) for i, (name, req) in enumerate(rows)
    ]


def test_tabs_inside_quoted_csv_fields_do_not_make_it_a_tsv(tmp_path):
    # Text pasted from Excel keeps its tabs; the file is still comma-separated.
    steps = "\t".join(["手順:", "受付", "審査", "入力", "交付", "保存", "通知", "照会", "訂正", "削除", "出力"])
    rows = [HEADER, ["1", "転入届の受付", steps, "", "○"]]
    parsed = parse_file(write_csv(tmp_path / "tabs.csv", rows))
    assert parsed.records[0].requirement == steps
    assert parsed.records[0].fit == "○"


def test_commas_inside_quoted_tsv_fields_do_not_make_it_a_csv(tmp_path):
    text = "機能ID\t機能名\t機能要件\t適合度\r\n" + '1\t交付\t"住民票, 戸籍, 附票, 印鑑, 税, 証明, 届出, 照会"\t○\r\n'
    path = tmp_path / "list.txt"
    path.write_text(text, encoding="cp932")
    parsed = parse_file(path)
    assert parsed.records[0].requirement == "住民票, 戸籍, 附票, 印鑑, 税, 証明, 届出, 照会"


@pytest.mark.parametrize("header_row", [0, -1, 99])
def test_header_row_outside_the_sheet_is_refused(tmp_path, header_row):
    # Row 0 used to make the header itself a function: 機能ID / 機能名 imported as data.
    path = write_csv(tmp_path / "l.csv", [HEADER, *BODY])
    with pytest.raises(ImportValidationError) as err:
        parse_file(path, options={"code": "A", "name": "B"}, header_row=header_row)
    assert f"見出し行の行番号 {header_row} は 1〜5 の範囲" in str(err.value)
