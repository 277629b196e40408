"""The request reader reads clean rows column by column and sends only the rows a C-speed screen points
at through every per-cell check (issue 18). Whatever the cells hold, it returns the same records and the
same problems, in the same order, as when every row goes through the per-row checks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloudsuppress import limits
from cloudsuppress.domain.vocab import clean_text
from cloudsuppress.importers import requests as reader

from .conftest import write_csv, write_xlsx

HEADER = ["要望番号", "団体名", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容",
          "年間処理件数", "代替運用案", "見積額", "業務", "種別"]
GOOD = ["R-0001", "五霞町", "0010001", "交付番号の印字", "証明書に受付番号を印字してほしい。", "住民サービス水準の維持",
        "低下しない", "窓口で対応できる。", "1,200", "", "880000", "住民基本台帳", "機能"]

# What real cells hold, and what goes wrong in them: full-width forms, invisible and control characters,
# carriage returns, spaces around, over-long texts, words not understood, numbers that are not whole.
PIECES = ["", " ", "　", "R-0001", "Ｒ－０００２", "五霞町", "境町 ", "\u200b五霞町", "0010001", "００１０００２", "a\u00adb",
          "要望\r\n内容", "内容\r", "x\r\ny", "\x07", "x\x1f", "\x85", "a\x9fb", "\x7f", "\ufffe",
          "住民サービス水準の維持", "自治体独自施策", "理由なし",
          "低下する", "低下しない", "はい", "たぶん", "1,200", "１２００件", "¥880,000", "12.0", "-5", "3000000000", "1e3",
          "機能", "帳票", "その他", "住民基本台帳", "=SUM(A1)", "あ" * 31, "い" * 201, "う" * 101]
cells = st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join)
# Per row: which cells of a good row to replace, and by what (one or two: a row with one bad cell
# is the one a screen could miss).
changes = st.lists(st.tuples(st.integers(0, len(HEADER) - 1), cells), min_size=1, max_size=2)
rows = st.lists(changes, min_size=1, max_size=12)


def _every_row_checked(path: Path, monkeypatch: pytest.MonkeyPatch):
    """The reading before the screen: every row with text outside 団体名 goes through the per-row checks."""
    def nothing_read_clean(table, first, labels, columns):
        cols = [c for f, c in columns.items() if f != "member"]
        return [None if any(clean_text(col[i]) for col in cols) else reader._EMPTY_ROW
                for i in range(len(table.rows) - first)]

    with monkeypatch.context() as m:
        m.setattr(reader, "_clean_records", nothing_read_clean)
        return reader.read_request_file(path)


def _mixed(noise: list[list[tuple[int, str]]]) -> list[list[str]]:
    """Good rows, and after each a row with one or two cells replaced by noise."""
    out = []
    for n, replaced in enumerate(noise):
        good = [f"R-{n:04d}" if c == 0 else v for c, v in enumerate(GOOD)]
        out.append(good)
        changed = list(good)
        for c, text in replaced:
            changed[c] = text
        out.append(changed)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(noise=rows)
def test_screened_reading_equals_every_row_checked_csv(tmp_path, monkeypatch, noise):
    path = write_csv(tmp_path / "r.csv", [HEADER, *_mixed(noise)])
    assert reader.read_request_file(path) == _every_row_checked(path, monkeypatch)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(noise=rows)
def test_screened_reading_equals_every_row_checked_xlsx(tmp_path, monkeypatch, noise):
    body: list[list[object]] = [list(r) for r in _mixed(noise)]
    body[0][2] = 10001  # a number where an ID belongs, a date, a boolean: cells that were not text
    if len(body) > 2:
        body[2][0] = dt.date(2026, 4, 1)
        body[1][8] = 1200
    if len(body) > 3:
        body[3][1] = True
    path = write_xlsx(tmp_path / "r.xlsx", [HEADER, *body], sheet="要望")
    assert reader.read_request_file(path) == _every_row_checked(path, monkeypatch)


def test_clean_rows_are_read_without_the_per_row_checks(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "r.csv", [HEADER, GOOD, [""] * len(HEADER), ["R-0002", *GOOD[1:8], "", "", "", "", ""]])
    calls = []
    original = reader._check_row
    monkeypatch.setattr(reader, "_check_row", lambda *a: calls.append(a[1]) or original(*a))
    records, issues = reader.read_request_file(path)
    assert issues == [] and calls == []
    assert [(r.row, r.key, r.member, r.function_code, r.annual_cases, r.estimate, r.kind) for r in records] == [
        (2, "R-0001", "五霞町", "0010001", 1200, 880000, "function"), (4, "R-0002", "五霞町", "0010001", None, None, None)]


def test_every_piece_in_every_column_reads_the_same_both_ways(tmp_path, monkeypatch):
    # Exhaustive for one changed cell, one file each: the row the screen must not miss, in each column,
    # the rest of the column good (so the column-wide shortcuts, an ASCII column, are in play).
    path = tmp_path / "r.csv"
    for c in range(len(HEADER)):
        for piece in PIECES:
            write_csv(path, [HEADER, GOOD, [piece if k == c else v for k, v in enumerate(GOOD)]])
            assert reader.read_request_file(path) == _every_row_checked(path, monkeypatch), (HEADER[c], piece)


@given(values=st.lists(st.one_of(st.none(), st.booleans(), st.integers(-2 ** 40, 2 ** 40), cells), max_size=6),
       where=st.sampled_from([("request_item", "key"), ("request_item", "title"), ("member_request", "content"),
                              ("request_item", "estimate"), ("member_request", "annual_cases"), ("member", "name")]))
def test_a_column_fits_when_each_of_its_values_does(values, where):
    assert limits.column_fits(*where, values) == all(limits.check_value(*where, v) is None for v in values)
