"""The 帳票 view's per-item cost rule is saved against the version the screen showed: a colleague's
change made since is never overwritten silently (it used to re-read the version just before
saving, so the optimistic lock compared the stored version with itself). On SQLite and on the
real PostgreSQL server."""
from __future__ import annotations

import pytest

from cloudsuppress.demo import create_demo
from cloudsuppress.ops.costs import all_item_shares, item_shares, set_item_cost
from cloudsuppress.store.db import open_database
from ui.dialogs.runner_dialogs import APP_DIALOGS
from ui.main_window import VIEW_REPORTS
from ui.op_runner import OpRunner

from .test_conflict_dialog import fake_exec, other_runner  # noqa: F401 - the fixture
from .test_shared_mode import pg_url  # noqa: F401 - the fixture


def _customized_key(runner) -> str:
    """A customized item with an estimate, shared by more than one member."""
    rows = runner.read(lambda s: [sh for sh in all_item_shares(s) if sh.estimate is not None and len(sh.payer_ids) > 1])
    return rows[0].key


def _check_refused(window, runner, other, monkeypatch):
    window.show_view(VIEW_REPORTS)
    reports = window.reports
    key = _customized_key(runner)
    row = reports.model.row_of(key, attr="key")
    reports.table.setCurrentIndex(reports.model.index(row, 0))
    shown = reports.selected_shares()
    assert shown.key == key and shown.version is not None
    # A colleague changes the item's estimate after this screen read it.
    item_id = shown.item_id
    before = other.read(lambda s: item_shares(s, item_id))
    assert other.run(lambda s: set_item_cost(s, item_id=item_id, estimate=before.estimate + 1000, by="佐藤 花子"),
                     parent=None) is not None
    # I give the item its own method (人口割) without having seen that change.
    reports.item_editor.set_value("population", (0, 100))
    who: list[str] = []  # read while the dialog is open: the runner deletes it afterwards
    seen = fake_exec(monkeypatch, lambda d: who.append(d.who.text()), lambda d: d.reload_button.click())
    assert reports.save_item_rule() is False
    assert len(seen) == 1, "the stale save must open the conflict dialog"
    assert "佐藤 花子" in who[0]
    after = runner.read(lambda s: item_shares(s, item_id))
    assert after.own_rule is False and after.estimate == before.estimate + 1000


def test_stale_item_rule_save_is_refused_on_sqlite(main_window, runner, other_runner, monkeypatch, report_options):
    _check_refused(main_window, runner, other_runner, monkeypatch)


@pytest.mark.postgres
def test_stale_item_rule_save_is_refused_on_postgresql(pg_url, qtbot, app_font, monkeypatch,  # noqa: F811
                                                       settings_file, report_options):
    from ui.main_window import MainWindow

    mine_db, theirs_db = open_database(pg_url), None
    with mine_db.session() as s, s.begin():
        create_demo(s, functions=300)
    theirs_db = open_database(pg_url)
    mine, theirs = OpRunner(mine_db, dialogs=APP_DIALOGS), OpRunner(theirs_db, dialogs=APP_DIALOGS)
    window = MainWindow(mine)
    qtbot.addWidget(window)
    window.show()
    try:
        _check_refused(window, mine, theirs, monkeypatch)
    finally:
        window.close()
        window.database_menu.watcher.stop()
        mine_db.close()
        theirs_db.close()
