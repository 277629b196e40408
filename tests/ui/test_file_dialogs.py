"""File dialogs as people expect them (issue #14): Documents first, then the folder last used for
that kind of file; names that say what and when; a missing folder offered to be created; Qt's
own dialog texts in Japanese; a disabled 書き出す that says why."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from ui import file_dialogs as fd


@pytest.fixture
def settings(settings_file):
    return QSettings(str(settings_file), QSettings.Format.IniFormat)


def test_documents_first_then_the_last_folder_of_that_kind(settings, tmp_path, monkeypatch, qapp):
    docs = tmp_path / "ドキュメント"
    docs.mkdir()
    monkeypatch.setattr(fd, "documents_folder", lambda: docs)
    seen = []

    def dialog(parent, caption, start, file_filter, *rest):
        seen.append(start)
        return str(tmp_path / "部会資料" / "x.pdf"), ""

    (tmp_path / "部会資料").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    assert fd.save_file_name(None, "保存", kind=fd.KIND_REPORTS, suggested="比較一覧表.pdf", file_filter="PDF (*.pdf)") \
        == tmp_path / "部会資料" / "x.pdf"
    fd.save_file_name(None, "保存", kind=fd.KIND_REPORTS, suggested="議事録.docx", file_filter="Word (*.docx)")
    assert seen == [str(docs / "比較一覧表.pdf"), str(tmp_path / "部会資料" / "議事録.docx")]
    assert fd.start_folder(fd.KIND_DATABASES) == docs  # another kind keeps its own folder
    shutil.rmtree(tmp_path / "部会資料")
    assert fd.start_folder(fd.KIND_REPORTS) == docs  # a remembered folder that has gone: Documents again


def test_names_say_what_and_when():
    assert fd.wareki_stamp(dt.date(2026, 12, 10)) == "R081210"
    assert fd.wareki_stamp(dt.date(2019, 4, 30)) == "H310430"
    assert fd.dated_file_name("比較一覧表", "住民業務部会", on=dt.date(2026, 12, 10), suffix="pdf") \
        == "比較一覧表_住民業務部会_R081210.pdf"
    assert fd.dated_file_name("議事録", None, "第2回 税業務部会", on=dt.date(2026, 8, 26), suffix=".docx") \
        .startswith("議事録_第2回") and fd.dated_file_name("議事録", on=dt.date(2026, 8, 26), suffix="pdf") \
        == "議事録_R080826.pdf"


def test_a_missing_folder_is_created_when_the_user_agrees(tmp_path, monkeypatch, qapp):
    answers = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: answers.append(text) or QMessageBox.StandardButton.Yes))
    folder = tmp_path / "令和8年度" / "部会"
    assert fd.ensure_folder(None, folder) and folder.is_dir()
    assert answers == [f"フォルダ {folder} はありません。作成しますか？"]
    assert fd.ensure_folder(None, folder) and len(answers) == 1  # an existing folder asks nothing


def test_the_comparison_export_suggests_what_and_when(main_window, monkeypatch, qtbot, settings_file):
    from ui.dialogs.comparison_export_dialog import ComparisonExportDialog
    from ui.main_window import VIEW_COMPARISON

    main_window.show_view(VIEW_COMPARISON)
    view = main_window.comparison
    view.subcommittee_combo.setCurrentIndex(view.subcommittee_combo.findText("住民業務"))
    monkeypatch.setattr(ComparisonExportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ComparisonExportDialog, "created_on", lambda self: dt.date(2026, 12, 10))
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, start, *a: asked.append(start) or ("", "")))
    view.export("xlsx")
    assert Path(asked[0]).name == "比較一覧表_住民業務部会_R081210.xlsx"


def test_qt_dialog_texts_are_japanese(qapp, app_font):
    """Every label and button of Qt's own file dialog, as shown (Qt 6 renamed 「&Look in:」 and
    「Files of &type:」, which qtbase_ja.qm still has under their old names: ui/i18n.py fills them)."""
    from PySide6.QtWidgets import QPushButton

    from ui.i18n import install_translators, remove_translators

    install_translators("ja")
    try:
        dialog = QFileDialog(None, "保存")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.show()
        qapp.processEvents()
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton) if w.text()]
        assert len(texts) >= 5, texts
        english = [t for t in texts if re.search(r"[A-Za-z]{2,}", t.replace("&", ""))]
        assert english == [], english
        assert "場所(&L):" in texts and "ファイルの種類(&T):" in texts and "ファイル名(&N):" in texts
        dialog.close()
        dialog.deleteLater()
    finally:
        remove_translators()


def test_a_disabled_export_button_says_why(qapp, tmp_path, settings_file, monkeypatch):
    from ui.dialogs.request_workbooks import ExportTemplatesDialog

    members = [type("M", (), {"name": n})() for n in ("那珂市", "五霞町")]
    dialog = ExportTemplatesDialog(members, str(tmp_path))
    assert dialog.ok_button.isEnabled() and dialog.reason_label.text() == ""
    for i in range(dialog.member_list.count()):
        dialog.member_list.item(i).setCheckState(dialog.member_list.item(i).checkState().Unchecked)
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == dialog.reason_label.text() == "書き出す団体を選んでください。"
    dialog.member_list.item(0).setCheckState(dialog.member_list.item(0).checkState().Checked)
    dialog.folder_edit.setText(str(tmp_path / "要望票"))
    assert dialog.ok_button.isEnabled() and "まだありません" in dialog.reason_label.text()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    dialog.ok_button.click()
    assert (tmp_path / "要望票").is_dir() and dialog.result() == 1


def test_a_folder_that_cannot_be_made_is_said_in_japanese(tmp_path, monkeypatch, qapp):
    """A file where the folder should be ended the warning in the OS's English (「File exists」 /
    「Not a directory」, error.strerror; walk, 2026-12-07)."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    note = tmp_path / "メモ.txt"
    note.write_text("x", encoding="utf-8")
    assert not fd.ensure_folder(None, note / "部会")
    assert len(warnings) == 1 and warnings[0].splitlines()[1] in ("同じ名前のファイルがすでにあります",
                                                                  "途中にフォルダーではないものがあります"), warnings


