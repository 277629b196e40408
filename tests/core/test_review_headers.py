"""Review R12/R13 (helper r): a header with a footnote marker or a legend in brackets
(「適合度（○△×）」「適合度※1」「機能ID(7桁)」), and the fit column's other names (パッケージ適合度,
判定結果, Fit/Gap), are read as the field they name; a column of fit marks under a header not
understood stops the import naming the column, never leaves every function 未評価 silently."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.detect import ImportOverrides, detect_function_list
from cloudsuppress.importers.tabular import read_workbook
from cloudsuppress.ops.function_import import parse_detected
from cloudsuppress.wording import CLI, GUI, set_audience


def _book(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


ROWS = [["0010001", "住民基本台帳", "住民票の写しの交付", "○"],
        ["0010002", "住民基本台帳", "転入届の受付", "△"],
        ["0010003", "住民基本台帳", "世帯変更届", "×"]]


@pytest.mark.parametrize("fit_header", ["適合度（○△×）", "適合度※1", "適合度(○/△/×)", "対応可否（○△×）",
                                        "パッケージ適合度", "判定結果", "Fit/Gap", "適合度 *2"])
def test_fit_header_with_legend_or_other_name_is_the_fit(tmp_path, fit_header):
    path = _book(tmp_path / "l.xlsx", ["機能ID", "業務", "機能名", fit_header], ROWS)
    det = detect_function_list(read_workbook(path))
    assert det.functions is not None
    assert det.functions.mapping.get("fit") == 3, det.functions.describe()
    parsed = parse_detected(read_workbook(path), det)
    assert [r.fit for r in parsed.records] == ["○", "△", "×"]


@pytest.mark.parametrize("id_header,name_header", [("機能ID(7桁)", "機能名（帳票名）"), ("機能番号（7桁）", "機能名"),
                                                   ("機能ID※1", "機能名※2")])
def test_id_and_name_headers_with_legend(tmp_path, id_header, name_header):
    path = _book(tmp_path / "l.xlsx", [id_header, "業務", name_header, "適合度"], ROWS)
    det = detect_function_list(read_workbook(path))
    assert not det.problems
    assert det.functions is not None and det.functions.mapping["code"] == 0 and det.functions.mapping["name"] == 2
    parsed = parse_detected(read_workbook(path), det)
    assert [r.code for r in parsed.records] == ["0010001", "0010002", "0010003"]


@pytest.fixture
def gui_words():
    set_audience(GUI)
    yield
    set_audience(CLI)


def test_unmapped_column_of_fit_marks_stops_the_import_naming_it(tmp_path):
    path = _book(tmp_path / "l.xlsx", ["機能ID", "業務", "機能名", "ベンダーの見解"], ROWS)
    det = detect_function_list(read_workbook(path))
    assert det.functions is not None and "fit" not in det.functions.mapping
    with pytest.raises(ImportValidationError) as err:
        parse_detected(read_workbook(path), det)
    text = str(err.value)
    assert "D列「ベンダーの見解」の値は適合度のようです" in text
    assert "--map fit=D" in text and "--map ignore=D" in text
    # The user's answer (map it, or leave it out) is honoured.
    det = detect_function_list(read_workbook(path), ImportOverrides(sheet="機能一覧", columns={3: "fit"}))
    assert [r.fit for r in parse_detected(read_workbook(path), det).records] == ["○", "△", "×"]
    det = detect_function_list(read_workbook(path), ImportOverrides(sheet="機能一覧", columns={3: None}))
    assert [r.fit for r in parse_detected(read_workbook(path), det).records] == [None, None, None]


def test_unmapped_fit_column_in_gui_words(tmp_path, gui_words):
    path = _book(tmp_path / "l.xlsx", ["機能ID", "業務", "機能名", "ベンダーの見解"], ROWS)
    with pytest.raises(ImportValidationError) as err:
        parse_detected(read_workbook(path), detect_function_list(read_workbook(path)))
    text = str(err.value)
    assert "適合度のようです" in text and "「列の対応」" in text and "--" not in text


def test_a_flag_column_of_one_mark_is_not_taken_for_fit(tmp_path):
    rows = [[*r[:3], "○"] for r in ROWS]
    path = _book(tmp_path / "l.xlsx", ["機能ID", "業務", "機能名", "印"], rows)
    det = detect_function_list(read_workbook(path))
    parse_detected(read_workbook(path), det)  # not refused


def test_header_row_without_an_id_column_is_named(tmp_path):
    path = _book(tmp_path / "l.xlsx", ["管理記号", "業務", "機能名", "適合度"], ROWS)
    det = detect_function_list(read_workbook(path))
    with pytest.raises(ImportValidationError) as err:
        parse_detected(read_workbook(path), det)
    text = str(err.value)
    assert "見出し行が見つかりません" not in text
    assert "必須の列「機能ID」が見つかりません（1行目の見出し: 管理記号、業務、機能名、適合度）" in text
    assert "--map code=" in text


def test_near_header_without_id_is_named(tmp_path):
    path = _book(tmp_path / "l.xlsx", ["管理記号", "機能名", "適合度"], [[r[0], r[2], r[3]] for r in ROWS])
    det = detect_function_list(read_workbook(path))
    text = "\n".join(det.problems)
    assert "見出し行が見つかりません" not in text
    assert "機能IDの列が見つかりません（シート「機能一覧」の1行目の見出し: 管理記号、機能名、適合度）" in text


def test_empty_workbook_says_it_is_empty(tmp_path, gui_words):
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet"
    wb.save(tmp_path / "e.xlsx")
    det = detect_function_list(read_workbook(tmp_path / "e.xlsx"))
    assert det.problems == ("シート「Sheet」には何も入力されていません。",)
