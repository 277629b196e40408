"""Fields the user cannot change look it and say why: a decided item's 要望名 / 見積額 / 要望内容 were white
with a focus frame and silently ignored typing (walk 2026-12-07, 65b_edited.png). ``show_locked`` makes a
line or text box read-only, paints it with the window's colour (as a greyed field) and puts the reason in
its tooltip; unlocked, the field gets its own colour and tooltip back."""
from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

LOCKED_PROPERTY = "lockedReason"  # the reason shown, "" when the field is editable
_OWN_TIP = "ownToolTip"


def show_locked(widget: QLineEdit | QPlainTextEdit, why: str | None) -> None:
    """``why``: the reason the field cannot be changed (None: it can)."""
    if widget.property(_OWN_TIP) is None:
        widget.setProperty(_OWN_TIP, widget.toolTip())
    locked = bool(why)
    widget.setReadOnly(locked)
    widget.setProperty(LOCKED_PROPERTY, why or "")
    palette = widget.palette()
    parent = widget.parentWidget()
    base = (parent.palette() if parent is not None else QPalette()).color(
        QPalette.ColorRole.Window if locked else QPalette.ColorRole.Base)
    palette.setColor(QPalette.ColorRole.Base, base)
    widget.setPalette(palette)
    own = widget.property(_OWN_TIP) or ""
    widget.setToolTip("\n".join(t for t in (why, own) if t) if locked else own)
