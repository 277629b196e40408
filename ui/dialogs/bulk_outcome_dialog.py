"""BulkOutcomeDialog: one outcome — for a decision the status and one reason — for several items of a
meeting's agenda (協議結果をまとめて記録).

The choices are those of the single-item 協議結果 tab (``OutcomePanel``): 決定 with the same decision
targets, 継続審議, 報告のみ, 未協議. The dialog only asks; the caller hands the core's ``record_outcomes``
to the runner, which shows the core's refusal (naming the item; nothing changed) as it is, and opens
the dialog again with what was typed.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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

from ..labels import join_names
from ..views.outcome_panel import DECISION_TARGETS, OUTCOME_CHOICES
from .dialog_buttons import accept_cancel


def _shared(text: str) -> str:
    """The outcome and decision words as the 協議結果 tab translates them."""
    return QCoreApplication.translate("OutcomePanel", text)


class BulkOutcomeDialog(QDialog):
    """協議結果をまとめて記録: the outcome, the decision and the reason, for ``keys`` of ``meeting``."""

    def __init__(self, keys: list[str], meeting: str, *, outcome: str | None = "decided", decide: str | None = None,
                 reason: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("協議結果をまとめて記録"))
        self.setMinimumWidth(560)
        shown = join_names(keys[:8]) + (self.tr(" ほか {0} 件").format(len(keys) - 8) if len(keys) > 8 else "")
        head = QLabel(self.tr("{0}の議題から選んだ要望 {1} 件: {2}").format(meeting, len(keys), shown))
        head.setWordWrap(True)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str | None, QRadioButton] = {}
        radios = QHBoxLayout()
        for n, (code, text) in enumerate(OUTCOME_CHOICES):
            button = QRadioButton(_shared(text))
            self.outcome_group.addButton(button, n)
            self.outcome_buttons[code] = button
            radios.addWidget(button)
        radios.addStretch(1)
        self.decision_combo = QComboBox()
        for value, text in DECISION_TARGETS:
            self.decision_combo.addItem(_shared(text), value)
        self.reason_edit = QLineEdit(reason)
        self.reason_edit.setPlaceholderText(self.tr("例: 標準機能の運用で対応できることを全団体で確認した"))
        self.outcome_buttons.get(outcome, self.outcome_buttons["decided"]).setChecked(True)
        if decide is not None:
            self.decision_combo.setCurrentIndex(max(self.decision_combo.findData(decide), 0))
        self.outcome_group.idToggled.connect(lambda *_: self._sync_enabled())
        note = QLabel(self.tr("「協議結果」タブで 1 件ずつ記録するのと同じ規則です。1 件でも記録できない要望があれば、"
                              "どれも記録しません（元に戻すは 1 回でまとめて戻ります）。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")
        form = QFormLayout()
        form.addRow(self.tr("協議結果"), radios)
        form.addRow(self.tr("決定内容"), self.decision_combo)
        form.addRow(self.tr("理由"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(note)
        buttons, self.ok_button = accept_cancel(self, self.tr("記録"))
        layout.addWidget(buttons)
        self._sync_enabled()
        self.adjustSize()  # the wrapped lines at their height

    def _sync_enabled(self) -> None:
        deciding = self.outcome() == "decided"
        self.decision_combo.setEnabled(deciding)
        self.reason_edit.setEnabled(deciding)

    def choose(self, outcome: str | None, *, decide: str | None = None) -> None:
        """Set the outcome (and decision) as a click would."""
        self.outcome_buttons[outcome].setChecked(True)
        if decide is not None:
            self.decision_combo.setCurrentIndex(self.decision_combo.findData(decide))

    def outcome(self) -> str | None:
        checked = self.outcome_group.checkedId()
        return OUTCOME_CHOICES[checked][0] if checked >= 0 else None

    def decide(self) -> str | None:
        return self.decision_combo.currentData() if self.outcome() == "decided" else None

    def reason(self) -> str:
        return self.reason_edit.text().strip()
