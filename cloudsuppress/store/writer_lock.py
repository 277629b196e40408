"""One writer per SQLite database file: a lock file beside it, as Anki and calibre keep one.

Every process that opens a database file for writing (the GUI, a CLI command that changes
something, a restore, a handover import, a migration) holds ``<file>.lock``: an operating
system lock on it (``flock`` on POSIX, a byte-range lock on Windows) plus who holds it
(user, machine, process id, since when, what for) written inside, so a second process can say
who is working in the file instead of failing later with "database is locked" or, worse,
replacing the file under the first (issue 17, finding 1).

The operating system drops the lock when its process ends, however it ends (SIGKILL
included), so a lock left by a crash on this machine is never in the way. Where the file
system offers no locks (some network shares), the written holder decides: a holder on this
machine whose process is gone is stale and taken over; a holder on another machine is
trusted, and the message says which lock file to delete if that machine no longer uses it.

Within one process the lock is shared (counted): the GUI that reopens its own file, tests
that open a file twice, ``files.create_database_file`` checking an existing file.
"""
from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatabaseError

LOCK_SUFFIX = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 20  # Windows locks a byte far past the text, which stays readable


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database file's writer lock."""

    user: str
    host: str
    pid: int | None
    since: dt.datetime | None
    purpose: str = ""

    def describe(self) -> str:
        """「yamada（PC-01、プロセス 4242）が 2026-12-07 10:05 から画面で」"""
        since = f"が {self.since:%Y-%m-%d %H:%M} から" if self.since else "が"
        pid = f"、プロセス {self.pid}" if self.pid else ""
        purpose = f"{self.purpose}で" if self.purpose else ""
        return f"{self.user or '不明な利用者'}（{self.host or '不明なコンピューター'}{pid}）{since}{purpose}"

    @property
    def on_this_machine(self) -> bool:
        return self.host == socket.gethostname()


class DatabaseLockedError(DatabaseError):
    """Another process holds the file's writer lock; ``holder`` says who, ``lock_path`` where."""

    def __init__(self, message: str, *, path: Path, lock_path: Path, holder: LockHolder | None):
        super().__init__(message)
        self.path = path
        self.lock_path = lock_path
        self.holder = holder


