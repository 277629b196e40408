"""業務を追加… and `structure add-system` are one op (issue #16): ``ops.consortium.add_business_system``
takes the names as the dialog always did, NFKC and trimmed, so a name typed with full-width brackets is
the preset's 業務 on both sides (the CLI used to add 「国民健康保険（資格）」 beside 「国民健康保険(資格)」)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from cloudsuppress.domain.models import BusinessSystem, Subcommittee
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import consortium as consortium_ops

from .test_cli import run


def _systems(db) -> list[tuple[str, str | None, str | None, str]]:
    with db.session() as s:
        return [(b.name, b.code, b.working_group, b.subcommittee.name)
                for b in s.scalars(select(BusinessSystem).order_by(BusinessSystem.id))]


def test_the_cli_refuses_a_full_width_spelling_of_a_registered_system(db, capsys):
    before = _systems(db)
    code, _, err = run(capsys, "--db", db.path, "structure", "add-system", "国民健康保険（資格）",
                       "--subcommittee", "福祉業務")
    assert code == 1 and "業務「国民健康保険(資格)」はすでにあります" in err, err
    assert _systems(db) == before


def test_names_numbers_and_wg_are_stored_normalized(db, capsys):
    code, out, _ = run(capsys, "--db", db.path, "structure", "add-system", " 霊園管理（墓地） ", "--subcommittee",
                       "環境業務　", "--new-subcommittee", "--code", "３４", "--wg", " 霊園ＷＧ ")
    assert code == 0 and "業務「霊園管理(墓地)」を専門部会「環境業務」に追加しました" in out, out
    assert _systems(db)[-1] == ("霊園管理(墓地)", "34", "霊園WG", "環境業務")
    with db.session() as s:
        assert s.scalar(select(Subcommittee.name).order_by(Subcommittee.id.desc()).limit(1)) == "環境業務"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("name", "業" * 101, "業務の名称が長すぎます（101文字、上限100文字）"),
    ("code", "1" * 21, "業務番号が長すぎます（21文字、上限20文字）"),
    ("working_group", "W" * 101, "ワーキンググループが長すぎます（101文字、上限100文字）"),
])
def test_lengths_the_dialog_limits_are_refused_by_the_op(db, field, value, message):
    """The dialog's fields stop at 100 / 20 / 100 characters; the op says so for the CLI (PostgreSQL would
    refuse the row with an English DataError)."""
    values = {"name": "霊園管理", "subcommittee": "住民業務", field: value}
    with pytest.raises(DomainError, match=message.replace("（", r"\（").replace("）", r"\）")):
        with db.session() as s, s.begin():
            consortium_ops.add_business_system(s, **values)


def test_rename_takes_the_same_spelling(db, capsys):
    code, out, err = run(capsys, "--db", db.path, "structure", "rename-system", "国民健康保険（資格）", "国保（資格）")
    assert code == 0, err
    assert "国保(資格)" in [n for n, *_ in _systems(db)]


def test_a_synonym_of_a_registered_system_is_refused_unless_said_distinct(db, capsys):
    """Walk O1: `structure add-system 住民記録` was accepted beside 住民基本台帳 (one synonym group), after which
    a list whose 業務 column says 住民記録 went to the new, empty 業務. The op refuses a synonym, naming the
    registered 業務, unless --distinct (選挙人名簿管理 beside 選挙投票管理 are two real 業務 in one group);
    a mere spelling (「住民基本台帳システム」) is refused even then. Imports still read the synonym as before."""
    from cloudsuppress.ops.business_systems import match_business_system

    before = _systems(db)
    code, out, err = run(capsys, "--db", db.path, "structure", "add-system", "住民記録", "--subcommittee", "住民業務")
    assert (code, out) == (1, "")
    assert "「住民記録」は、登録済みの業務「住民基本台帳」の別の呼び方として読まれます" in err, err
    assert "--distinct" in err
    code, _, err = run(capsys, "--db", db.path, "structure", "add-system", "住民基本台帳システム",
                       "--subcommittee", "住民業務", "--distinct")
    assert code == 1 and "登録済みの業務「住民基本台帳」と表記が違うだけ" in err, err
    assert _systems(db) == before
    with db.session() as s:
        assert match_business_system(s, "住民記録") == match_business_system(s, "住民基本台帳")
    code, _, err = run(capsys, "--db", db.path, "structure", "add-system", "選挙人名簿管理", "--subcommittee", "総合業務",
                       "--distinct")
    assert (code, err) == (0, ""), err
    with db.session() as s:
        assert match_business_system(s, "選挙人名簿管理") != match_business_system(s, "選挙投票管理")
    with db.session() as s, s.begin(), pytest.raises(consortium_ops.SynonymSystemError) as refused:
        consortium_ops.add_business_system(s, name="住基", subcommittee="住民業務")
    assert (refused.value.registered, refused.value.spelling) == ("住民基本台帳", False)
