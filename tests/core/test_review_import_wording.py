"""Review of the function-list import's wording: a form (帳票) named as one where it shares its ID with a
function, what was imported counted apart (機能 / 帳票 / 欠番), --dry-run's other candidates only where
they are real, a percentage cell taken as Excel shows it, and a hidden ID candidate said to be hidden."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl import load_workbook

from cloudsuppress.cli import main
from cloudsuppress.importers.xlsx_parts import format_number

from .conftest import parse_file
from .real_layouts import ministry_annex
from .test_cli import run

SYSTEM = "住民基本台帳"


@pytest.fixture
def dbfile(tmp_path, capsys) -> Path:
    path = tmp_path / "c.sqlite"
    assert main(["--db", str(path), "init", "--name", "テスト協議会"]) == 0
    capsys.readouterr()
    return path


def _book(path: Path, header: list[str], rows: list[list[object]], *, hidden: str | None = None,
          formats: dict[tuple[int, int], str] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for (r, c), fmt in (formats or {}).items():
        ws.cell(r, c).number_format = fmt
    if hidden:
        ws.column_dimensions[hidden].hidden = True
    wb.save(path)
    return path


def test_a_form_sharing_its_id_with_a_function_is_named_as_a_form(dbfile, tmp_path, capsys):
    annex = ministry_annex(tmp_path / "annex.xlsx")  # 0230003 is retired both as a function and as a form
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険", "--dry-run")
    assert (code, err) == (0, "")
    assert "介護保険: 欠番にする ID 2 件（0230003、帳票 0230003）" in out
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険")
    assert (code, err) == (0, "")
    assert "介護保険: 欠番にした ID 2 件（0230003、帳票 0230003）" in out
    # A changed form is listed as 帳票 too (the function 0230001 is unchanged).
    wb = load_workbook(annex)
    wb["帳票要件"]["B4"] = "介護保険被保険者証（新様式）"
    wb.save(annex)
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険", "--dry-run")
    assert (code, err) == (0, "")
    assert "  帳票 0230001 介護保険被保険者証（新様式）: 機能名" in out


def test_what_was_imported_is_counted_apart(dbfile, tmp_path, capsys):
    annex = ministry_annex(tmp_path / "annex.xlsx")  # 4 live functions, 2 live forms, 2 retired IDs
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険")
    assert (code, err) == (0, "")
    assert "機能 4 件、帳票 2 件、欠番 2 件を取り込みました。" in out
    assert "件の機能を取り込みました" not in out
    plain = _book(tmp_path / "plain.xlsx", ["機能ID", "業務", "機能名", "適合度"],
                  [["0010001", SYSTEM, "転入届の受付", "○"], ["0010002", SYSTEM, "転出届の受付", "△"]])
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", plain)
    assert (code, err) == (0, "")
    assert "機能 2 件を取り込みました。" in out
    assert "帳票" not in out and "欠番" not in out


def test_dry_run_names_other_candidates_only_where_they_are_real(dbfile, tmp_path, capsys):
    annex = ministry_annex(tmp_path / "annex.xlsx")
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険", "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "    A列「機能ID」→ 機能ID" in lines  # an ID column is never a running number
    assert "    A列「帳票ID」→ 帳票ID" in lines
    assert "    E列「機能要件」→ 機能要件（他の候補: 機能名）" in lines  # a real choice stays
    both = _book(tmp_path / "both.xlsx", ["No.", "機能ID", "業務", "機能名", "適合度"],
                 [[1, "0010001", SYSTEM, "転入届の受付", "○"], [2, "0010002", SYSTEM, "転出届の受付", "△"]])
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", both, "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "    A列「No.」→ No.（通番）（他の候補: 機能ID）" in lines  # No. could be the ID: said
    assert "    B列「機能ID」→ 機能ID" in lines


@pytest.mark.parametrize("value,code,shown", [(0.5, "0%", "50%"), (0.5, "0.0%", "50.0%"), (0.125, "0%", "13%"),
                                              (0.005, "0.0%", "0.5%"), (1, "0%", "100%"), (0.3333, "0.00%", "33.33%"),
                                              (12.345, "#,##0%", "1,235%")])
def test_percentages_as_shown(value, code, shown):
    assert format_number(value, code) == shown


def test_a_percentage_cell_in_a_text_column_is_read_as_shown(tmp_path):
    path = _book(tmp_path / "p.xlsx", ["機能ID", "業務", "機能名", "機能要件", "適合度"],
                 [["0010001", SYSTEM, "収納率の表示", 0.5, "○"], ["0010002", SYSTEM, "還付率の表示", 0.125, "○"]],
                 formats={(2, 4): "0%", (3, 4): "0.0%"})
    parsed = parse_file(path)
    assert [r.requirement for r in parsed.records] == ["50%", "12.5%"]


def test_a_hidden_id_candidate_is_said_to_be_hidden(dbfile, tmp_path, capsys):
    rows = [[f"01{n:05d}", f"R{n:04d}", SYSTEM, f"転入届の受付（{n}）", "○"] for n in range(12)]
    path = _book(tmp_path / "h.xlsx", ["機能ID", "要件ID", "業務", "機能名", "適合度"], rows, hidden="B")
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", path, "--yes")
    assert code != 0
    assert "A列「機能ID」とB列「要件ID」（非表示の列）" in out + err
    shown = _book(tmp_path / "s.xlsx", ["機能ID", "要件ID", "業務", "機能名", "適合度"], rows)
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", shown, "--yes")
    assert code != 0
    assert "A列「機能ID」とB列「要件ID」。" in out + err and "非表示" not in out + err
