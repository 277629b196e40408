"""Shared fixtures for the core tests: a temporary database with a consortium, file writers,
and a full dump of the tables an import may touch (to prove a refused import changed nothing)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from cloudsuppress.db import Database, open_database
from cloudsuppress.importers.function_list import mapping_from_options, parse_function_list
from cloudsuppress.importers.tabular import read_table
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops.consortium import create_consortium

CONSORTIUM = "テスト自治体クラウド協議会"
HEADER = ["機能ID", "機能名", "機能要件", "実装区分", "適合度"]
DUMPED_TABLES = ("consortium", "member", "subcommittee", "business_system", "function")


@pytest.fixture
def db(tmp_path: Path):
    """A fresh SQLite database at head with the ibaraki33 consortium created."""
    database = open_database(tmp_path / "test.sqlite")
    with database.session() as s, s.begin():
        create_consortium(s, name=CONSORTIUM, preset="ibaraki33")
    yield database
    database.close()


def dump(database: Database) -> dict[str, list[tuple]]:
    """Every row of every domain table, in primary-key order."""
    out = {}
    with database.engine.connect() as conn:
        for table in DUMPED_TABLES:
            out[table] = [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    return out


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    """Rows as CSV in one of the encodings people save from Excel: utf-8, utf-8-sig, cp932."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.write_bytes(csv_bytes(rows, encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, sheet: str = "機能一覧") -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and value != "":
                ws.write_string(r, c, value) if isinstance(value, str) else ws.write(r, c, value)
    wb.close()
    return path


def parse_file(path: Path, *, options: dict[str, str] | None = None, header_row: int | None = None, sheet: str | None = None):
    table = read_table(path, sheet=sheet)
    mapping = mapping_from_options(table, header_row, options or {})
    return parse_function_list(table, mapping)


def import_file(
    database: Database,
    path: Path,
    *,
    business_system: str | None = None,
    spec_version: str | None = None,
    options: dict[str, str] | None = None,
    sheet: str | None = None,
):
    """The whole import as the GUI runs it: read, map, validate, plan and apply in one transaction."""
    parsed = parse_file(path, options=options, sheet=sheet)
    with database.session() as s, s.begin():
        plan = function_ops.plan_function_import(
            s, parsed, business_system=business_system, spec_version=spec_version
        )
        function_ops.apply_function_import(s, plan)
    return plan


def functions_of(database: Database, system: str) -> dict[str, function_ops.FunctionRow]:
    with database.session() as s:
        return {r.code: r for r in function_ops.list_function_rows(s) if r.business_system == system}
