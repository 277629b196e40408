"""The cost notice as a 通知文: 文書番号 (or 「第　　号」), 和暦 date, 「○○市長　様」 alone, the 会長
from the consortium's settings with 公印省略, 件名 （通知）, a body that asks for what measure 3
asks (or reports it as done), 記, 以上, 写し and the 担当 block; and the settings themselves."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops.consortium import ConsortiumSettings, get_consortium_settings, update_consortium_settings
from cloudsuppress.reports.cost_report_pdf import honorific, write_member_cost_report

from .pdf_support import flat, needs_poppler, page_texts, poppler
from .request_support import approve_all, join, member_id, move, new_item, rdb  # noqa: F401

OFFICERS = ConsortiumSettings(chair_member="那珂市", chair_name="山田　太郎", seal_omitted=True,
                              office_section="協議会事務局（那珂市総務部情報政策課）", office_staff="木村　直子",
                              office_phone="029-270-8011（内線123）", office_mail="jimukyoku@example.lg.jp")


def test_settings_are_stored_validated_and_undoable(rdb):
    with rdb.session() as s:
        assert get_consortium_settings(s) == ConsortiumSettings()  # blank before they are set
    with rdb.session() as s, s.begin():
        update_consortium_settings(s, settings=ConsortiumSettings(**{**OFFICERS.__dict__, "chair_name": " 山田　太郎 "}))
    with rdb.session() as s:
        assert get_consortium_settings(s) == OFFICERS  # stripped
    bad = ConsortiumSettings(chair_name="山田", office_mail="jimukyoku", office_phone="内線なし abc")
    problems = consortium_ops.settings_problems(bad)
    assert set(problems) == {"chair_member", "office_mail", "office_phone"}
    with rdb.session() as s, s.begin(), pytest.raises(DomainError) as err:
        update_consortium_settings(s, settings=bad)
    assert "メール: メールアドレスの形式ではありません" in str(err.value) and "会長の所属団体" in str(err.value)
    from cloudsuppress.ops.undo import undo  # the change is one undoable action

    with rdb.session() as s, s.begin():
        undo(s)
    with rdb.session() as s:
        assert get_consortium_settings(s) == ConsortiumSettings()


def _customized(rdb, *, approve: bool) -> int:
    """R-0001 shared by 那珂市 and かすみがうら市: customized (approvals on record), or still under
    review without them (the open item the notice asks the approvals for)."""
    item = new_item(rdb, "那珂市", "0010002")
    join(rdb, item, "かすみがうら市")
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=1_100_000)
    move(rdb, item, "under_review", reason=None)
    if approve:
        approve_all(rdb, item, ["那珂市", "かすみがうら市"])
        move(rdb, item, "customized", reason="独自施策")
    return item


def _notice(rdb, tmp_path, member="那珂市", **kw):
    with rdb.session() as s, s.begin():
        update_consortium_settings(s, settings=kw.pop("officers", OFFICERS))
    with rdb.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, member))
        officers = get_consortium_settings(s)
    pdf = tmp_path / "notice.pdf"
    write_member_cost_report(pdf, mc, issued_on=dt.date(2026, 11, 22), officers=officers, **kw)
    return pdf, mc


@needs_poppler
def test_the_notice_reads_as_a_tsuchibun(rdb, tmp_path):
    _customized(rdb, approve=False)
    pdf, mc = _notice(rdb, tmp_path, copy_to_finance=True)
    pages = page_texts(pdf)
    lines = [flat(ln) for ln in pages[0].splitlines() if ln.strip()]
    # 文書番号 (none given: blank to be numbered by hand), date, the addressee alone, the sender.
    assert lines[:3] == ["第号", "令和8年11月22日", "那珂市長様"]
    assert "財政担当課長" not in "".join(lines[:6])  # no second addressee under the mayor
    assert lines[3] == flat(mc.consortium) and lines[4] == "会長那珂市長山田太郎" and lines[5] == "（公印省略）"
    assert lines[6].endswith("（通知）")
    every = flat("".join(pages))
    # Measure 3: asks for the finance consultation and the mayor's decision on what lacks them.
    assert "貴市財政担当課との協議及び市長の決裁を経ていただき" in every and "R-0001" in every
    assert every.index("記") < every.index("1按分の方法") < every.index("以上") < every.index("写し送付先那珂市財政担当課長")
    tail = every[every.index("以上"):]
    for part in ("担当協議会事務局（那珂市総務部情報政策課）", "木村直子", "電話029-270-8011（内線123）",
                 "メールjimukyoku@example.lg.jp"):
        assert part in tail


@needs_poppler
def test_the_body_reports_approvals_on_record_and_the_seal_and_copy_are_optional(rdb, tmp_path):
    _customized(rdb, approve=True)
    officers = ConsortiumSettings(**{**OFFICERS.__dict__, "seal_omitted": False})
    pdf, _ = _notice(rdb, tmp_path, member="かすみがうら市", officers=officers)
    every = flat("".join(page_texts(pdf)))
    assert every.startswith("第号令和8年11月22日かすみがうら市長様")
    assert "財政課協議及び市長の決裁がいずれも済んでいることを" in every and "経ていただき" not in every
    assert "公印省略" not in every and "写し" not in every


def test_honorific_follows_the_kind_of_municipality():
    assert [honorific(m) for m in ("那珂市", "五霞町", "舟橋村", "千代田区", "広域連合")] == [
        "貴市", "貴町", "貴村", "貴区", "貴団体"]


@needs_poppler
def test_status_labels_and_names_are_never_broken_in_the_notice_tables(rdb, tmp_path):
    """「カスタマイ／ズ実施」 was broken on every row of §3."""
    _customized(rdb, approve=True)
    pdf, _ = _notice(rdb, tmp_path)
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    assert "カスタマイズ実施" in text and "カスタマイ\n" not in text.replace(" ", "")


def test_the_cli_shows_and_sets_the_settings(rdb, capsys):
    from cloudsuppress.cli import main

    url = str(rdb.path)
    assert main(["--db", url, "consortium", "set", "--chair-member", "那珂市", "--chair-name", "山田　太郎",
                 "--seal-omitted", "no", "--office-mail", "jimukyoku@example.lg.jp"]) == 0
    out = capsys.readouterr().out
    assert "会長の所属団体: 那珂市" in out and "公印省略: しない" in out
    assert main(["--db", url, "consortium", "set", "--office-mail", "x"]) == 1
    assert "メールアドレスの形式ではありません" in capsys.readouterr().err


def test_closing_lines_never_start_a_page_alone():
    """以上 (or a note under a table) is carried to the next page with the line before it."""
    from reportlab.lib.units import mm

    from cloudsuppress.reports.pdf_base import PAPERS, Flow

    f = Flow(PAPERS["a4-portrait"], margin=22 * mm, bottom=18 * mm)
    while True:  # fill the page until one more body line would still fit but 以上 after a gap would not
        before = len(f.pages)
        f.paragraph("本文の行です。", size=10.5)
        if len(f.pages) > before:
            break
        if f.y - 10.5 * 1.6 - 6 * mm - 10.5 * 1.6 < f.bottom <= f.y - 10.5 * 1.6:
            f.paragraph("最後の本文の行です。", size=10.5)
            break
    f.space(6 * mm)
    f.paragraph("以上", align="r", size=10.5, with_previous=True)
    last = [op[3] for op in f.pages[-1] if op[0] == "text"]
    assert last[-1] == "以上" and len(last) >= 2  # not alone: the line before it came along


def test_a_heading_goes_to_the_next_page_with_its_table():
    """A heading was the last line of a page with its table on the next (notice §4, 12 members)."""
    from reportlab.lib.units import mm

    from cloudsuppress.reports.pdf_base import PAPERS, Flow

    f = Flow(PAPERS["a4-portrait"], margin=22 * mm, bottom=18 * mm)
    # fill the page until a heading and two body lines still fit, but not a table's head and tall first row
    while f.y - (11.5 * 1.7 + 3 * mm + 2 * 10.5 * 1.6) - 10.5 * 1.6 >= f.bottom:
        f.paragraph("本文の行です。", size=10.5)
    f.heading("4　検討中の要望（参考：負担の見込み）")
    f.table(["要望番号", "要望名"], [["R-0001", "\n".join(["長い要望名の行"] * 6)]], [0, 40], size=9, words=("要望番号",))
    pages = [[op[3] for op in page if op[0] == "text"] for page in f.pages]
    where = next(i for i, texts in enumerate(pages) if "4　検討中の要望（参考：負担の見込み）" in texts)
    assert "要望番号" in pages[where] and "R-0001" in pages[where]  # heading, head row and first row together
    assert pages[where].index("4　検討中の要望（参考：負担の見込み）") < pages[where].index("要望番号")


def test_a_tall_table_row_is_split_with_its_key_and_repeated_columns():
    """An 800-character row went whole to the next page, leaving half a page blank."""
    from reportlab.lib.units import mm

    from cloudsuppress.reports.pdf_base import PAPERS, Flow

    f = Flow(PAPERS["a4-portrait"], margin=22 * mm, bottom=18 * mm)
    for _ in range(20):
        f.paragraph("本文の行です。", size=10.5)
    tall = "\n".join(f"算定の内訳の{i}行目" for i in range(60))
    f.table(["要望番号", "算定の内訳", "状態"], [["R-0001", tall, "検討中"]], [0, 40, 0], size=9,
            words=("要望番号", "検討中"), repeat=frozenset({2}))
    pages = [[op[3] for op in page if op[0] == "text"] for page in f.pages]
    assert len(pages) == 2 and "算定の内訳の0行目" in pages[0] and "算定の内訳の59行目" in pages[1]
    assert pages[0].count("検討中") == 1 and pages[1].count("検討中") == 1  # the status again
    assert "R-0001" in pages[1] and "（続き）" in pages[1]  # key and 「（続き）」 on lines of their own
    assert "R-0001（続き）" not in pages[1]


@needs_poppler
def test_unset_settings_are_warned_about_and_never_printed_as_unset(rdb, tmp_path, capsys):
    from cloudsuppress.cli import main

    _customized(rdb, approve=True)
    pdf, _ = _notice(rdb, tmp_path, officers=ConsortiumSettings())
    text = flat("".join(page_texts(pdf)))
    assert "未設定" not in text and "人口基準日" not in text and "の人口：" in text
    assert ConsortiumSettings().missing_for_notices() == ["会長の団体", "会長の氏名", "担当課", "担当者", "電話またはメール"]
    assert OFFICERS.missing_for_notices() == []
    out = tmp_path / "cli.pdf"
    assert main(["--db", str(rdb.path), "export", "costs", "--member", "那珂市", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "会長の団体・会長の氏名・担当課・担当者・電話またはメール" in err and out.exists()
    with rdb.session() as s, s.begin():
        update_consortium_settings(s, settings=OFFICERS)
    assert main(["--db", str(rdb.path), "export", "costs", "--member", "那珂市", "--out", str(out), "--force"]) == 0
    assert capsys.readouterr().err == ""


@needs_poppler
def test_section_4_keeps_requested_and_under_review_apart_and_asks_no_approval_on_an_unknown_cost(rdb, tmp_path):
    """R25: a 要望 the 部会 has not discussed is not listed as 検討中, and the mayor is not asked to
    consult on an item whose estimate is 未定 (「見積額が示された後に」). R28: an item the 部会 decided
    カスタマイズ in principle is named with its meeting, and its approvals are asked for."""
    from cloudsuppress.ops import meetings as mops

    _customized(rdb, approve=False)  # R-0001: 検討中, estimated
    new_item(rdb, "那珂市", "0010003")  # R-0002: 要望, no estimate
    decided = new_item(rdb, "那珂市", "0200002")  # R-0003: decided in principle at the meeting
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=decided, estimate=500_000)
        m = mops.create_meeting(s, kind="部会", title="住民業務部会", held_on=dt.date(2026, 11, 20),
                                subcommittee_id=mops.resolve_subcommittee(s, "住民業務")).id
        mops.add_agenda_item(s, meeting_id=m, item_id=decided)
    with rdb.session() as s, s.begin():
        mops.record_outcome(s, meeting_id=m, item_id=decided, outcome="customized_pending", reason="独自施策")
    pdf, mc = _notice(rdb, tmp_path)
    assert [(ln.key, ln.group) for ln in mc.prospective] == [
        ("R-0001", "under_review"), ("R-0002", "requested"), ("R-0003", "pending")]
    every = flat("".join(page_texts(pdf)))
    body = every[:every.index("1按分の方法")]
    assert "要望R-0003（第1回住民業務部会）は、部会においてカスタマイズの実施を決定しました" in body
    assert "決裁が未了の要望（R-0001、R-0003）について、下記4の負担額（見込額）により" in body
    assert "見積額が未定の要望（R-0002）については、見積額が示された後に" in body
    four = every[every.index("4検討中・未検討の要望"):every.index("5負担額の合計")]
    assert four.index("（1）部会でカスタマイズの実施を決定したもの") < four.index("R-0003") \
        < four.index("（2）部会で検討中のもの") < four.index("R-0001") < four.index("（3）要望（部会で未検討）") \
        < four.index("R-0002")
    assert f"見込額の計（上記の合計）{mc.prospective_total:,}円（ほか未定1件）" in four
