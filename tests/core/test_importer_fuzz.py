"""Fuzzing the three importers (function list, members, requests) end to end: every bad file ends
in a clear DomainError (ImportValidationError) with the database unchanged, or in a correct
import; never another exception, never part of an import."""
from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cloudsuppress.errors import DomainError
from cloudsuppress.importers.function_list import mapping_from_options, parse_function_list
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.importers.tabular import read_table
from cloudsuppress.models import Function, Member, RequestItem
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import request_import as request_import_ops

from .conftest import csv_bytes, dump, write_xlsx
from .request_support import dump_requests, rdb  # noqa: F401

FUNCTION_HEADER = ["機能ID", "機能名", "機能要件", "実装区分", "適合度"]
MEMBER_HEADER = ["団体名", "人口", "参加日"]
REQUEST_HEADER = ["要望番号", "団体名", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容",
                  "年間処理件数", "代替運用案", "見積額"]


def import_functions(database, path: Path) -> int:
    table = read_table(path)
    parsed = parse_function_list(table, mapping_from_options(table, None, {}))
    with database.session() as s, s.begin():
        plan = function_ops.plan_function_import(s, parsed, business_system="住民基本台帳")
        function_ops.apply_function_import(s, plan)
    return plan.total_records


def import_members(database, path: Path) -> int:
    records = read_member_list(path)
    with database.session() as s, s.begin():
        member_ops.import_members(s, records)
    return len(records)


def import_requests(database, path: Path) -> int:
    records = read_request_files([path])
    with database.session() as s, s.begin():
        plan = request_import_ops.plan_request_import(s, records)
        request_import_ops.apply_request_import(s, plan)
    return len(records)


IMPORTERS = {"functions": import_functions, "members": import_members, "requests": import_requests}


def snapshot(database) -> tuple:
    return dump(database), dump_requests(database)


def attempt(database, kind: str, path: Path) -> str:
    """Run one import; 'ok' or 'refused'. Anything but a DomainError fails the test; a refusal must change nothing."""
    before = snapshot(database)
    try:
        IMPORTERS[kind](database, path)
    except DomainError as exc:
        assert str(exc).strip(), "a refusal needs a message"
        assert snapshot(database) == before, "a refused import changed the database"
        return "refused"
    return "ok"


def _xlsx_bytes(tmp_path: Path, rows) -> bytes:
    return write_xlsx(tmp_path / "src.xlsx", rows).read_bytes()


