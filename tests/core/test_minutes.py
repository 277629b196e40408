"""Minutes from agenda to paper: a meeting run through the ops (attendees, agenda, notes, outcomes,
a decision made with `requests move --meeting`) printed as PDF (sections, 和暦 and time, attendees
by group, every decision, embedded BIZ UD fonts, n / N) and as .docx (East Asian font set)."""
from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from docx.oxml.ns import qn

from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops.minutes import build_minutes
from cloudsuppress.reports.minutes_docx import write_minutes_docx
from cloudsuppress.reports.minutes_pdf import write_minutes_pdf

from .pdf_support import assert_fonts_embedded, flat, needs_poppler, page_count, page_texts, raw_text
from .request_support import join, member_id, move, new_item, rdb  # noqa: F401
from .test_cli import run

SECTIONS = ("1日時", "2場所", "3出席者", "4議題", "5協議内容", "6決定事項", "7継続審議事項", "8報告事項", "9次回予定")


@pytest.fixture
def held(rdb):
    """A 住民業務 meeting on 令和8年11月22日: R-0001 withdrawn by decision, R-0002 continued,
    R-0003 standardized through `requests move --meeting` (not on the agenda)."""
    a = new_item(rdb, "那珂市", "0010002")
    join(rdb, a, "五霞町")
    b = new_item(rdb, "常陸大宮市", "0010001")
    with rdb.session() as s, s.begin():
        m = mops.create_meeting(s, kind="部会", subcommittee_id=mops.resolve_subcommittee(s, "住民業務"),
                                title="住民業務部会", held_on=dt.date(2026, 11, 22), start_time="14:00", end_time="16:00",
                                place="那珂市役所 本庁舎3階 第1会議室").id
        mops.build_agenda(s, meeting_id=m)
        for role, member, name, title, org in (("member", "那珂市", "佐藤 一郎", "係長", None),
                                               ("member", "常陸大宮市", "鈴木 花子", "主査", None),
                                               ("vendor", None, "山田 健", "プロジェクトマネージャー", "株式会社デモ情報システム"),
                                               ("secretariat", None, "木村 直子", "主任", "協議会事務局")):
            mops.add_attendee(s, meeting_id=m, role=role, member_id=member_id(s, member) if member else None, name=name,
                              title=title, organization=org)
        mops.update_meeting(s, meeting_id=m, fields=mops.MeetingFields(
            notes="事務局からカスタマイズ抑制方針を説明した。", next_meeting="令和8年12月16日（水）14時から（場所は追って連絡）"))
    with rdb.session() as s, s.begin():
        mops.record_outcome(s, meeting_id=m, item_id=a, outcome="decided", decide="under_review", reason="検討を開始")
    c = new_item(rdb, "かすみがうら市", "0010003")
    move(rdb, a, "withdrawn", reason="窓口の運用で対応できる", meeting_id=m)
    with rdb.session() as s, s.begin():
        mops.record_outcome(s, meeting_id=m, item_id=b, outcome="continued", notes="件数を確認して次回に再協議する。")
    move(rdb, c, "under_review", reason=None)
    move(rdb, c, "standardized", reason="次期版で標準機能に追加", meeting_id=m)
    return rdb, m


def minutes(db, m):
    with db.session() as s:
        return build_minutes(s, m)


def test_minutes_data_lists_every_decision_of_the_meeting(held):
    db, m = held
    mi = minutes(db, m)
    assert mi.title == "第1回 住民業務部会 議事録"
    assert mi.when == "令和8年11月22日（日）　14:00～16:00"
    assert [g for g, _ in mi.attendees] == ["構成団体", "ベンダー", "事務局"]
    assert [a.member for a in mi.attendees[0][1]] == ["常陸大宮市", "那珂市"]  # member order, not entry order
    assert [(d.key, d.text) for d in mi.decisions] == [("R-0001", "取下げとする"), ("R-0003", "標準化とする")]
    assert [(r.key, r.text) for r in mi.continued] == [("R-0002", "継続審議とする")]
    assert mi.reports == ()
    assert mi.warnings and mi.warnings[0].member == "五霞町"


