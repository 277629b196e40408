#!/usr/bin/env python3
"""Build the one-folder app with PyInstaller and smoke-test it.

    .venv/bin/python packaging/build.py [--skip-build] [--out FILE.png] [--clean-room]

1. Uses this interpreter when PyInstaller is installed in it (``pip install -e .[build]``);
   otherwise creates build/venv with the project and its ``build`` extra, and builds there.
2. Runs packaging/cloudsuppress.spec into dist/cloudsuppress/.
3. Starts dist/cloudsuppress/cloudsuppress --screenshot FILE.png offscreen, with a temporary
   HOME and settings, so that the built app creates the demo database from its bundled
   migrations and renders the window; fails when the PNG is missing or blank. Then, when a
   PostgreSQL server answers at CLOUDSUPPRESS_SMOKE_PG (default postgresql+psycopg://root@127.0.0.1:5432/test),
   shared mode: a scratch database with a consortium, the built app started on it with
   ``--db postgresql+psycopg://…`` (the bundled driver and dialect), its members view rendered,
   and the database dropped (``--no-shared`` skips it; a server that does not answer skips it with a line).
4. With --clean-room (Linux, as root): packaging/clean_room.py, which runs the folder in a fresh
   Debian 12 minbase chroot with only the README's runtime packages, offscreen and on X11 (Xvfb).
Prints the build time and the folder's size. On Windows the same steps (but 4) make
dist\\cloudsuppress\\cloudsuppress.exe.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Iterator
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
        env = _clean_env(home)
        say(f"smoke test: {APP.relative_to(ROOT)} --screenshot {out}")
        proc = subprocess.run([str(APP), "--screenshot", str(out), "--view", "dashboard"], cwd=home, env=env,
                              capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise SystemExit(f"[build] the built app failed ({proc.returncode}):\n{proc.stderr}")
        demo = list(Path(home).rglob("cloudsuppress.sqlite"))
        if not demo:
            raise SystemExit("[build] the built app did not create its database")
    _require_picture(out, "smoke test")


SMOKE_PG = os.environ.get("CLOUDSUPPRESS_SMOKE_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


@contextlib.contextmanager
def shared_database() -> Iterator[str | None]:
    """A scratch PostgreSQL database holding a consortium, dropped afterwards; None when no server
    answers at SMOKE_PG (or this interpreter lacks the project)."""
    import uuid

    try:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
    except ImportError:
        yield None
        return
    admin = create_engine(SMOKE_PG, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"cs_smoke_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception:  # noqa: BLE001 - any failure to reach the server
        admin.dispose()
        yield None
        return
    url = make_url(SMOKE_PG).set(database=name).render_as_string(hide_password=False)
    try:
        from cloudsuppress.ops.consortium import create_consortium
        from cloudsuppress.ops.members import add_member
        from cloudsuppress.store.db import open_database

        db = open_database(url)
        with db.session() as s, s.begin():
            create_consortium(s, name="共有モード確認協議会", preset="ibaraki33")
            add_member(s, name="共有確認町", population=12_345)  # a row the app must read from the server
        db.close(backup=False)
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def shared_smoke_test(out: Path) -> bool:
    """The built app in shared mode: opens a scratch PostgreSQL database through its bundled
    psycopg and SQLAlchemy dialect and renders the members view. False when no server answers."""
    with shared_database() as url:
        if url is None:
            say(f"shared-mode smoke test skipped: no PostgreSQL server answers at {SMOKE_PG}")
            return False
        out = out.resolve()
        out.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="cloudsuppress-smoke-pg-") as home:
            say(f"shared-mode smoke test: {APP.relative_to(ROOT)} --db <scratch database> --screenshot {out}")
            proc = subprocess.run([str(APP), "--db", url, "--screenshot", str(out), "--view", "members"], cwd=home,
                                  env=_clean_env(home), capture_output=True, text=True, timeout=300)
            if proc.returncode != 0:
                raise SystemExit(f"[build] the built app could not open the server database ({proc.returncode}):\n{proc.stderr}")
            if list(Path(home).rglob("*.sqlite")):
                raise SystemExit("[build] the built app made a SQLite file instead of opening the server database")
        _require_picture(out, "shared-mode smoke test")
        return True


def _require_picture(out: Path, test: str) -> None:
    """The screenshot a smoke test asked for is there and not blank (a blank window PNG is far smaller)."""
    if not out.exists() or out.stat().st_size < 20_000:
        raise SystemExit(f"[build] {test}: no screenshot (or a blank one): {out}")
    say(f"{test} passed: {out} ({out.stat().st_size:,} bytes)")


def _clean_env(home: str) -> dict[str, str]:
    """The environment of a user who has never run the app: nothing of this interpreter's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=home, USERPROFILE=home, APPDATA=home, LOCALAPPDATA=home, XDG_DATA_HOME=f"{home}/data",
               XDG_CONFIG_HOME=f"{home}/config", CLOUDSUPPRESS_SETTINGS=f"{home}/settings.ini",
               QT_QPA_PLATFORM="offscreen")
    return env


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--skip-build", action="store_true", help="only smoke-test an existing dist/ folder")
    p.add_argument("--out", type=Path, default=WORK / "smoke.png", help="where the smoke test's PNG goes")
    p.add_argument("--no-shared", action="store_true", help="skip the shared-mode (PostgreSQL) smoke test")
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
    if not args.no_shared:
        shared_smoke_test(args.out.with_name(args.out.stem + "-shared.png"))
    if args.clean_room:
        sys.path.insert(0, str(ROOT / "packaging"))
        import clean_room

        return clean_room.main(["--x11"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
