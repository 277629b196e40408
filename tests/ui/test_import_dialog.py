"""The import dialog end to end: mapping guessed, issues listed on refusal, rows added on success."""
from __future__ import annotations

import csv

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.domain.vocab import understood_fit_words
from cloudsuppress.ops.functions import fit_stats, list_function_rows
from ui.dialogs.import_functions_dialog import ImportFunctionsDialog
from ui.dialogs.import_issues_dialog import ImportIssuesDialog

HEADER = ["機能ID", "業務", "大分類", "機能名", "機能要件", "実装区分", "適合度", "中分類", "便利機能"]


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def good_rows(n=3, *, fit="○"):
    return [[f"90{i:05d}", "住民基本台帳", "証明発行", f"コンビニ交付の証明書{i}", "証明書を交付できること。",
             "実装必須機能", fit, "", ""] for i in range(n)]


def current_list(runner, system="住民基本台帳"):
    """The system's list as it is now, as CSV rows (re-importing it changes nothing)."""
    labels = {"mandatory": "実装必須機能", "optional": "標準オプション機能", "excluded": "実装不可機能"}
    return [[r.code, r.business_system, r.level1, r.name, r.requirement, labels.get(r.requirement_class, ""),
             r.fit or "", r.level2 or "", "○" if r.convenience else ""]
            for r in runner.read(list_function_rows) if r.business_system == system]


@pytest.fixture
def issues_shown(monkeypatch):
    shown: list[str] = []

    def fake_exec(self):
        shown.append(self.text.toPlainText())
        return 0

    monkeypatch.setattr(ImportIssuesDialog, "exec", fake_exec)
    return shown


