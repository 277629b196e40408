"""`requests save`: a member part saved from the CLI goes through the request editor's op,
``ops.requests.save_item`` (issue #16): the fields given change, a member not in the item joins, every
problem is named at once and nothing is written, one undo step takes it back."""
from __future__ import annotations

from sqlalchemy import select

from cloudsuppress.domain.models import MemberRequest
from cloudsuppress.ops import undo as undo_ops

from .conftest import dump
from .request_support import PART, member_id, new_item, rdb  # noqa: F401
from .test_cli import run


def _part(db, item: int, member: str) -> dict:
    with db.session() as s:
        row = s.scalar(select(MemberRequest).where(MemberRequest.item_id == item,
                                                   MemberRequest.member_id == member_id(s, member)))
        return {k: getattr(row, k) for k in PART} if row is not None else {}


def test_the_fields_given_change_and_the_others_stay(rdb, capsys):  # noqa: F811
    item = new_item(rdb, "那珂市")
    code, out, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "那珂市",
                         "--content", " 様式を追加してほしい。 ", "--cases", "１，５００", "--workaround", "")
    assert code == 0 and "要望 R-0001 の那珂市の要望を保存しました" in out, err
    assert _part(rdb, item, "那珂市") == {**PART, "content": "様式を追加してほしい。", "annual_cases": 1500,
                                         "workaround": None}
    code, out, _ = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "那珂市",
                       "--content", "様式を追加してほしい。")
    assert code == 0 and "変わりませんでした" in out


def test_a_member_not_in_the_item_joins_with_every_mandatory_field(rdb, capsys):  # noqa: F811
    item = new_item(rdb, "那珂市")
    before = dump(rdb)
    code, _, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "五霞町", "--content", "同じ")
    assert code == 1
    assert "五霞町: 理由区分を" in err and "五霞町: 住民サービス水準が低下するか" in err, err  # every problem at once
    assert dump(rdb) == before
    code, _, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "五霞町", "--content", "同じ",
                       "--reason", "事務効率・処理件数", "--service-drop", "低下しない", "--detail", "運用で足りる。")
    assert code == 0, err
    assert _part(rdb, item, "五霞町")["reason"] == "efficiency"
    with rdb.session() as s, s.begin():  # one undo step takes the join back
        undo_ops.undo(s)
    assert _part(rdb, item, "五霞町") == {}


def test_an_unknown_reason_is_refused_naming_the_choices(rdb, capsys):  # noqa: F811
    new_item(rdb, "那珂市")
    code, _, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "那珂市", "--reason", "好み")
    assert code == 1 and "理由区分「好み」はありません（住民サービス水準の維持、" in err, err


def test_too_many_cases_are_refused_naming_the_member(rdb, capsys):  # noqa: F811
    """`requests save --cases 99999999999` was refused by the database bounds as 「団体の要望（id 64）:
    年間処理件数は 2,147,483,647 以下にしてください」, naming a row id instead of the member; the editor's
    field stops at 999,999,999 (walk, 2026-12-07)."""
    item = new_item(rdb, "那珂市")
    before = dump(rdb)
    code, _, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "那珂市",
                       "--cases", "99999999999")
    assert code == 1 and "那珂市: 年間処理件数は 999,999,999 件以下で入力してください。" in err, err
    assert "id" not in err and dump(rdb) == before
    code, _, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "那珂市",
                       "--cases", "999999999")
    assert code == 0 and _part(rdb, item, "那珂市")["annual_cases"] == 999_999_999, err


def test_a_member_that_withdrew_rejoins_with_its_former_answers(rdb, capsys):  # noqa: F811
    """Walk O11: `requests withdraw … --member 五霞町` then `requests save … --member 五霞町 --content …` asked for
    every mandatory field again (理由区分, 住民サービス…) though the withdrawn part still held them. Saving a
    withdrawn member's part is its rejoining (as join_item always allowed), its former answers kept for the
    fields not given; one undo step takes the rejoining back."""
    item = new_item(rdb, "那珂市")
    code, _, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "五霞町", "--content", "同じ",
                       "--reason", "事務効率・処理件数", "--service-drop", "低下しない", "--detail", "運用で足りる。")
    assert code == 0, err
    code, _, err = run(capsys, "--db", rdb.path, "requests", "withdraw", "R-0001", "--member", "五霞町",
                       "--reason", "運用で対応する")
    assert code == 0, err
    code, out, err = run(capsys, "--db", rdb.path, "requests", "save", "R-0001", "--member", "五霞町",
                         "--content", "やはり必要")
    assert code == 0, err
    part = _part(rdb, item, "五霞町")
    assert (part["content"], part["reason"], part["service_drop_detail"]) == ("やはり必要", "efficiency", "運用で足りる。")
    with rdb.session() as s:
        row = s.scalar(select(MemberRequest).where(MemberRequest.item_id == item,
                                                   MemberRequest.member_id == member_id(s, "五霞町")))
        assert not row.withdrawn and row.withdrawn_reason is None
    with rdb.session() as s, s.begin():
        undo_ops.undo(s)
    with rdb.session() as s:
        row = s.scalar(select(MemberRequest).where(MemberRequest.item_id == item,
                                                   MemberRequest.member_id == member_id(s, "五霞町")))
        assert row.withdrawn and row.content == "同じ"


def test_a_missing_reason_names_the_option_on_the_command_line(rdb, capsys):  # noqa: F811
    """Walk O10: `requests move … --to 取下げ --reason ""` said 「理由を入力してください」, naming no option."""
    new_item(rdb, "那珂市")
    code, _, err = run(capsys, "--db", rdb.path, "requests", "move", "R-0001", "--to", "取下げ", "--reason", " ")
    assert code == 1 and "判断するには理由が必要です。理由を --reason で指定してください。" in err, err
