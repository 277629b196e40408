"""Child process for test_kill.py's export test: replaces four exports, over and over, until SIGKILLed.

Every export goes through ``output_files.output_file`` (a temporary file beside the target, then a
rename), so whenever the kill lands, each target must still be a whole file: the previous one or
the next one, never a half-written one.
"""
from __future__ import annotations

import sys
from pathlib import Path

from cloudsuppress.cli import main as cli

TARGETS = {
    "handover": ("引継ぎ.zip", ["handover", "export", "--out"]),
    "cost-table": ("費用負担一覧.xlsx", ["export", "cost-table", "--out"]),
    "comparison": ("比較一覧表.pdf", ["export", "comparison", "--out"]),
    "history": ("R-0001_変更履歴.csv", ["requests", "history", "R-0001", "--csv"]),
}


def export_all(db: str, folder: Path) -> None:
    for name, words in TARGETS.values():
        code = cli(["--db", db, *words, str(folder / name), "--force"])
        if code != 0:
            raise SystemExit(f"export {name} failed: {code}")


def main(db: str, folder: str) -> None:
    print("ready", flush=True)
    while True:
        export_all(db, Path(folder))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