@pytest.fixture
def pick_file(monkeypatch):
    chosen = {}

    def fake(parent, caption="", folder="", filter=""):  # noqa: A002
        return str(chosen["path"]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return chosen


def open_dialog(runner, qtbot, pick_file, path):
    pick_file["path"] = path
    dialog = ImportFunctionsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choose_file()
    return dialog


def count(runner):
    return runner.read(fit_stats).total


def meaning(dialog, col):
    """The field the drop-down above a column (0-based) shows."""
    return dialog.columns_table.combo_for(col).currentData()


def test_mapping_is_guessed_and_previewed(runner, qtbot, pick_file, tmp_path):
    path = tmp_path / "list.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["○○市 機能一覧", "", "", "", "", "", ""])  # a title row above the header
        w.writerow(HEADER)
        w.writerows(good_rows(25))
    dialog = open_dialog(runner, qtbot, pick_file, path)
    assert (dialog.header_first.value(), dialog.header_last.value()) == (2, 2)  # the title above is not a header
    assert dialog.sheet_list.item(0).text() == "（CSV ファイル・UTF-8）　［機能］" and not dialog.sheet_list.isEnabled()
    assert [meaning(dialog, c) for c in range(9)] == [
        "code", "business_system", "level1", "name", "requirement", "requirement_class", "fit", "level2", "convenience"]
    assert dialog.columns_table.combo_for(0).currentText() == "機能ID"
    table = dialog.columns_table
    assert table.rowCount() == 2 + 25  # the drop-downs, the header as written, then every data row (up to 30)
    assert table.item(1, 3).text() == "機能名" and table.item(2, 0).text() == "9000000"
    assert table.verticalHeaderItem(2).text() == "3"  # spreadsheet row numbers
    assert not dialog.system_combo.isVisibleTo(dialog)  # the list has a 業務 column
    # None of the 8 registered IDs is in the file: the status line says so first (review R1).
    assert dialog.status.text() == ("注意: ファイルの機能IDは登録済みの一覧とほとんど一致しません（「取り込み内容」）。"
                                    "取り込むと: 追加 25 件、変更 0 件、削除 8 件、欠番 0 件（業務 1 件）")
    table.combo_for(1).setCurrentIndex(0)  # 業務 → （取り込まない）: re-planned at once
    assert meaning(dialog, 1) is None
    assert dialog.system_combo.isVisibleTo(dialog)
    table.combo_for(0).setCurrentIndex(0)
    assert not dialog.import_button.isEnabled()  # 機能ID is required


def test_bad_fit_mark_lists_issues_and_imports_nothing(runner, qtbot, pick_file, issues_shown, tmp_path):
    rows = good_rows(3)
    rows[1][6] = "◎"
    rows[2][6] = "たぶん"
    dialog = open_dialog(runner, qtbot, pick_file, write_csv(tmp_path / "bad.csv", rows))
    before = count(runner)
    with qtbot.assertNotEmitted(runner.changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(issues_shown) == 1
    lines = issues_shown[0].splitlines()
    understood = understood_fit_words()  # issue 12: the refusal lists every understood word
    assert lines == [
        f"bad.csv 3行目 G列（適合度）: 適合度「◎」を読み取れません（使える語: {understood}。未評価なら空欄）。",
        f"bad.csv 4行目 G列（適合度）: 適合度「たぶん」を読み取れません（使える語: {understood}。未評価なら空欄）。",
    ]
    # The preview said so before 取り込む was pressed, with the words that are understood.
    assert dialog.fit_table.item(dialog.fit_table.rowCount() - 1, 1).text() == "読み取れません"
    assert count(runner) == before
    assert dialog.isVisible()  # the user can fix the mapping or pick another file


def test_csv_import_adds_rows(runner, qtbot, pick_file, tmp_path, no_message_boxes):
    rows = current_list(runner) + good_rows(3, fit="△")
    dialog = open_dialog(runner, qtbot, pick_file, write_csv(tmp_path / "add.csv", rows))
    dialog.spec_edit.setText("第1.0版")  # the same edition: nothing existing changes
    before = runner.read(fit_stats)
    with qtbot.waitSignal(runner.changed) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].functions
    after = runner.read(fit_stats)
    assert after.total == before.total + 3
    assert after.by_fit["△"] == before.by_fit["△"] + 3
    assert no_message_boxes == []  # only additions: no confirmation asked
    assert dialog.applied and "3 件" in dialog.applied
    assert not dialog.isVisible()


def test_xlsx_without_system_column_replaces_after_confirmation(runner, qtbot, pick_file, tmp_path,
                                                               no_message_boxes, issues_shown):
    path = tmp_path / "juki.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("表紙").write(0, 0, "機能一覧")
    ws = wb.add_worksheet("機能一覧")
    for c, h in enumerate(["機能ID", "大分類", "機能名", "適合度"]):
        ws.write(0, c, h)
    ws.write_row(1, 0, ["0100001", "基本情報管理", "住民票の登録（改）", "○"])
    ws.write_row(2, 0, ["0199999", "基本情報管理", "新しい機能", "×"])
    wb.close()
    juki = [r for r in runner.read(list_function_rows) if r.business_system == "住民基本台帳"]
    dialog = open_dialog(runner, qtbot, pick_file, path)
    # The cover sheet is passed over: the sheet whose header names known columns is chosen.
    assert [dialog.sheet_list.item(i).text() for i in range(2)] == ["表紙　［表なし］", "機能一覧　［機能］"]
    assert dialog.sheet_list.currentItem().text() == "機能一覧　［機能］" and dialog.sheet_list.isEnabled()
    assert meaning(dialog, 2) == "name"
    assert dialog.system_combo.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert no_message_boxes[-1][0] == "warning"  # no business system chosen yet
    dialog.system_combo.setCurrentIndex(dialog.system_combo.findData("住民基本台帳"))
    dialog.spec_edit.setText("第2.0版")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    kind, text = no_message_boxes[-1]
    assert kind == "question" and "適用しますか" in text
    assert f"追加 1 件、変更 1 件、削除 {len(juki) - 1} 件" in text
    assert "0199999" in text
    assert issues_shown == []
    rows = [r for r in runner.read(list_function_rows) if r.business_system == "住民基本台帳"]
    assert [(r.code, r.spec_version) for r in rows] == [("0100001", "第2.0版"), ("0199999", "第2.0版")]
    assert rows[0].name.startswith("住民票の登録") and "改" in rows[0].name


def test_declining_confirmation_changes_nothing(runner, qtbot, pick_file, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    rows = [["0100001", "住民基本台帳", "基本情報管理", "住民票の登録", "", "", "×", "", ""]]
    dialog = open_dialog(runner, qtbot, pick_file, write_csv(tmp_path / "one.csv", rows))
    before = runner.read(list_function_rows)
    with qtbot.assertNotEmitted(runner.changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert runner.read(list_function_rows) == before
    assert dialog.isVisible()


def test_menu_import_updates_status_bar(main_window, qtbot, pick_file, tmp_path, monkeypatch):
    pick_file["path"] = write_csv(tmp_path / "menu.csv", current_list(main_window.runner) + good_rows(2, fit="×"))

    def run_dialog(self):
        self.spec_edit.setText("第1.0版")
        self.import_now()
        return self.result()

    monkeypatch.setattr(ImportFunctionsDialog, "exec", run_dialog)
    main_window.import_action.trigger()
    assert main_window.count_label.text() == "機能 302 件"
    assert main_window.rate_label.text() == "ギャップ率 1.99%（△2 ×4／評価済み302）"
    assert main_window.functions.model.total_count == 302
    assert "取り込みました" in main_window.statusBar().currentMessage()


def test_unreadable_file_is_reported(runner, qtbot, pick_file, issues_shown, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a spreadsheet")
    pick_file["path"] = path
    dialog = ImportFunctionsDialog(runner)
    qtbot.addWidget(dialog)
    assert not dialog.choose_file()
    assert "broken.xlsx" in issues_shown[0] and "読み込めません" in issues_shown[0]
    assert not dialog.import_button.isEnabled()


def test_the_message_after_an_import_names_the_functions_it_removed(runner, qtbot, pick_file, tmp_path,
                                                                     no_message_boxes, monkeypatch):
    """Walk O2: a file covering part of a 業務's list removes the rest; the message after the import (the
    status bar's) names them, with the first IDs, as the confirmation did."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    rows = current_list(runner)
    dialog = open_dialog(runner, qtbot, pick_file, write_csv(tmp_path / "part.csv", rows[:-7]))
    dialog.spec_edit.setText("第1.0版")
    gone = [r[0] for r in rows[-7:]]
    dialog.import_now()
    assert dialog.applied is not None
    assert f"住民基本台帳: 削除した機能 7 件（{'、'.join(gone[:5])} ほか 2 件）" in dialog.applied
