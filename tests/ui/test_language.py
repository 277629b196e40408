"""Language: English through the compiled translation, and every user-visible text translatable."""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "cloudsuppress_en.ts"
# Kana and CJK ideographs: Japanese words (punctuation alone such as 「（」 or 「～」 needs no translation).
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Calls whose string arguments the user reads.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "setTitle", "setLabelText",
    "setSubTitle", "setButtonText", "setInformativeText", "setAccessibleName", "showMessage", "addAction", "addMenu",
    "addRow", "addTab", "addItem", "addButton", "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton",
    "QGroupBox", "QMenu", "QListWidgetItem", "QTableWidgetItem", "warning", "critical", "information", "question",
    "about", "setHorizontalHeaderLabels", "setHeaderLabels",
}
# Texts shown in their own language on purpose (the language choice itself).
ALLOWED = {"日本語"}


@pytest.fixture
def english(app_font):
    from ui.i18n import install_translators, remove_translators

    assert install_translators("en")
    yield
    remove_translators()


def test_english_main_window_menus_and_navigation(english, runner, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(runner)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Requests", "&Tools", "&Help"]
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == ["Dashboard", "Functions", "Requests", "Comparison", "Meetings", "Members", "Reports"]
    assert window.rate_label.text().startswith("Gap rate ")
    assert window.open_action.text() == "Open…"
    headers = [window.members.model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
               for c in range(window.members.model.columnCount())]
    assert "Population" in headers
    extras = window.file_extras
    assert [window.new_action.text(), window.import_action.text(), extras.recent_menu.title(),
            extras.save_copy_action.text(), extras.backup_action.text(), window.settings_action.text(),
            window.guide_action.text()] == ["New consortium…", "Import function list…", "Recent files",
                                            "Save a copy as…", "Back up now", "Settings…", "User guide"]


def test_japanese_is_the_default(runner, qtbot, app_font):
    from ui.main_window import MainWindow

    window = MainWindow(runner)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "ファイル(&F)"
    assert window.nav.item(0).text() == "ダッシュボード"


def test_every_text_in_the_translation_file_is_translated():
    root = ET.parse(TS).getroot()
    unfinished = [(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")
                  if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "")]
    assert len(list(root.iter("message"))) > 400
    assert unfinished == [], "run scripts/update_translations.py and translate these"
    assert TS.with_suffix(".qm").stat().st_mtime >= TS.stat().st_mtime - 5  # compiled from this .ts


def _untranslated_literals(path: Path) -> list[str]:
    def has_japanese(node) -> bool:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return bool(JAPANESE.search(node.value)) and node.value not in ALLOWED
        if isinstance(node, ast.JoinedStr):
            return any(isinstance(v, ast.Constant) and JAPANESE.search(v.value) for v in node.values)
        if isinstance(node, ast.BinOp):
            return has_japanese(node.left) or has_japanese(node.right)
        if isinstance(node, (ast.List, ast.Tuple)):
            return any(has_japanese(e) for e in node.elts)
        return False

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        if name in TEXT_CALLS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if has_japanese(arg):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({ast.unparse(arg)[:50]})")
    return found


def test_user_visible_strings_go_through_tr():
    """A Japanese literal handed straight to a widget would stay Japanese in English: wrap it in self.tr."""
    files = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    found = [hit for f in files for hit in _untranslated_literals(f)]
    assert found == []


def test_the_scan_catches_an_unwrapped_text(tmp_path):
    sample = ROOT / "ui" / "_scan_sample_for_test.py"
    sample.write_text('label = QLabel("団体名")\nok = QLabel(self.tr("団体名"))\nbox.setText(f"{n} 件")\n',
                      encoding="utf-8")
    try:
        hits = _untranslated_literals(sample)
    finally:
        sample.unlink()
    assert [h.split(": ", 1)[1] for h in hits] == ["QLabel('団体名')", "setText(f'{n} 件')"]


def _hard_joins(source: str) -> list[int]:
    """Lines that join a list with a literal 「、」 (English would read 「A、B」): use labels.join_names."""
    return [node.lineno for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute) and node.func.attr == "join"
            and isinstance(node.func.value, ast.Constant) and node.func.value.value == "、"]


def test_lists_are_joined_in_the_ui_language():
    files = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    found = [f"{f.relative_to(ROOT)}:{n}" for f in files for n in _hard_joins(f.read_text(encoding="utf-8"))]
    assert found == []
    assert _hard_joins('a = "、".join(names)\nb = join_names(names)\nc = self.tr("、").join(x)\n') == [1]
