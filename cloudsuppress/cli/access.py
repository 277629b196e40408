"""Which CLI commands only read the database, and the CLI's side of the writer lock.

A command that only reads (``summary``, ``requests list``, every export ...) opens the file
read-only: no writer lock, no integrity check, no backup copy (issue 18 item 3), and it works
while the GUI or another command is writing. A command that changes something takes the
writer lock and is refused, naming who holds it, while another process writes. A command
listed here by mistake is still safe: a read-only database refuses every write with a message.
"""
from __future__ import annotations

import argparse

# (command, action) pairs that never write; None: every action of the command.
_READING = {
    ("summary", None), ("export", None),
    ("members", "list"), ("structure", "list"),
    ("requests", "list"), ("requests", "history"), ("requests", "export-template"),
    ("meetings", "list"), ("meetings", "show"),
    ("costs", "show"), ("costs", "table"),
    ("measures", "show"), ("latejoin", "list"),
    ("handover", "export"),
}
_AGENDA_EDITS = ("build", "add", "remove", "up", "down")


def reads_only(args: argparse.Namespace) -> bool:
    """True when the command only reads the database (it may write a file of its own)."""
    command, action = args.command, getattr(args, "action", None)
    if (command, None) in _READING or (command, action) in _READING:
        return True
    if (command, action) == ("meetings", "agenda"):
        return not any(getattr(args, name, None) for name in _AGENDA_EDITS)
    if (command, action) == ("costs", "rule"):
        return all(getattr(args, name, None) is None for name in ("method", "ratio", "unit", "population_date"))
    return False


def purpose_of(args: argparse.Namespace) -> str:
    """What the lock says this process is doing: 「コマンド requests move」."""
    words = [w for w in (args.command, getattr(args, "action", None)) if isinstance(w, str)]
    return "コマンド " + " ".join(words)


LOCKED_HINT = ("読み取りだけのコマンド（summary、requests list、export など）は、"
               "編集中でも実行できます。")
