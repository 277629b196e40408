"""The SQLite write-ahead log copied back into the database file off the committing thread.

SQLite's automatic checkpoint runs inside the commit that makes the log pass 1,000 pages:
after a 30,000-function import that commit also copied ~14 MB into the file and synced it
(0.05 s of 0.07 s). As SQLite's documentation suggests, the app's connections switch the
automatic checkpoint off (``PRAGMA wal_autocheckpoint=0``, see db.py) and this thread runs
``PRAGMA wal_checkpoint(PASSIVE)`` on a connection of its own after commits that left the
log larger than ``threshold`` bytes. A passive checkpoint never waits for readers or
writers; pysqlite releases the GIL while it runs, so the copy overlaps the app's work.
A commit is durable when it is in the log, so nothing depends on when this runs;
``Database.close`` stops the thread and truncates the log as before.

The desktop app also wants a whole file at every quiet moment (issue #14): a secretary who
copies the .sqlite file to a USB stick mid-session must not hand over a 4 KiB file whose
contents are all in the -wal beside it. With ``idle_delay`` set (the GUI's op runner sets
it), every commit, however small, schedules a checkpoint that runs once no further commit
has come for ``idle_delay`` seconds; each new commit pushes it back, so a burst of work is
copied once, after it.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

DEFAULT_THRESHOLD = 4 * 1024 * 1024  # SQLite's own: 1,000 pages of 4 KiB


class Checkpointer:
    """A daemon thread that checkpoints one SQLite file's WAL when asked (see the module docstring)."""

    def __init__(self, path: Path, *, threshold: int = DEFAULT_THRESHOLD):
        self.path = Path(path)
        self.wal = self.path.with_name(self.path.name + "-wal")
        self.threshold = threshold
        self.idle_delay: float | None = None  # seconds without commits before any log is copied back; None: never
        self.checkpoints = 0  # how many ran (for tests)
        self._due: float | None = None  # when the pending checkpoint may run (time.monotonic)
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def poke(self) -> None:
        """After a commit: checkpoint soon if the log has grown past the threshold, else (with
        ``idle_delay``) once no further commit has come for that long."""
        try:
            size = self.wal.stat().st_size
        except OSError:
            return
        if size >= self.threshold:
            delay = 0.0
        elif self.idle_delay is not None and size > 0:
            delay = self.idle_delay
        else:
            return
        with self._lock:
            if self._stopping:
                return
            now = time.monotonic()
            if delay == 0 or (self._due is not None and self._due <= now):
                self._due = now
            else:
                self._due = now + delay  # a commit in a burst pushes the checkpoint back
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=f"checkpoint {self.path.name}", daemon=True)
                self._thread.start()
            self._idle.clear()
            self._wake.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no checkpoint is pending or running (tests; closing)."""
        return self._idle.wait(timeout)

    def stop(self) -> None:
        """Finish a running checkpoint and end the thread."""
        with self._lock:
            self._stopping = True
            thread = self._thread
            self._wake.set()
        if thread is not None:
            thread.join()

    def _wait_until_due(self) -> bool:
        """Sleep until the pending checkpoint is due (later commits may push it back); False when stopping."""
        while True:
            with self._lock:
                due = self._due
            remaining = 0.0 if due is None else due - time.monotonic()
            if remaining <= 0:
                with self._lock:
                    self._due = None
                return True
            self._wake.wait(remaining)
            self._wake.clear()
            if self._stopping:
                return False

    def _run(self) -> None:
        con = None
        try:
            con = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            con.execute("PRAGMA busy_timeout=10000")
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                if not self._wait_until_due():
                    return
                try:
                    con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                except sqlite3.Error:  # busy or closed underneath: the next commit asks again
                    pass
                if not self._wake.is_set():
                    self._idle.set()
        except sqlite3.Error:
            pass
        finally:
            self._idle.set()
            if con is not None:
                con.close()