def lock_path_of(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _me(purpose: str) -> dict[str, object]:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        user = ""
    return {"user": user, "host": socket.gethostname(), "pid": os.getpid(),
            "since": dt.datetime.now().replace(microsecond=0).isoformat(), "purpose": purpose, "app": "cloudsuppress"}


def _parse(text: str) -> LockHolder | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    since = None
    try:
        since = dt.datetime.fromisoformat(str(data.get("since")))
    except ValueError:
        pass
    pid = data.get("pid")
    return LockHolder(str(data.get("user") or ""), str(data.get("host") or ""),
                      pid if isinstance(pid, int) and not isinstance(pid, bool) else None, since,
                      str(data.get("purpose") or ""))


def read_holder(lock_path: Path) -> LockHolder | None:
    """The holder written in a lock file (None when there is none or it is unreadable)."""
    try:
        with open(lock_path, encoding="utf-8") as fh:
            return _parse(fh.read(4096))
    except (OSError, UnicodeDecodeError):
        return None


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


class _NoLocks(Exception):
    """The file system does not lock files (some network shares)."""


def _os_lock(fd: int) -> bool:
    """Take the OS lock without waiting; False when another process has it."""
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            raise _NoLocks() from None
        raise


def _locked_message(db_path: Path, lock_path: Path, holder: LockHolder | None, *, doing: str) -> str:
    who = holder.describe() if holder is not None else "ほかのプログラム"
    text = (f"データベース「{Path(db_path).name}」は、{who}編集中のため{doing}。"
            "その画面やコマンドを終了してから、もう一度実行してください。")
    if holder is not None and not holder.on_this_machine:
        text += (f"そのコンピューターで cloudsuppress を使っていないことが確かなときは、"
                 f"ロックファイル {lock_path} を削除してください。")
    return text


class WriterLock:
    """A held writer lock; ``release()`` gives it up (counted within the process)."""

    def __init__(self, db_path: Path, lock_path: Path, fd: int):
        self.db_path = db_path
        self.lock_path = lock_path
        self._fd: int | None = fd
        self._count = 1

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        with _registry_lock:
            if self._fd is None:
                return
            self._count -= 1
            if self._count > 0:
                return
            _registry.pop(str(self.lock_path), None)
            fd, self._fd = self._fd, None
        try:  # emptied first: should the file outlive us (Windows, a share), it names nobody
            os.ftruncate(fd, 0)
        except OSError:
            pass
        if os.name != "nt":  # unlink while still holding it: a waiting process re-checks the inode
            try:
                os.unlink(self.lock_path)
            except OSError:
                pass
        try:
            os.close(fd)
        except OSError:
            pass
        if os.name == "nt":
            try:
                os.unlink(self.lock_path)
            except OSError:
                pass


_registry: dict[str, WriterLock] = {}
_registry_lock = threading.Lock()


def held_here(db_path: Path) -> bool:
    """True when this process holds the file's writer lock."""
    with _registry_lock:
        return str(lock_path_of(Path(db_path).resolve())) in _registry


def acquire(db_path: Path, *, purpose: str = "", doing: str = "開けません") -> WriterLock:
    """Take the writer lock of a SQLite file, or raise ``DatabaseLockedError`` naming the holder.

    ``doing`` completes the refusal: 「…編集中のため{doing}」 (開けません, 復元できません ...).
    """
    db_path = Path(db_path).resolve()
    lock_path = lock_path_of(db_path)
    key = str(lock_path)
    with _registry_lock:
        mine = _registry.get(key)
        if mine is not None and mine._fd is not None:
            mine._count += 1
            return mine
    for _attempt in range(20):
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            try:
                got = _os_lock(fd)
                if not got:  # a reader's probe (current_holder) holds it for an instant: look once more
                    time.sleep(0.05)
                    got = _os_lock(fd)
            except _NoLocks:
                got = _stale_or_free(lock_path)
            if not got:
                holder = read_holder(lock_path)
                raise DatabaseLockedError(_locked_message(db_path, lock_path, holder, doing=doing),
                                          path=db_path, lock_path=lock_path, holder=holder)
            if os.name != "nt":
                try:  # the holder before us unlinked the file as we opened it: start again on the new one
                    if os.stat(lock_path).st_ino != os.fstat(fd).st_ino:
                        os.close(fd)
                        continue
                except FileNotFoundError:
                    os.close(fd)
                    continue
            previous = _read_fd(fd)
            if previous is not None and not previous.on_this_machine and previous.pid is not None:
                # Locked by nobody we can see, but written by another machine (a share whose
                # locks do not reach across machines): trust it rather than write under it.
                raise DatabaseLockedError(_locked_message(db_path, lock_path, previous, doing=doing),
                                          path=db_path, lock_path=lock_path, holder=previous)
            data = json.dumps(_me(purpose), ensure_ascii=False).encode("utf-8")
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, data)
            try:
                os.fsync(fd)
            except OSError:
                pass
        except BaseException:
            try:
                os.close(fd)
            except OSError:
                pass
            raise
        lock = WriterLock(db_path, lock_path, fd)
        with _registry_lock:
            _registry[key] = lock
        return lock
    raise DatabaseError(f"ロックファイルを作成できません: {lock_path}")


def _read_fd(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        return _parse(os.read(fd, 4096).decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _stale_or_free(lock_path: Path) -> bool:
    """No OS locks here: free when nobody is written in, or the writer on this machine is gone."""
    holder = read_holder(lock_path)
    if holder is None or holder.pid is None:
        return True
    if holder.on_this_machine:
        return holder.pid == os.getpid() or not _pid_alive(holder.pid)
    return False


def current_holder(db_path: Path) -> LockHolder | None:
    """Who holds the file's writer lock now (another process), or None when it is free or ours.

    Only looks: it never creates, writes or removes the lock file, so a reader asking never
    stands in a writer's way (and works in a folder it cannot write)."""
    db_path = Path(db_path).resolve()
    if held_here(db_path):
        return None
    lock_path = lock_path_of(db_path)
    try:
        fd = os.open(lock_path, os.O_RDONLY if os.name != "nt" else os.O_RDWR)
    except OSError:
        return None  # no lock file: nobody writes
    try:
        try:
            free = _os_lock(fd)
        except _NoLocks:
            free = _stale_or_free(lock_path)
        except OSError:
            return read_holder(lock_path)
        if free:
            return None
        return read_holder(lock_path) or LockHolder("", "", None, None)
    finally:
        os.close(fd)  # closing drops the probe's lock, if it got one
