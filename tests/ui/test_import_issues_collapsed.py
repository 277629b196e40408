"""The issue list of a refused import collapses the same problem on every row into one line, also
past the 200 issues an ImportValidationError keeps for its message: 250 members with 人口「abc」
were shown as 「2〜201行目（200 行）」 and 「ほか 50 件の問題があります。」."""
from __future__ import annotations

from cloudsuppress.errors import ImportIssue, ImportValidationError
from ui.dialogs.import_issues_dialog import ImportIssuesDialog


def test_two_hundred_and_fifty_rows_with_one_problem_are_one_line(qtbot):
    issues = [ImportIssue("団体.xlsx", row, "B列（人口）", "人口「abc」は正の整数ではありません。", sheet="団体")
              for row in range(2, 252)]
    dialog = ImportIssuesDialog(ImportValidationError(issues))
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == (
        "団体.xlsx シート「団体」 2〜251行目（250 行） B列（人口）: 人口「abc」は正の整数ではありません。")


def test_issues_the_caller_counted_but_did_not_pass_are_said(qtbot):
    issues = [ImportIssue("a.csv", 2, "A", "機能IDが空です。")]
    dialog = ImportIssuesDialog(ImportValidationError(issues, total=30))
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText().splitlines() == ["a.csv 2行目 A列: 機能IDが空です。", "ほか 29 件の問題があります。"]


def test_the_close_button_is_in_japanese(qtbot):
    """The list of a refused import closed with 「Close」, Qt's English, beside 「一覧をコピー」 (walk, 2026-12-07;
    walk_png/issues-1280x720.png)."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    dialog = ImportIssuesDialog(ImportValidationError([ImportIssue("a.csv", 2, "A", "機能IDが空です。")]))
    qtbot.addWidget(dialog)
    texts = sorted(b.text() for b in dialog.findChild(QDialogButtonBox).findChildren(QPushButton))
    assert texts == ["一覧をコピー", "閉じる"], texts
