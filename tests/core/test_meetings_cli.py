"""The `meetings` commands in-process: create prints the id alone, attend, agenda (--build, order,
--json), outcome (a refused decision: stderr, exit 1, nothing changed), `requests move --meeting`
showing in the meeting's decisions, warnings on stderr."""
from __future__ import annotations

import json

from .request_support import dump_requests, new_item, rdb  # noqa: F401
from .test_cli import run


def cli(capsys, db, *args):
    return run(capsys, "--db", db.path, *args)


def create(capsys, db, *extra) -> int:
    code, out, err = cli(capsys, db, "meetings", "create", "--kind", "部会", "--subcommittee", "住民業務",
                         "--title", "住民業務部会", "--date", "2026-11-22", "--time", "14:00", "--place", "第1会議室", *extra)
    assert code == 0, err
    assert out.strip().isdigit() and out.count("\n") == 1
    return int(out)


def test_meeting_flow_from_the_command_line(rdb, capsys):
    new_item(rdb, "那珂市", "0010002")
    new_item(rdb, "五霞町", "0010001")
    meeting = create(capsys, rdb)
    code, out, err = cli(capsys, rdb, "meetings", "agenda", str(meeting), "--build", "--json")
    assert code == 0 and "議題に 2 件を加えました" in err
    rows = json.loads(out)
    assert [(r["key"], r["title"], r["status"]) for r in rows] == [
        ("R-0001", "転入届の受付", "requested"), ("R-0002", "住民票の写しの交付", "requested")]
    assert "注意: 事務局の出席者が記録されていません" in err and "那珂市の要望（R-0001）" in err
    code, out, err = cli(capsys, rdb, "meetings", "agenda", str(meeting), "--down", "R-0001", "--json")
    assert [r["key"] for r in json.loads(out)] == ["R-0002", "R-0001"]
    code, out, err = cli(capsys, rdb, "meetings", "attend", str(meeting), "--secretariat", "--person", "木村 直子")
    assert code == 0 and "木村 直子" in out
    for member, person in (("那珂市", "佐藤 一郎"), ("五霞町", "鈴木 花子")):
        code, out, err = cli(capsys, rdb, "meetings", "attend", str(meeting), "--member", member, "--person", person,
                             "--title", "係長")
        assert code == 0, err
    assert err == ""  # everyone needed is there: no more warnings
    code, _, err = cli(capsys, rdb, "meetings", "attend", str(meeting), "--member", "水戸市", "--person", "x")
    assert code == 1 and "団体「水戸市」は登録されていません" in err

    before = dump_requests(rdb)
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(meeting), "--item", "R-0001", "--decide", "customized",
                         "--reason", "独自施策")
    assert code == 1 and out == "" and "「要望」から「カスタマイズ実施」には決定できません: 見積額が登録されていません" in err
    assert dump_requests(rdb) == before
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(meeting), "--item", "R-0001", "--decide", "under_review",
                         "--reason", "検討を開始", "--notes", "件数を確認した。")
    assert code == 0, err
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(meeting), "--item", "R-0002", "--continue")
    assert code == 0, err
    # A decision made from the requests command, with the meeting as reference.
    code, out, err = cli(capsys, rdb, "requests", "move", "R-0001", "--to", "withdrawn", "--reason", "運用で対応",
                         "--meeting", str(meeting))
    assert code == 0, err
    cli(capsys, rdb, "meetings", "next", str(meeting), "--text", "令和8年12月16日（水）14時から", "--date", "2026-12-16")
    code, out, err = cli(capsys, rdb, "meetings", "show", str(meeting), "--json")
    d = json.loads(out)
    assert d["label"] == "第1回 住民業務部会" and d["wareki"] == "令和8年11月22日"
    assert [(x["key"], x["status_label"], x["steps"]) for x in d["decisions"]] == [
        ("R-0001", "取下げ", ["要望", "検討中", "取下げ"])]
    assert [(x["key"], x["status"]) for x in d["continued"]] == [("R-0002", "under_review")]  # 継続審議 starts the review
    assert [(a["outcome_label"], a["key"]) for a in d["agenda"]] == [("継続審議", "R-0002"), ("決定", "R-0001")]
    assert d["next_meeting"] == "令和8年12月16日（水）14時から" and d["warnings"] == []
    code, out, _ = cli(capsys, rdb, "meetings", "list")
    assert out.startswith(f"{meeting}\t令和8年11月22日\t部会\t第1回 住民業務部会")
    code, out, err = cli(capsys, rdb, "undo")
    assert code == 0 and "元に戻しました: 会議「第1回 住民業務部会」を編集" in out  # the next-meeting edit
    code, out, err = cli(capsys, rdb, "meetings", "delete", str(meeting))
    assert code == 1 and "会議を削除できません" in err


