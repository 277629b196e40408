"""The main window opening a large consortium: this tree against an earlier revision, in one run.

    .venv/bin/python benchmarks/startup.py [--functions 100000] [--compare REV] [--pairs 3] [--rounds 2]

Two figures, each side measured the same way, A B, B A, … (``--pairs`` pairs; the in-process figure
alternates the order), the load beside them:
1. In-process: from ``MainWindow(OpRunner(db))`` to the end of the first paint (``grab()``) at
   1366x768 with the function list shown: the queries, the function model with its search text,
   the tree, the status bar. Wall and CPU of the process. ``--rounds`` windows per process, one
   after the other (the first pays for the modules' first use). Each side is a process of its own
   running this script with ``--tree`` (the checkout's ``ui`` and ``cloudsuppress`` first on the path).
2. Whole process: ``main.py --db FILE --screenshot out.png --size 1366x768`` from each tree
   (start, imports, open, window, first paint, PNG), wall and CPU.
The database is ``generate.py``'s consortium with ``--functions`` functions (made once under
``--out``). The earlier revision is a ``git archive`` checkout; both sides use this venv.
Target (issue 18): the main window with 100,000 functions in <= 1.5 s.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if "--tree" in sys.argv:
    sys.path.insert(0, sys.argv[sys.argv.index("--tree") + 1])
else:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import OUT, generate  # noqa: E402
from benchmarks.timing import Sample, interleaved, ratio_line, run_process  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def measure(db_path: Path, rounds: int) -> dict:
    """Open ``rounds`` main windows one after the other; seconds from the constructor to the first paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from cloudsuppress.store.db import open_database
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    app = QApplication.instance() or create_application([])
    db = open_database(db_path)
    wall, cpu = [], []
    try:
        for _ in range(rounds):
            c0, t0 = time.process_time(), time.perf_counter()
            window = MainWindow(OpRunner(db))
            window.resize(1366, 768)
            window.show_view("functions")
            window.show()
            app.processEvents()
            window.grab()
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            shown = window.view("functions").model.rowCount()
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        db.close()
    return {"wall": wall, "cpu": cpu, "rows": shown, "load": os.getloadavg()[0]}


def compare(args: argparse.Namespace, db_path: Path) -> int:
    from benchmarks.timing import checkout, precompile

    work = Path(tempfile.mkdtemp(prefix="cs-startup-"))
    trees = {args.compare: checkout(args.compare, work), "this tree": precompile(ROOT)}
    runs = {name: {"wall": [], "cpu": [], "first_wall": [], "first_cpu": [], "loads": [], "rows": set()} for name in trees}
    for pair in range(args.pairs):
        # the side run first in a pair measured slower (the same code on both sides showed it): the order alternates
        for name, tree in (list(trees.items()) if pair % 2 == 0 else list(trees.items())[::-1]):
            text = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--tree", str(tree), "--json",
                                   "--rounds", str(args.rounds), "--db", str(db_path)],
                                  check=True, capture_output=True, text=True).stdout
            out = json.loads(text.strip().splitlines()[-1])
            runs[name]["first_wall"].append(out["wall"][0])
            runs[name]["first_cpu"].append(out["cpu"][0])
            runs[name]["wall"] += out["wall"]
            runs[name]["cpu"] += out["cpu"]
            runs[name]["loads"].append(out["load"])
            runs[name]["rows"].add(out["rows"])
    loads = [x for r in runs.values() for x in r["loads"]]
    print(f"in-process, MainWindow() to the first paint, 1366x768, function list shown "
          f"({args.pairs} interleaved pairs of processes, {args.rounds} windows each; load {min(loads):.1f}-{max(loads):.1f} "
          f"on {os.cpu_count()} cores); rows shown: " + ", ".join(f"{n} {sorted(r['rows'])}" for n, r in runs.items()))
    base, ours = runs[args.compare], runs["this tree"]
    for what, label in (("first_wall", "first window, wall"), ("first_cpu", "first window, CPU"),
                        ("wall", "every window, wall"), ("cpu", "every window, CPU")):
        b, o = statistics.median(base[what]), statistics.median(ours[what])
        print(f"  {label}: {args.compare} {b:.3f} s (min {min(base[what]):.3f}) | this tree {o:.3f} s "
              f"(min {min(ours[what]):.3f}) | {b / o:.2f}x")
    print(f"  target <= 1.5 s (this tree, first window, wall median): "
          f"{'met' if statistics.median(ours['first_wall']) <= 1.5 else 'NOT met'}")

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    shot = work / "shot.png"

    def process(tree: Path):
        return lambda: run_process([sys.executable, str(tree / "main.py"), "--db", str(db_path), "--screenshot", str(shot),
                                    "--size", "1366x768"], cwd=tree, env=env)

    samples: dict[str, Sample] = interleaved({name: process(tree) for name, tree in trees.items()}, args.pairs)
    print("whole process (main.py --screenshot, 1366x768: start, imports, open, window, first paint, PNG):")
    for what in ("wall", "cpu"):
        print("  " + ratio_line(f"this tree ({what})", samples["this tree"], samples[args.compare], args.compare, what))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--functions", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT / "f100k", help="where the database is made (once)")
    ap.add_argument("--rounds", type=int, default=2, help="windows opened per process")
    ap.add_argument("--compare", metavar="REV", help="an earlier revision measured beside this tree")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tree", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    db_path = args.db or args.out / "bench.sqlite"
    if not db_path.exists():
        generate(args.out, functions=args.functions)
    if args.compare:
        return compare(args, db_path)
    out = measure(db_path, args.rounds)
    if args.json:
        print(json.dumps(out))
        return 0
    print(f"MainWindow() to the first paint, {out['rows']:,} rows shown: "
          + ", ".join(f"{w:.3f} s wall / {c:.3f} s CPU" for w, c in zip(out["wall"], out["cpu"], strict=True))
          + f"; load {out['load']:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