@needs_poppler
def test_minutes_pdf(held, tmp_path):
    db, m = held
    out = tmp_path / "minutes.pdf"
    pages = write_minutes_pdf(out, minutes(db, m))
    assert pages == page_count(out) == 1
    assert_fonts_embedded(out)
    text = page_texts(out)[0]
    assert text.strip().splitlines()[0].strip() == "第1回 住民業務部会 議事録"
    body = flat(raw_text(out))
    positions = [body.index(s) for s in SECTIONS]
    assert positions == sorted(positions)  # the sections in order
    for expected in ("令和8年11月22日（日）14:00～16:00", "那珂市役所本庁舎3階第1会議室", "構成団体常陸大宮市鈴木花子主査",
                     "ベンダー株式会社デモ情報システム山田健プロジェクトマネージャー", "事務局協議会事務局木村直子主任",
                     "(1)R-0001転入届の受付（那珂市、五霞町）", "事務局からカスタマイズ抑制方針を説明した。",
                     "件数を確認して次回に再協議する。", "結果継続審議とする",
                     "6決定事項・R-0001転入届の受付：取下げとする（窓口の運用で対応できる）",
                     "R-0003外字の印字：標準化とする（次期版で標準機能に追加）",
                     "7継続審議事項・R-0002住民票の写しの交付：継続審議とする", "8報告事項（なし）",
                     "令和8年12月16日（水）14時から（場所は追って連絡）", "1/1", "以上"):
        assert expected in body, expected


@needs_poppler
def test_long_minutes_break_pages_and_number_them(held, tmp_path):
    db, m = held
    with db.session() as s, s.begin():
        mops.update_meeting(s, meeting_id=m, fields=mops.MeetingFields(notes="協議の経過を記録する。" * 400))
    out = tmp_path / "long.pdf"
    pages = write_minutes_pdf(out, minutes(db, m))
    assert pages >= 3
    for n, text in enumerate(page_texts(out), start=1):
        assert f"{n} / {pages}" in text
    assert_fonts_embedded(out)
    # nothing lost at page breaks (the footers, drawn after each page's text, taken out first)
    body = re.sub(r"\d+/\d+テスト自治体クラウド協議会", "", flat(raw_text(out)))
    assert body.count("協議の経過を記録する。") == 400


def test_minutes_docx_sets_the_east_asian_font_and_has_every_section(held, tmp_path):
    db, m = held
    out = tmp_path / "minutes.docx"
    write_minutes_docx(out, minutes(db, m))
    d = docx.Document(str(out))
    normal = d.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "BIZ UDMincho"
    heading = d.styles["Heading 1"].element.rPr.rFonts
    assert heading.get(qn("w:eastAsia")) == "BIZ UDGothic" and heading.get(qn("w:eastAsiaTheme")) is None
    runs = [r for p in d.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.element.rPr.rFonts.get(qn("w:eastAsia")) in ("BIZ UDMincho", "BIZ UDGothic") for r in runs)
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "第1回 住民業務部会 議事録"
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["1　日時", "2　場所", "3　出席者", "4　議題", "5　協議内容", "6　決定事項", "7　継続審議事項",
                     "8　報告事項", "9　次回予定"]
    assert "令和8年11月22日（日）　14:00～16:00" in texts
    assert "・R-0001　転入届の受付：取下げとする（窓口の運用で対応できる）" in texts
    assert texts.index("6　決定事項") < texts.index("・R-0001　転入届の受付：取下げとする（窓口の運用で対応できる）") \
        < texts.index("7　継続審議事項") < texts.index("・R-0002　住民票の写しの交付：継続審議とする") < texts.index("8　報告事項")
    assert not any("決定（" in x for x in texts)
    (table,) = d.tables
    assert [c.text for c in table.rows[0].cells] == ["区分", "所属", "氏名", "役職"]
    assert [c.text for c in table.rows[3].cells] == ["ベンダー", "株式会社デモ情報システム", "山田 健", "プロジェクトマネージャー"]
    sec = d.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)


