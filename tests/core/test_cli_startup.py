"""A CLI call is a fresh process for one command: it imports the modules that command uses,
not every op, writer and reader the CLI knows (scripts of 100+ calls spent most of their time
starting)."""
from __future__ import annotations

import subprocess
import sys

from cloudsuppress.cli import main

# Loaded by other commands only: the meetings, measures, history, undo and import ops, the
# readers and every writer.
NOT_FOR_SUMMARY = (
    "cloudsuppress.ops.meetings", "cloudsuppress.ops.meeting_queries", "cloudsuppress.ops.measures",
    "cloudsuppress.ops.history", "cloudsuppress.ops.undo", "cloudsuppress.ops.request_import",
    "cloudsuppress.importers.requests", "cloudsuppress.importers.detect", "cloudsuppress.ops.function_import",
    "cloudsuppress.store.files", "cloudsuppress.store.handover",
    "reportlab", "docx", "xlsxwriter", "openpyxl", "python_calamine", "alembic",
)


def _modules_after(argv: list[str]) -> set[str]:
    script = ("import sys; from cloudsuppress.cli import main; code = main(sys.argv[1:]); "
              "print(code); print(' '.join(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-2] == "0", proc.stdout
    return set(lines[-1].split())


def test_summary_imports_only_what_it_uses(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    capsys.readouterr()
    loaded = _modules_after(["--db", str(db), "summary"])
    assert "cloudsuppress.ops.plain_summary" in loaded  # the command did run, read with plain sqlite3
    assert sorted(m for m in ("sqlalchemy", "cloudsuppress.domain.models", "cloudsuppress.store.db") if m in loaded) == []
    assert sorted(m for m in NOT_FOR_SUMMARY if m in loaded) == []


def test_help_imports_no_database_code():
    script = ("import sys\nfrom cloudsuppress.cli import build_parser\nbuild_parser()\n"
              "print(' '.join(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = set(proc.stdout.split())
    assert sorted(m for m in ("sqlalchemy", "cloudsuppress.domain.models", "cloudsuppress.store.db",
                              "cloudsuppress.importers.function_list", "cloudsuppress.importers.tabular")
                  if m in loaded) == []  # the readers: only the commands that read a file


def test_the_lists_read_without_the_orm(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "init", "--name", "テスト協議会"]) == 0
    capsys.readouterr()
    for argv in (["members", "list"], ["structure", "list", "--json"], ["requests", "list", "--json"]):
        loaded = _modules_after(["--db", str(db), *argv])
        assert "cloudsuppress.ops.plain_lists" in loaded
        assert sorted(m for m in ("sqlalchemy", "cloudsuppress.domain.models", "cloudsuppress.store.db",
                                  *NOT_FOR_SUMMARY) if m in loaded) == []
