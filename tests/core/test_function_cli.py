"""Issue 12 on the command line: the detection printed by --dry-run (and its JSON), `functions list`,
--system-map, the member's pre-filled request workbook from its Fit&Gap judgements and its round
trip, and `structure rename-system` / `remove-system`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cloudsuppress.cli import main

from .real_layouts import fit_gap, ministry_annex, vendor_answer


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbfile(tmp_path, capsys) -> Path:
    path = tmp_path / "c.sqlite"
    assert main(["--db", str(path), "init", "--name", "テスト協議会"]) == 0
    members = tmp_path / "m.csv"
    members.write_text("団体名,人口\n那珂市,55827\n常陸大宮市,42963\n", encoding="utf-8")
    assert main(["--db", str(path), "members", "import", str(members)]) == 0
    capsys.readouterr()
    return path


def test_dry_run_prints_what_was_detected_and_changes_nothing(dbfile, tmp_path, capsys):
    annex = ministry_annex(tmp_path / "annex.xlsx")
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険", "--dry-run")
    assert (code, err) == (0, "")
    for line in ("シート: 表紙、機能要件（取り込む）、帳票要件（取り込む）", "見出し行: 4行目〜5行目",
                 "A列「機能ID」→ 機能ID", "B列「機能分類 / 大項目」→ 大分類", "H列「前版からの改定 / 改定区分」→ 改定区分",
                 "12行目を除外（注記）: ※1 機能IDは", "A列「帳票ID」→ 帳票ID",
                 "介護保険: 追加 8 件、変更 0 件、削除 0 件、変更なし 0 件（うち欠番 2 件）（帳票 3 件を含む）"):
        assert line in out, line
    code, out, _ = run(capsys, "--db", dbfile, "functions", "list", "--json")
    assert json.loads(out) == []
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険",
                         "--dry-run", "--json")
    data = json.loads(out)
    assert data["plan"]["business_systems"] == [{"business_system": "介護保険", "added": 8, "changed": 0, "removed": 0,
                                                 "retired": 2, "unchanged": 0, "functions": 4, "forms": 3}]
    assert data["detection"]["functions"]["header_rows"] == [4, 5]
    assert [i["row"] for i in data["detection"]["functions"]["ignored"]] == [12, 13]


def test_functions_list_gives_kind_and_retired_per_entry(dbfile, tmp_path, capsys):
    annex = ministry_annex(tmp_path / "annex.xlsx")
    assert run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険")[0] == 0
    code, out, err = run(capsys, "--db", dbfile, "functions", "list", "--business-system", "介護保険", "--json")
    assert (code, err) == (0, "")
    entries = [(e["kind"], e["code"], e["retired"], e["requirement_class"]) for e in json.loads(out)]
    assert entries == [
        ("function", "0230001", False, "mandatory"), ("function", "0230002", False, "mandatory"),
        ("function", "0230003", True, None), ("function", "0230265", False, "optional"),
        ("function", "0230266", False, "excluded"),
        ("form", "0230001", False, "mandatory"), ("form", "0230002", False, "optional"), ("form", "0230003", True, None),
    ]
    first = json.loads(out)[0]
    assert {"code", "name", "business_system", "fit", "kind", "retired", "requirement_class"} <= set(first)
    code, out, _ = run(capsys, "--db", dbfile, "summary", "--json")
    f = json.loads(out)["functions"]
    assert (f["total"], f["forms"], f["retired"]) == (4, 2, 2)


def test_system_map_steers_an_unknown_business_name(dbfile, tmp_path, capsys):
    # (ｼﾞｭｳｷ itself is now known: kana readings are in the synonym table, review R6.)
    wb = Workbook()
    ws = wb.active
    ws.append(["業務名", "機能ID", "機能名", "適合度"])
    ws.append(["ｼﾞｭｳﾐﾝ", "0010001", "住民票の写しの交付", "〇"])
    ws.append(["ｼﾞｭｳﾐﾝ", "0010002", "転入届の受付", "△"])
    wb.save(tmp_path / "l.xlsx")
    code, _, err = run(capsys, "--db", dbfile, "functions", "import", tmp_path / "l.xlsx")
    assert code == 1 and err.count("ｼﾞｭｳﾐﾝ」が登録されていません（2 行、最初は 2 行目）") == 1
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", tmp_path / "l.xlsx", "--system-map", "ｼﾞｭｳﾐﾝ=住民基本台帳")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--db", dbfile, "functions", "list", "--business-system", "住民記録", "--json")
    assert [(e["code"], e["fit"]) for e in json.loads(out)] == [("0010001", "○"), ("0010002", "△")]


def test_a_members_gaps_become_its_prefilled_request_workbook_and_come_back(dbfile, tmp_path, capsys):
    assert run(capsys, "--db", dbfile, "functions", "import", fit_gap(tmp_path / "fg.xlsx"))[0] == 0
    out_file = tmp_path / "要望票_常陸大宮市.xlsx"
    code, out, err = run(capsys, "--db", dbfile, "requests", "export-template", "--member", "常陸大宮市", "--out", out_file,
                         "--from-judgements")
    assert (code, err) == (0, "") and "△・× の 2 件を記入済み" in out
    wb = load_workbook(out_file)
    ws = wb["要望"]
    head = [c.value for c in ws[4]]
    rows = [[c.value for c in ws[r]] for r in (5, 6, 7)]
    col = {h: i for i, h in enumerate(head)}
    assert [(r[col["機能ID"]], r[col["要望名"]], r[col["要望内容"]]) for r in rows[:2]] == [
        ("0010003", "外字の印字", "独自の外字を約200字登録している"),
        ("0010004", "除票の照会", "照会画面に続柄を表示したい"),
    ]
    assert rows[2][col["機能ID"]] is None and rows[2][col["団体名"]] == "常陸大宮市"
    # Sent back as it is, the mandatory answers are missing: refused, nothing imported.
    code, _, err = run(capsys, "--db", dbfile, "requests", "import", out_file)
    assert code == 1 and "理由区分が空です" in err
    for r in (5, 6):
        ws.cell(r, col["理由区分"] + 1, "自治体独自施策")
        ws.cell(r, col["住民サービス低下"] + 1, "低下する")
        ws.cell(r, col["低下の内容"] + 1, "窓口の待ち時間が延びる")
    wb.save(out_file)
    code, out, err = run(capsys, "--db", dbfile, "requests", "import", out_file)
    assert (code, err) == (0, ""), err
    code, out, _ = run(capsys, "--db", dbfile, "requests", "list", "--json")
    assert sorted((i["function_code"], tuple(i["members"])) for i in json.loads(out)) == [
        ("0010003", ("常陸大宮市",)), ("0010004", ("常陸大宮市",))]


def test_a_retired_id_is_not_offered_nor_accepted_for_a_new_request(dbfile, tmp_path, capsys):
    assert run(capsys, "--db", dbfile, "functions", "import", ministry_annex(tmp_path / "a.xlsx"),
               "--business-system", "介護保険")[0] == 0
    out_file = tmp_path / "t.xlsx"
    assert run(capsys, "--db", dbfile, "requests", "export-template", "--member", "那珂市", "--out", out_file)[0] == 0
    listed = [c.value for c in load_workbook(out_file)["機能一覧"]["A"]][1:]
    assert "0230001" in listed and "0230003" not in listed
    req = tmp_path / "r.csv"
    req.write_text("団体名,機能ID,要望名,要望内容,理由区分,住民サービス低下,低下の内容\n"
                   "那珂市,0230003,死亡,死亡の一括処理,自治体独自施策,低下しない,件数が多い\n"
                   "那珂市,帳票:0230002,資格者証,様式の変更,自治体独自施策,低下しない,様式を変えたい\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", dbfile, "requests", "import", req)
    assert code == 1 and "0230003」は欠番" in err and "0230002" not in err


def test_structure_rename_and_remove_a_business_system(dbfile, tmp_path, capsys):
    assert run(capsys, "--db", dbfile, "functions", "import", vendor_answer(tmp_path / "v.xlsx"),
               "--business-system", "住民基本台帳")[0] == 0
    code, _, err = run(capsys, "--db", dbfile, "structure", "remove-system", "住民基本台帳")
    assert code == 1 and "業務「住民基本台帳」は削除できません" in err and "機能 5 件" in err
    code, out, err = run(capsys, "--db", dbfile, "structure", "rename-system", "住民基本台帳", "住民記録")
    assert (code, err) == (0, "") and "「住民記録」に名称変更しました" in out
    code, out, err = run(capsys, "--db", dbfile, "structure", "remove-system", "裁判員制度")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--db", dbfile, "structure", "list", "--json")
    names = [s["name"] for sub in json.loads(out) for s in sub["systems"]]
    assert "住民記録" in names and "住民基本台帳" not in names and "裁判員制度" not in names
    assert run(capsys, "--db", dbfile, "undo")[0] == 0
    code, out, _ = run(capsys, "--db", dbfile, "structure", "list", "--json")
    assert "裁判員制度" in [s["name"] for sub in json.loads(out) for s in sub["systems"]]


def test_summary_text_counts_forms_and_retired_apart(dbfile, tmp_path, capsys):
    assert run(capsys, "--db", dbfile, "functions", "import", ministry_annex(tmp_path / "a.xlsx"),
               "--business-system", "介護保険")[0] == 0
    code, out, _ = run(capsys, "--db", dbfile, "summary")
    assert "機能数: 4（○ 0 / △ 0 / × 0 / 未評価 4）、ほかに帳票 2、欠番 2" in out


def test_sheet_header_rows_form_sheet_and_ignore_options_steer_the_import(dbfile, tmp_path, capsys):
    annex = ministry_annex(tmp_path / "annex.xlsx")
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険",
                         "--sheet", "機能要件", "--header-row", "4-5", "--form-sheet", "none", "--map", "ignore=G",
                         "--map", "name=D", "--dry-run", "--json")
    assert (code, err) == (0, ""), err
    data = json.loads(out)
    det = data["detection"]
    assert det["forms"] is None and det["functions"]["header_rows"] == [4, 5]
    fields = {c["column"]: c["field"] for c in det["functions"]["columns"]}
    assert fields["G"] is None and fields["D"] == "name" and fields["E"] == "requirement"
    assert data["plan"]["business_systems"][0]["forms"] == 0
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--business-system", "介護保険",
                         "--header-row", "3-5")
    assert code == 1 and "--header-row は 3 または 4-5" in err
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", annex, "--sheet", "ない")
    assert code == 1 and "シート「ない」がありません（あるシート: 表紙、機能要件、帳票要件）" in err


def test_a_list_with_no_and_function_number_imports_the_function_number_on_the_cli(dbfile, tmp_path, capsys):
    wb = Workbook()
    ws = wb.active
    ws.append(["No.", "機能番号", "機能名", "適合度"])
    for i, (code, name) in enumerate((("0010001", "住民票の写しの交付"), ("0010002", "転入届の受付")), start=1):
        ws.append([i, int(code), name, "○"])
        ws.cell(i + 1, 2).number_format = "0000000"
    wb.save(tmp_path / "no.xlsx")
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", tmp_path / "no.xlsx", "--business-system", "住民記録")
    assert (code, err) == (0, ""), err
    code, out, _ = run(capsys, "--db", dbfile, "functions", "list", "--json")
    assert [e["code"] for e in json.loads(out)] == ["0010001", "0010002"]


def test_an_applied_import_names_what_it_removed_and_retired(dbfile, tmp_path, capsys):
    """Walk O2: a Fit&Gap sheet of part of a list removes the functions it does not list; `--yes` said only
    「3 件の機能を取り込みました」. The functions removed and the IDs retired are named after the apply
    (count and the first IDs), and by --dry-run before it."""
    whole = tmp_path / "whole.csv"
    whole.write_text("機能ID,機能名,機能要件,実装区分\n" + "".join(
        f"00100{i:02d},機能{i},要件{i},実装必須機能\n" for i in range(1, 11)), encoding="utf-8")
    assert run(capsys, "--db", dbfile, "functions", "import", whole, "--business-system", "住民基本台帳")[0] == 0
    part = tmp_path / "part.csv"
    part.write_text("機能ID,機能名,機能要件,実装区分\n0010001,機能1,要件1,実装必須機能\n0010002,（削除）,,\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "--db", dbfile, "functions", "import", part, "--business-system", "住民基本台帳", "--dry-run")
    assert code == 0
    assert ("住民基本台帳: 削除する機能 8 件（0010003、0010004、0010005、0010006、0010007 ほか 3 件）、"
            "欠番にする ID 1 件（0010002）") in out.splitlines()
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", part, "--business-system", "住民基本台帳", "--yes")
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "機能 1 件、欠番 1 件を取り込みました。",
        "住民基本台帳: 削除した機能 8 件（0010003、0010004、0010005、0010006、0010007 ほか 3 件）、欠番にした ID 1 件（0010002）"]
