"""The GUI keeps the .sqlite file whole (issue #14): commit one change through the op runner,
wait for the app to be idle, copy only the .sqlite file, open the copy and find the change."""
from __future__ import annotations

import shutil
import sqlite3

from cloudsuppress.ops import members as member_ops
from ui.op_runner import IDLE_CHECKPOINT_SECONDS


def test_a_copy_of_the_file_alone_holds_the_last_change(runner, qtbot, tmp_path):
    path = runner.db.path
    assert runner.db.checkpointer.idle_delay == IDLE_CHECKPOINT_SECONDS
    assert runner.run(lambda s: member_ops.add_member(s, name="大子町", population=16_000), parent=None) is not None
    qtbot.waitUntil(lambda: runner.db.checkpointer._idle.is_set(), timeout=int(IDLE_CHECKPOINT_SECONDS * 1000) + 5000)
    copy = tmp_path / "usb" / "handed_over.sqlite"
    copy.parent.mkdir()
    shutil.copy(path, copy)  # not the -wal beside it
    con = sqlite3.connect(copy)
    try:
        assert con.execute("SELECT population FROM member WHERE name = '大子町'").fetchone() == (16_000,)
    finally:
        con.close()
