"""The cost and measures commands of the CLI, in-process: JSON shapes, refusals, and the exports."""
from __future__ import annotations

import json

import openpyxl
import pytest

from .pdf_support import assert_fonts_embedded, flat, needs_poppler, page_count, page_texts
from .request_support import approve_all, join, move, new_item, rdb  # noqa: F401
from .test_cli import run


def cli(capsys, db, *args):
    return run(capsys, "--db", db.path, *args)


def _customized(db, *, mixed: bool = False) -> int:
    """R-0001 of the four members, under review, estimated (approvals judge a known cost) and approved
    (``mixed``: under the 50:50 rule, set first: a mayor approves the share the rule gives)."""
    from cloudsuppress.ops import costs as cost_ops

    if mixed:
        with db.session() as s, s.begin():
            cost_ops.set_cost_rule(s, method="mixed", ratio=(50, 50))
    item = new_item(db, "常陸大宮市")
    for m in ("那珂市", "かすみがうら市", "五霞町"):
        join(db, item, m)
    move(db, item, "under_review", reason=None)
    with db.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=2_750_000)
    approve_all(db, item, ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"])
    return item


def test_costs_set_and_show_json(rdb, capsys):
    item = _customized(rdb)
    move(rdb, item, "customized", reason="独自施策")
    code, out, err = cli(capsys, rdb, "costs", "rule", "--method", "mixed", "--ratio", "50:50",
                         "--population-date", "令和8年4月1日", "--yes")
    assert code == 0 and "均等割 50％・人口割 50％" in out
    # the four mayors approved 687,500円 each under the equal rule: the new rule moves every share (R36)
    assert "要再決裁" in err and "要望 R-0001 の那珂市: 首長決裁 687,500円 → 現在 850,143円" in err
    code, out, err = cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "2750000")
    assert (code, err) == (0, "") and "733,457円" in out  # same estimate: nothing new to warn about
    code, out, err = cli(capsys, rdb, "costs", "show", "R-0001", "--json")
    assert code == 0
    shown = json.loads(out)
    assert [(x["member"], x["approved"], x["now"]) for x in shown.pop("reapproval")] == [
        ("常陸大宮市", 687_500, 733_457), ("那珂市", 687_500, 850_143), ("かすみがうら市", 687_500, 739_398),
        ("五霞町", 687_500, 427_002)]
    assert shown == {"item": "R-0001", "estimate": 2_750_000, "method": "mixed",
                     "shares": {"常陸大宮市": 733_457, "那珂市": 850_143, "かすみがうら市": 739_398, "五霞町": 427_002}}
    code, out, _ = cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "2750000", "--method", "equal")
    assert code == 0
    shown = json.loads(cli(capsys, rdb, "costs", "show", "R-0001", "--json")[1])
    assert shown["method"] == "equal" and set(shown["shares"].values()) == {687_500}
    code, out, _ = cli(capsys, rdb, "costs", "rule")
    assert "人口基準日: 令和8年4月1日" in out
    summary = json.loads(cli(capsys, rdb, "summary", "--json")[1])
    assert summary["items"]["suppression_rate"] == 0.0
    assert [m["cost_total"] for m in summary["members"]] == [687_500] * 4
    assert {"name", "population", "items"} <= set(summary["members"][0])  # the existing keys are kept


def test_costs_refusals_go_to_stderr(rdb, capsys):
    new_item(rdb)
    code, out, err = cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "1000", "--method", "mixed")
    assert code == 1 and out == "" and "按分割合" in err
    code, _, err = cli(capsys, rdb, "costs", "set", "R-9999", "--estimate", "1000")
    assert code == 1 and "R-9999" in err
    code, _, err = cli(capsys, rdb, "costs", "set", "R-0001")
    assert code == 1 and "--estimate" in err
    # A mixed ratio is in percent and totals 100, so the notice prints percentages that reproduce the amounts.
    for ratio, total in (("70:20", 90), ("1:2", 3)):
        code, out, err = cli(capsys, rdb, "costs", "rule", "--method", "mixed", "--ratio", ratio)
        assert code == 1 and out == "" and f"合計が {total} です" in err and "合計 100" in err
        code, out, err = cli(capsys, rdb, "costs", "set", "R-0001", "--method", "mixed", "--ratio", ratio)
        assert code == 1 and out == "" and "合計 100" in err
    code, out, err = cli(capsys, rdb, "costs", "rule", "--method", "mixed", "--ratio", "6:94")
    assert (code, err) == (0, "") and "均等割 6％・人口割 94％" in out


