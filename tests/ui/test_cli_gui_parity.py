"""The GUI and the CLI finish the same use case the same way (issue #16, "Done when"): each test runs one
user action through the widgets on one copy of the demo and through the command on another copy,
with the same input, and compares the databases afterwards (every row of every table, the audit
actions' labels; times left out). The op both call is named in each test's docstring; a change that
makes one adapter compose its own use case again shows up here as a difference in the data.

tests/test_use_case_doors.py checks the same by reading the code: both adapters name the op.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from cloudsuppress import wording
from cloudsuppress.cli import main as cli_main
from cloudsuppress.domain.models import Base
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.request_queries import get_item_detail
from cloudsuppress.store.db import Database, open_database
from cloudsuppress.store.handover import export_handover

from .conftest import copy_database
from .test_main_window import type_japanese

_TIMES = {"created_at", "updated_at", "changed_at", "at", "list_imported_at"}


def _rows(db: Database) -> dict[str, list[tuple]]:
    """Every table's rows in id order without the times (and the audit's changes: their old and new
    values include the times); the audit actions by label and state."""
    out = {}
    with db.session() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_change":
                continue
            cols = [c for c in table.c if c.name not in _TIMES and c.name != "user"]
            out[table.name] = [tuple(r) for r in conn.execute(select(*cols).order_by(*table.primary_key.columns))]
    return out


@pytest.fixture
def cli_db(tmp_path, demo_template):
    """A second copy of the same demo, for the command line (closed while a command runs)."""
    path = tmp_path / "cli.sqlite"
    copy_database(demo_template, path)
    return path


def cli(*args) -> None:
    """Run a command as a user would; the GUI's wording comes back afterwards (one process here)."""
    try:
        assert cli_main([str(a) for a in args]) == 0
    finally:
        wording.set_audience(wording.GUI)


def _same(gui: Database, cli_path) -> None:
    other = open_database(cli_path, create=False)
    try:
        theirs = _rows(other)
    finally:
        other.close(backup=False)
    ours = _rows(gui)
    assert [t for t in ours if ours[t] != theirs[t]] == []


def test_add_a_business_system_under_a_new_subcommittee(runner, cli_db, qtbot, app_font):
    """業務を追加… and ``structure add-system``: ``ops.consortium.add_business_system``."""
    from ui.dialogs.business_system_dialog import BusinessSystemDialog

    dialog = BusinessSystemDialog(runner, existing_systems=[])
    qtbot.addWidget(dialog)
    dialog.subcommittee_combo.setCurrentText("環境業務　")
    dialog.name_edit.setText(" 霊園管理（墓地） ")
    dialog.code_edit.setText("３４")
    with qtbot.waitSignal(runner.changed):
        dialog.add_now()
    cli("--db", cli_db, "structure", "add-system", " 霊園管理（墓地） ", "--subcommittee", "環境業務　",
        "--new-subcommittee", "--code", "３４")
    _same(runner.db, cli_db)


def test_save_a_member_part(runner, cli_db, qtbot, app_font, main_window):
    """The request editor's 保存 and ``requests save``: ``ops.requests.save_item``."""
    from ui.request_editor.request_item_dialog import RequestItemDialog

    item_id = runner.read(lambda s: req.resolve_item(s, "R-0034"))
    dialog = RequestItemDialog(runner, item_id=item_id, functions=main_window.requests.function_model())
    qtbot.addWidget(dialog)
    form = next(f for f in dialog.forms.values() if f.part is not None)
    form.content_edit.selectAll()
    form.content_edit.setFocus()
    type_japanese(form.content_edit, "分割納付の計画を作成できるようにしてほしい。")
    form.cases_edit.setText("99")
    with qtbot.waitSignal(runner.changed):
        assert dialog.save()
    cli("--db", cli_db, "requests", "save", "R-0034", "--member", form.member,
        "--content", "分割納付の計画を作成できるようにしてほしい。", "--cases", "99")
    part = next(p for p in runner.read(lambda s: get_item_detail(s, item_id)).parts if p.member == form.member)
    assert (part.content, part.annual_cases) == ("分割納付の計画を作成できるようにしてほしい。", 99)
    _same(runner.db, cli_db)


def test_save_the_cost_rule_and_an_items_method(runner, cli_db, qtbot, app_font, report_options, no_message_boxes):
    """The 帳票 view's two 保存 buttons and ``costs rule`` / ``costs set``: ``ops.costs.set_cost_rule``
    and ``ops.costs.set_item_cost``."""
    from ui.views.reports_view import ReportsView

    view = ReportsView(runner)
    qtbot.addWidget(view)
    runner.changed.connect(view.on_changed)
    view.show()
    view.refresh()
    view.rule_editor.combo.setCurrentIndex(view.rule_editor.combo.findData("equal"))
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(view.save_rule_button, Qt.MouseButton.LeftButton)
    view.table.setCurrentIndex(view.model.index(view.model.row_of("R-0003", attr="key"), 0))
    view.item_editor.combo.setCurrentIndex(view.item_editor.combo.findData("population"))
    with qtbot.waitSignal(runner.changed):
        assert view.save_item_rule()
    cli("--db", cli_db, "costs", "rule", "--method", "equal", "--yes")
    cli("--db", cli_db, "costs", "set", "R-0003", "--method", "population")
    _same(runner.db, cli_db)


def test_take_in_a_handover_file_into_a_new_database(runner, tmp_path, qtbot, app_font, main_window, monkeypatch,
                                                     no_message_boxes):
    """ファイル > 引継ぎファイルを取り込む… into a new file and ``handover import``:
    ``store.handover.import_handover_into``."""
    out = tmp_path / "引継ぎ.zip"
    runner.read(lambda s: export_handover(s, out))
    target = tmp_path / "gui" / "新しい事務局.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert main_window.database_menu.import_handover()
    assert runner.db.path == target
    cli_target = tmp_path / "cli" / "新しい事務局.sqlite"
    cli("--db", cli_target, "handover", "import", out)
    _same(runner.db, cli_target)
