"""DateEdit: a date picker that shows dates as 設定 says (和暦 令和8年12月7日, or 2026/12/07).

Qt's QDateEdit formats with a pattern of Gregorian fields only (QCalendar knows no Japanese
eras), so the text is made here (``ui.dates.display_date``) and read back with the core's
``parse_date``, which takes 令和8年12月7日, R8.12.7, 2026/12/7 and 2026-12-07 alike. The arrow
keys and the wheel step one day, the calendar pops up for picking, and the date itself
(``date()`` / ``setDate()``) is what every caller already uses.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from cloudsuppress.domain.wareki import parse_date

from . import dates


class DateEdit(QDateEdit):
    """A QDateEdit whose text follows the screen's date style (see the module docstring)."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None):
        super().__init__(date if date is not None else QDate.currentDate(), parent)
        self.setCalendarPopup(True)
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))  # the C++ constructor made its own
        # 「R8.11.22」 typed reads as 令和8年11月22日 once the field is left.
        self.editingFinished.connect(lambda: self.lineEdit().setText(self.textFromDateTime(self.dateTime())))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("令和10年12月31日") + 44)

    def textFromDateTime(self, value: QDateTime) -> str:  # noqa: N802 - Qt API
        try:
            return dates.display_date(value.date().toPython())
        except ValueError:  # before 明治 (Qt measures its width with its minimum date, 1752): no era
            return value.date().toString("yyyy/MM/dd")

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt API
        day = parse_date(text.strip())
        if day is None:
            return self.dateTime()
        return QDateTime(QDate(day.year, day.month, day.day), self.time())

    def validate(self, text: str, pos: int) -> object:
        try:
            day = parse_date(text.strip())
        except ValueError:
            day = None
        if day is not None and self.minimumDate().toPython() <= day <= self.maximumDate().toPython():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromDateTime(self.dateTime())

    def setDisplayFormat(self, fmt: str) -> None:  # noqa: N802 - Qt API
        """Kept for the callers that set one: the text follows 設定 instead (see the module docstring)."""
        super().setDisplayFormat("yyyy/MM/dd")

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt API
        self.setDate(self.date().addDays(steps))
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    def stepEnabled(self):  # noqa: N802, ANN201 - Qt API
        flags = QDateEdit.StepEnabledFlag.StepNone
        if self.date() > self.minimumDate():
            flags |= QDateEdit.StepEnabledFlag.StepDownEnabled
        if self.date() < self.maximumDate():
            flags |= QDateEdit.StepEnabledFlag.StepUpEnabled
        return flags

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.stepBy(1 if event.key() == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)
