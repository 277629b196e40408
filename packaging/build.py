#!/usr/bin/env python3
"""Build the one-folder app with PyInstaller and smoke-test it.

    .venv/bin/python packaging/build.py [--skip-build] [--out FILE.png] [--clean-room]

1. Uses this interpreter when PyInstaller is installed in it (``pip install -e .[build]``);
   otherwise creates build/venv with the project and its ``build`` extra, and builds there.
2. Runs packaging/cloudsuppress.spec into dist/cloudsuppress/.
3. Starts dist/cloudsuppress/cloudsuppress --screenshot FILE.png offscreen, with a temporary
   HOME and settings, so that the built app creates the demo database from its bundled
   migrations and renders the window; fails when the PNG is missing or blank.
4. With --clean-room (Linux, as root): packaging/clean_room.py, which runs the folder in a fresh
   Debian 12 minbase chroot with only the README's runtime packages, offscreen and on X11 (Xvfb).
Prints the build time and the folder's size. On Windows the same steps (but 4) make
dist\\cloudsuppress\\cloudsuppress.exe.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "cloudsuppress.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
IS_WINDOWS = os.name == "nt"
APP = DIST / "cloudsuppress" / ("cloudsuppress.exe" if IS_WINDOWS else "cloudsuppress")


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def build_python() -> Path:
    """An interpreter with PyInstaller and the project: this one, or build/venv."""
    try:
        import PyInstaller  # noqa: F401

        return Path(sys.executable)
    except ImportError:
        pass
    env_dir = WORK / "venv"
    py = env_dir / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")
    if not py.exists():
        say(f"creating {env_dir}")
        venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[build]"])
    return py


def build(py: Path) -> None:
    say("running PyInstaller")
    subprocess.check_call([str(py), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                           "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"), str(SPEC)], cwd=ROOT)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def smoke_test(out: Path) -> None:
    """The built app starts offscreen from its folder, creates the demo database, renders a PNG."""
    if not APP.exists():
        raise SystemExit(f"[build] missing {APP}")
    out = out.resolve()
    if out.exists():
        out.unlink()
    with tempfile.TemporaryDirectory(prefix="cloudsuppress-smoke-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(HOME=home, USERPROFILE=home, APPDATA=home, LOCALAPPDATA=home, XDG_DATA_HOME=f"{home}/data",
                   XDG_CONFIG_HOME=f"{home}/config", CLOUDSUPPRESS_SETTINGS=f"{home}/settings.ini",
                   QT_QPA_PLATFORM="offscreen")
        say(f"smoke test: {APP.relative_to(ROOT)} --screenshot {out}")
        proc = subprocess.run([str(APP), "--screenshot", str(out), "--view", "dashboard"], cwd=home, env=env,
                              capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise SystemExit(f"[build] the built app failed ({proc.returncode}):\n{proc.stderr}")
        demo = list(Path(home).rglob("cloudsuppress.sqlite"))
        if not demo:
            raise SystemExit("[build] the built app did not create its database")
    if not out.exists() or out.stat().st_size < 20_000:
        raise SystemExit(f"[build] no screenshot (or a blank one): {out}")
    say(f"smoke test passed: {out} ({out.stat().st_size:,} bytes)")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--skip-build", action="store_true", help="only smoke-test an existing dist/ folder")
    p.add_argument("--out", type=Path, default=WORK / "smoke.png", help="where the smoke test's PNG goes")
    p.add_argument("--clean-room", action="store_true",
                   help="then run it in a clean Debian 12 chroot (Linux, root; see packaging/clean_room.py)")
    args = p.parse_args(argv)
    if not args.skip_build:
        py = build_python()
        started = time.monotonic()
        build(py)
        say(f"PyInstaller took {time.monotonic() - started:.0f} s")
    size = folder_size(APP.parent)
    say(f"{APP.parent.relative_to(ROOT)}: {size / 1024 / 1024:,.0f} MB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    smoke_test(args.out)
    if args.clean_room:
        sys.path.insert(0, str(ROOT / "packaging"))
        import clean_room

        return clean_room.main(["--x11"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
