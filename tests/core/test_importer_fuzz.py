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

from cloudsuppress.domain.models import Function, Member, RequestItem
from cloudsuppress.errors import DomainError
from cloudsuppress.importers.function_list import mapping_from_options, parse_function_list
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.importers.tabular import read_table
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


# --- seeded fuzz (issue 17): a few hundred mutated files with a fixed seed, zero tracebacks ----------
#
# Each case starts from a valid file in the shape the field sends (header + rows), applies a few
# random mutations (a hostile value in a cell, a typed cell in an xlsx, a column removed or
# doubled, rows doubled or cut, bytes flipped) and imports it. The outcome must be a correct import
# or a refusal (DomainError: ImportValidationError and the like) that changed nothing; any other
# exception is a traceback the user would see, and fails the test with the case that caused it.

SEED = 17
CASES_PER_IMPORTER = 90
HOSTILE = [
    "", " ", "0", "-1", "-0", "1.5", "1e+20", "1E308", "nan", "inf", "-inf", str(2 ** 31), str(2 ** 31 - 1),
    str(2 ** 63), str(2 ** 64 + 1), "9" * 40, "𐩀𐩁", "١٢٣", "１２３", "1,200", "¥1,200,000", "1200件", "12万",
    "見出し\x0b", "\x00", "T00001\u200b", "\u200b", "\ufeff", "\u00ad", "=HYPERLINK(\"http://x\",\"x\")", "=1/0",
    "@SUM(A1)", "+1", "令和0年1月1日", "0001-01-01", "明治元年1月1日", "1868-10-22", "9999-12-31", "2026-02-30",
    "様" * 5000, "長" * 201, "𠮷野家", "\r\n", "a\nb", "TRUE", "FALSE", "#N/A", "#REF!", "R-0001", "R-" + "9" * 40,
    "那珂市", "常陸大宮市", "五霞町", "0010001", "0010002", "住民基本台帳", "低下する", "低下しない", "○", "△", "×",
    "実装必須機能", "事務効率・処理件数", "その他", "None", "null", "'", '"', "\\", "\t", "🙂", "\ud7ff", "Ａ" * 30,
]


def _typed_values(rng: random.Random) -> object:
    """A cell value an xlsx holds as a number, boolean or date, not text."""
    import datetime as dt

    return rng.choice([True, False, 0, -1, 1.5, 1e20, 2 ** 53, 2 ** 31, -(2 ** 31) - 1, 0.1 + 0.2,
                       dt.datetime(1900, 1, 1), dt.datetime(2026, 4, 1), dt.date(1868, 1, 1), 12345678901234567890.0])


def _mutate(rng: random.Random, rows: list[list[object]], *, typed: bool) -> list[list[object]]:
    rows = [list(r) for r in rows]
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        width = max(len(r) for r in rows)
        if op <= 2:  # a hostile value in a data cell (most cases)
            r = rng.randrange(1, len(rows)) if len(rows) > 1 else 0
            c = rng.randrange(max(1, len(rows[r])))
            if c >= len(rows[r]):
                rows[r] += [""] * (c + 1 - len(rows[r]))
            rows[r][c] = _typed_values(rng) if typed and rng.random() < 0.4 else rng.choice(HOSTILE)
        elif op == 3 and width > 1:  # a column removed
            c = rng.randrange(width)
            rows = [r[:c] + r[c + 1:] for r in rows]
        elif op == 4:  # a column doubled (「団体名」 twice)
            c = rng.randrange(width)
            rows = [r + [r[c] if c < len(r) else ""] for r in rows]
        elif op == 5:  # rows doubled, or blank rows between
            rows = rows[:1] + [r for row in rows[1:] for r in ([row, row] if rng.random() < 0.5 else [row, []])]
        elif op == 6:  # a row cut short or made long
            r = rng.randrange(len(rows))
            rows[r] = rows[r][: rng.randrange(len(rows[r]) + 1)] if rng.random() < 0.5 else rows[r] + ["余分"] * 3
        elif op == 7:  # the header cells shuffled, or a header cell changed
            if rng.random() < 0.5:
                rng.shuffle(rows[0])
            else:
                rows[0][rng.randrange(len(rows[0]))] = rng.choice(HOSTILE)
        else:  # a cover row above the header (a title line, as on many lists)
            rows.insert(0, [rng.choice(["機能一覧（第2.1版）", "令和8年度 要望票", "", "団体一覧"])])
    return rows