def test_requests_move_refuses_an_unknown_meeting(rdb, capsys):
    new_item(rdb)
    cli(capsys, rdb, "requests", "move", "R-0001", "--to", "under_review", "--reason", "x")
    code, out, err = cli(capsys, rdb, "requests", "move", "R-0001", "--to", "withdrawn", "--reason", "x", "--meeting", "99")
    assert code == 1 and "会議（id 99）が見つかりません" in err


def test_create_accepts_a_time_range_and_refuses_a_bad_date(rdb, capsys):
    meeting = create(capsys, rdb, "--number", "5")
    code, out, _ = cli(capsys, rdb, "meetings", "show", str(meeting), "--json")
    assert json.loads(out)["number"] == 5
    code, out, err = cli(capsys, rdb, "meetings", "create", "--kind", "協議会", "--title", "総会", "--date", "2026-11-22",
                         "--time", "9:30-11:00")
    assert code == 0, err
    code, out, _ = cli(capsys, rdb, "meetings", "show", out.strip(), "--json")
    assert (json.loads(out)["start_time"], json.loads(out)["end_time"]) == ("09:30", "11:00")
    code, _, err = cli(capsys, rdb, "meetings", "create", "--kind", "協議会", "--title", "総会", "--date", "来週")
    assert code == 1 and "開催日「来週」を読めません" in err


def test_a_wg_meeting_takes_the_business_system_as_the_import_spells_it(rdb, capsys):  # noqa: F811
    """`meetings create --kind 分科会 --business-system 住民記録` (the ministry's name, which the function
    import and `functions list` read as 住民基本台帳) was refused 「業務「住民記録」はありません。」 with no
    hint (walk, 2026-12-07)."""
    for spelling in ("住民記録", "住基", "住民基本台帳"):
        code, out, err = cli(capsys, rdb, "meetings", "create", "--kind", "分科会", "--business-system", spelling,
                             "--title", "住基WG", "--date", "2026-11-22")
        assert code == 0, err
        code, shown, _ = cli(capsys, rdb, "meetings", "show", out.strip(), "--json")
        assert json.loads(shown)["business_system"] == "住民基本台帳", shown
    code, _, err = cli(capsys, rdb, "meetings", "create", "--kind", "分科会", "--business-system", "存在しない業務",
                       "--title", "WG", "--date", "2026-11-22")
    assert code == 1 and "業務「存在しない業務」はありません（structure list で登録済みの業務を確かめてください）" in err, err


def test_a_time_range_is_read_as_the_app_prints_it(rdb, capsys):  # noqa: F811
    """`--time 14:00～16:00` (as `meetings show` and the minutes print it), 〜 or full-width digits were
    refused as a start time 「開始時刻「14:00～16:00」を読めません」; only an ASCII hyphen split the range. A
    range given with --end was refused with that same wrong reason (walk, 2026-12-07)."""
    meeting = create(capsys, rdb)
    for typed in ("13:00～15:00", "13:30〜15:30", "１４：００－１６：００"):
        code, _, err = cli(capsys, rdb, "meetings", "edit", str(meeting), "--time", typed)
        assert code == 0, err
    code, out, _ = cli(capsys, rdb, "meetings", "show", str(meeting), "--json")
    assert (json.loads(out)["start_time"], json.loads(out)["end_time"]) == ("14:00", "16:00")
    code, out, err = cli(capsys, rdb, "meetings", "create", "--kind", "協議会", "--title", "総会", "--date", "2026-11-22",
                         "--time", "9:30〜11:00")
    assert code == 0, err
    code, _, err = cli(capsys, rdb, "meetings", "edit", str(meeting), "--time", "9:00-10:00", "--end", "11:00")
    assert code == 1 and "--time に時間の範囲（9:00-10:00）を指定したときは、--end は指定できません。" in err, err


def test_an_end_before_the_start_names_the_options(rdb, capsys):  # noqa: F811
    """Walk O3: 「終了時刻は開始時刻より後にしてください。」 named no option on the command line (the other time
    messages do); the GUI's words stay as they were."""
    meeting = create(capsys, rdb)
    code, _, err = cli(capsys, rdb, "meetings", "edit", str(meeting), "--time", "16:00", "--end", "14:00")
    assert code == 1 and "終了時刻は開始時刻より後にしてください（--time 16:00、--end 14:00）" in err, err
