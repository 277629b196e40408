"""OpRunner: one transaction per op, refusals shown and rolled back, one broadcast per change."""
from __future__ import annotations

import threading

import pytest

from cloudsuppress.changes import Changes
from cloudsuppress.errors import ConcurrentEditError, DomainError, ImportIssue, ImportValidationError
from cloudsuppress.ops import members as member_ops
from ui.op_runner import EVERYTHING, ConflictChoice, OpRunner, RunnerDialogs


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


# --- the dialogs a runner opens are handed in (op_runner imports no dialog module) ------------

def _conflict() -> ConcurrentEditError:
    return ConcurrentEditError(table="members", row_id=1, label="団体「那珂市」", expected_version=1,
                               current_version=2, current={"population": 2000}, attempted={"population": 3000},
                               changed_by="佐藤")


def _refused_import() -> ImportValidationError:
    return ImportValidationError([ImportIssue("members.csv", 3, "B", "人口が数字ではありません。")])


def _raise(error):
    def op(s):
        raise error
    return op


class StubDialogs:
    """Records what the runner asked and answers with ``choice``."""

    def __init__(self, choice: ConflictChoice):
        self.choice = choice
        self.conflicts: list = []
        self.issues: list = []

    def dialogs(self) -> RunnerDialogs:
        def resolve(runner, error, parent):
            self.conflicts.append((runner, error, parent))
            return self.choice

        return RunnerDialogs(resolve_conflict=resolve,
                             show_import_issues=lambda error, parent: self.issues.append((error, parent)))


def test_a_runner_built_with_stub_dialogs_opens_them(demo_db, qapp, qtbot, no_message_boxes):
    reapplied = Changes(members=True)
    stub = StubDialogs(ConflictChoice("reapplied", changes=reapplied))
    runner = OpRunner(demo_db, dialogs=stub.dialogs())
    error, refused = _conflict(), _refused_import()
    seen = []
    runner.changed.connect(seen.append)
    # the conflict dialog re-applied: run returns its changes as if the first attempt had worked
    assert runner.run(_raise(error), parent=None) == reapplied
    assert stub.conflicts == [(runner, error, None)] and seen == [reapplied]
    # a refused import: its issues go to the issues dialog, not to a message box
    assert runner.run(_raise(refused), parent=None) is None
    assert stub.issues == [(refused, None)]
    assert no_message_boxes == []
    runner.deleteLater()


def test_reloading_in_the_stub_conflict_dialog_tells_the_editor_then_every_view(demo_db, qapp, qtbot,
                                                                                no_message_boxes):
    latest = _conflict()
    runner = OpRunner(demo_db, dialogs=StubDialogs(ConflictChoice("reloaded", latest=latest)).dialogs())
    events = []
    runner.conflict_reloaded.connect(lambda e: events.append(("reloaded", e)))
    runner.changed.connect(lambda c: events.append(("changed", c)))
    assert runner.run(_raise(_conflict()), parent=None) is None
    assert events == [("reloaded", latest), ("changed", EVERYTHING)]
    runner.deleteLater()


def test_a_runner_built_without_dialogs_shows_the_messages(demo_db, qapp, no_message_boxes):
    runner = OpRunner(demo_db)
    error, refused = _conflict(), _refused_import()
    assert runner.run(_raise(error), parent=None) is None
    assert runner.run(_raise(refused), parent=None) is None
    assert no_message_boxes == [("warning", str(error)), ("warning", str(refused))]
    runner.deleteLater()