def bad_files(tmp_path: Path, header: list[str], good_row: list[str]) -> dict[str, tuple[str, bytes]]:
    rng = random.Random(2026)
    good = _xlsx_bytes(tmp_path, [header, good_row])
    files = {
        "truncated-xlsx": (".xlsx", good[: len(good) // 2]),
        "truncated-xlsx-tail": (".xlsx", good[:-40]),
        "random-bytes-xlsx": (".xlsx", os.urandom(3000)),
        "random-bytes-xls": (".xls", os.urandom(3000)),
        "random-bytes-csv": (".csv", bytes(rng.randrange(256) for _ in range(3000))),
        "zip-not-xlsx": (".xlsx", b"PK\x03\x04" + os.urandom(200)),
        "empty-file-csv": (".csv", b""),
        "empty-file-xlsx": (".xlsx", b""),
        "utf16-csv": (".csv", csv_bytes([header, good_row], "utf-16")),
        "utf16le-no-bom-csv": (".csv", csv_bytes([header, good_row], "utf-16-le")),
        "euc-jp-csv": (".csv", csv_bytes([header, good_row], "euc-jp")),
        "header-only-csv": (".csv", csv_bytes([header], "utf-8")),
        "huge-cell-csv": (".csv", csv_bytes([header, [c if i else c for i, c in enumerate(good_row)][:1]
                                             + ["巨" * 40_000] + good_row[2:]], "utf-8")),
        "huge-every-cell-csv": (".csv", csv_bytes([header, ["x" * 33_000] * len(header)], "utf-8")),
        "formula-csv": (".csv", csv_bytes([header, ["=1+1", "=cmd|' /C calc'!A0", "@SUM(A1)", "+1", "-1"]
                                           + good_row[5:]], "utf-8")),
        "nul-bytes-csv": (".csv", csv_bytes([header, good_row], "utf-8").replace(b",", b"\x00,", 3)),
        "unbalanced-quotes-csv": (".csv", ("\n".join([",".join(header), '"' + ",".join(good_row)])).encode()),
    }
    return files


def write_formula_xlsx(path: Path, header: list[str], good_row: list[str]) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("要望")
    for c, h in enumerate(header):
        ws.write_string(0, c, h)
    for c, v in enumerate(good_row):
        ws.write_formula(1, c, f'="{v}"', None, v) if c % 2 == 0 else ws.write_formula(1, c, "=1/0")
    wb.add_worksheet("空")
    wb.close()
    return path


GOOD = {
    "functions": ["0019999", "ファズ機能", "要件", "実装必須機能", "○"],
    "members": ["ファズ町", "1234", "2026-04-01"],
    "requests": ["", "那珂市", "0010001", "", "様式を追加", "業務効率", "低下する", "待ち時間", "10", "", ""],
}
HEADERS = {"functions": FUNCTION_HEADER, "members": MEMBER_HEADER, "requests": REQUEST_HEADER}


@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_broken_and_odd_files_end_in_a_clear_refusal_or_a_correct_import(rdb, tmp_path, kind):
    outcomes = {}
    for name, (suffix, data) in bad_files(tmp_path, HEADERS[kind], GOOD[kind]).items():
        path = tmp_path / f"{name}{suffix}"
        path.write_bytes(data)
        outcomes[name] = attempt(rdb, kind, path)
    path = write_formula_xlsx(tmp_path / "formulas.xlsx", HEADERS[kind], GOOD[kind])
    outcomes["formulas-xlsx"] = attempt(rdb, kind, path)
    empty = tmp_path / "empty-sheet.xlsx"
    write_xlsx(empty, [])
    outcomes["empty-sheet-xlsx"] = attempt(rdb, kind, empty)
    # broken containers and empty input are always refused
    for name in ("truncated-xlsx", "random-bytes-xlsx", "random-bytes-xls", "zip-not-xlsx", "empty-file-csv",
                 "empty-file-xlsx", "header-only-csv", "empty-sheet-xlsx"):
        assert outcomes[name] == "refused", (name, outcomes)
    # a correctly encoded file in a legacy encoding is read, not refused
    # EUC-JP (never written by Excel) is refused with a message naming the encodings that work
    assert outcomes["euc-jp-csv"] == "refused", outcomes
    assert outcomes["utf16-csv"] in ("ok", "refused")


@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_duplicate_keys_are_refused_whole(rdb, tmp_path, kind):
    row = GOOD[kind]
    dup = [HEADERS[kind], row, row] if kind != "requests" else [HEADERS[kind], ["R-9001", *row[1:]], ["R-9001", *row[1:]]]
    path = tmp_path / "dup.csv"
    path.write_bytes(csv_bytes(dup, "utf-8"))
    assert attempt(rdb, kind, path) == "refused"


def test_100000_function_rows_import_whole(rdb, tmp_path):
    rows = [FUNCTION_HEADER] + [[f"{i:07d}", f"機能{i}", "要件" * 10, "実装必須機能", "○"] for i in range(1, 100_001)]
    path = tmp_path / "100k.csv"
    path.write_bytes(csv_bytes(rows, "utf-8"))
    assert attempt(rdb, "functions", path) == "ok"
    with rdb.session() as s:
        assert s.scalar(select(func.count()).select_from(Function)) == 100_000 + 2  # the other system keeps its 2


def test_100000_member_rows_with_one_bad_row_import_nothing(rdb, tmp_path):
    rows = [MEMBER_HEADER] + [[f"第{i}村", str(400 + i), ""] for i in range(100_000)]
    rows[77_777][1] = "多い"
    path = tmp_path / "100k-members.csv"
    path.write_bytes(csv_bytes(rows, "utf-8"))
    assert attempt(rdb, "members", path) == "refused"
    with rdb.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 4


csv_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["那珂市", "0010001", "0010002", "業務効率", "低下する", "低下しない", "1,200", "-5", "=1+1", "令和8年4月1日", ""])


@pytest.mark.parametrize("kind", list(IMPORTERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.lists(csv_cell, min_size=0, max_size=12), min_size=0, max_size=8),
       with_header=st.booleans(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16"]))
def test_generated_csv_content(rdb, tmp_path, kind, body, with_header, encoding):
    rows = ([HEADERS[kind]] if with_header else []) + body
    try:
        data = csv_bytes(rows, encoding)
    except UnicodeEncodeError:
        data = csv_bytes(rows, "utf-8")
    path = tmp_path / f"gen-{kind}.csv"
    path.write_bytes(data)
    before_items = None
    with rdb.session() as s:
        before_items = s.scalar(select(func.count()).select_from(RequestItem))
    outcome = attempt(rdb, kind, path)
    if outcome == "ok" and kind == "requests":
        with rdb.session() as s:
            assert s.scalar(select(func.count()).select_from(RequestItem)) >= before_items


@pytest.mark.postgres
@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_oversized_cells_are_refused_on_postgresql_too(pg_db, tmp_path, kind):
    """SQLite never checks VARCHAR lengths; PostgreSQL does. An over-long name, key or title must be a
    clear refusal there too, not a DataError from the server."""
    from .request_support import seed

    seed(pg_db)
    row = list(GOOD[kind])
    if kind == "members":
        row[0] = "長" * 150  # member.name is VARCHAR(100)
    elif kind == "functions":
        row[1] = "長" * 500  # function.name is VARCHAR(400)
    else:
        row[0] = "R-" + "9" * 40  # request_item.key is VARCHAR(30)
        row[3] = "長" * 300  # request_item.title is VARCHAR(200)
    path = tmp_path / "long.csv"
    path.write_bytes(csv_bytes([HEADERS[kind], row], "utf-8"))
    assert attempt(pg_db, kind, path) == "refused"


def test_a_huge_cell_is_not_echoed_whole_in_the_message(rdb, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(csv_bytes([MEMBER_HEADER, ["町", "巨" * 40_000, ""]], "utf-8"))
    with pytest.raises(DomainError) as err:
        import_members(rdb, path)
    assert len(str(err.value)) < 2_000 and "人口" in str(err.value)
