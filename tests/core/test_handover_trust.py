"""The handover file as a trust boundary (issue 17, finding 3).

Each case edits a real export and recomputes the hashes in the manifest, as anyone can: the
hashes catch damage, not tampering. Every such file must be refused with what is wrong, in
Japanese, before anything is written: by the CLI (exit 1, no traceback, no database file
created) and by the core import into an empty database (still empty afterwards).
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from cloudsuppress.cli import main as cli_main
from cloudsuppress.demo import create_demo
from cloudsuppress.errors import DomainError
from cloudsuppress.store import handover
from cloudsuppress.store.db import open_database


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("trust")
    database = open_database(folder / "demo.sqlite")
    try:
        with database.session() as s, s.begin():
            create_demo(s, functions=120)
        with database.session() as s:
            handover.export_handover(s, folder / "demo.zip")
    finally:
        database.close()
    return folder / "demo.zip"


def rewrite(source: Path, dest: Path, edit, *, raw: dict[str, bytes] | None = None) -> Path:
    """Copy a handover zip, let ``edit(tables)`` change the JSON bodies, and recompute every hash and count."""
    with zipfile.ZipFile(source) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        bodies = {t: json.loads(zf.read(info["file"])) for t, info in manifest["tables"].items()}
    edit(bodies)
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for table, info in manifest["tables"].items():
            data = (raw or {}).get(table) or json.dumps(bodies[table], ensure_ascii=False).encode("utf-8")
            info["sha256"] = hashlib.sha256(data).hexdigest()
            rows = bodies[table].get("rows") if isinstance(bodies[table], dict) else None
            info["rows"] = len(rows) if isinstance(rows, list) else 0
            zf.writestr(info["file"], data)
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    return dest


def col(bodies: dict, table: str, name: str) -> int:
    return bodies[table]["columns"].index(name)


def set_cell(table: str, column: str, value, row: int = 0):
    def edit(b):
        b[table]["rows"][row][col(b, table, column)] = value
    return edit


def two_consortia(b):
    row = list(b["consortium"]["rows"][0])
    row[col(b, "consortium", "id")] = 2
    b["consortium"]["rows"].append(row)


def duplicate_member(b):
    row = list(b["member"]["rows"][0])
    row[col(b, "member", "id")] = 9_999
    b["member"]["rows"].append(row)  # same 団体名 twice


def short_row(b):
    b["member"]["rows"][0] = b["member"]["rows"][0][:2]


def dangling_reference(b):
    b["member_request"]["rows"][0][col(b, "member_request", "member_id")] = 424_242


def rows_not_a_list(b):
    b["function"]["rows"] = {"a": 1}


def missing_column(b):
    i = col(b, "member", "population")
    b["member"]["columns"].pop(i)
    for r in b["member"]["rows"]:
        r.pop(i)


CASES = {
    "population_abc": (set_cell("member", "population", "abc"), "整数ではありません"),
    "two_consortia": (two_consortia, "協議会がちょうど 1 件ではありません"),
    "key_202_chars": (set_cell("request_item", "key", "R" * 202), "長すぎます"),
    "estimate_2_31": (set_cell("request_item", "estimate", 2**31), "範囲外"),
    "population_negative": (set_cell("member", "population", -5), "範囲外"),
    "population_true": (set_cell("member", "population", True), "整数ではありません"),
    "null_name": (set_cell("member", "name", None), "空にできない列が空です"),
    "bad_date": (set_cell("meeting", "held_on", "2026-13-45"), "日付として読めません"),
    "unknown_status": (set_cell("request_item", "status", "hacked"), "このアプリにない値です"),
    "nul_in_text": (set_cell("member", "name", "那珂\x00市"), "NUL"),
    "duplicate_member": (duplicate_member, "重複しています"),
    "short_row": (short_row, "列の数が合いません"),
    "dangling_reference": (dangling_reference, "参照先の member"),
    "rows_not_a_list": (rows_not_a_list, "表の形式ではありません"),
    "missing_column": (missing_column, "列がこのアプリと一致しません"),
}


def _refused_with_nothing_written(path: Path, tmp_path: Path, expected: str, capsys) -> None:
    target = tmp_path / "new.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err, err
    assert not target.exists()  # refused before a database was created for it
    empty = open_database(tmp_path / "empty.sqlite")
    try:
        with pytest.raises(DomainError, match=expected):
            with empty.session() as s, s.begin():
                handover.import_handover(s, path)
        with empty.session() as s:
            assert handover.is_empty(s)
    finally:
        empty.close()


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_tampered_file_with_recomputed_hashes_is_refused_with_nothing_written(export, tmp_path, capsys, case):
    edit, expected = CASES[case]
    path = rewrite(export, tmp_path / f"{case}.zip", edit)
    _refused_with_nothing_written(path, tmp_path, expected, capsys)


def test_json_nested_too_deep_is_refused_not_a_recursion_error(export, tmp_path, capsys):
    deep = b'{"table": "member", "columns": [], "rows": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    path = rewrite(export, tmp_path / "deep.zip", lambda b: None, raw={"member": deep})
    _refused_with_nothing_written(path, tmp_path, "入れ子が深すぎます", capsys)


def _bomb(dest: Path, size: int) -> Path:
    """A small zip whose manifest names a member that expands to ``size`` bytes of zeros."""
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps({"format": "cloudsuppress-handover", "format_version": 1}))
        with zf.open("data/member.json", "w", force_zip64=True) as fh:
            block = b"\x00" * (1 << 20)
            for _ in range(size // len(block)):
                fh.write(block)
    return dest


def test_a_zip_bomb_is_refused_by_size_and_by_ratio_before_it_is_expanded(tmp_path, capsys):
    big = _bomb(tmp_path / "big.zip", 300 * 2**20)
    assert big.stat().st_size < 2 * 2**20
    _refused_with_nothing_written(big, tmp_path, "大きすぎます", capsys)
    dense = _bomb(tmp_path / "dense.zip", 20 * 2**20)
    _refused_with_nothing_written(dense, tmp_path, "圧縮率が異常です", capsys)


def test_a_broken_manifest_is_refused_in_japanese(export, tmp_path, capsys):
    for name, text in {"list": b"[1, 2]", "tables_list": json.dumps(
            {"format": "cloudsuppress-handover", "format_version": 1,
             "schema_revision": handover.head_revision(), "tables": [1, 2]}).encode()}.items():
        path = tmp_path / f"{name}.zip"
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("manifest.json", text)
        _refused_with_nothing_written(path, tmp_path, "取り込めません", capsys)
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(io.BytesIO(b"PK\x03\x04 garbage").getvalue())
    _refused_with_nothing_written(not_zip, tmp_path, "zip ファイルとして読めません", capsys)


def test_an_untouched_export_still_imports(export, tmp_path, capsys):
    target = tmp_path / "ok.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(export)]) == 0
    assert cli_main(["--db", str(target), "summary"]) == 0
    assert "デモ" in capsys.readouterr().out


def test_a_missing_or_foreign_file_is_named_in_japanese(tmp_path, capsys):
    """Python's own text ended the message: 「zip ファイルとして読めません（[Errno 2] No such file or
    directory: 'x.zip'）」, 「（File is not a zip file）」 (walk, 2026-12-07)."""
    target = tmp_path / "new.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(tmp_path / "ない.zip")]) == 1
    err = capsys.readouterr().err
    assert "引継ぎファイル「ない.zip」を取り込めません: ファイルが見つかりません。" in err, err
    not_zip = tmp_path / "text.zip"
    not_zip.write_text("引継ぎではない", encoding="utf-8")
    assert cli_main(["--db", str(target), "handover", "import", str(not_zip)]) == 1
    err = capsys.readouterr().err
    assert "zip ファイルとして読めません（zip ファイルではないか、壊れています）" in err, err
    assert "Errno" not in err and "File is not" not in err
    assert not target.exists()
