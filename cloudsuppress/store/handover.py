"""Handover between secretariats (事務局の交代): a whole consortium as one .zip file.

The zip holds ``data/<table>.json`` (every row of every table, in id order, as JSON with
dates in ISO form) and ``manifest.json`` (format and app version, schema revision, time of
creation, and per file its row count and SHA-256). It imports into an empty database,
SQLite or PostgreSQL, at the same schema revision: the hashes and counts are checked before
anything is written, all rows go in within the caller's transaction, and on PostgreSQL the id
sequences are moved past the imported ids. The audit trail travels too, so the new
secretariat keeps the history (and the undo stack) of every request.

The hashes catch damage, not tampering: they sit in the same zip, so whoever edits a file
can recompute them. The file is therefore treated as untrusted input (handover_check.py):
bounded reading, and every record checked against the schema before anything is written.
An edited file can at worst carry wrong but well-formed data, as a typed-in one could.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from .. import __version__ as APP_VERSION
from ..domain.models import Base
from ..errors import DomainError
from ..file_errors import error_reason
from ..output_files import check_output, output_file
from .db import Database, head_revision, open_database, sqlite_path
from .handover_check import (
    MAX_MANIFEST_BYTES,
    MAX_PROBLEMS,
    HandoverProblem,
    check_archive,
    check_records,
    parse_json,
    read_member,
)
from .writer_lock import DatabaseLockedError

FORMAT = "cloudsuppress-handover"
FORMAT_VERSION = 1
_CHUNK = 1000


@dataclass(frozen=True)
class HandoverSummary:
    """What a handover file holds (from its manifest)."""

    path: Path
    consortium: str | None
    schema_revision: str
    app_version: str
    created_at: str
    row_counts: dict[str, int]

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables]


def _json_value(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _table_json(s: Session, table: Table) -> tuple[bytes, int]:
    cols = [c.name for c in table.columns]
    rows = [[_json_value(v) for v in r] for r in s.connection().execute(select(table).order_by(*table.primary_key.columns))]
    body = {"table": table.name, "columns": cols, "rows": rows}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), len(rows)


def export_handover(s: Session, out: Path, *, overwrite: bool = False) -> HandoverSummary:
    """Write the whole database to ``out`` (.zip); returns what was written.

    An existing file is replaced only with ``overwrite`` and never when it is a database
    (``output_files``); the zip is written under a temporary name and renamed."""
    out = check_output(out, overwrite=overwrite)
    files: dict[str, dict[str, Any]] = {}
    payloads: dict[str, bytes] = {}
    consortium = None
    for table in _tables():
        data, count = _table_json(s, table)
        name = f"data/{table.name}.json"
        payloads[name] = data
        files[table.name] = {"file": name, "rows": count, "sha256": hashlib.sha256(data).hexdigest()}
        if table.name == "consortium" and count:
            consortium = json.loads(data)["rows"][0][1]
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": APP_VERSION,
        "schema_revision": head_revision(), "created_at": dt.datetime.now().replace(microsecond=0).isoformat(),
        "consortium": consortium, "tables": files,
    }
    with output_file(out, overwrite=overwrite) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
            for name, data in payloads.items():
                zf.writestr(name, data)
    return _summary(out, manifest)


def _summary(path: Path, manifest: dict[str, Any]) -> HandoverSummary:
    return HandoverSummary(path, manifest.get("consortium"), manifest["schema_revision"], manifest.get("app_version", "?"),
                           manifest.get("created_at", "?"), {t: v["rows"] for t, v in manifest["tables"].items()})


def _refuse(path: Path, why: str) -> DomainError:
    return DomainError(f"引継ぎファイル「{Path(path).name}」を取り込めません: {why}")


def read_handover(path: Path) -> tuple[HandoverSummary, dict[str, dict[str, Any]]]:
    """Open and verify a handover file before anything is written: bounded reading (size,
    compression ratio, nesting), format, schema revision, every file's SHA-256 and row count,
    and every record against the schema (handover_check). A bad file is refused with what is
    wrong, in Japanese; it never raises anything but ``DomainError``."""
    path = Path(path).expanduser()
    try:
        zf = zipfile.ZipFile(path)
    except OSError as exc:  # not there, a folder, not readable: said as the importers say it
        raise _refuse(path, f"{error_reason(exc, writing=False)}。") from None
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a central directory naming a zip version or feature Python cannot read.
        # Python's own text ("File is not a zip file") is English: the reason is said in Japanese.
        why = ("この zip の形式（版や圧縮方式）には対応していません" if isinstance(exc, NotImplementedError)
               else "zip ファイルではないか、壊れています")
        raise _refuse(path, f"zip ファイルとして読めません（{why}）。") from None
    try:
        with zf:
            return _read_verified(path, zf)
    except HandoverProblem as problem:
        raise _refuse(path, str(problem)) from None


def _read_verified(path: Path, zf: zipfile.ZipFile) -> tuple[HandoverSummary, dict[str, dict[str, Any]]]:
    check_archive(zf)
    try:
        manifest = parse_json("manifest.json", read_member(zf, "manifest.json", limit=MAX_MANIFEST_BYTES))
    except HandoverProblem as problem:
        raise HandoverProblem(f"manifest.json を読めません（{problem}）") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise HandoverProblem("cloudsuppress の引継ぎファイルではありません。")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise HandoverProblem(f"形式の版 {manifest.get('format_version')} には対応していません。")
    if manifest.get("schema_revision") != head_revision():
        raise HandoverProblem(f"データベースの版が違います（ファイル {manifest.get('schema_revision')}、"
                              f"このアプリ {head_revision()}）。同じ版のアプリで書き出し直してください。")
    expected = {t.name for t in _tables()}
    tables = manifest.get("tables")
    if not isinstance(tables, dict) or set(tables) != expected or not all(
            isinstance(v, dict) and isinstance(v.get("file"), str) and isinstance(v.get("rows"), int)
            for v in tables.values()):
        raise HandoverProblem("表の構成がこのアプリと一致しません。")
    if not isinstance(manifest.get("consortium"), (str, type(None))):
        raise HandoverProblem("manifest.json の協議会名が文字列ではありません。")
    data: dict[str, dict[str, Any]] = {}
    for name, info in tables.items():
        raw = read_member(zf, info["file"])
        if hashlib.sha256(raw).hexdigest() != info.get("sha256"):
            raise HandoverProblem(f"{info['file']} の内容が書き出したときと違います（ハッシュ不一致）。"
                                  "ファイルが壊れているか、書き換えられています。")
        body = parse_json(info["file"], raw)
        if not isinstance(body, dict) or not isinstance(body.get("rows"), list):
            raise HandoverProblem(f"{info['file']} は表の形式ではありません。")
        if len(body["rows"]) != info["rows"] or body.get("table") != name:
            raise HandoverProblem(f"{info['file']} の行数が manifest と一致しません。")
        data[name] = body
    problems = check_records(_tables(), data)
    if problems:
        more = "（ほかにもあります）" if len(problems) >= MAX_PROBLEMS else ""
        raise HandoverProblem("内容がこのアプリのデータとして正しくありません。何も取り込んでいません。\n"
                              + "\n".join(problems) + more)
    return _summary(path, manifest), data


def _coerce(table: Table, columns: list[str]) -> list[Callable[[Any], object]]:
    out: list[Callable[[Any], object]] = []
    for name in columns:
        t = table.c[name].type
        if isinstance(t, DateTime):
            out.append(lambda v: None if v is None else dt.datetime.fromisoformat(v))
        elif isinstance(t, Date):
            out.append(lambda v: None if v is None else dt.date.fromisoformat(v))
        elif isinstance(t, Boolean):
            out.append(lambda v: None if v is None else bool(v))
        else:
            out.append(lambda v: v)
    return out


def is_empty(s: Session) -> bool:
    """True when no table holds a row (a fresh database)."""
    return all(s.scalar(select(func.count()).select_from(t)) == 0 for t in _tables())


def import_handover(s: Session, path: Path) -> HandoverSummary:
    """Load a verified handover file into an empty database, in the caller's transaction."""
    summary, data = read_handover(path)
    _load(s, path, data)
    return summary


