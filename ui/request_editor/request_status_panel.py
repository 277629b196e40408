"""RequestStatusPanel: the request editor's 状態 box, the status badge and one button per move.

Contract: ``show_status(detail)`` shows the item's status and enables a move button when the
core's transition table allows the move from it (``ItemDetail.allowed_moves``); a click emits
``move_requested(Status)``, and the editor asks for the reason and runs the move (the core's
guards judge it). ``move_prompt`` is the text that asks for the reason. Alt+1…Alt+4 are the
moves in the order shown.

The panel was part of ``RequestItemDialog``; its texts stay in that translation context
("RequestItemDialog", through ``QCoreApplication.translate``), so the English texts filed
there keep applying. ``self.tr`` here would file them under this class and lose them.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cloudsuppress.domain.workflow import DECISIONS, STATUS_LABELS, Status
from cloudsuppress.ops.request_queries import ItemDetail

from ..labels import label
from ..table_models.request_table_model import STATUS_COLORS

CONTEXT = "RequestItemDialog"
MOVE_TEXTS = {
    Status.UNDER_REVIEW: "検討中にする…",
    Status.STANDARDIZED: "標準化…",
    Status.WITHDRAWN: "取下げ…",
    Status.CUSTOMIZED: "カスタマイズ実施…",
}
REOPEN_TEXT = "検討中に戻す（見直し）…"
MOVE_KEYS = {Status.UNDER_REVIEW: "Alt+1", Status.STANDARDIZED: "Alt+2", Status.WITHDRAWN: "Alt+3",
             Status.CUSTOMIZED: "Alt+4"}


def badge_style(status: str) -> str:
    bg, fg = STATUS_COLORS.get(status, ("#ffffff", "#000000"))
    return (f"QLabel#statusBadge {{ background: {bg}; color: {fg}; font-weight: bold; border-radius: 11px;"
            " padding: 3px 14px; }")


class RequestStatusPanel(QGroupBox):
    """The status badge, the move buttons and a note on what the status allows; see the module docstring."""

    move_requested = Signal(object)  # the target Status

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("RequestItemDialog", "状態"), parent)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        self.move_buttons: dict[Status, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignLeft)
        for target, text in MOVE_TEXTS.items():
            button = QPushButton(QCoreApplication.translate(CONTEXT, text))
            button.setObjectName(f"move_{target.value}")
            button.clicked.connect(lambda _=False, t=target: self.move_requested.emit(t))
            button.setShortcut(QKeySequence(MOVE_KEYS[target]))
            self.move_buttons[target] = button
            layout.addWidget(button)
        self.locked_note = QLabel()
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("color: #4a5568;")
        layout.addWidget(self.locked_note)
        layout.addStretch(1)
        self.setFixedWidth(260)

    def show_status(self, detail: ItemDetail) -> None:
        """The item's status, the moves the transition table allows from it, and what the status means."""
        status = Status(detail.item.status)
        self.show()
        self.status_badge.setText(label(STATUS_LABELS[status]))
        self.status_badge.setStyleSheet(badge_style(status.value))
        for target, button in self.move_buttons.items():
            button.setEnabled(target.value in detail.allowed_moves)
            if target == Status.UNDER_REVIEW:
                text = REOPEN_TEXT if status in DECISIONS else MOVE_TEXTS[target]
                button.setText(QCoreApplication.translate(CONTEXT, text))
        if status in DECISIONS:
            note = QCoreApplication.translate(
                "RequestItemDialog", "決定済みのため編集できません。見直す場合は、理由を記録して「検討中」に戻してください。")
        elif status == Status.UNDER_REVIEW:
            note = QCoreApplication.translate(
                "RequestItemDialog", "カスタマイズ実施には、見積額と、負担する各団体の財政課協議・首長決裁が必要です。")
        else:
            note = QCoreApplication.translate("RequestItemDialog", "部会で検討を始めるときに「検討中」にします。")
        self.locked_note.setText(note)


def move_prompt(current: Status, target: Status) -> tuple[str, bool]:
    """The text asking for a move's reason, and whether a reason is required (a decision, or reconsidering one)."""
    text = QCoreApplication.translate("RequestItemDialog", "「{0}」から「{1}」に変更します。").format(
        label(current.label), label(target.label))
    if current in DECISIONS:
        text += QCoreApplication.translate("RequestItemDialog", "決定を見直す理由を記録してください。")
    elif target in DECISIONS:
        text += QCoreApplication.translate("RequestItemDialog", "判断の理由を記録してください（比較一覧表と議事録に載ります）。")
    return text, target in DECISIONS or current in DECISIONS
