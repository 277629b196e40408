"""One set of limits for both databases (issue 17, finding 4): the same inputs against SQLite and
the PostgreSQL server give the same outcome, a Japanese refusal naming the field (forms, CLI) or the
file, row and column (imports), never an IntegrityError/DataError/OverflowError, and nothing is cut.

Before: a 202-character 要望番号 and 見積額 or 人口 ≥ 2^31 were stored by SQLite (and refused by
PostgreSQL with a traceback), numbers ≥ 2^63 gave OverflowError, digits such as 「𐩀」 ValueError,
a 5,000-character 要望名 was cut to 200, 参加日 0001-01-01 was accepted, and a meeting title with
U+000B was stored (its minutes .docx then failed).
"""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress import limits
from cloudsuppress.domain.models import Member, RequestItem
from cloudsuppress.errors import DomainError, ImportValidationError
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.ops import meetings as meeting_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import requests as req

from .conftest import write_csv, write_xlsx
from .request_support import PART, function_id, member_id, seed


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def both(request):
    """The same consortium on SQLite, then on the PostgreSQL server."""
    database = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    seed(database)
    return database


def outcome(database, op) -> str:
    """'ok', or the refusal's message; any other exception fails the test (it is a traceback to the user)."""
    try:
        with database.session() as s, s.begin():
            op(s)
    except DomainError as exc:
        return str(exc)
    return "ok"


def new_item(s, **kw):
    values = {**PART, **kw}
    return req.create_item(s, member_id=member_id(s, "那珂市"), function_id=function_id(s, "0010002"), **values)