def _load(s: Session, path: Path, data: dict[str, dict[str, Any]]) -> None:
    """Write the verified rows of ``path`` into the empty database of ``s`` (the caller's transaction)."""
    if not is_empty(s):
        raise _refuse(path, "取り込み先のデータベースが空ではありません。新しい空のデータベースを指定してください"
                            "（既存の協議会を上書きすることはありません）。")
    conn = s.connection()
    try:
        for table in _tables():
            body = data[table.name]
            cols = body["columns"]
            conv = _coerce(table, cols)
            rows = [{c: f(v) for c, f, v in zip(cols, conv, r, strict=True)} for r in body["rows"]]
            for start in range(0, len(rows), _CHUNK):
                conn.execute(table.insert(), rows[start:start + _CHUNK])
    except DBAPIError as exc:  # a rule the check does not know: the caller's transaction writes nothing
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise _refuse(path, f"データベースが内容を受け付けませんでした（{reason}）。何も取り込んでいません。") from None
    if conn.dialect.name == "postgresql":
        for table in _tables():
            if "id" in table.c and table.c.id.autoincrement:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)")
    s.expire_all()


@dataclass(frozen=True)
class ImportedHandover:
    """A handover file taken in: the database it now fills (open, the caller's) and what the file held."""

    db: Database
    summary: HandoverSummary


