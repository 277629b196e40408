"""Issue 12 (review): the cost column's unit (千円 read from its header) and the blank-answer rule (a
sheet note 「空欄の場合は「×」とみなします」) are detections the user can change, in the core
(``ImportOverrides.cost_unit`` / ``blank_fit``) and on the CLI (``--cost-unit``, ``--blank-fit``)."""
from __future__ import annotations

import json

import pytest

from cloudsuppress.cli import main
from cloudsuppress.importers.detect import ImportOverrides
from cloudsuppress.importers.tabular import read_workbook
from cloudsuppress.ops.function_import import preview_function_import

from .real_layouts import vendor_answer


def _preview(db, path, **overrides):
    book = read_workbook(path)
    with db.session() as s:
        return preview_function_import(s, book, ImportOverrides(business_system="住民基本台帳", **overrides))


def _by_code(preview):
    return {r.code: r for r in preview.parsed.records}


def test_the_cost_unit_and_the_blank_rule_are_detected_and_can_be_changed(db, tmp_path):
    path = vendor_answer(tmp_path / "回答書.xlsx")
    detected = _preview(db, path)
    det = detected.detection.functions
    assert (det.cost_unit, det.detected_cost_unit, det.blank_fit, det.detected_blank_fit) == (1000, 1000, "×", "×")
    assert det.blank_fit_cells == 1  # row 4 has no answer
    rows = _by_code(detected)
    assert rows["2"].vendor_cost == 1_200_000 and rows["4"].fit == "×"

    steered = _preview(db, path, cost_unit=1, blank_fit="")
    det = steered.detection.functions
    assert (det.cost_unit, det.detected_cost_unit, det.blank_fit, det.detected_blank_fit) == (1, 1000, None, "×")
    rows = _by_code(steered)
    assert rows["2"].vendor_cost == 1200 and rows["4"].fit is None
    text = steered.detection.describe()
    assert "費用の単位: 円（指定による。見出しは千円）" in text
    assert "空欄の適合度 → 未評価（指定による。3行目の注記は「×」）" in text
    assert steered.plan.counts() == detected.plan.counts()  # both add the five rows


def test_a_sheet_without_a_note_can_read_blanks_as_cross(db, tmp_path):
    path = vendor_answer(tmp_path / "回答書.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["A3"] = None
    wb.save(path)
    plain = _preview(db, path)
    assert plain.detection.functions.blank_fit is None and _by_code(plain)["4"].fit is None
    crossed = _preview(db, path, blank_fit="×")
    assert crossed.detection.functions.blank_fit == "×" and _by_code(crossed)["4"].fit == "×"
    assert "空欄の適合度 → ×（指定による）" in crossed.detection.describe()


def test_cli_cost_unit_and_blank_fit_options(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    path = str(vendor_answer(tmp_path / "回答書.xlsx"))
    capsys.readouterr()
    args = ["--db", str(db), "functions", "import", path, "--business-system", "住民基本台帳"]
    assert main([*args, "--dry-run", "--json", "--cost-unit", "yen", "--blank-fit", "unassessed"]) == 0
    det = json.loads(capsys.readouterr().out)["detection"]["functions"]
    assert (det["cost_unit"], det["blank_fit"], det["blank_fit_cells"]) == (1, None, 1)
    assert main([*args, "--cost-unit", "yen", "--blank-fit", "unassessed"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "functions", "list", "--json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["2"]["vendor_cost"] == 1200 and rows["4"]["fit"] is None
    assert main([*args, "--cost-unit", "thousand", "--blank-fit", "x", "--yes"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "functions", "list", "--json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["2"]["vendor_cost"] == 1_200_000 and rows["4"]["fit"] == "×"
    with pytest.raises(SystemExit):
        main([*args, "--dry-run", "--cost-unit", "pounds"])
    assert "指定できる値: yen、thousand" in capsys.readouterr().err


def test_the_cost_units_source_is_one_rule_for_the_cli_and_the_dialog(db, tmp_path):
    """``Detection.cost_unit_source`` decides what the CLI's detection and the import dialog say about the
    unit: the header's 千円, the user's choice against it, or nothing for yen as written."""
    path = vendor_answer(tmp_path / "回答書.xlsx")
    assert _preview(db, path).detection.functions.cost_unit_source == "header"
    assert _preview(db, path, cost_unit=1).detection.functions.cost_unit_source == "choice"
    assert _preview(db, path, cost_unit=1000).detection.functions.cost_unit_source == "header"
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    header = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "千円" in c.value)
    header.value = header.value.replace("（千円）", "").replace("(千円)", "").replace("千円", "")
    wb.save(path)
    plain = _preview(db, path).detection.functions
    assert (plain.detected_cost_unit, plain.cost_unit_source) == (1, None)
    chosen = _preview(db, path, cost_unit=1000).detection.functions
    assert chosen.cost_unit_source == "choice"
    assert "費用の単位: 千円（円に換算して取り込みます）（指定による）" in "\n".join(chosen.describe())