def _write_case(rng: random.Random, path_stem: Path, rows: list[list[object]]) -> Path:
    """The rows as an xlsx (typed cells kept) or a CSV in an encoding people save (bytes flipped sometimes)."""
    if any(not isinstance(v, str) for r in rows for v in r) or rng.random() < 0.35:
        import xlsxwriter

        path = path_stem.with_suffix(".xlsx")
        wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
        ws = wb.add_worksheet(rng.choice(["要望", "機能一覧", "Sheet1"]))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, str):
                    if v.startswith("=") and rng.random() < 0.5:
                        ws.write_formula(r, c, v)  # no cached value
                    else:
                        ws.write_string(r, c, v)
                else:
                    ws.write(r, c, v)
        wb.close()
        return path
    path = path_stem.with_suffix(".csv")
    text_rows = [[str(v) for v in r] for r in rows]
    encoding = rng.choice(["utf-8", "utf-8-sig", "cp932"])
    try:
        data = csv_bytes(text_rows, encoding)
    except UnicodeEncodeError:
        data = csv_bytes(text_rows, "utf-8")
    if rng.random() < 0.15:  # damage on the way (a mail gateway, a USB stick)
        data = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    path.write_bytes(data)
    return path


SEED_ROWS = {
    "functions": [FUNCTION_HEADER, ["0019999", "ファズ機能", "要件", "実装必須機能", "○"],
                  ["0019998", "ファズ機能2", "要件2", "標準オプション機能", "△"]],
    "members": [MEMBER_HEADER, ["ファズ町", "1234", "2026-04-01"], ["ファズ村", "567", "令和8年4月1日"]],
    "requests": [REQUEST_HEADER, ["", "那珂市", "0010001", "", "様式を追加", "事務効率・処理件数", "低下する", "待ち時間", "10", "", ""],
                 ["R-0100", "五霞町", "0010002", "転入届", "様式", "その他", "低下しない", "影響なし", "1,200", "手書き", "500000"]],
}


@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_seeded_fuzz_of_the_importers_gives_no_traceback(rdb, tmp_path, kind):
    rng = random.Random(f"{SEED}-{kind}")
    failures, outcomes = [], []
    for case in range(CASES_PER_IMPORTER):
        rows = _mutate(rng, SEED_ROWS[kind], typed=True)
        path = _write_case(rng, tmp_path / f"{kind}-{case:03d}", rows)
        try:
            outcomes.append(attempt(rdb, kind, path))
        except Exception as exc:  # noqa: BLE001 - every traceback is a finding, named with its case
            failures.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:200]} rows={str(rows)[:300]}")
    assert failures == [], "\n".join(failures)
    # the mutations reach both ends: some files still import, most are refused with a message
    assert outcomes.count("ok") >= 3 and outcomes.count("refused") >= CASES_PER_IMPORTER // 2, outcomes


# --- the handover import -----------------------------------------------------------------------------

HANDOVER_CASES = 70


@pytest.fixture(scope="module")
def handover_zip(tmp_path_factory) -> Path:
    from cloudsuppress.demo import create_demo
    from cloudsuppress.store import handover
    from cloudsuppress.store.db import open_database

    folder = tmp_path_factory.mktemp("fuzz-handover")
    database = open_database(folder / "demo.sqlite")
    try:
        with database.session() as s, s.begin():
            create_demo(s, functions=120)
        with database.session() as s:
            handover.export_handover(s, folder / "demo.zip")
    finally:
        database.close()
    return folder / "demo.zip"


def _hostile_json(rng: random.Random) -> object:
    return rng.choice([None, True, 0, -1, 2 ** 31, 2 ** 63, 10 ** 30, 1.5, float("1e308"), "", "abc", "2026-13-45",
                       "0001-01-01", "様" * 5000, "\x00", [], {}, [1, [2, [3]]], {"a": 1}, "R-0001", "customized"])