CASES = {
    "key of 202 characters": (lambda s: new_item(s, key="R" * 202), "要望番号は 30 文字以内"),
    "key of 30 characters": (lambda s: new_item(s, key="R-" + "0" * 28), None),
    "title of 5,000 characters": (lambda s: new_item(s, title="様" * 5000), "要望名は 200 文字以内"),
    "estimate of 2^31": (lambda s: new_item(s, estimate=2 ** 31), "見積額は 2,147,483,647 以下"),
    "estimate of 2^31 - 1": (lambda s: new_item(s, estimate=2 ** 31 - 1), None),
    # the member part's own rule (999,999,999, the editor's limit) answers before the column's
    "annual cases of 2^63": (lambda s: new_item(s, annual_cases=2 ** 63), "年間処理件数は 999,999,999 件以下"),
    "content with NUL": (lambda s: new_item(s, content="窓口で\x00交付"), "制御文字（U+0000）"),
    "population of 2^31": (lambda s: member_ops.add_member(s, name="大きな市", population=2 ** 31), "人口は 2,147,483,647 以下"),
    "joined on 0001-01-01": (lambda s: member_ops.add_member(s, name="古い町", population=100,
                                                             joined_on=dt.date(1, 1, 1)), "明治より前の日付"),
    "meeting title with U+000B": (lambda s: meeting_ops.create_meeting(s, kind="協議会", title="総会\x0b第2回",
                                                                      held_on=dt.date(2026, 5, 1)), "制御文字（U+000B）"),
    "member name of 101 characters": (lambda s: member_ops.add_member(s, name="町" * 101, population=100),
                                      "団体名は 100 文字以内"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_same_input_has_the_same_outcome_on_both_databases(both, case):
    op, refusal = CASES[case]
    result = outcome(both, op)
    if refusal is None:
        assert result == "ok"
    else:
        assert refusal in result, result
        with both.session() as s:  # nothing was written, nothing was cut
            assert all(len(k) <= 30 for k in s.scalars(__import__("sqlalchemy").select(RequestItem.key)))
            assert s.query(Member).filter(Member.population > 2 ** 31 - 1).count() == 0


def test_a_long_title_is_refused_not_cut(db):
    seed(db)
    message = outcome(db, lambda s: new_item(s, title="様" * 5000))
    assert "5,000 文字あります" in message and len(message) < 300  # named by its start, not echoed whole
    with db.session() as s:
        assert s.query(RequestItem).count() == 0


# --- imports: the file, the row and the column -----------------------------------------------------

REQUEST_HEADER = ["要望番号", "団体名", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容",
                  "年間処理件数", "見積額"]


def request_row(**kw) -> list[str]:
    values = {"要望番号": "", "団体名": "那珂市", "機能ID": "0010002", "要望名": "様式の追加", "要望内容": "様式を追加してほしい。",
              "理由区分": "住民サービス水準の維持", "住民サービス低下": "低下する", "低下の内容": "窓口で待ち時間が延びる。",
              "年間処理件数": "1200", "見積額": ""} | kw
    return [values[h] for h in REQUEST_HEADER]


@pytest.mark.parametrize("column, value, message", [
    ("要望番号", "R" * 202, ("要望番号", "202", "30")),
    ("要望名", "様" * 5000, ("要望名", "5,000", "200")),
    ("見積額", str(2 ** 31), ("見積額は 2,147,483,647 以下",)),
    ("見積額", str(2 ** 63), ("見積額は 2,147,483,647 以下",)),
    ("見積額", "9" * 40, ("見積額は 2,147,483,647 以下",)),
    ("年間処理件数", "𐩀𐩁", ("年間処理件数「𐩀𐩁」は 0 以上の整数ではありません",)),
])
def test_a_request_workbook_over_the_limits_names_file_row_and_column(tmp_path, column, value, message):
    path = write_csv(tmp_path / "要望票_那珂市.csv", [REQUEST_HEADER, request_row(**{column: value})])
    with pytest.raises(ImportValidationError) as err:
        read_request_files([path])
    [issue] = err.value.issues
    assert (issue.file, issue.row) == ("要望票_那珂市.csv", 2)
    assert column in (issue.column or "") and all(m in issue.message for m in message), (issue.column, issue.message)


def test_a_request_workbook_with_a_huge_number_cell_is_refused_not_overflowed(tmp_path):
    path = write_xlsx(tmp_path / "要望票.xlsx", [REQUEST_HEADER, request_row(見積額=None) [:-1] + [1e20]], sheet="要望")
    with pytest.raises(ImportValidationError) as err:
        read_request_files([path])
    assert any("見積額" in (i.column or "") for i in err.value.issues), err.value.issues


@pytest.mark.parametrize("column, value, message", [
    ("人口", str(2 ** 31), "人口は 2,147,483,647 以下"),
    ("人口", str(2 ** 63 + 5), "人口は 2,147,483,647 以下"),
    ("人口", "𐩀", "人口「𐩀」は正の整数ではありません"),
    ("参加日", "0001-01-01", "明治より前の日付"),
])
def test_a_member_list_over_the_limits_names_file_row_and_column(tmp_path, column, value, message):
    row = {"団体名": "那珂市", "人口": "55827", "参加日": "2026-04-01"} | {column: value}
    path = write_csv(tmp_path / "団体一覧.csv", [list(row), list(row.values())])
    with pytest.raises(ImportValidationError) as err:
        read_member_list(path)
    [issue] = err.value.issues
    assert issue.row == 2 and column in (issue.column or "") and message in issue.message, issue


def test_the_limits_come_from_the_schema():
    assert limits.column_limit("request_item", "key") == ("text", 30)
    assert limits.column_limit("request_item", "estimate") == ("int", (-(2 ** 31), 2 ** 31 - 1))
    assert limits.column_limit("member", "joined_on")[0] == "date"
    assert limits.check_value("request_item", "title", "様" * 200) is None
    assert limits.check_value("member", "joined_on", dt.date(1868, 10, 23)) is None
    assert limits.check_value("member", "joined_on", dt.date(1868, 10, 22)) is not None


def test_minutes_of_a_meeting_stored_before_the_limits_still_write(db, tmp_path):
    """A title with U+000B stored by an earlier version (SQL here, past the flush check) made the
    minutes .docx fail ("All strings must be XML compatible"); the minutes leave the control out."""
    from sqlalchemy import text

    from cloudsuppress.ops.minutes import build_minutes
    from cloudsuppress.reports.minutes_docx import write_minutes_docx

    seed(db)
    with db.session() as s, s.begin():
        meeting = meeting_ops.create_meeting(s, kind="協議会", title="総会", held_on=dt.date(2026, 5, 1)).id
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE meeting SET title = :t, place = :p WHERE id = :id"),
                      {"t": "総会\x0b第2回", "p": "本庁舎\x01会議室", "id": meeting})
    with db.session() as s:
        minutes = build_minutes(s, meeting)
    assert "\x0b" not in minutes.title and "総会第2回" in minutes.title and minutes.place == "本庁舎会議室"
    out = tmp_path / "議事録.docx"
    write_minutes_docx(out, minutes)
    assert out.stat().st_size > 1000