def import_handover_into(path: Path, target: str | Path, *,
                         open_target: Callable[[str | Path], Database] = open_database) -> ImportedHandover:
    """ファイル > 引継ぎファイルを取り込む… into a new database file and ``handover import --db``: the one
    use case both call. The file is verified before anything is created; ``open_target`` opens the
    target (creating and migrating a new SQLite file; the adapter's way: the GUI's backup policy, the
    CLI's password prompt and lock hint); every row goes in in one transaction. On any failure nothing
    is left half-made: a SQLite file this call created is removed with its -wal and -shm, and the
    refusal, in Japanese, names the handover file and says so. On success the caller closes the
    database (CLI) or switches to it (GUI)."""
    path = Path(path).expanduser()
    summary, data = read_handover(path)
    made = _absent_files(sqlite_path(target))
    try:
        db = open_target(target)
    except DatabaseLockedError:  # another process holds it (perhaps creating it): not ours to remove
        raise
    except BaseException:
        _remove(made)
        raise
    try:
        with db.session() as s, s.begin():
            _load(s, path, data)
    except BaseException as exc:
        db.close(backup=False)
        removed = _remove(made)
        if not isinstance(exc, Exception):  # Ctrl+C: stopped, and nothing of it left behind
            raise
        note = f"作成したデータベースファイル「{removed.name}」は削除しました。" if removed is not None else ""
        if isinstance(exc, DomainError):  # said in the handover's words, naming its file, unless it does already
            refusal = str(exc) if str(exc).startswith(str(_refuse(path, ""))) else str(_refuse(path, str(exc)))
            raise DomainError(f"{refusal}\n{note}" if note else refusal) from None
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise _refuse(path, f"{db.display_url} に書き込めませんでした（{reason}）。何も取り込んでいません。{note}") from None
    return ImportedHandover(db, summary)


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _absent_files(file: Path | None) -> list[Path]:
    """The SQLite file and its side files that do not exist yet (a server database has none)."""
    if file is None:
        return []
    return [p for p in (file, *(file.with_name(file.name + end) for end in _SIDE_FILES)) if not p.exists()]


def _remove(made: list[Path]) -> Path | None:
    """Remove the files this import created; the database file itself when it was one of them."""
    removed = None
    for p in made:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            continue
        if not p.name.endswith(_SIDE_FILES):
            removed = p
    return removed
