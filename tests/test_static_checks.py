"""The architecture is checked by machines (STYLE.md rule 12): the import-linter contracts and
mypy's settings in pyproject.toml run with the suite, so `python3 dev.py test` (and CI) fails on
a violation."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail(f"{name} is not installed in this environment: `python3 dev.py test` installs it (pyproject's test extra)")
    return exe


def test_import_contracts_are_kept():
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def test_the_core_type_checks():
    """`mypy` on cloudsuppress/ with pyproject's settings: no error (strict where practical; the
    exceptions are listed there with why). About 30 s from a cold cache, a few seconds warm."""
    result = subprocess.run([_tool("mypy"), "--cache-dir", str(ROOT / ".mypy_cache")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


# Modules that still import each other, each with why it is left (STYLE: no import circles).
KNOWN_CYCLES = {
    # function_list's older entry points (guess_mapping, mapping_from_options) delegate to detect,
    # which builds on function_list's parsing; they import each other inside functions.
    ("cloudsuppress.importers.detect", "cloudsuppress.importers.function_list"),
}


def test_no_two_modules_import_each_other():
    import grimp

    graph = grimp.build_graph("cloudsuppress", "ui")
    cycles = {(a, b) for a in graph.modules for b in graph.find_modules_directly_imported_by(a)
              if a < b and a in graph.find_modules_directly_imported_by(b)}
    assert cycles - KNOWN_CYCLES == set(), "break the circle (a small shared module both import)"


def test_ruff_finds_nothing():
    """ruff's E, F, B, I and UP rules over the whole tree (the exceptions are in pyproject.toml, with why)."""
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", "--output-format", "concise", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