def _mutate_handover(rng: random.Random, source: Path, dest: Path) -> None:
    import hashlib
    import json
    import zipfile

    with zipfile.ZipFile(source) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        bodies = {t: json.loads(zf.read(info["file"])) for t, info in manifest["tables"].items()}
    raw: dict[str, bytes] = {}
    tables = [t for t in bodies if bodies[t]["rows"]]
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(8)
        t = rng.choice(tables)
        body = bodies[t]
        if op <= 2:  # a hostile value in a cell
            row = rng.choice(body["rows"])
            row[rng.randrange(len(row))] = _hostile_json(rng)
        elif op == 3:  # a row doubled or dropped
            if rng.random() < 0.5:
                body["rows"].append(list(rng.choice(body["rows"])))
            elif body["rows"]:
                body["rows"].pop(rng.randrange(len(body["rows"])))
        elif op == 4:  # a column more or less
            if rng.random() < 0.5:
                body["columns"].append("extra")
            else:
                body["columns"].pop()
        elif op == 5:  # the body is not a table at all, or deeply nested
            raw[t] = rng.choice([b"[]", b"null", b"\"x\"", b"{\"rows\": 5}", b"[" * 50_000 + b"]" * 50_000,
                                 b"{\"table\": \"x\", \"columns\": [], \"rows\": [[[[[]]]]]}", b"\xff\xfe", b""])
        elif op == 6:  # the manifest edited
            key = rng.choice(["format_version", "schema_revision", "tables", "consortium", "format"])
            manifest[key] = _hostile_json(rng)
        else:  # a row shorter or longer than the columns
            row = rng.choice(body["rows"])
            row.append(1) if rng.random() < 0.5 else row.pop()
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        tables_info = manifest.get("tables") if isinstance(manifest.get("tables"), dict) else {}
        for t, body in bodies.items():
            data = raw.get(t) or json.dumps(body, ensure_ascii=False).encode("utf-8")
            info = tables_info.get(t)
            if isinstance(info, dict):  # the hashes recomputed, as anyone can
                info["sha256"] = hashlib.sha256(data).hexdigest()
            zf.writestr(f"data/{t}.json", data)
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    if rng.random() < 0.15:  # and sometimes the zip itself damaged
        data = bytearray(dest.read_bytes())
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        dest.write_bytes(bytes(data))


def test_seeded_fuzz_of_the_handover_import_gives_no_traceback(handover_zip, tmp_path):
    from cloudsuppress.store import handover
    from cloudsuppress.store.db import open_database

    rng = random.Random(f"{SEED}-handover")
    empty = open_database(tmp_path / "empty.sqlite")
    failures, outcomes = [], []
    try:
        for case in range(HANDOVER_CASES):
            path = tmp_path / f"handover-{case:03d}.zip"
            _mutate_handover(rng, handover_zip, path)
            s = empty.session()
            try:
                s.begin()
                handover.import_handover(s, path)
                outcomes.append("ok")
            except DomainError as exc:
                assert str(exc).strip()
                outcomes.append("refused")
            except Exception as exc:  # noqa: BLE001 - every traceback is a finding
                failures.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:300]}")
            finally:
                s.rollback()  # the target stays empty for the next case
                s.close()
        with empty.session() as s:
            assert handover.is_empty(s)
    finally:
        empty.close()
    assert failures == [], "\n".join(failures)
    assert outcomes.count("refused") >= HANDOVER_CASES // 2, outcomes


def _patched_central_directory(source: Path, dest: Path, *, offset: int, value: bytes) -> None:
    """The zip with a field of every central-directory entry overwritten (offset from the PK\\1\\2 signature)."""
    data = bytearray(source.read_bytes())
    start = 0
    while (at := data.find(b"PK\x01\x02", start)) >= 0:
        data[at + offset:at + offset + len(value)] = value
        start = at + 4
    dest.write_bytes(bytes(data))


@pytest.mark.parametrize(("case", "offset", "value"), [
    ("newer zip version", 6, (114).to_bytes(2, "little")),  # "zip file version 11.4": raised while opening (CI, stop 19)
    ("encrypted members", 8, (1).to_bytes(2, "little")),  # flag bit 0: a password is asked for on reading
], ids=["newer-zip-version", "encrypted"])
def test_a_handover_zip_python_cannot_read_is_refused_not_a_traceback(handover_zip, tmp_path, case, offset, value):
    from cloudsuppress.store import handover

    path = tmp_path / "odd.zip"
    _patched_central_directory(handover_zip, path, offset=offset, value=value)
    with pytest.raises(DomainError) as refused:
        handover.read_handover(path)
    assert "odd.zip" in str(refused.value)
