#!/usr/bin/env python3
"""Run the built folder on a clean Debian 12 (bookworm) root: does it start with nothing but what the README asks for?

    sudo python3 packaging/clean_room.py [--base DIR] [--mirror URL] [--out FILE.png] [--fresh] [--x11]
    python packaging/build.py --clean-room          (build, smoke test, then this)

Linux only, as root (debootstrap, chroot, mounts); only Debian's package mirror is needed.

1. Makes (once, kept in --base, default /var/tmp/cloudsuppress-clean-room/base) a minimal
   bookworm root with ``debootstrap --variant=minbase``: no X, no GL, no fonts, no fontconfig.
   ``--fresh`` makes it again. Each run works on a new copy of it (``<base>-run``), so packages
   installed by one run never leak into the next.
2. Copies dist/cloudsuppress/ to /opt/cloudsuppress in the copy and lists, with ``ldd`` (the
   folder's _internal on LD_LIBRARY_PATH, as the bootloader sets it), every shared library the
   folder's binaries need that neither the folder nor the bare root has.
3. Installs RUNTIME_PACKAGES (the ones the README lists: present on every Linux desktop, and
   deliberately not bundled by PyInstaller because they belong to the machine's graphics stack),
   and lists again. What is still missing then must be only what a desktop session brings for
   its own platform plugin (libwayland-*, libxcb), never something the app itself needs.
4. Starts ``/opt/cloudsuppress/cloudsuppress --screenshot … --view dashboard`` offscreen, as an
   unprivileged user (nobody) with an empty HOME and nothing else in its environment, and checks
   that it exits 0, creates the demo database under HOME, writes a non-blank PNG (copied to
   --out, default build/clean-room.png) and prints no fontconfig/Qt plugin errors.
5. Shared mode, when a PostgreSQL server answers on this machine (the chroot shares its network):
   a scratch database with a consortium (made by build.py's ``shared_database``), the folder's app
   started in the root with ``--db postgresql+psycopg://…``: it must open it through the bundled
   driver, render the members view and make no SQLite file. The database is dropped after.
6. With ``--x11``, installs xvfb and xauth and starts it again on the xcb platform (the one an
   X11 desktop uses; the xcb libraries are bundled except libxcb itself) under Xvfb.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_DIR = ROOT / "dist" / "cloudsuppress"
SUITE = "bookworm"
DEFAULT_BASE = Path("/var/tmp/cloudsuppress-clean-room/base")
# Keep in step with the README ("Desktop build"): what the folder needs from the machine.
RUNTIME_PACKAGES = ["libgl1", "libegl1"]
# Libraries PyInstaller never bundles on purpose (they must match the machine's display server
# and drivers); a desktop session has them. Missing only for the X11/Wayland plugins is expected.
DESKTOP_ONLY = re.compile(r"^(libwayland-(client|cursor|egl|server)|libxcb|libxcb-dri\d?|libdrm|libE?GL\w*)\.so")
DESKTOP_PLUGIN_FILES = re.compile(r"(qwayland|qxcb|XcbQpa|WaylandClient|WlShellIntegration|wayland-|xcbglintegrations)")
BAD_OUTPUT = ("Fontconfig error", "Could not load the Qt platform plugin", "Cannot load library",
              "cannot open shared object file", "Traceback")


def say(text: str) -> None:
    print(f"[clean-room] {text}", flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kw)


def quiet(cmd: list[str]) -> None:
    """Run a noisy command (apt in a chroot complains about /dev/pts and apt-utils); show its output on failure."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"[clean-room] {' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}")


def debian_mirror() -> str:
    """The Debian archive this machine's apt uses (deb822 or one-line sources), else deb.debian.org."""
    texts = []
    for path in [Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*"))]:
        if path.is_file() and path.suffix in (".list", ".sources", ""):
            texts.append(path.read_text(errors="replace"))
    for url in re.findall(r"(?:URIs:\s*|deb\s+(?:\[[^\]]*\]\s+)?)(\S+)", "\n".join(texts)):
        if re.search(r"/debian/?$", url):
            return url
    return "http://deb.debian.org/debian"


def make_base(base: Path, mirror: str) -> None:
    if shutil.which("debootstrap") is None:
        say("installing debootstrap")
        run(["apt-get", "install", "-y", "-q", "debootstrap"])
    tmp = base.with_name(base.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    say(f"debootstrap --variant=minbase {SUITE} {tmp} {mirror}")
    quiet(["debootstrap", "--variant=minbase", SUITE, str(tmp), mirror])
    tmp.rename(base)


class Mounted:
    """/proc and /dev inside the root, unmounted again whatever happens."""

    def __init__(self, root: Path):
        self.points = [root / "proc", root / "dev"]

    def __enter__(self):
        run(["mount", "-t", "proc", "proc", str(self.points[0])])
        run(["mount", "--bind", "/dev", str(self.points[1])])
        return self

    def __exit__(self, *exc):
        # Xvfb may take a moment to go after xvfb-run returns: retry, then detach lazily
        for point in reversed(self.points):
            for _ in range(20):
                if subprocess.run(["umount", str(point)], stderr=subprocess.DEVNULL).returncode == 0:
                    break
                time.sleep(0.5)
            else:
                subprocess.run(["umount", "--lazy", str(point)], check=False)


def missing_libraries(root: Path) -> dict[str, set[str]]:
    """{library not found: {folder files that need it}} for every ELF file of /opt/cloudsuppress."""
    script = r"""
export LD_LIBRARY_PATH=/opt/cloudsuppress/_internal
find /opt/cloudsuppress -type f \( -name '*.so*' -o -name cloudsuppress \) | while read -r f; do
  ldd "$f" 2>/dev/null | sed -n "s|^[[:space:]]*\([^ ]*\) => not found|\1 $f|p"
done
"""
    out = subprocess.run(["chroot", str(root), "/bin/sh", "-c", script], check=True, capture_output=True,
                         text=True).stdout
    missing: dict[str, set[str]] = {}
    for line in out.splitlines():
        lib, _, needer = line.partition(" ")
        missing.setdefault(lib, set()).add(needer.replace("/opt/cloudsuppress/_internal/", ""))
    return missing


def report(missing: dict[str, set[str]]) -> None:
    for lib in sorted(missing):
        needers = sorted(missing[lib])
        more = f" (+{len(needers) - 3} more)" if len(needers) > 3 else ""
        say(f"  {lib:32} needed by {', '.join(needers[:3])}{more}")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", type=Path, default=DEFAULT_BASE, help="where the pristine minbase root is kept")
    p.add_argument("--mirror", default=None, help="Debian mirror (default: the one apt uses here)")
    p.add_argument("--fresh", action="store_true", help="debootstrap the base again")
    p.add_argument("--out", type=Path, default=ROOT / "build" / "clean-room.png", help="where the PNG is copied")
    p.add_argument("--x11", action="store_true",
                   help="also start it on X11 (xcb) under Xvfb, installed into the copy (FILE-x11.png)")
    args = p.parse_args(argv)
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        raise SystemExit("[clean-room] needs Linux and root (debootstrap, chroot, mount)")
    if not (APP_DIR / "cloudsuppress").exists():
        raise SystemExit(f"[clean-room] build first: {APP_DIR} is missing (python packaging/build.py)")

    base = args.base.resolve()
    if args.fresh:
        shutil.rmtree(base, ignore_errors=True)
    if not (base / "usr" / "bin" / "apt-get").exists():
        make_base(base, args.mirror or debian_mirror())
    work = base.with_name(base.name + "-run")
    shutil.rmtree(work, ignore_errors=True)
    say(f"fresh copy of the minbase root: {work}")
    run(["cp", "-a", str(base), str(work)])
    shutil.copytree(APP_DIR, work / "opt" / "cloudsuppress", symlinks=True)
    shutil.copy2("/etc/resolv.conf", work / "etc" / "resolv.conf")
    home = work / "tmp" / "home"
    home.mkdir(parents=True)
    os.chown(home, 65534, 65534)

    with Mounted(work):
        bare = missing_libraries(work)
        say(f"bare {SUITE} minbase lacks {len(bare)} libraries the folder links to:")
        report(bare)

        say(f"installing the README's runtime packages: {' '.join(RUNTIME_PACKAGES)}")
        quiet(["chroot", str(work), "apt-get", "update", "-q"])
        quiet(["chroot", str(work), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
               "--no-install-recommends", *RUNTIME_PACKAGES])
        left = missing_libraries(work)
        unexpected = {lib: needers for lib, needers in left.items()
                      if not (DESKTOP_ONLY.match(lib) and all(DESKTOP_PLUGIN_FILES.search(n) for n in needers))}
        say(f"still missing after that: {len(left)} (a desktop session provides: "
            f"{', '.join(sorted(set(left) - set(unexpected))) or 'none'})")
        if unexpected:
            report(unexpected)
            raise SystemExit("[clean-room] FAILED: the folder needs libraries that are neither bundled nor in "
                             "RUNTIME_PACKAGES (see above)")

        say("starting the app offscreen as nobody, HOME empty, no other environment")
        check_run(work, home, "clean-room.png", ["QT_QPA_PLATFORM=offscreen"], args.out, "dashboard")
        sys.path.insert(0, str(ROOT / "packaging"))
        from build import shared_database

        with shared_database() as url:
            if url is None:
                say("shared mode: no PostgreSQL server answers here, not tried")
            else:
                say("shared mode: the app in the root opens a scratch database on this machine's server")
                check_run(work, home, "clean-room-shared.png", ["QT_QPA_PLATFORM=offscreen"],
                          args.out.with_name(args.out.stem + "-shared.png"), "members", db=url)
        if args.x11:
            say("X11: installing xvfb and xauth (the X server stands in for the desktop's)")
            quiet(["chroot", str(work), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                   "--no-install-recommends", "xvfb", "xauth"])
            say("starting the app on the xcb platform under Xvfb")
            check_run(work, home, "clean-room-x11.png", ["QT_QPA_PLATFORM=xcb", "LANG=C.UTF-8"],
                      args.out.with_name(args.out.stem + "-x11.png"), "functions",
                      prefix=["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"])
    return 0


def check_run(work: Path, home: Path, png_name: str, env: list[str], out: Path, view: str,
              prefix: list[str] = (), db: str | None = None) -> None:
    """Start the app in the root as nobody with only ``env``; it must exit 0 and leave a PNG, and a
    database under HOME (none when ``db`` names a server database: it must open that one)."""
    for old in [*home.rglob("cloudsuppress.sqlite*"), home / png_name]:
        old.unlink(missing_ok=True)
    cmd = ["chroot", str(work), "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
           "/usr/bin/env", "-i", "HOME=/tmp/home", "PATH=/usr/bin:/bin", *env, *prefix,
           "/opt/cloudsuppress/cloudsuppress", *(["--db", db] if db else []),
           "--screenshot", f"/tmp/home/{png_name}", "--view", view]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    output = (proc.stdout + proc.stderr).strip()
    if output:
        say("the app printed:\n" + "\n".join(f"    {line}" for line in output.splitlines()))
    if proc.returncode != 0:
        raise SystemExit(f"[clean-room] FAILED: the app exited with {proc.returncode}")
    bad = [marker for marker in BAD_OUTPUT if marker in output]
    if bad:
        raise SystemExit(f"[clean-room] FAILED: the app's output shows {bad}")
    made = list(home.rglob("*.sqlite"))
    if db is None and not list(home.rglob("cloudsuppress.sqlite")):
        raise SystemExit("[clean-room] FAILED: no demo database under HOME")
    if db is not None and made:
        raise SystemExit(f"[clean-room] FAILED: a SQLite file instead of the server database: {made}")
    png = home / png_name
    if not png.exists() or png.stat().st_size < 20_000:
        raise SystemExit("[clean-room] FAILED: no screenshot, or a blank one")
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(png, out)
    say(f"PASSED: {out} ({png.stat().st_size:,} bytes); look at it: Japanese in BIZ UD Gothic, no boxes")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
