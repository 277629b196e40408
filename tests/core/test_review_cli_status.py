"""Review R27: the CLI takes a request status as the GUI and the documents name it (要望, 検討中,
標準化, 取下げ, カスタマイズ実施) as well as its English code, wherever it takes a status:
`requests list --status`, `requests move --to`, `meetings outcome --decide`."""
from __future__ import annotations

import json

import pytest

from .request_support import new_item, rdb  # noqa: F401
from .test_meetings_cli import cli, create


def _statuses(capsys, db, *filters) -> list[tuple[str, str]]:
    code, out, err = cli(capsys, db, "requests", "list", *filters, "--json")
    assert code == 0, err
    return [(r["key"], r["status"]) for r in json.loads(out)]


def test_status_labels_are_accepted_like_the_codes(rdb, capsys):
    new_item(rdb, "那珂市", "0010002")
    new_item(rdb, "五霞町", "0010001")
    assert _statuses(capsys, rdb, "--status", "要望") == _statuses(capsys, rdb, "--status", "requested") == [
        ("R-0001", "requested"), ("R-0002", "requested")]
    code, out, err = cli(capsys, rdb, "requests", "move", "R-0001", "--to", "検討中", "--reason", "部会で検討する")
    assert code == 0, err
    code, out, err = cli(capsys, rdb, "requests", "move", "R-0001", "--to", "取り下げ", "--reason", "運用で対応")
    assert code == 0, err
    assert _statuses(capsys, rdb, "--status", "取下げ") == [("R-0001", "withdrawn")]
    assert _statuses(capsys, rdb, "--status", "未検討") == [("R-0002", "requested")]  # the list's short header for 要望

    meeting = create(capsys, rdb)
    cli(capsys, rdb, "meetings", "agenda", str(meeting), "--build")
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(meeting), "--item", "R-0002", "--decide", "標準化",
                         "--reason", "次期バージョンで標準機能とする")
    assert code == 0, err
    assert _statuses(capsys, rdb, "--status", "標準化") == [("R-0002", "standardized")]


@pytest.mark.parametrize("word", ["カスタマイズ実施（財政課協議・首長決裁の後に確定）", "customized_pending"])
def test_a_customization_decided_in_principle_by_its_label(rdb, capsys, word):
    new_item(rdb, "那珂市", "0010002")
    meeting = create(capsys, rdb)
    cli(capsys, rdb, "meetings", "agenda", str(meeting), "--build")
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(meeting), "--item", "R-0001", "--decide", word,
                         "--reason", "独自施策")
    # the same refusal for the label as for the code: the op ran (the estimate is missing), argparse did not refuse
    assert code == 1 and "見積額" in err


def test_an_unknown_status_lists_the_japanese_words_first(rdb, capsys):
    with pytest.raises(SystemExit):
        cli(capsys, rdb, "requests", "list", "--status", "済")
    assert capsys.readouterr().err.splitlines()[-1] == (
        "cloudsuppress requests list: 引数の誤り: --status: 指定できない値です: 済（指定できる値: 要望、検討中、標準化、取下げ、"
        "カスタマイズ実施、または requested、under_review、standardized、withdrawn、customized）")
