"""Killing the app in the middle of an import or a batch of status moves leaves the SQLite file
consistent: a child process is SIGKILLed at random moments, then PRAGMA integrity_check must say
ok and every count must be one a whole transaction leaves (never part of one)."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cloudsuppress.store.db import open_database

from .kill_child import SIZES, SYSTEM
from .request_support import new_item, rdb  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
ITERATIONS = 8
ITEMS = 20

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def check(path: Path) -> dict:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        names = [r[0] for r in con.execute(
            "SELECT f.name FROM function f JOIN business_system b ON b.id = f.business_system_id WHERE b.name = ?",
            (SYSTEM,))]
        tags = {n[0] for n in names}
        # A whole import or none: 0 rows, all of list A, or all of list B, never a mix.
        assert (len(names), tags) in ((0, set()), (SIZES["A"], {"A"}), (SIZES["B"], {"B"})), (len(names), tags)
        statuses = {r[0] for r in con.execute("SELECT status FROM request_item")}
        assert len(statuses) == 1, statuses  # a batch of moves is all or nothing
        changes = con.execute("SELECT count(*) FROM status_change").fetchone()[0]
        assert changes % ITEMS == 0, changes
        # every committed action has its changes, and no change lacks its action
        orphans = con.execute("SELECT count(*) FROM audit_change c LEFT JOIN audit_action a ON a.id = c.action_id "
                              "WHERE a.id IS NULL").fetchone()[0]
        empty = con.execute("SELECT count(*) FROM audit_action a WHERE NOT EXISTS "
                            "(SELECT 1 FROM audit_change c WHERE c.action_id = a.id)").fetchone()[0]
        assert orphans == 0 and empty == 0
        return {"functions": len(names), "status": statuses.pop(), "moves": changes}
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_a_consistent_database(rdb, tmp_path):
    for _ in range(ITEMS):
        new_item(rdb, allow_duplicate=True)
    path = rdb.path
    rdb.close()
    rng = random.Random(6)
    seen = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(ITERATIONS):
        child = subprocess.Popen([sys.executable, "-m", "tests.core.kill_child", str(path)], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            # Aimed by the work done, not by the clock (a loaded machine ran every kill into the same
            # transaction): let 0-3 transactions commit, then kill somewhere inside the next one.
            last = time.perf_counter()
            took = 0.3
            for _ in range(rng.randint(0, 3)):
                assert child.stdout.readline().strip() == "done", child.stderr.read()
                now = time.perf_counter()
                took, last = now - last, now
            time.sleep(rng.uniform(0.0, 0.9) * took)
            assert child.poll() is None, child.stderr.read()
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        seen.append(check(path))
    print("kill states:", seen)
    # The kills really landed at different points of the work.
    assert len({(s["functions"], s["status"], s["moves"]) for s in seen}) >= 3, seen
    assert max(s["moves"] for s in seen) > ITEMS
    database = open_database(path)  # and the app still opens it
    database.close()


# --- exports (issue 17): a killed export leaves the previous file whole ---------------------------

def _whole(path: Path, reference_rows: int) -> None:
    import zipfile

    data = path.read_bytes()
    if path.suffix in (".zip", ".xlsx"):
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None, path
    elif path.suffix == ".pdf":
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), path
    else:
        assert data.endswith(b"\r\n") and data.count(b"\r\n") == reference_rows, path


@pytest.mark.slow
def test_sigkill_during_exports_leaves_every_previous_file_whole(tmp_path):
    from cloudsuppress.cli import main as cli

    from .export_kill_child import TARGETS, export_all

    db = tmp_path / "demo.sqlite"
    assert cli(["--db", str(db), "init", "--name", "試験協議会", "--demo"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    export_all(str(db), out)  # the files a secretary already has
    history = out / TARGETS["history"][0]
    rows = history.read_bytes().count(b"\r\n")
    rng = random.Random(17)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    mid_export = 0
    for _ in range(6):
        child = subprocess.Popen([sys.executable, "-m", "tests.core.export_kill_child", str(db), str(out)], cwd=ROOT,
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            before = {p.name for p in out.iterdir() if ".part" in p.name}
            deadline = time.monotonic() + 30
            # wait for one of the long writes (the zip, the PDF) to be under way; a CSV takes a millisecond
            while not {p.name for p in out.iterdir() if ".part.zip" in p.name or ".part.pdf" in p.name} - before:
                assert child.poll() is None, child.stderr.read()
                assert time.monotonic() < deadline, "no export started"
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.01))
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        parts = {p.name for p in out.iterdir() if ".part" in p.name} - before
        mid_export += bool(parts)
        for name, _words in TARGETS.values():
            _whole(out / name, rows)
    print("kills that landed mid-export:", mid_export, "of 6")
    assert mid_export >= 3, mid_export  # the kills really landed while a file was being written
