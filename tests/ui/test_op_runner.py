"""OpRunner: one transaction per op, refusals shown and rolled back, one broadcast per change."""
from __future__ import annotations

import threading

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import members as member_ops


def test_successful_op_commits_and_broadcasts_once(runner, qtbot, no_message_boxes):
    seen = []
    runner.changed.connect(seen.append)
    result = runner.run(lambda s: member_ops.add_member(s, name="大子町", population=15_000), parent=None)
    assert result.members and not result.functions  # an op may report more (e.g. its audit trail)
    assert seen == [result]
    assert [m.name for m in runner.read(member_ops.list_members)][-1] == "大子町"
    assert no_message_boxes == []


def test_refused_op_shows_message_rolls_back_and_stays_silent(runner, qtbot, no_message_boxes):
    def op(s):
        member_ops.add_member(s, name="大子町", population=15_000)
        return member_ops.add_member(s, name="那珂市", population=1)  # already a member

    with qtbot.assertNotEmitted(runner.changed):
        assert runner.run(op, parent=None) is None
    assert no_message_boxes == [("warning", "団体「那珂市」はすでに登録されています。")]
    assert "大子町" not in [m.name for m in runner.read(member_ops.list_members)]


def test_background_op_runs_on_another_thread(runner, qtbot, no_message_boxes):
    threads = []

    def op(s):
        threads.append(threading.get_ident())
        return member_ops.add_member(s, name="城里町", population=19_000)

    with qtbot.waitSignal(runner.changed):
        runner.run(op, parent=None, background=True, label="テスト")
    assert threads and threads[0] != threading.get_ident()
    assert "城里町" in [m.name for m in runner.read(member_ops.list_members)]


def test_call_in_worker_returns_and_reraises(runner):
    assert runner.call_in_worker(lambda: 6 * 7, parent=None) == 42
    with pytest.raises(DomainError, match="だめ"):
        runner.call_in_worker(lambda: (_ for _ in ()).throw(DomainError("だめ")), parent=None)
    assert runner.call_in_worker(lambda: "again", parent=None) == "again"  # not left busy
