"""The README's commands cannot go stale (issue #14).

* Every ``cloudsuppress …`` line in a code block of README.md (the synopses, with their
  continuation lines) names real subcommands and real options: each is walked through the
  CLI's own argparse tree (``build_parser``), so a renamed or removed option fails here.
  A bare ``|`` (a shell pipe when pasted) and ``a|b`` in a subcommand's place are refused:
  each command gets a line of its own.
* Every ``$ cloudsuppress …`` line of a ``console`` block is RUN, in the order written, in one
  scratch folder (the README's walk-through starts with ``init --demo``), and must exit 0. A
  helper adding a command to the README adds a line to one of those blocks, and it runs.
* Every ``--view`` of main.py is named in the README.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from cloudsuppress.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
OPTION = re.compile(r"--[a-z][a-z0-9-]*")


def code_blocks(text: str) -> list[tuple[str, list[str]]]:
    """(language, lines) of every fenced block and every 4-space indented block outside lists."""
    blocks: list[tuple[str, list[str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^\s*```(\w*)", line)
        if fence:
            lang, body = fence.group(1), []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            blocks.append((lang, body))
        elif line.startswith("    ") and line.strip().startswith("cloudsuppress "):
            body = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            blocks.append(("indented", body))
            continue
        i += 1
    return blocks


def synopsis_commands(text: str) -> list[str]:
    """Each ``cloudsuppress …`` line of a non-console block, joined with its continuation lines."""
    commands: list[str] = []
    for lang, body in code_blocks(text):
        if lang == "console":
            continue
        for line in body:
            stripped = line.split("  #")[0].split(" # ")[0].rstrip()
            if stripped.strip().startswith("cloudsuppress "):
                commands.append(stripped.strip())
            elif commands and line[:1].isspace() and stripped.strip().startswith(("[", "--", "(")) \
                    and not stripped.strip().startswith("#"):
                commands[-1] += " " + stripped.strip()
    return commands


def console_commands(text: str) -> list[str]:
    return [line.strip()[2:] for lang, body in code_blocks(text) if lang == "console"
            for line in body if line.strip().startswith("$ cloudsuppress ")]


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def walk(command: str) -> tuple[list[str], list[str]]:
    """The subcommand path of a synopsis line and its problems (unknown options, pipes …)."""
    tokens = command.split()[1:]
    parser = build_parser()
    problems: list[str] = []
    depth = 0
    for token in tokens:  # a | between alternatives in (…) or […] is notation; outside, a pipe
        if token == "|" and depth == 0:
            problems.append("a bare | is a shell pipe when pasted: give each command its own line")
        depth += sum(token.count(c) for c in "([{") - sum(token.count(c) for c in ")]}")
    path: list[str] = []
    options = {o for a in parser._actions for o in a.option_strings}
    rest: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        sub = _subparsers(parser)
        if token in options and token.startswith("--") and not path:  # a global option and its value
            i += 2
            continue
        if sub is not None and token in sub.choices:
            parser = sub.choices[token]
            path.append(token)
            options = {o for a in parser._actions for o in a.option_strings}
            i += 1
            continue
        if sub is not None and sub.required:
            problems.append(f"「{token}」 is not a subcommand of 「{' '.join(path) or 'cloudsuppress'}」 "
                            f"(choices: {', '.join(sub.choices)})")
        rest = tokens[i:]
        break
    if _subparsers(parser) is not None and _subparsers(parser).required and not rest:
        problems.append(f"「{' '.join(path)}」 needs a subcommand")
    for token in rest:
        for option in OPTION.findall(token):
            if option not in options:
                problems.append(f"{option} is not an option of 「{' '.join(path)}」")
    return path, problems


def test_every_synopsis_line_names_real_subcommands_and_options():
    commands = synopsis_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 30  # the README's command lists were found
    problems = {c: p for c in commands for p in [walk(c)[1]] if p}
    assert problems == {}
    covered = {tuple(walk(c)[0][:1]) for c in commands}
    top = _subparsers(build_parser()).choices
    assert {(name,) for name in top} <= covered, "every top-level command is in the README"


def test_the_checker_catches_stale_lines():
    assert walk("cloudsuppress --db PATH undo | redo")[1]
    assert walk("cloudsuppress --db F latejoin list|accept|join ...")[1]
    assert walk("cloudsuppress --db F requests move ITEM --to withdrawn --raeson TEXT")[1]
    assert walk("cloudsuppress --db F requests move ITEM --to withdrawn --reason TEXT")[1] == []


def test_every_console_example_runs(tmp_path):
    commands = console_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 10 and commands[0].split()[3] == "init"
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLOUDSUPPRESS_SETTINGS=str(tmp_path / "settings.ini"))
    for command in commands:
        args = shlex.split(command)
        done = subprocess.run([sys.executable, "-m", "cloudsuppress", *args[1:]], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"$ {command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def test_every_view_of_the_gui_is_documented():
    text = README.read_text(encoding="utf-8")
    main_py = (ROOT / "main.py").read_text(encoding="utf-8")
    views = re.search(r"^VIEWS = \(([^)]*)\)", main_py, re.M).group(1)
    for view in re.findall(r'"(\w+)"', views):
        assert re.search(rf"--view [^\n]*\b{view}\b", text), f"--view {view} is not in the README"


@pytest.mark.parametrize("stale", ["This first slice", "a later issue"])
def test_no_stale_promises(stale):
    assert stale not in README.read_text(encoding="utf-8")