def test_the_new_consortium_dialog_says_a_file_error_in_japanese(tmp_path, monkeypatch, qapp):
    import errno

    from ui.dialogs import new_consortium_dialog as ncd

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ncd, "run_in_worker", full)
    dialog = ncd.NewConsortiumDialog(folder=tmp_path)
    dialog.name_edit.setText("テスト協議会")
    dialog.create_now()
    assert len(warnings) == 1 and warnings[0].endswith("\nディスクの空き容量が足りません"), warnings


def test_the_history_csv_opens_in_the_reports_folder_and_says_what_and_when(runner, qtbot, monkeypatch, tmp_path,
                                                                            settings_file):
    """変更履歴をCSVに書き出す opened in the program's folder with 「R-0001_変更履歴.csv」 and forgot where it
    saved (review of #14): now Documents first, then the reports folder, and a dated name."""
    from cloudsuppress.ops.history import item_audit_trail
    from cloudsuppress.ops.request_queries import get_item_detail
    from cloudsuppress.ops.requests import resolve_item
    from ui.request_editor.request_history_tab import RequestHistoryTab

    docs = tmp_path / "ドキュメント"
    docs.mkdir()
    monkeypatch.setattr(fd, "documents_folder", lambda: docs)
    saved = tmp_path / "部会資料"
    saved.mkdir()
    asked = []

    def dialog(parent, caption, start, file_filter, *rest):
        asked.append((caption, start))
        return str(saved / "履歴.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    item_id = runner.read(lambda s: resolve_item(s, "R-0001"))
    tab = RequestHistoryTab(runner)
    qtbot.addWidget(tab)
    tab.show_history(*runner.read(lambda s: (get_item_detail(s, item_id), item_audit_trail(s, item_id))))
    assert tab.export_history() and (saved / "履歴.csv").is_file()
    stamp = fd.wareki_stamp(dt.date.today())
    assert asked == [("変更履歴をCSVに書き出す", str(docs / f"変更履歴_R-0001_{stamp}.csv"))]
    assert fd.start_folder(fd.KIND_REPORTS) == saved  # remembered with the other reports
    assert tab.export_history()
    assert Path(asked[-1][1]).parent == saved


def test_a_history_csv_name_typed_without_its_suffix_asks_before_replacing(runner, qtbot, monkeypatch, tmp_path,
                                                                           settings_file, no_message_boxes):
    from cloudsuppress.ops.history import item_audit_trail
    from cloudsuppress.ops.request_queries import get_item_detail
    from cloudsuppress.ops.requests import resolve_item
    from ui.request_editor.request_history_tab import RequestHistoryTab

    (tmp_path / "履歴.csv").write_text("先週の分", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "履歴"), "")))
    item_id = runner.read(lambda s: resolve_item(s, "R-0001"))
    tab = RequestHistoryTab(runner)
    qtbot.addWidget(tab)
    tab.show_history(*runner.read(lambda s: (get_item_detail(s, item_id), item_audit_trail(s, item_id))))
    assert tab.export_history()
    assert no_message_boxes == [("question", "履歴.csv はすでにあります。置き換えますか？")]
    assert (tmp_path / "履歴.csv").read_text(encoding="utf-8-sig").startswith("日時")
