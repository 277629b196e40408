"""ツール > 設定…: preferences stored in a temporary settings file and put into effect."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from cloudsuppress.domain import audit
from cloudsuppress.store.db import open_database
from ui import dates
from ui.settings import (
    MAX_RECENT,
    Preferences,
    add_recent_database,
    app_settings,
    apply_preferences,
    backup_policy,
    current_preferences,
    load_preferences,
    recent_databases,
)


def test_defaults_when_nothing_is_stored(settings_file):
    prefs = load_preferences(app_settings())
    assert prefs == Preferences()
    assert (prefs.language, prefs.date_style, prefs.paper, prefs.backups_kept) == ("ja", "wareki", "a3", 10)


def test_garbled_values_fall_back_to_defaults(settings_file):
    s = app_settings()
    s.setValue("ui/language", "klingon")
    s.setValue("backups/keep_last", "many")
    s.setValue("costs/default_ratio", "70:70")
    prefs = load_preferences(s)
    assert (prefs.language, prefs.backups_kept, prefs.apportion_ratio) == ("ja", 10, (50, 50))


def test_dialog_stores_and_applies_every_preference(settings_file, qtbot, app_font):
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_settings())
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "method_combo")  # one source for the apportionment: the consortium's rule
    dialog.user_edit.setText("  事務局 山田  ")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.date_combo.setCurrentIndex(dialog.date_combo.findData("western"))
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("a4"))
    dialog.backups_spin.setValue(4)
    assert dialog.language_changed()
    dialog.accept()

    # stored in the file, as a new process would read it
    stored = load_preferences(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert stored == Preferences(user_name="事務局 山田", language="en", date_style="western", paper="a4",
                                 backups_kept=4)
    # and in effect now
    assert current_preferences() == stored
    assert audit.current_user() == "事務局 山田"
    assert dates.display_date(dt.date(2026, 11, 22)) == "2026/11/22"
    assert backup_policy().keep_last == 4


def test_date_style_switches_the_screen_but_not_the_printout(settings_file):
    day = dt.date(2026, 11, 22)
    apply_preferences(Preferences(date_style="wareki"))
    assert dates.display_date(day, weekday=True) == "令和8年11月22日（日）"
    apply_preferences(Preferences(date_style="western"))
    assert dates.display_date(day, weekday=True) == "2026/11/22（日）"
    from cloudsuppress.domain.wareki import to_wareki

    assert to_wareki(day) == "令和8年11月22日"  # what the reports call


def test_empty_user_name_means_the_login_name(settings_file):
    apply_preferences(Preferences(user_name="山田"))
    assert audit.current_user() == "山田"
    apply_preferences(Preferences(user_name=""))
    assert audit.current_user() != "山田"


def test_comparison_export_dialog_starts_on_the_chosen_paper(settings_file, qtbot, app_font):
    from ui.dialogs.comparison_export_dialog import ComparisonExportDialog

    apply_preferences(Preferences(paper="a4"))
    dialog = ComparisonExportDialog([])
    qtbot.addWidget(dialog)
    assert dialog.paper() == "a4"
    apply_preferences(Preferences(paper="a3"))
    dialog = ComparisonExportDialog([])
    qtbot.addWidget(dialog)
    assert dialog.paper() == "a3"


def test_backups_kept_reaches_the_core(settings_file, tmp_path):
    from cloudsuppress.store.backups import list_backups
    from cloudsuppress.store.files import open_database_file

    path = tmp_path / "c.sqlite"
    open_database(path).close()
    apply_preferences(Preferences(backups_kept=2))
    from cloudsuppress.ops.consortium import create_consortium
    from cloudsuppress.ops.members import add_member

    for i in range(4):  # every open after a change makes a backup and prunes by the policy
        database = open_database_file(path, backup_policy=backup_policy())
        with database.session() as s, s.begin():
            if i == 0:
                create_consortium(s, name="テスト協議会")
            add_member(s, name=f"団体{i}", population=1000)
        database.close(backup=False)
    rotating = [b for b in list_backups(path) if b.reason == "open"]
    # keep_last=2, plus the newest of each recent day (today: already among the two)
    assert len(rotating) == 2


def test_recent_list_is_newest_first_without_duplicates_and_bounded(settings_file, tmp_path):
    s = app_settings()
    paths = [tmp_path / f"{i}.sqlite" for i in range(MAX_RECENT + 3)]
    for p in paths:
        add_recent_database(s, p)
    add_recent_database(s, paths[-3])
    recent = recent_databases(s)
    assert len(recent) == MAX_RECENT
    assert recent[0] == paths[-3].resolve()
    assert len(set(recent)) == MAX_RECENT


def test_settings_menu_opens_the_dialog_and_redraws_dates(settings_file, runner, qtbot, app_font, monkeypatch):
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.main_window import MainWindow

    window = MainWindow(runner, settings=app_settings())
    qtbot.addWidget(window)

    def choose_western(dialog):
        dialog.date_combo.setCurrentIndex(dialog.date_combo.findData("western"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_western)
    window.settings_action.trigger()
    model = window.members.table.model() if hasattr(window.members, "table") else None
    assert dates.date_style() == "western"
    assert "設定を保存しました" in window.statusBar().currentMessage()
    if model is not None:
        texts = [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]
        assert not any("令和" in t for t in texts)


def test_the_apportionment_shown_is_the_consortiums_rule(main_window, settings_file, monkeypatch, qtbot):
    """Issue #14: one source for the apportionment. ツール > 設定… shows the rule in force (the
    consortium's, from the database) and where it is changed, and keeps no default of its own."""
    from cloudsuppress.ops.costs import get_cost_rule, set_cost_rule
    from ui.dialogs.settings_dialog import SettingsDialog

    main_window.runner.run(lambda s: set_cost_rule(s, method="population"), parent=None)
    rule = main_window.runner.read(lambda s: get_cost_rule(s).describe())
    shown = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: shown.append(self.cost_rule_label.text()) or 0)
    main_window.edit_settings()
    assert rule in shown[0] and "帳票" in shown[0]