@needs_poppler
def test_export_minutes_from_the_command_line(held, tmp_path, capsys):
    db, m = held
    for name in ("m.pdf", "m.docx"):
        code, out, err = run(capsys, "--db", db.path, "export", "minutes", m, "--out", tmp_path / name)
        assert code == 0 and "議事録を書き出しました" in out
        assert "注意: 五霞町の要望（R-0001）が議題にありますが" in err
    assert "決定事項" in page_texts(tmp_path / "m.pdf")[0]
    code, _, err = run(capsys, "--db", db.path, "export", "minutes", m, "--out", tmp_path / "m.txt")
    assert code == 1 and ".pdf または .docx" in err


def test_minutes_list_the_members_that_asked_at_the_meeting(rdb, tmp_path):
    """A member that withdraws after the meeting is still printed as a requester in its minutes
    (PDF and Word); one that withdrew before the meeting is not; one withdrawn at it still is."""
    from cloudsuppress.ops import requests as req

    item = new_item(rdb, "常陸大宮市", "0010002")
    for name in ("那珂市", "かすみがうら市", "五霞町"):
        join(rdb, item, name)
    with rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "那珂市"), reason="運用で対応",
                            on=dt.date(2026, 5, 1))
        m = mops.create_meeting(s, kind="部会", subcommittee_id=mops.resolve_subcommittee(s, "住民業務"),
                                title="住民業務部会", held_on=dt.date(2026, 5, 27)).id
        mops.build_agenda(s, meeting_id=m)
    with rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason="会議で取下げ",
                            on=dt.date(2026, 5, 27))
        for name in ("常陸大宮市", "かすみがうら市"):
            req.withdraw_member(s, item_id=item, member_id=member_id(s, name), reason="運用で対応",
                                on=dt.date(2026, 6, 16))
    mn = minutes(rdb, m)
    assert [r.members for r in mn.agenda] == [("常陸大宮市", "かすみがうら市", "五霞町")]
    pdf = tmp_path / "m.pdf"
    write_minutes_pdf(pdf, mn)
    text = flat(raw_text(pdf))
    assert text.count("（常陸大宮市、かすみがうら市、五霞町）") == 2  # 議題 and 協議内容
    assert "那珂市" not in text
    out = tmp_path / "m.docx"
    write_minutes_docx(out, mn)
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert body.count("（常陸大宮市、かすみがうら市、五霞町）") == 2


def test_minutes_docx_sizes_the_attendee_columns_for_company_names_and_keeps_ijo_with_the_last_section(held, tmp_path):
    """R22: the 所属 column (a vendor's company name) was narrower than 氏名 in the .docx, and 「以上」
    could stand alone on the last page."""
    db, m = held
    out = tmp_path / "minutes.docx"
    write_minutes_docx(out, minutes(db, m))
    d = docx.Document(str(out))
    (table,) = d.tables
    grid = [round(docx.shared.Twips(int(c.get(qn("w:w")))).mm) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[1] == max(grid) and grid[1] >= 52  # 「株式会社サンプルシステムズ」 at 10.5 pt, with the cell's padding
    assert all(round(c.width.mm) == grid[n] for row in table.rows for n, c in enumerate(row.cells))
    assert table.autofit is False
    paragraphs = [p for p in d.paragraphs if p.text.strip()]
    assert paragraphs[-1].text == "以上"
    assert paragraphs[-2].paragraph_format.keep_with_next is True  # 次回予定's text stays with 以上
    assert paragraphs[-3].text == "9　次回予定"
