"""Review R3 / R8 (helper r): the import dialog names its own controls, never a command-line
option (--business-system, --sheet, --header-row, --map), whatever the file's problem."""
from __future__ import annotations

import csv
import re

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.wording import CLI, GUI, set_audience
from ui.dialogs.import_functions_dialog import ImportFunctionsDialog

OPTION = re.compile(r"--[a-z]")


@pytest.fixture
def gui_words():
    set_audience(GUI)
    yield
    set_audience(CLI)


def _open(runner, qtbot, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    dialog = ImportFunctionsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choose_file()
    return dialog


def _texts(dialog) -> str:
    return "\n".join([dialog.plan_panel.text.toPlainText(), dialog.status.text()])


def test_list_without_business_column(runner, qtbot, monkeypatch, tmp_path, gui_words):
    path = tmp_path / "fitgap.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["項番", "機能番号", "機能名", "適合度"])
        w.writerow(["1", "0010001", "住民票の写しの交付", "○"])
        w.writerow(["2", "0010002", "転入届の受付", "△"])
    dialog = _open(runner, qtbot, monkeypatch, path)
    text = _texts(dialog)
    assert "取り込み先の業務" in text and not OPTION.search(text), text


@pytest.mark.parametrize("rows,expected", [
    ([], "には何も入力されていません"),
    ([["○○市 機能一覧"], ["作成日 2026年4月1日"]], "「シート」と「見出し行」"),
    ([["管理記号", "機能名", "適合度"], ["A-1", "住民票の写しの交付", "○"]], "「列の対応」"),
    ([["機能ID", "業務", "機能名", "ベンダーの見解"], ["0010001", "住民基本台帳", "住民票", "○"],
      ["0010002", "住民基本台帳", "転入届", "×"]], "「列の対応」"),
])
def test_unreadable_sheets_speak_of_the_dialog(runner, qtbot, monkeypatch, tmp_path, gui_words, rows, expected):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(tmp_path / "b.xlsx")
    dialog = _open(runner, qtbot, monkeypatch, tmp_path / "b.xlsx")
    text = _texts(dialog)
    assert expected in text and not OPTION.search(text), text
