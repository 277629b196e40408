"""Where the database file lives: a warning when it is on a network share or in a cloud-synced folder.

SQLite's WAL mode needs shared memory between the processes that open the file, which network
file systems do not provide, and sync clients (OneDrive, Dropbox, ...) copy the file and its
``-wal`` separately, half-way through a write. Both are the most common way desktop apps that
use SQLite lose data. The check returns plain data; the GUI decides how to show it.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph",
    "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "lustre", "gpfs",
    "fuse.gvfsd-fuse", "fuse.onedriver", "fuse.google-drive-ocamlfuse",
})
LOCAL_FUSE = frozenset({"fuseblk", "fuse.lxcfs", "fuse.portal", "fuse.appimagefs", "fuse.snapfuse"})
CLOUD_FOLDERS = re.compile(
    r"^(onedrive([ -].*)?|dropbox([ -].*)?|google ?drive|googledrive|マイドライブ|my drive|icloud ?drive|"
    r"icloud~.*|mobile documents|box|box sync|box drive|pcloud ?drive|mega|nextcloud|owncloud)$",
    re.IGNORECASE,
)
DRIVE_REMOTE = 4


@dataclass(frozen=True)
class StorageWarning:
    """Why this location is risky: ``kind`` 'network' or 'cloud', a Japanese ``message``, and the evidence."""

    kind: str
    message: str
    detail: str


def _mount_of(path: str, mounts_text: str) -> tuple[str, str] | None:
    """(mount point, fs type) of the longest mount point containing ``path``."""
    best = None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ").replace("\\011", "\t")
        fstype = parts[2]
        if path == point or path.startswith(point.rstrip("/") + "/"):
            if best is None or len(point) > len(best[0]):
                best = (point, fstype)
    return best


def _is_network_fs(fstype: str) -> bool:
    fstype = fstype.lower()
    if fstype in LOCAL_FUSE:
        return False
    return fstype in NETWORK_FS or fstype.startswith("fuse.") or fstype == "fuse"


def _windows_drive_is_remote(drive: str) -> bool:
    if sys.platform != "win32":  # no drive letters to ask about (and no ctypes.windll)
        return False
    try:
        import ctypes

        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)
    except Exception:  # not Windows, or no answer: say nothing rather than guess
        return False


def network_warning(path: Path | str, *, platform: str | None = None, mounts_text: str | None = None) -> StorageWarning | None:
    platform = platform or sys.platform
    text = str(path)
    if platform.startswith("win"):
        wp = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")) or wp.drive.startswith("\\\\"):
            return StorageWarning("network", _NETWORK_MESSAGE, f"UNC パス: {wp.drive or text}")
        if wp.drive and _windows_drive_is_remote(wp.drive):
            return StorageWarning("network", _NETWORK_MESSAGE, f"ネットワークドライブ: {wp.drive}")
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    found = _mount_of(os.path.abspath(text) if platform == sys.platform else text, mounts_text)
    if found and _is_network_fs(found[1]):
        return StorageWarning("network", _NETWORK_MESSAGE, f"{found[0]}（{found[1]}）")
    return None


def cloud_warning(path: Path | str, *, platform: str | None = None) -> StorageWarning | None:
    platform = platform or sys.platform
    parts = PureWindowsPath(str(path)).parts if platform.startswith("win") else Path(str(path)).parts
    for part in parts[:-1]:
        if CLOUD_FOLDERS.match(part.strip()):
            return StorageWarning("cloud", _CLOUD_MESSAGE, f"同期フォルダ: {part}")
    return None


def storage_warnings(path: Path | str, *, platform: str | None = None, mounts_text: str | None = None) -> tuple[StorageWarning, ...]:
    """Warnings for a database file at ``path`` (empty when it is on a local, unsynced disk)."""
    found = [network_warning(path, platform=platform, mounts_text=mounts_text), cloud_warning(path, platform=platform)]
    return tuple(w for w in found if w is not None)


_NETWORK_MESSAGE = (
    "データベースファイルがネットワーク上の場所（共有フォルダ・ネットワークドライブ）にあります。"
    "SQLite はネットワーク上のファイルを安全に扱えず、データが失われることがあります。"
    "ファイルをこのパソコンのドライブに置くか、複数人で使う場合は PostgreSQL の共有データベースを使ってください。"
)
_CLOUD_MESSAGE = (
    "データベースファイルがクラウド同期フォルダ（OneDrive・Dropbox・Google ドライブ・iCloud・Box など）にあります。"
    "同期中のファイルが書き換えられるとデータが壊れることがあります。"
    "同期されないフォルダに置き、共有には PostgreSQL の共有データベースか、引継ぎファイルを使ってください。"
)
