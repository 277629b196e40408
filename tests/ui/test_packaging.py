"""The PyInstaller build: the folder runs, renders the demo, and carries what the app reads at run time.

Slow (a minute or more) and it writes build/ and dist/, so it runs only when asked:
CLOUDSUPPRESS_BUILD_TEST=1 pytest tests/ui/test_packaging.py   (packaging/build.py does the same by hand).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("CLOUDSUPPRESS_BUILD_TEST") != "1", reason="set CLOUDSUPPRESS_BUILD_TEST=1 to build"),
]


def test_build_and_smoke_run(tmp_path):
    out = tmp_path / "smoke.png"
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    internal = ROOT / "dist" / "cloudsuppress" / "_internal"
    for part in ("resources/fonts/OFL-BIZUD.txt", "resources/translations/cloudsuppress_en.qm",
                 "resources/migrations/env.py", "docs/guide.md", "docs/guide-requests.png"):
        assert (internal / part).is_file(), part
    assert not list(internal.rglob("*WebEngine*"))
