"""Date pickers follow the 和暦 / 西暦 setting (issue #14: 和暦 was chosen but pickers showed 西暦)."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from ui import dates
from ui.date_edit import DateEdit

UI = Path(__file__).resolve().parents[2] / "ui"


def test_a_picker_shows_the_date_as_set_and_reads_what_is_typed(qtbot, app_font):
    dates.set_date_style("wareki")
    try:
        edit = DateEdit(QDate(2026, 12, 7))
        qtbot.addWidget(edit)
        edit.show()
        assert edit.text() == "令和8年12月7日"
        edit.lineEdit().selectAll()
        qtbot.keyClicks(edit, "R8.11.22")
        edit.lineEdit().editingFinished.emit()
        assert edit.date() == QDate(2026, 11, 22)
        qtbot.keyClick(edit, Qt.Key.Key_Up)
        assert edit.date() == QDate(2026, 11, 23) and edit.text() == "令和8年11月23日"
        dates.set_date_style("western")
        edit.setDate(QDate(2027, 1, 5))
        assert edit.text() == "2027/01/05"
        edit.setMinimumDate(QDate(1752, 9, 14))
        assert edit.textFromDateTime(edit.minimumDateTime()) == "1752/09/14"  # before 明治: no era to print
    finally:
        dates.set_date_style("wareki")


def test_every_date_picker_of_the_app_is_one():
    built = [str(p.relative_to(UI)) for p in UI.rglob("*.py") if re.search(r"\bQDateEdit\(", p.read_text(encoding="utf-8"))]
    assert built == [], "use ui.date_edit.DateEdit so that the picker follows 和暦 / 西暦"
