"""Peak memory of the function import as a whole process, this tree against an earlier revision.

    .venv/bin/python benchmarks/import_memory.py [--compare 8fdae36] [--rounds 3] [--functions 30000]

Each side runs ``python -m cloudsuppress.cli --db COPY functions import FILE.xlsx --yes`` from its
tree into a fresh copy of an empty consortium, and, as its base, ``summary --json`` on the same
copy (the same interpreter with the CLI, SQLAlchemy and the models loaded, no import). Printed: the
peak resident size of each process (``ru_maxrss``, started from a bare launcher), the import's peak above the base,
per 1,000 rows, and the CPU beside it; the load average with them. Target (issue 18): at most
1 MiB per 1,000 rows above the base.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import OUT, generate  # noqa: E402
from benchmarks.timing import FLOORS, checkout, precompile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


# A small launcher: a child's ru_maxrss counts the image it was forked from, so the child is started
# from this bare interpreter, not from the benchmark (which holds the generated data).
LAUNCH = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
          "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(code, r.ru_maxrss, r.ru_utime + r.ru_stime)")


def run(argv: list[str], cwd: Path) -> tuple[float, float]:
    """(peak resident MiB, CPU seconds) of one whole process."""
    out = subprocess.run([sys.executable, "-c", LAUNCH, *argv], cwd=cwd, capture_output=True, text=True, check=True)
    code, maxrss, cpu = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {out.stderr}")
    return int(maxrss) / 1024, float(cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", default="8fdae36", help="the earlier revision")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--functions", type=int, default=30_000)
    args = ap.parse_args()
    xlsx = generate(OUT, functions=args.functions, members=34)["xlsx"]
    work = Path(tempfile.mkdtemp(prefix="cs-mem-"))
    try:
        trees = {"this": precompile(ROOT), args.compare: checkout(args.compare, work)}
        empty = work / "empty.sqlite"
        subprocess.run([sys.executable, "-m", "cloudsuppress.cli", "--db", str(empty), "init", "--name", "bench"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        result: dict[str, dict[str, list[float]]] = {n: {"peak": [], "base": [], "cpu": [], "load": []} for n in trees}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                db = work / f"{name}.sqlite"
                for p in work.glob(f"{name}.sqlite*"):
                    p.unlink()
                shutil.rmtree(work / "backups", ignore_errors=True)
                shutil.copy(empty, db)
                cli = [sys.executable, "-m", "cloudsuppress.cli", "--db", str(db)]
                base, _ = run([*cli, "summary", "--json"], tree)
                peak, cpu = run([*cli, "functions", "import", str(xlsx), "--yes"], tree)
                for k, v in (("peak", peak), ("base", base), ("cpu", cpu), ("load", os.getloadavg()[0])):
                    result[name][k].append(v)
        loads = [v for r in result.values() for v in r["load"]]
        print(f"function import of {args.functions:,} rows ({xlsx.name}), whole process, {args.rounds} interleaved "
              f"rounds, load {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")
        for name, r in result.items():
            above = statistics.median(p - b for p, b in zip(r["peak"], r["base"], strict=True))
            print(f"  {name:>8}: peak {statistics.median(r['peak']):.1f} MiB, base (summary --json) "
                  f"{statistics.median(r['base']):.1f} MiB, above the base {above:.1f} MiB = "
                  f"{above / args.functions * 1000:.2f} MiB per 1,000 rows; CPU {statistics.median(r['cpu']):.2f} s")
        print("  target: <= 1 MiB per 1,000 rows above the base")
        def floor(what: str) -> list[float]:
            """The medians of what ``floors.py WHAT`` prints, over the rounds."""
            runs = [subprocess.run([sys.executable, str(FLOORS), what, str(xlsx)], cwd=ROOT, check=True,
                                   capture_output=True, text=True).stdout.split() for _ in range(args.rounds)]
            return [statistics.median(float(r[n]) for r in runs) for n in range(len(runs[0]))]

        held = floor("range")[1]
        print(f"  floor: calamine's own range of the sheet, before any Python row, in the same CLI process: "
              f"{held:.1f} MiB above the base = {held / args.functions * 1000:.2f} MiB per 1,000 rows "
              f"(python-calamine {_version('python-calamine')} reads a sheet whole: it has no streaming reader)")
        cpu, held_streaming, _ = floor("openpyxl")
        print(f"  a streaming reader instead (openpyxl read-only, reading only): "
              f"{held_streaming:.1f} MiB above the base, but {cpu:.2f} s of CPU for the read alone, against "
              f"{statistics.median(result['this']['cpu']):.2f} s for this tree's whole import process")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
