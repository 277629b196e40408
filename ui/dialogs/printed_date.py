"""PrintedDateField: a document's date as the export dialogs ask it — a calendar date edit with,
beside it, the date as it will be printed (documents always print 和暦: 「印字: 令和8年11月22日」)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from cloudsuppress.domain.wareki import to_wareki

from ..date_edit import DateEdit


class PrintedDateField(QWidget):
    """``printed`` is the dialog's own translated pattern for the note, e.g. 「印字: {0}現在」."""

    def __init__(self, printed: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._printed = printed
        self.date_edit = DateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        self.label = QLabel()
        self.label.setObjectName("printedDate")
        self.label.setStyleSheet("color: #4a5568;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.label, 1)
        self.date_edit.dateChanged.connect(self._show)
        self._show()

    def date(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def _show(self) -> None:
        self.label.setText(self._printed.format(to_wareki(self.date())))
