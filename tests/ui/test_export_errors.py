"""A report or request workbook that cannot be written (a missing folder, the workbook open in
Excel: xlsxwriter raises FileCreateError, which is not an OSError) is a 書き出せません message
naming the file and why, not the unexpected-error dialog."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest
import xlsxwriter
import xlsxwriter.workbook
from PySide6.QtWidgets import QDialog, QFileDialog

from cloudsuppress.ops.members import list_members


def write_workbook(path: Path) -> None:
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet().write(0, 0, "比較一覧表")
    wb.close()


@pytest.fixture
def locked(monkeypatch):
    """Every workbook is open in Excel (Windows refuses to replace it)."""
    def refuse(path, *a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", refuse)


def test_an_excel_report_into_a_missing_folder_offers_to_create_it(runner, qtbot, monkeypatch, no_message_boxes,
                                                                    tmp_path, settings_file):
    """Issue #14: a missing folder is offered to be created; declined, nothing is written."""
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.report_export import export_report

    target = tmp_path / "ない" / "比較一覧表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: no_message_boxes.append(("question", text)) or QMessageBox.StandardButton.No))
    assert export_report(runner, parent=None, caption="比較一覧表を書き出す", suggested="比較一覧表.xlsx",
                         file_filter="Excel (*.xlsx)", write=write_workbook, label="書き出しています…") is None
    assert no_message_boxes == [("question", f"フォルダ {target.parent} はありません。作成しますか？")]
    assert not target.parent.exists()


def test_an_excel_report_open_in_excel_says_so(runner, qtbot, monkeypatch, no_message_boxes, tmp_path, locked):
    from ui.dialogs.report_export import export_report

    target = tmp_path / "負担額一覧.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert export_report(runner, parent=None, caption="書き出す", suggested=target.name,
                         file_filter="Excel (*.xlsx)", write=write_workbook, label="書き出しています…") is None
    [(kind, text)] = no_message_boxes
    assert kind == "warning" and text.startswith(f"ファイルに書き込めません。\n{target}\n\n")
    assert "Excel などほかのアプリで開いていないか" in text


def test_request_workbooks_open_in_excel_say_so(runner, qtbot, monkeypatch, no_message_boxes, tmp_path, locked):
    from ui.dialogs import request_workbooks as rw

    monkeypatch.setattr(rw.ExportTemplatesDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(rw.ExportTemplatesDialog, "folder", lambda self: tmp_path)
    members = runner.read(list_members)
    assert rw.export_request_templates(runner, members, parent=None) is None
    [(kind, text)] = no_message_boxes
    first = tmp_path / rw.template_file_name(members[0].name)
    assert kind == "warning" and text.startswith(f"ファイルに書き込めません。\n{first}\n\n")
    assert "Excel などほかのアプリで開いていないか" in text
