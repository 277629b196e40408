"""JoinCustomizationDialog (後乗り): a late joiner joins a customization already decided and takes its
share of the cost — the GUI of ``ops.late_joiners.join_customization`` (the CLI's ``latejoin join``).

Opened from the late joiner's dialog on a カスタマイズ実施 row. The member states its request as any
member part (要望内容, 理由区分, the resident-service question and its explanation, 年間処理件数) and the
measure-3 approvals that let it bear the cost (財政課協議 and 首長決裁, each with its date and 文書番号),
and the date it joins. 記録 runs the one operation through the runner: the shares are recomputed
for every member of the item, one undo step; a refusal (an approval missing or out of order) is
shown with the core's message and the dialog stays open with what was typed.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS
from cloudsuppress.ops.late_joiners import PendingDecision

from ..date_edit import DateEdit
from ..labels import join_names
from ..op_runner import OpRunner
from ..operations import members as member_ops
from ..screen_fit import scrolled
from .dialog_buttons import accept_cancel


class JoinCustomizationDialog(QDialog):
    """Join one customized item as a late joiner; see the module docstring."""

    def __init__(self, runner: OpRunner, *, member_id: int, member: str, items: list[PendingDecision],
                 item_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.member_id = member_id
        self.joined = False
        self.setWindowTitle(self.tr("カスタマイズに後から参加"))
        intro = QLabel(self.tr("「{0}」がカスタマイズ実施済みの要望に加わり、費用を負担します。"
                               "負担額は参加する団体を含めて按分し直します。").format(member))
        intro.setWordWrap(True)
        self.item_combo = QComboBox()
        for d in items:
            self.item_combo.addItem(f"{d.key}　{d.title}", d.item_id)
        if item_id is not None:
            self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(item_id)))
        self.content_edit = QPlainTextEdit()
        self.content_edit.setPlaceholderText(self.tr("何をどう変えてほしいか"))
        self.content_edit.setFixedHeight(72)
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(self.tr("（選んでください）"), None)
        for code, label in REASON_LABELS.items():
            self.reason_combo.addItem(self.tr(label), code)
        self.drop_yes = QRadioButton(self.tr(SERVICE_DROP_LABELS[True]))
        self.drop_no = QRadioButton(self.tr(SERVICE_DROP_LABELS[False]))
        self.drop_group = QButtonGroup(self)
        for button in (self.drop_yes, self.drop_no):
            self.drop_group.addButton(button)
        drop_row = QHBoxLayout()
        drop_row.addWidget(self.drop_yes)
        drop_row.addWidget(self.drop_no)
        drop_row.addStretch(1)
        self.detail_edit = QLineEdit()
        self.detail_edit.setPlaceholderText(self.tr("低下する場合はその内容、低下しない場合はその理由"))
        self.cases_edit = QLineEdit()
        self.cases_edit.setValidator(QIntValidator(0, 100_000_000, self))
        self.cases_edit.setPlaceholderText(self.tr("件／年"))
        self.finance_date, self.finance_ref = DateEdit(QDate.currentDate()), QLineEdit()
        self.mayor_date, self.mayor_ref = DateEdit(QDate.currentDate()), QLineEdit()
        self.finance_ref.setPlaceholderText(self.tr("文書番号（例: 財第12号）"))
        self.mayor_ref.setPlaceholderText(self.tr("文書番号（例: 決裁第34号）"))
        self.joined_date = DateEdit(QDate.currentDate())

        def pair(date: QWidget, ref: QWidget) -> QHBoxLayout:
            row = QHBoxLayout()
            row.addWidget(date)
            row.addWidget(ref, 1)
            return row

        form = QFormLayout()
        form.addRow(self.tr("要望"), self.item_combo)
        form.addRow(self.tr("要望内容（必須）"), self.content_edit)
        form.addRow(self.tr("理由区分（必須）"), self.reason_combo)
        form.addRow(self.tr("住民サービス（必須）"), drop_row)
        form.addRow(self.tr("低下の内容・理由（必須）"), self.detail_edit)
        form.addRow(self.tr("年間処理件数"), self.cases_edit)
        form.addRow(self.tr("財政課協議（必須）"), pair(self.finance_date, self.finance_ref))
        form.addRow(self.tr("首長決裁（必須）"), pair(self.mayor_date, self.mayor_ref))
        form.addRow(self.tr("参加日"), self.joined_date)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(intro)
        body_layout.addLayout(form)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("記録"))
        self.missing_label = QLabel()
        self.missing_label.setStyleSheet("color: #8a5a00;")
        self.missing_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body), 1)  # the buttons stay on screen on the committee laptop
        layout.addWidget(self.missing_label)
        layout.addWidget(self.buttons)
        for signal in (self.content_edit.textChanged, self.detail_edit.textChanged, self.finance_ref.textChanged,
                       self.mayor_ref.textChanged, self.reason_combo.currentIndexChanged,
                       self.drop_group.buttonToggled):
            signal.connect(self._validate)
        self._validate()
        self.resize(720, 600)

    def _missing(self) -> list[str]:
        missing = []
        if self.item_combo.currentData() is None:
            missing.append(self.tr("要望"))
        if not self.content_edit.toPlainText().strip():
            missing.append(self.tr("要望内容"))
        if self.reason_combo.currentData() is None:
            missing.append(self.tr("理由区分"))
        if self.drop_group.checkedButton() is None:
            missing.append(self.tr("住民サービス"))
        if not self.detail_edit.text().strip():
            missing.append(self.tr("低下の内容・理由"))
        if not self.finance_ref.text().strip():
            missing.append(self.tr("財政課協議の文書番号"))
        if not self.mayor_ref.text().strip():
            missing.append(self.tr("首長決裁の文書番号"))
        return missing

    def _validate(self, *_args) -> None:
        missing = self._missing()
        self.ok_button.setEnabled(not missing)
        text = self.tr("未入力: {0}").format(join_names(missing)) if missing else ""
        self.ok_button.setToolTip(text)  # a disabled 記録 says why
        self.missing_label.setText(text)

    def accept(self) -> None:  # noqa: D401 - QDialog API
        """記録: join through the runner; stay open on a refusal."""
        if self._missing():
            return
        item_id, member_id = self.item_combo.currentData(), self.member_id
        cases = self.cases_edit.text().strip()
        joined = member_ops.join_customization(
            self, self.runner, item_id=item_id, member_id=member_id,
            content=self.content_edit.toPlainText().strip(), reason=self.reason_combo.currentData(),
            service_drop=self.drop_yes.isChecked(), service_drop_detail=self.detail_edit.text().strip(),
            finance=(self.finance_date.date().toPython(), self.finance_ref.text().strip()),
            mayor=(self.mayor_date.date().toPython(), self.mayor_ref.text().strip()),
            on=self.joined_date.date().toPython(), annual_cases=int(cases) if cases else None)
        if joined is None:
            return
        self.joined = True
        super().accept()

    def set_dates(self, *, finance: dt.date, mayor: dt.date, joined: dt.date) -> None:
        """The three dates at once (tests; a caller that knows them)."""
        self.finance_date.setDate(QDate(finance))
        self.mayor_date.setDate(QDate(mayor))
        self.joined_date.setDate(QDate(joined))