def test_measures_briefing_and_selection(rdb, capsys):
    code, out, err = cli(capsys, rdb, "measures", "briefing", "--member", "那珂市", "--date", "2026-04-20",
                         "--attendees", "48")
    assert (code, err) == (0, "") and "48人" in out
    for member, person in (("那珂市", "山田太郎"), ("五霞町", "鈴木花子")):
        code, _, err = cli(capsys, rdb, "measures", "selection", "--event", "RFI説明会", "--date", "2025-10-21",
                           "--member", member, "--person", person)
        assert (code, err) == (0, "")
    code, _, err = cli(capsys, rdb, "measures", "selection", "--event", "RFI説明会", "--date", "2025-10-21",
                       "--member", "五霞町", "--person", "鈴木花子")
    assert code == 1 and "すでに記録" in err
    code, _, err = cli(capsys, rdb, "measures", "briefing", "--member", "那珂市", "--date", "someday", "--attendees", "3")
    assert code == 1 and "読めません" in err
    d = json.loads(cli(capsys, rdb, "measures", "show", "--json")[1])
    by = {m["name"]: m for m in d["members"]}
    assert by["那珂市"]["briefing"] == {"date": "2026-04-20", "attendees": 48, "count": 1}
    assert by["常陸大宮市"]["briefing"]["date"] is None
    assert by["五霞町"]["selection"] == {"events": 1, "attended": 1, "people": 1}
    assert by["常陸大宮市"]["selection"]["attended"] == 0
    assert d["selection_events"][0]["name"] == "RFI説明会"


@needs_poppler
def test_export_costs_summary_and_cost_table(rdb, capsys, tmp_path):
    item = _customized(rdb, mixed=True)
    cli(capsys, rdb, "costs", "rule", "--method", "mixed", "--ratio", "50:50")
    cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "2750000")
    move(rdb, item, "customized", reason="独自施策")
    pdf = tmp_path / "naka.pdf"
    code, out, err = cli(capsys, rdb, "export", "costs", "--member", "那珂市", "--out", pdf, "--date", "2026-11-22")
    assert code == 0 and "850,143円" in out
    assert "会長の氏名" in err and "consortium set" in err  # no officers set yet: written, with a warning
    text = flat("".join(page_texts(pdf)))
    assert "那珂市長様" in text and "令和8年11月22日" in text and "850,143円" in text
    assert_fonts_embedded(pdf)
    summary = tmp_path / "summary.pdf"
    code, _, err = cli(capsys, rdb, "export", "summary", "--out", summary)
    assert (code, err) == (0, "")
    assert "カスタマイズを行った項目" in flat(page_texts(summary)[0])
    assert_fonts_embedded(summary)
    xlsx = tmp_path / "table.xlsx"
    assert cli(capsys, rdb, "export", "cost-table", "--out", xlsx)[0] == 0
    ws = openpyxl.load_workbook(xlsx).active
    assert ws.cell(5, 1).value == "R-0001" and ws.cell(5, 7).value == 850_143
    code, _, err = cli(capsys, rdb, "export", "costs", "--member", "那珂市", "--out", tmp_path / "x.docx")
    assert code == 1 and ".pdf" in err
    assert page_count(pdf) >= 1


def test_latejoin_list_accept_and_join(rdb, capsys):
    import datetime as dt

    from cloudsuppress.ops import members as member_ops

    item = _customized(rdb)
    cli(capsys, rdb, "costs", "rule", "--method", "population")
    cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "1000000")
    move(rdb, item, "customized", reason="独自施策")
    with rdb.session() as s, s.begin():
        member_ops.add_member(s, name="大子町", population=16_000, joined_on=dt.date.today())
    rows = json.loads(cli(capsys, rdb, "latejoin", "list", "--member", "大子町", "--json")[1])
    assert [(r["item"], r["status"], r["accepted_on"]) for r in rows] == [("R-0001", "customized", None)]
    day = dt.date.today()  # the CLI refuses approvals dated after today
    finance, mayor = (day - dt.timedelta(days=10)).isoformat(), (day - dt.timedelta(days=3)).isoformat()
    join_args = ("latejoin", "join", "R-0001", "--member", "大子町", "--content", "同じ様式を使いたい",
                 "--reason", "自治体独自施策", "--service-drop", "no", "--detail", "様式は同じ",
                 "--finance-ref", "財第9号", "--mayor-ref", "決裁第9号", "--date", mayor)
    code, out, err = cli(capsys, rdb, *join_args, "--finance-date", mayor, "--mayor-date", finance)
    assert code == 1 and out == "" and "首長決裁" in err and "より前の日付です" in err  # the mayor before finance
    code, out, err = cli(capsys, rdb, *join_args, "--finance-date", finance, "--mayor-date", mayor)
    assert (code, err) == (0, "") and "大子町\t0円 → " in out
    shares = json.loads(cli(capsys, rdb, "costs", "show", "R-0001", "--json")[1])["shares"]
    assert len(shares) == 5 and sum(shares.values()) == 1_000_000
    rows = json.loads(cli(capsys, rdb, "latejoin", "list", "--member", "大子町", "--json")[1])
    assert rows[0]["accepted_on"] == mayor
    code, _, err = cli(capsys, rdb, "latejoin", "accept", "--member", "大子町", "--date", day.isoformat(), "--item", "R-0001")
    assert code == 1 and "既決事項ではありません" in err
    code, out, _ = cli(capsys, rdb, "summary")
    assert "抑制率（決定済みのうちカスタマイズしなかった割合）: 0.0%" in out


