"""ComparisonExportDialog: how to print the comparison table — paper (A3 / A4 landscape), the
資料番号 printed top right, the sheet's date under it (today by default; shown as it will be
printed, 令和8年11月22日現在, since documents always use 和暦), and optionally the meeting it is
for (its agenda, in agenda order, and its name and date in the heading). The screen's filters (専門部会, 団体, 未決定のみ, 縦長表示)
apply as they are; with a meeting the meeting decides the subcommittee.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.ops.meeting_queries import MeetingRow

from ..dates import display_date
from ..labels import label as core_label
from ..settings import current_preferences
from .dialog_buttons import accept_cancel
from .new_meeting_dialog import ERROR_STYLE
from .printed_date import PrintedDateField


class ComparisonExportDialog(QDialog):
    """Paper, 資料番号, date and meeting for a comparison sheet (PDF or xlsx)."""

    def __init__(self, meetings: list[MeetingRow], *, kind: str = "pdf", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("比較一覧表を PDF に書き出す") if kind == "pdf"
                            else self.tr("比較一覧表を Excel に書き出す"))
        self.setMinimumWidth(460)
        self.a3_radio = QRadioButton(self.tr("A3 横"))
        self.a4_radio = QRadioButton(self.tr("A4 横"))
        # The default paper is the user's choice in 設定 (A3 unless they chose A4).
        (self.a4_radio if current_preferences().paper == "a4" else self.a3_radio).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.a3_radio)
        group.addButton(self.a4_radio)
        papers = QHBoxLayout()
        papers.addWidget(self.a3_radio)
        papers.addWidget(self.a4_radio)
        papers.addStretch(1)
        self.doc_number_edit = QLineEdit(self.tr("資料1"))
        self.doc_number_edit.setMaxLength(20)
        self.doc_number_edit.setPlaceholderText(self.tr("例: 資料2"))
        self.date_field = PrintedDateField(self.tr("印字: {0}現在"))
        self.date_edit, self.printed_date = self.date_field.date_edit, self.date_field.label
        self.meeting_combo = QComboBox()
        self.meeting_combo.addItem(self.tr("（会議を指定しない）"), None)
        for m in meetings:
            self.meeting_combo.addItem(self.tr("{0}（{1}）").format(core_label(m.label), display_date(m.held_on)), m.id)
        note = QLabel(self.tr("画面の絞り込み（専門部会・団体・未決定のみ・縦長表示）がそのまま反映されます。"
                              "会議を指定すると、その会議の議題を議題の順に載せます。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("用紙"), papers)
        form.addRow(self.tr("資料番号"), self.doc_number_edit)
        form.addRow(self.tr("作成日"), self.date_field)
        form.addRow(self.tr("会議"), self.meeting_combo)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("書き出す…"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.doc_number_edit.textChanged.connect(self._validate)
        self._validate()

    def paper(self) -> str:
        return "a4" if self.a4_radio.isChecked() else "a3"

    def doc_number(self) -> str:
        return self.doc_number_edit.text().strip()

    def meeting_id(self) -> int | None:
        return self.meeting_combo.currentData()

    def created_on(self) -> dt.date:
        return self.date_field.date()

    def _validate(self) -> None:
        ok = bool(self.doc_number())
        self.error_label.setText("" if ok else self.tr("資料番号を入力してください（例: 資料1）。"))
        self.ok_button.setEnabled(ok)
