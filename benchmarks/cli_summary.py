"""`cloudsuppress summary` as a whole process: the plain-sqlite3 read against the ORM read of the same
tree and against an earlier revision, with a bare interpreter beside them, A/B interleaved.

    .venv/bin/python benchmarks/cli_summary.py [--compare 8fdae36] [--rounds 15]

Every side runs ``python -m cloudsuppress.cli --db FILE summary`` from its tree on its own copy of
the same database (benchmarks/out/cli-3000/bench.sqlite: 3,000 functions, 34 members; made by
generate.py if missing) and prints the same text (checked):
- ``this``: this tree (a SQLite file at the current schema is read with plain sqlite3);
- ``this-orm``: this tree with the plain reader declined, so the ordinary door opens the file
  (SQLAlchemy, the models, ``build_summary``): the same tree doing the same work the old way;
- ``--compare``: the tree of an earlier revision (``git archive``);
- ``bare``: ``python -c pass``.
CPU is user + system of the process (``RUSAGE_CHILDREN``), with the load beside it.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.timing import checkout, interleaved, load, ratio_line, run_process  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
# The ORM path of this tree: the plain reader declines every file, as it does an older one.
ORM_ONLY = ("import sys; from cloudsuppress.store import plain_reader; "
            "plain_reader.open_plain_reader = lambda target: None; "
            "from cloudsuppress.cli import main; sys.exit(main(sys.argv[1:]))")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", default="8fdae36", help="the earlier revision (default: main before the plain read)")
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    source = OUT / "cli-3000" / "bench.sqlite"
    if not source.exists():
        generate(OUT / "cli-3000", functions=3000, members=34)
    work = Path(tempfile.mkdtemp(prefix="cs-summary-"))
    try:
        tree = checkout(args.compare, work)
        dbs = {}
        for name in ("this", "this-orm", args.compare):
            dbs[name] = work / f"{name}.sqlite"
            shutil.copy(source, dbs[name])
        argv = {
            "this": ([sys.executable, "-m", "cloudsuppress.cli", "--db", str(dbs["this"]), "summary"], ROOT),
            "this-orm": ([sys.executable, "-c", ORM_ONLY, "--db", str(dbs["this-orm"]), "summary"], ROOT),
            args.compare: ([sys.executable, "-m", "cloudsuppress.cli", "--db", str(dbs[args.compare]), "summary"], tree),
            "bare": ([sys.executable, "-c", "pass"], ROOT),
        }
        texts = {name: subprocess.run(a, cwd=cwd, check=True, capture_output=True, text=True).stdout
                 for name, (a, cwd) in argv.items() if name != "bare"}
        if len(set(texts.values())) != 1:
            raise SystemExit(f"the sides print different summaries: {texts}")
        print(f"summary of {source.name} (3,000 functions, 34 members), {args.rounds} rounds; {load()}")
        samples = interleaved({name: (lambda a=a, cwd=cwd: run_process(a, cwd=cwd)) for name, (a, cwd) in argv.items()},
                              args.rounds)
        this = samples["this"]
        print(ratio_line("`summary`, CPU of the process, this tree (plain sqlite3)", this, samples["this-orm"],
                         "this tree through the ORM", what="cpu"))
        print(ratio_line("  against an earlier revision", this, samples[args.compare], f"at {args.compare}", what="cpu"))
        print(ratio_line("  wall time", this, samples["this-orm"], "this tree through the ORM"))
        print(f"  a bare `python -c pass`: {samples['bare'].text('cpu')} CPU")
        print(f"  target: summary <= 0.35 s CPU: {'met' if this.median('cpu') <= 0.35 else 'NOT met'} "
              f"(median {this.median('cpu'):.3f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
