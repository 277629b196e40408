"""The double-clicked app is the whole app (issue #14): the desktop build's environment installs the
PostgreSQL driver (shared mode) and keyring with its backend, the spec bundles what is loaded by
name, and the Windows workflow installs, tests, builds, starts the app and keeps the folder."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_build_extra_brings_the_postgresql_driver_and_the_keyring():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build = project["optional-dependencies"]["build"]
    assert any(r.startswith("pyinstaller") for r in build)
    assert any(r.startswith("psycopg[binary]") for r in build)
    assert any(r.startswith("keyring") for r in project["dependencies"])  # with its OS backend as a dependency
    assert '"-e", f"{ROOT}[build]"' in (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")


def test_the_spec_bundles_what_is_loaded_by_name():
    spec = (ROOT / "packaging" / "cloudsuppress.spec").read_text(encoding="utf-8")
    for name in ("sqlalchemy.dialects.postgresql.psycopg", "psycopg_binary", 'collect_submodules("keyring.backends")'):
        assert name in spec, name


def test_the_windows_workflow_is_short_and_complete():
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    steps = re.findall(r"^\s+(?:- name: |- uses: )(.+)$", text, re.M)
    assert [s for s in steps if s in ("Install", "Test", "Build the one-folder app", "Start it")] == \
        ["Install", "Test", "Build the one-folder app", "Start it"]
    assert ".[test,build]" in text and "packaging/build.py" in text and "--screenshot" in text
    assert "actions/upload-artifact" in text and "dist/cloudsuppress/" in text
    assert len(text.splitlines()) < 60
