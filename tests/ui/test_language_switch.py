"""ツール > 設定… → 表示言語: the window switches language at once, on the same database and view."""
from __future__ import annotations

import pytest

from ui.settings import app_settings, load_preferences


@pytest.fixture(autouse=True)
def japanese_afterwards():
    """A test that switches the language leaves the translators as it found them (none)."""
    yield
    from ui.i18n import remove_translators

    remove_translators()


def _choose_language(monkeypatch, code: str) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog

    def choose(dialog):
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(code))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose)


def test_switching_to_english_and_back_rebuilds_the_window_in_place(settings_file, runner, qtbot, app_font, monkeypatch):
    from ui.main_window import MainWindow

    window = MainWindow(runner, settings=app_settings())
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show_view("members")
    window.show()
    replaced = []
    window.replaced.connect(replaced.append)

    _choose_language(monkeypatch, "en")
    window.settings_action.trigger()
    assert load_preferences(app_settings()).language == "en"
    assert len(replaced) == 1
    english = replaced[0]
    qtbot.addWidget(english)
    assert english is not window and english.runner is runner
    assert [a.text() for a in english.menuBar().actions()] == ["&File", "&Edit", "&Requests", "&Tools", "&Help"]
    assert english.current_view() == "members" and english.isVisible()
    assert english.size() == window.size()
    assert english.statusBar().currentMessage() == "Display language switched."
    qtbot.waitUntil(lambda: not window.isVisible())

    # The old window no longer follows changes; the new one does (one view refresh per change).
    from cloudsuppress.ops import members as member_ops

    runner.run(lambda s: member_ops.add_member(s, name="新しい町", population=1000), parent=english)
    assert "新しい町" in english.members.model.names()

    _choose_language(monkeypatch, "ja")
    english.replaced.connect(replaced.append)
    english.settings_action.trigger()
    assert load_preferences(app_settings()).language == "ja"
    japanese = replaced[1]
    qtbot.addWidget(japanese)
    assert [a.text() for a in japanese.menuBar().actions()][:2] == ["ファイル(&F)", "編集(&E)"]
    assert japanese.current_view() == "members"
    assert "新しい町" in japanese.members.model.names()


def test_a_window_without_a_language_change_is_kept(settings_file, runner, qtbot, app_font, monkeypatch):
    from ui.main_window import MainWindow

    window = MainWindow(runner, settings=app_settings())
    qtbot.addWidget(window)
    replaced = []
    window.replaced.connect(replaced.append)
    _choose_language(monkeypatch, "ja")
    window.settings_action.trigger()
    assert replaced == [] and "設定を保存しました" in window.statusBar().currentMessage()
