"""The GUI's exports never write over a database (issue 17, finding 2): the save dialog asks
before replacing an ordinary file, but a SQLite database chosen there (the open one, another
consortium's) is refused with a message and left byte for byte as it was; an ordinary file is
replaced whole (written beside it and renamed, no temporary file left)."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import xlsxwriter
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.requests import resolve_item


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_workbook(path: Path) -> None:
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet().write(0, 0, "比較一覧表")
    wb.close()


def choose(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))


def test_a_report_over_another_database_is_refused(runner, qtbot, monkeypatch, no_message_boxes, tmp_path):
    from ui.dialogs.report_export import export_report

    folder = tmp_path / "out"
    folder.mkdir()
    other = folder / "別の協議会.xlsx"  # a database, whatever its name says
    shutil.copyfile(runner.db.path, other)
    before = digest(other)
    choose(monkeypatch, other)
    assert export_report(runner, parent=None, caption="書き出す", suggested=other.name, file_filter="Excel (*.xlsx)",
                         write=write_workbook, label="書き出しています…") is None
    [(kind, text)] = no_message_boxes
    assert kind == "warning" and "データベースのファイルです" in text
    assert digest(other) == before
    assert sorted(p.name for p in folder.iterdir()) == ["別の協議会.xlsx"]


def test_a_report_replaces_an_ordinary_file_whole(runner, qtbot, monkeypatch, no_message_boxes, tmp_path):
    from ui.dialogs.report_export import export_report

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "比較一覧表.xlsx"
    target.write_bytes(b"last week")
    choose(monkeypatch, target)
    assert export_report(runner, parent=None, caption="書き出す", suggested=target.name, file_filter="Excel (*.xlsx)",
                         write=write_workbook, label="書き出しています…") == target
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in folder.iterdir()) == ["比較一覧表.xlsx"]


def test_the_handover_export_refuses_a_database(main_window, runner, monkeypatch, no_message_boxes):
    path = runner.db.path
    zip_named = path.with_name(path.stem + ".zip")  # the menu adds .zip to any other name
    shutil.copyfile(path, zip_named)
    before = digest(zip_named)
    choose(monkeypatch, zip_named)
    main_window.database_menu.export_handover_action.trigger()
    assert any("データベースのファイルです" in text for _kind, text in no_message_boxes), no_message_boxes
    assert digest(zip_named) == before


def test_the_history_csv_refuses_a_database(runner, qtbot, monkeypatch, no_message_boxes, tmp_path, settings_file):
    from cloudsuppress.ops.history import item_audit_trail
    from cloudsuppress.ops.request_queries import get_item_detail
    from ui.request_editor.request_history_tab import RequestHistoryTab

    item_id = runner.read(lambda s: resolve_item(s, "R-0001"))
    tab = RequestHistoryTab(runner)
    qtbot.addWidget(tab)
    tab.show_history(*runner.read(lambda s: (get_item_detail(s, item_id), item_audit_trail(s, item_id))))
    other = tmp_path / "R-0001_変更履歴.csv"
    shutil.copyfile(runner.db.path, other)
    before = digest(other)
    choose(monkeypatch, other)
    assert tab.export_history() is False
    assert [kind for kind, _ in no_message_boxes] == ["warning"] and "データベース" in no_message_boxes[0][1]
    assert digest(other) == before


def test_a_name_typed_without_its_suffix_asks_before_replacing_the_file(runner, qtbot, monkeypatch, tmp_path):
    """The save dialog asked about 「資料1」, not about the 「資料1.xlsx」 the app makes of it."""
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.report_export import export_report

    folder = tmp_path / "out"
    folder.mkdir()
    existing = folder / "資料1.xlsx"
    existing.write_bytes(b"last week")
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    choose(monkeypatch, folder / "資料1")
    assert export_report(runner, parent=None, caption="書き出す", suggested="資料1.xlsx", file_filter="Excel (*.xlsx)",
                         write=write_workbook, label="書き出しています…") is None
    assert asked == ["資料1.xlsx はすでにあります。置き換えますか？"]
    assert existing.read_bytes() == b"last week"
