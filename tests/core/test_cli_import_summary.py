"""The CLI prints an import's problems as the GUI lists them: the same problem on many rows (a 業務
misspelled on every row of a member's workbook) is one line naming the rows, not one line per row
(``errors.summarize_issues``), for the functions, requests and members imports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from cloudsuppress.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def xlsx(path: Path, header: list[str], rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "要望"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def dbfile(tmp_path, capsys) -> Path:
    path = tmp_path / "c.sqlite"
    assert main(["--db", str(path), "init", "--name", "テスト協議会"]) == 0
    members = tmp_path / "m.csv"
    members.write_text("団体名,人口\n那珂市,55827\n", encoding="utf-8")
    assert main(["--db", str(path), "members", "import", str(members)]) == 0
    capsys.readouterr()
    return path


def test_fifty_requests_with_the_same_unknown_business_system_give_one_line(dbfile, tmp_path, capsys):
    book = xlsx(tmp_path / "那珂市要望.xlsx",
                ["団体名", "業務", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容"],
                [["那珂市", "住民記録X", f"新機能{i}", "窓口で証明書を即日交付したい", "自治体独自施策", "あり",
                  "来庁者の待ち時間が延びる"] for i in range(1, 51)])
    code, out, err = run(capsys, "--db", dbfile, "requests", "import", book)
    assert (code, out) == (1, "")
    assert err == ("エラー: 取り込みを中止しました（50 件の問題）。データベースは変更していません。\n"
                   "那珂市要望.xlsx シート「要望」 2〜51行目（50 行） B列（業務）: 業務「住民記録X」は登録されていません。\n")


def test_the_same_bad_fit_mark_on_every_row_of_a_function_list_is_one_line(dbfile, tmp_path, capsys):
    book = xlsx(tmp_path / "機能一覧.xlsx", ["機能ID", "機能名", "機能要件", "実装区分", "適合度"],
                [[f"00{i:05d}", f"機能{i}", "住民票の写しを交付できること。", "実装必須機能", "◎"] for i in range(1, 51)]
                + [["0010051", "機能51", "交付できること。", "実装必須機能", "■"]])
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", book, "--business-system", "住民基本台帳")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "エラー: 取り込みを中止しました（51 件の問題）。データベースは変更していません。"
    assert len(lines) == 3, err
    assert lines[1].startswith("機能一覧.xlsx シート「要望」 2〜51行目（50 行） E列（適合度）: 適合度「◎」を読み取れません")
    assert lines[2].startswith("機能一覧.xlsx シート「要望」 52行目 E列（適合度）: 適合度「■」を読み取れません")
    code, out, err = run(capsys, "--db", dbfile, "functions", "import", book, "--business-system", "住民基本台帳",
                         "--dry-run", "--json")

    assert code == 1
    assert [i[:40] for i in json.loads(out)["issues"]] == [lines[1][:40], lines[2][:40]]


def test_more_rows_than_the_listing_limit_still_collapse_into_one_line(dbfile, tmp_path, capsys):
    book = xlsx(tmp_path / "団体.xlsx", ["団体名", "人口"], [[f"町{i}", "abc"] for i in range(1, 251)])
    code, out, err = run(capsys, "--db", dbfile, "members", "import", book)
    assert code == 1
    assert err == ("エラー: 取り込みを中止しました（250 件の問題）。データベースは変更していません。\n"
                   "団体.xlsx シート「要望」 2〜251行目（250 行） B列（人口）: 人口「abc」は正の整数ではありません。\n")