def test_export_notices_for_every_member_into_a_folder(rdb, capsys, tmp_path):
    item = _customized(rdb)
    cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "2750000")
    move(rdb, item, "customized", reason="独自施策")
    folder = tmp_path / "notices"
    code, out, err = cli(capsys, rdb, "export", "costs", "--all", "--out", folder, "--date", "令和8年11月22日",
                         "--ref", "い協第15号", "--sender", "事務局長")
    assert code == 0 and "4 団体分" in out and err.startswith("注意: 協議会の設定の")  # officers not set here
    files = sorted(folder.iterdir())
    assert len(files) == 4 and all(f.name.startswith("負担額通知_") and f.suffix == ".pdf" for f in files)
    text = flat(page_texts(folder / "負担額通知_那珂市.pdf")[0])
    assert text.startswith("い協第15号令和8年11月22日那珂市長様") and "事務局長" in text
    # One member's notice takes the number and sender too.
    one = tmp_path / "naka.pdf"
    assert cli(capsys, rdb, "export", "costs", "--member", "那珂市", "--out", one, "--ref", "い協第16号")[0] == 0
    assert flat(page_texts(one)[0]).startswith("い協第16号")


def test_export_notices_refusals(rdb, capsys, tmp_path):
    code, _, err = cli(capsys, rdb, "export", "costs", "--all", "--out", tmp_path / "x.pdf")
    assert code == 1 and "フォルダ" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = cli(capsys, rdb, "export", "costs", "--all", "--out", tmp_path / "none")
    assert code == 1 and "負担する団体がありません" in err and not (tmp_path / "none").exists()
    code, _, err = cli(capsys, rdb, "export", "costs", "--member", "那珂市", "--include-none", "--out", tmp_path / "y.pdf")
    assert code == 1 and "--all" in err and not (tmp_path / "y.pdf").exists()
    assert cli(capsys, rdb, "export", "costs", "--all", "--include-none", "--out", tmp_path / "every")[0] == 0
    assert len(list((tmp_path / "every").iterdir())) == 4


def test_amounts_and_counts_are_read_as_people_write_them(rdb, capsys):
    new_item(rdb, "那珂市")
    code, out, err = cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "1,500,000")
    assert (code, err) == (0, "") and "1,500,000円" in out
    with pytest.raises(SystemExit) as usage:
        cli(capsys, rdb, "costs", "set", "R-0001", "--estimate", "150万")
    err = capsys.readouterr().err
    assert usage.value.code == 2 and "金額は整数で指定してください" in err and "invalid" not in err
    code, out, _ = cli(capsys, rdb, "measures", "show")
    assert code == 0 and "説明会 未開催" in out and "—（0 / 0）" in out.splitlines()[0]  # nothing decided yet


def test_methods_are_taken_in_the_words_the_screen_shows(rdb, capsys):  # noqa: F811
    """「--method 均等割」 was refused (指定できる値: equal、population、mixed) in a CLI that takes
    statuses as 標準化・取下げ… and prints the rule as 均等割・人口割 (walk, 2026-12-07)."""
    item = new_item(rdb, "常陸大宮市")
    for word, shown in (("併用", "均等割 60％・人口割 40％"), ("人口割", "人口割"), ("均等割", "均等割")):
        code, out, err = cli(capsys, rdb, "costs", "rule", "--method", word,
                             *(["--ratio", "60:40"] if word == "併用" else []))
        assert code == 0 and f"按分ルールを設定しました: {shown}（円単位）" in out, (out, err)
    code, out, err = cli(capsys, rdb, "costs", "set", str(item), "--method", "人口割")
    assert code == 0 and "按分方法: 人口割" in out, (out, err)
    code, out, err = cli(capsys, rdb, "costs", "set", str(item), "--method", "協議会のルール")
    assert code == 0 and "按分方法: 均等割" in out, (out, err)
    with pytest.raises(SystemExit) as usage:
        cli(capsys, rdb, "costs", "rule", "--method", "割り勘")
    err = capsys.readouterr().err
    assert usage.value.code == 2, err
    assert "指定できない値です: 割り勘（指定できる値: 均等割、人口割、併用、または equal、population、mixed）" in err, err
