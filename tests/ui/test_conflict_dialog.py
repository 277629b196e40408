"""Two secretaries on one database: the second, stale save opens the conflict dialog, which shows
both versions and either reloads (the editor drops its edit) or re-applies (a third save in
between shows the new conflict in the same dialog)."""
from __future__ import annotations

import pytest

from cloudsuppress.ops import requests as req
from cloudsuppress.ops.request_queries import get_item_detail
from cloudsuppress.store.db import open_database
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.runner_dialogs import APP_DIALOGS
from ui.op_runner import OpRunner
from ui.request_editor.request_item_dialog import RequestItemDialog

from .test_main_window import type_japanese

KEY = "R-0034"


@pytest.fixture
def other_runner(demo_db, qapp):
    """A second user: another connection to the same database file."""
    db = open_database(demo_db.path)
    r = OpRunner(db, dialogs=APP_DIALOGS)
    yield r
    r.deleteLater()
    db.close()


def item_of(runner, key=KEY):
    return runner.read(lambda s: get_item_detail(s, req.resolve_item(s, key)))


def save_title(runner, title, key=KEY):
    item = item_of(runner, key).item.id
    assert runner.run(lambda s: req.save_item(s, item_id=item, item=req.ItemFields(title=title)), parent=None) is not None


@pytest.fixture
def editor(runner, qtbot):
    from cloudsuppress.ops.functions import list_function_rows
    from ui.table_models.function_table_model import FunctionTableModel

    functions = FunctionTableModel()
    functions.set_rows(runner.read(list_function_rows))
    dialog = RequestItemDialog(runner, item_id=item_of(runner).item.id, functions=functions)
    qtbot.addWidget(dialog)
    return dialog


def fake_exec(monkeypatch, *steps):
    """Replace ConflictDialog.exec: record each dialog and run the steps (callables taking it)."""
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        for step in steps:
            step(dialog)
        return 1 if dialog.choice else 0

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return seen


def edit_title(editor, text):
    editor.title_edit.clear()
    editor.title_edit.setFocus()
    type_japanese(editor.title_edit, text)


def test_stale_save_shows_both_versions_and_reload_drops_my_edit(editor, runner, other_runner, monkeypatch):
    save_title(other_runner, "口座振替の督促を一括で行う（佐藤が修正）")
    edit_title(editor, "口座振替の督促を一括で行う（私の修正）")
    seen = fake_exec(monkeypatch, lambda d: d.reload_button.click())
    assert editor.save() is False
    dialog = seen[0]
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["要望名"] == ("口座振替の督促を一括で行う（私の修正）", "口座振替の督促を一括で行う（佐藤が修正）")
    assert "他の利用者が変更しました" in dialog.heading.text()
    assert dialog.error.changed_by and dialog.error.changed_by in dialog.who.text()
    assert dialog.choice == ConflictDialog.RELOADED
    # Nothing of mine was written; the editor shows what is stored and holds no edit any more.
    assert item_of(runner).item.title == "口座振替の督促を一括で行う（佐藤が修正）"
    assert editor.title_edit.text() == "口座振替の督促を一括で行う（佐藤が修正）"
    assert not editor.has_unsaved_changes()
    # A save from here is based on the version now shown: no conflict.
    edit_title(editor, "口座振替の督促（再編集）")
    monkeypatch.setattr(ConflictDialog, "exec", lambda d: pytest.fail("no conflict expected"))
    assert editor.save() is True
    assert item_of(runner).item.title == "口座振替の督促（再編集）"


def test_reapply_saves_my_values_on_top(editor, runner, other_runner, monkeypatch):
    save_title(other_runner, "他の人の名称")
    edit_title(editor, "私の名称")
    seen = fake_exec(monkeypatch, lambda d: d.reapply_button.click())
    assert editor.save() is True  # the runner hands back the re-applied save as if it had worked
    assert seen[0].choice == ConflictDialog.REAPPLIED
    assert item_of(other_runner).item.title == "私の名称"
    assert not editor.has_unsaved_changes()


def test_a_third_save_during_the_dialog_shows_the_new_conflict(editor, runner, other_runner, monkeypatch):
    save_title(other_runner, "二人目の名称")
    edit_title(editor, "私の名称")
    notes = []

    def third_user_saves_then_reapply(d):
        save_title(other_runner, "三人目の名称")
        assert d.reapply_mine() is False  # refused again: the dialog shows the newest version
        notes.append(d.note.text())
        assert d.table.item(0, 2).text() == "三人目の名称"
        assert d.choice is None

    seen = fake_exec(monkeypatch, third_user_saves_then_reapply, lambda d: d.reapply_button.click())
    assert editor.save() is True
    assert len(seen) == 1 and "さらに別の利用者" in notes[0]
    assert item_of(runner).item.title == "私の名称"


def test_cancel_keeps_my_edit_and_writes_nothing(editor, runner, other_runner, monkeypatch):
    save_title(other_runner, "他の人の名称")
    edit_title(editor, "私の名称")
    fake_exec(monkeypatch, lambda d: d.cancel_button.click())
    assert editor.save() is False
    assert item_of(runner).item.title == "他の人の名称"
    assert editor.title_edit.text() == "私の名称" and editor.has_unsaved_changes()


def test_member_part_conflict_is_caught_too(editor, runner, other_runner, monkeypatch):
    form = next(f for f in editor.forms.values() if f.part is not None and not f.part.withdrawn)
    item = item_of(other_runner).item.id
    theirs = [req.MemberPart(form.member_id, req.PartFields(workaround="他の人の回避策"))]
    other_runner.run(lambda s: req.save_item(s, item_id=item, parts=theirs), parent=None)
    form.workaround_edit.clear()
    form.workaround_edit.setFocus()
    type_japanese(form.workaround_edit, "私の回避策")
    seen = fake_exec(monkeypatch, lambda d: d.reload_button.click())
    assert editor.save() is False
    assert seen and seen[0].error.table == "member_request"
    assert form.workaround_edit.toPlainText() == "他の人の回避策"
