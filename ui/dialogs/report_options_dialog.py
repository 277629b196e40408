"""ReportOptionsDialog: what the 帳票 view prints on a document before it is written.

- 負担額通知 (``kind="notice"``): the addressee — one member, or every member that bears (or
  may bear) a customization, one file each into a folder — the date, the 文書番号 printed
  above it (い協第15号; one number for a notice sent to many members) and the sender line
  under the consortium's name (事務局 unless changed).
- 費用負担一覧 (``"table"``) and 総会用サマリー (``"summary"``): the date and the 資料番号 boxed
  at the top right (the summary's is required, 資料2 unless changed; the table's is optional).

The date is shown as it will be printed (documents always use 和暦). The 文書番号, the sender
and each 資料番号 are remembered in the user's settings for the next time.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..settings import app_settings
from .dialog_buttons import accept_cancel
from .new_meeting_dialog import ERROR_STYLE
from .printed_date import PrintedDateField

ALL_MEMBERS = None  # the addressee combo's data for 「負担のある全団体」
KINDS = ("notice", "table", "summary")
_KEYS = {"reference": "reports/notice_reference", "sender": "reports/notice_sender",
         "table": "reports/table_doc_number", "summary": "reports/summary_doc_number",
         "copy_finance": "reports/notice_copy_finance"}
_DEFAULTS = {"reference": "", "sender": "", "table": "", "summary": "資料2"}  # 資料1 is the comparison's


def _remembered(key: str) -> str:
    value = app_settings().value(_KEYS[key], _DEFAULTS[key])
    return value if isinstance(value, str) else _DEFAULTS[key]


class ReportOptionsDialog(QDialog):
    """Date and numbers for a 負担額通知, 費用負担一覧 or 総会用サマリー (and the notice's addressees)."""

    def __init__(self, kind: str, *, members: list[str] | tuple[str, ...] = (), member: str | None = None,
                 file_kind: str = "pdf", parent: QWidget | None = None):
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.kind = kind
        self.setWindowTitle({
            "notice": self.tr("負担額通知を書き出す"),
            "table": self.tr("費用負担一覧を Excel に書き出す") if file_kind == "xlsx" else self.tr("費用負担一覧を書き出す"),
            "summary": self.tr("総会用サマリーを書き出す"),
        }[kind])
        self.setMinimumWidth(500)
        form = QFormLayout()

        self.member_combo = QComboBox()
        self.include_none_check = QCheckBox(self.tr("負担のない団体あても作成する"))
        if kind == "notice":
            self.member_combo.addItem(self.tr("負担のある全団体（団体ごとに 1 ファイル）"), ALL_MEMBERS)
            for name in members:
                self.member_combo.addItem(name, name)
            if member is not None and member in members:
                self.member_combo.setCurrentIndex(self.member_combo.findData(member))
            self.member_combo.currentIndexChanged.connect(self._addressee_changed)
            form.addRow(self.tr("宛先"), self.member_combo)
            form.addRow("", self.include_none_check)

        # The notice is dated; the table and the summary state what they show 「…現在」.
        self.date_field = PrintedDateField(self.tr("印字: {0}") if kind == "notice" else self.tr("印字: {0}現在"))
        self.date_edit, self.printed_date = self.date_field.date_edit, self.date_field.label
        form.addRow(self.tr("日付"), self.date_field)

        self.copy_finance_check = QCheckBox(self.tr("写しを財政担当課長に送付する（「写し送付先」を印字）"))
        self.reference_edit = QLineEdit(_remembered("reference"))
        self.sender_edit = QLineEdit(_remembered("sender"))
        self.doc_number_edit = QLineEdit(_remembered(kind) if kind != "notice" else "")
        for edit in (self.reference_edit, self.sender_edit, self.doc_number_edit):
            edit.setMaxLength(60)
        if kind == "notice":
            self.reference_edit.setPlaceholderText(self.tr("例: い協第15号（空欄なら「第　　号」と印字）"))
            self.sender_edit.setPlaceholderText(self.tr("空欄なら協議会の設定の会長"))
            self.sender_edit.setToolTip(self.tr("会長以外の名で出すときだけ入力します（例: 会長職務代理者　副会長　那珂市長　山田 太郎）"))
            form.addRow(self.tr("文書番号"), self.reference_edit)
            form.addRow(self.tr("発信者"), self.sender_edit)
            self.copy_finance_check.setChecked(app_settings().value(_KEYS["copy_finance"], False, type=bool))
            form.addRow("", self.copy_finance_check)
            note = self.tr("日付と文書番号は右上に、発信者は協議会名の下に印字します。会長・公印省略・担当欄は"
                           "ツール > 協議会の設定… で変更します。全団体あてには同じ文書番号で作成します。")
        else:
            self.doc_number_edit.setPlaceholderText(self.tr("例: 資料2") if kind == "summary"
                                                    else self.tr("例: 資料3（空欄なら印字しません）"))
            form.addRow(self.tr("資料番号"), self.doc_number_edit)
            note = self.tr("日付は「…現在」として、資料番号は右上の枠に印字します。")
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5568;")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)

        self.buttons, self.ok_button = accept_cancel(self, self.tr("書き出す…"), self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.doc_number_edit.textChanged.connect(self._validate)
        self._addressee_changed()
        self._validate()

    # --- what was chosen --------------------------------------------------------------------

    def member(self) -> str | None:
        """The one member addressed, or None for every bearing member."""
        return self.member_combo.currentData() if self.kind == "notice" else None

    def include_none(self) -> bool:
        return self.member() is None and self.include_none_check.isChecked()

    def issued_on(self) -> dt.date:
        return self.date_field.date()

    def reference(self) -> str | None:
        return self.reference_edit.text().strip() or None

    def sender(self) -> str | None:
        return self.sender_edit.text().strip() or None

    def copy_to_finance(self) -> bool:
        return self.kind == "notice" and self.copy_finance_check.isChecked()

    def doc_number(self) -> str | None:
        return self.doc_number_edit.text().strip() or None

    # --- behaviour --------------------------------------------------------------------------

    def _addressee_changed(self) -> None:
        self.include_none_check.setEnabled(self.member() is None)

    def _validate(self) -> None:
        ok = self.kind != "summary" or bool(self.doc_number())
        self.error_label.setText("" if ok else self.tr("資料番号を入力してください（例: 資料1）。"))
        self.ok_button.setEnabled(ok)

    def _accept(self) -> None:
        settings = app_settings()
        if self.kind == "notice":
            settings.setValue(_KEYS["reference"], self.reference_edit.text().strip())
            settings.setValue(_KEYS["sender"], self.sender_edit.text().strip())
            settings.setValue(_KEYS["copy_finance"], self.copy_finance_check.isChecked())
        else:
            settings.setValue(_KEYS[self.kind], self.doc_number_edit.text().strip())
        settings.sync()
        self.accept()
