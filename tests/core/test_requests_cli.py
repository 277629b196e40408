"""The request commands of the CLI, in-process: list, move (refused → stderr, exit 1, DB unchanged),
approve, withdraw, export-template + import, undo / redo, and summary --json items."""
from __future__ import annotations

import json

import openpyxl

from cloudsuppress.reports.request_template_xlsx import HEADER_ROW

from .request_support import REQUEST_TABLES, new_item, rdb  # noqa: F401
from .test_cli import run


def dump(db):
    from .request_support import dump_requests

    return dump_requests(db)


def cli(capsys, rdb, *args):
    return run(capsys, "--db", rdb.path, *args)


def test_move_approve_withdraw_list_and_summary(rdb, capsys):
    item = new_item(rdb)
    from .request_support import join

    join(rdb, item, "五霞町")
    code, out, err = cli(capsys, rdb, "requests", "move", "R-0001", "--to", "under_review", "--reason", "部会で検討")
    assert (code, err) == (0, "") and "「検討中」にしました" in out
    before = dump(rdb)
    code, out, err = cli(capsys, rdb, "requests", "move", str(item), "--to", "customized", "--reason", "独自施策")
    assert code == 1 and out == ""
    assert err.startswith("エラー: 要望 R-0001: 「検討中」から「カスタマイズ実施」には変更できません"), err
    assert "見積額が登録されていません" in err
    assert dump(rdb) == before
    # The approvals are about the member's share of the estimate: refused while it is 未定.
    code, out, err = cli(capsys, rdb, "requests", "approve", "R-0001", "--member", "那珂市", "--stage", "finance",
                         "--date", "令和8年6月1日", "--ref", "財第1号")
    assert code == 1 and out == "" and "見積額が未定です" in err
    assert cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "880000")[0] == 0
    for member in ("那珂市", "五霞町"):
        for stage in ("finance", "mayor"):
            code, out, err = cli(capsys, rdb, "requests", "approve", "R-0001", "--member", member, "--stage", stage,
                                 "--date", "令和8年6月1日", "--ref", f"{member}{stage}第1号")
            assert code == 0, err
    code, _, err = cli(capsys, rdb, "requests", "approve", "R-0001", "--member", "那珂市", "--stage", "mayor", "--date", "昨日")
    assert code == 1 and "日付「昨日」を読めません" in err
    code, out, err = cli(capsys, rdb, "requests", "withdraw", "R-0001", "--member", "五霞町", "--reason", "運用で対応")
    assert code == 0 and "五霞町の要望を取り下げました" in out
    code, out, _ = cli(capsys, rdb, "requests", "list", "--status", "under_review", "--json")
    (row,) = json.loads(out)
    assert (row["key"], row["members"], row["withdrawn_members"]) == ("R-0001", ["那珂市"], ["五霞町"])
    code, out, _ = cli(capsys, rdb, "summary", "--json")
    summary = json.loads(out)
    assert summary["items"] == {"total": 1, "requested": 0, "under_review": 1, "standardized": 0, "withdrawn": 0, "customized": 0,
                                "suppression_rate": None}
    by_name = {m["name"]: m for m in summary["members"]}
    assert by_name["那珂市"]["items"]["under_review"] == 1 and by_name["五霞町"]["items"]["withdrawn"] == 1
    assert by_name["那珂市"]["population"] == 55_827 and "total" in summary["functions"]


def test_unknown_item_member_and_status(rdb, capsys):
    new_item(rdb)
    code, _, err = cli(capsys, rdb, "requests", "move", "R-0099", "--to", "withdrawn", "--reason", "x")
    assert code == 1 and "要望「R-0099」が見つかりません" in err
    code, _, err = cli(capsys, rdb, "requests", "withdraw", "R-0001", "--member", "水戸市", "--reason", "x")
    assert code == 1 and "団体「水戸市」は登録されていません" in err


def test_export_template_import_undo_redo(rdb, capsys, tmp_path):
    out_file = tmp_path / "naka.xlsx"
    code, out, err = cli(capsys, rdb, "requests", "export-template", "--member", "那珂市", "--out", out_file)
    assert code == 0 and out_file.exists()
    wb = openpyxl.load_workbook(out_file)
    ws = wb["要望"]
    for c, v in enumerate(["", None, "0010003", "外字", "外字を印字したい", "法令・制度対応", "低下する", "字形", 50, "", ""], 1):
        if v is not None:
            ws.cell(row=HEADER_ROW + 2, column=c, value=v)
    wb.save(out_file)
    code, out, err = cli(capsys, rdb, "requests", "import", out_file, "--dry-run")
    assert code == 0 and "新しい要望項目 1 件" in out and dump(rdb)["request_item"] == []
    code, out, err = cli(capsys, rdb, "requests", "import", out_file)
    assert code == 0 and len(dump(rdb)["request_item"]) == 1
    code, out, err = cli(capsys, rdb, "undo")
    assert code == 0 and "元に戻しました: 要望票の取り込み（naka.xlsx）" in out
    assert dump(rdb)["request_item"] == []
    code, out, err = cli(capsys, rdb, "redo")
    assert code == 0 and "やり直しました" in out and len(dump(rdb)["request_item"]) == 1
    code, _, err = cli(capsys, rdb, "redo")
    assert code == 1 and "やり直せる操作はありません" in err


def test_history_csv(rdb, capsys, tmp_path):
    new_item(rdb)
    out_file = tmp_path / "h.csv"
    code, out, _ = cli(capsys, rdb, "requests", "history", "R-0001", "--csv", out_file)
    assert code == 0 and out_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert REQUEST_TABLES


def test_approval_dates_are_checked(rdb, capsys):
    """A 首長決裁 before or without the 財政課協議, a 財政課協議 after the 首長決裁, or a date in the
    future would print an impossible order on the member's notice."""
    new_item(rdb)
    cli(capsys, rdb, "requests", "move", "R-0001", "--to", "under_review", "--reason", "部会で検討")
    assert cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "880000")[0] == 0
    approve = ("requests", "approve", "R-0001", "--member", "那珂市")
    before = dump(rdb)
    code, out, err = cli(capsys, rdb, *approve, "--stage", "mayor", "--date", "2026-01-01", "--ref", "決裁第1号")
    assert code == 1 and out == "" and "首長決裁（令和8年1月1日）は記録できません" in err and "財政課協議が記録されていません" in err
    code, out, err = cli(capsys, rdb, *approve, "--stage", "finance", "--date", "2099-01-01", "--ref", "財第1号")
    assert code == 1 and "今日（" in err and "より後の日付です" in err
    assert dump(rdb) == before
    assert cli(capsys, rdb, *approve, "--stage", "finance", "--date", "2026-02-01", "--ref", "財第1号")[0] == 0
    code, _, err = cli(capsys, rdb, *approve, "--stage", "mayor", "--date", "2026-01-01", "--ref", "決裁第1号")
    assert code == 1 and "財政課協議（令和8年2月1日）より前の日付です" in err
    assert cli(capsys, rdb, *approve, "--stage", "mayor", "--date", "2026-02-01", "--ref", "決裁第1号")[0] == 0  # same day
    code, _, err = cli(capsys, rdb, *approve, "--stage", "finance", "--date", "2026-03-01", "--ref", "財第1号")
    assert code == 1 and "財政課協議（令和8年3月1日）は記録できません: 首長決裁（令和8年2月1日）より後の日付です" in err
    assert cli(capsys, rdb, *approve, "--stage", "finance", "--date", "2026-01-15", "--ref", "財第1号")[0] == 0  # corrected earlier: fine
