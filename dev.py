#!/usr/bin/env python3
"""Set up and run cloudsuppress from a clean clone, on Debian or Windows.

    python3 dev.py run [main.py options]   start the app (embedded SQLite, demo data on first run)
    python3 dev.py test [pytest options]   run the whole test suite (Qt offscreen), the PostgreSQL
                                           tests included when a server runs at 127.0.0.1:5432
                                           (they fail instead of skipping when CI is set)

Both create ``.venv`` beside this file when it is missing and (re)install the project and its
dependencies whenever ``pyproject.toml`` changes. On Debian, run as root, they also install
the system libraries Qt needs (and poppler-utils, which the PDF tests use) when missing.
Only the standard library is used here, so that this runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".cloudsuppress-installed"
IS_WINDOWS = os.name == "nt"
PY = VENV / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")

# Debian packages Qt's xcb/offscreen platforms load, and the tools the tests call.
DEBIAN_QT_LIBS = [
    "libegl1", "libgl1", "libopengl0", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
    "libfreetype6", "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0",
    "libxcb-image0", "libxrender1", "libxi6", "libnss3", "libasound2",
]
DEBIAN_TOOLS = {"pdffonts": "poppler-utils", "pdftotext": "poppler-utils", "pdftoppm": "poppler-utils"}


def say(msg: str) -> None:
    print(f"[dev.py] {msg}", flush=True)


def ensure_venv() -> None:
    if not PY.exists():
        say(f"仮想環境を作成します: {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("依存パッケージをインストールします（初回は数分かかります）")
    subprocess.check_call([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
    STAMP.write_text(wanted)


def _is_debian_root() -> bool:
    return (not IS_WINDOWS and Path("/etc/debian_version").exists()
            and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None)


def _apt_install(packages: list[str]) -> None:
    available = []
    for pkg in packages:
        if subprocess.run(["dpkg", "-s", pkg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode:
            available.append(pkg)
    if not available:
        return
    say(f"システムライブラリをインストールします: {' '.join(available)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    for pkg in available:  # one at a time: a name missing on this release must not stop the rest
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", pkg], env=env,
                       stdout=subprocess.DEVNULL, check=False)


def qt_imports() -> bool:
    check = "import PySide6.QtWidgets, PySide6.QtGui"
    return subprocess.run([str(PY), "-c", check], capture_output=True).returncode == 0


def ensure_system_libraries(*, for_tests: bool) -> None:
    if not _is_debian_root():
        return
    wanted = [] if qt_imports() else list(DEBIAN_QT_LIBS)
    if for_tests:
        wanted += sorted({pkg for tool, pkg in DEBIAN_TOOLS.items() if shutil.which(tool) is None})
    if wanted:
        _apt_install(wanted)


def ensure_postgres() -> None:
    """Start the local PostgreSQL cluster for the shared-mode tests when it is installed but stopped
    (as .ci/run does). Without one those tests skip, or fail when CI is set."""
    if IS_WINDOWS or shutil.which("pg_isready") is None:
        return
    ready = ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]
    if subprocess.run(ready).returncode == 0:
        return
    clusters = Path("/etc/postgresql")
    if _is_debian_root() and shutil.which("pg_ctlcluster") and clusters.is_dir():
        for version in sorted(p.name for p in clusters.iterdir()):
            say(f"PostgreSQL {version} を起動します（共有モードのテスト用）")
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=False)
            if subprocess.run(ready).returncode == 0:
                return


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_venv()
    ensure_system_libraries(for_tests=command == "test")
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_postgres()
        cmd = [str(PY), "-m", "pytest", *rest]
    else:
        if not IS_WINDOWS and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") \
                and not env.get("QT_QPA_PLATFORM"):
            if not any(a == "--screenshot" or a.startswith("--screenshot=") for a in rest):
                # Offscreen, the first-run wizard would wait for a click nobody can give.
                say("画面（DISPLAY / WAYLAND_DISPLAY）がないため起動できません。"
                    "画面のある環境で実行するか、--screenshot FILE.png で画面を画像に保存してください。")
                return 2
            env["QT_QPA_PLATFORM"] = "offscreen"
        cmd = [str(PY), str(ROOT / "main.py"), *rest]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
