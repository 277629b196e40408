"""Shared fixtures for the core tests: a temporary database with a consortium, file writers,
and a full dump of the tables an import may touch (to prove a refused import changed nothing)."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from cloudsuppress.importers.function_list import mapping_from_options, parse_function_list
from cloudsuppress.importers.tabular import read_table
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.store.backups import copy_sqlite
from cloudsuppress.store.db import Database, open_database

CONSORTIUM = "テスト自治体クラウド協議会"
HEADER = ["機能ID", "機能名", "機能要件", "実装区分", "適合度"]
DUMPED_TABLES = ("consortium", "member", "subcommittee", "business_system", "function")


@pytest.fixture(scope="session")
def consortium_template(tmp_path_factory) -> Path:
    """A database at head with the ibaraki33 consortium, built once per session: copy it, never open it
    (the migrations took most of each core test's set-up)."""
    path = tmp_path_factory.mktemp("consortium-template") / "template.sqlite"
    database = open_database(path)
    try:
        with database.session() as s, s.begin():
            create_consortium(s, name=CONSORTIUM, preset="ibaraki33")
    finally:
        database.close()
    return path


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """The demo consortium (``create_demo``), made once per test module that reads it and never changes it."""
    from cloudsuppress.demo import create_demo

    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    with database.session() as s, s.begin():
        create_demo(s)
    yield database
    database.close()


@pytest.fixture
def db(tmp_path: Path, consortium_template: Path):
    """A fresh SQLite database at head with the ibaraki33 consortium created (a copy of the template)."""
    copy_sqlite(str(consortium_template), tmp_path / "test.sqlite")  # the app's consistent copy (backup API)
    database = open_database(tmp_path / "test.sqlite")
    yield database
    database.close()


def dump(database: Database, *, versions: bool = True) -> dict[str, list[tuple]]:
    """Every row of every domain table, in primary-key order (without the row versions when
    ``versions`` is False: an undo restores the data but moves the versions on)."""
    from cloudsuppress.domain.models import Base

    out = {}
    with database.engine.connect() as conn:
        for table in DUMPED_TABLES:
            cols = ", ".join(c.name for c in Base.metadata.tables[table].c if versions or c.name != "version")
            out[table] = [tuple(r) for r in conn.execute(text(f"SELECT {cols} FROM {table} ORDER BY id"))]
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


# --- PostgreSQL (shared mode) -------------------------------------------------------------------

PG_SERVER = os.environ.get("CLOUDSUPPRESS_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


def _pg_unreachable(reason: str) -> None:
    from sqlalchemy.engine import make_url

    server = make_url(PG_SERVER)
    message = f"PostgreSQL at {server.host}:{server.port or 5432} is not reachable: {reason}"
    if os.environ.get("CI"):  # CI always has the server: a missing one is a failure, never a silent skip
        pytest.fail(message + " (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def pg_url():
    """A fresh, uniquely named PostgreSQL database for this test module, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"cs_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server
        admin.dispose()
        _pg_unreachable(str(exc).strip().splitlines()[0])
    url = make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def pg_db(pg_url):
    """The module's PostgreSQL database at head with a consortium, emptied again after each test."""
    from cloudsuppress.domain.models import Base

    database = open_database(pg_url)
    with database.session() as s, s.begin():
        create_consortium(s, name=CONSORTIUM, preset="ibaraki33")
    yield database
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    database.close()
