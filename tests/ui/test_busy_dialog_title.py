"""The busy dialog of ``run_in_worker`` was as narrow as its label, so the window manager cut its
title 「お待ちください — cloudsuppress カスタマイズ抑制 事務局ツール」 to 「お待ちく… 局ツール」 (the walk at
1366×768, 02_1.png, while the demo was created). It is now wide enough for the whole title."""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog

from ui import op_runner


def test_the_busy_dialog_is_wide_enough_for_its_title(qapp, monkeypatch):
    monkeypatch.setattr(op_runner, "PROGRESS_DELAY_MS", 0)
    seen: list[tuple[int, int]] = []

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                title = w.windowTitle()
                shown = QGuiApplication.applicationDisplayName()
                if shown and shown not in title:
                    title = f"{title} — {shown}"  # what the window manager shows (Qt adds the app's name)
                seen.append((w.width(), w.fontMetrics().horizontalAdvance(title)))
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    op_runner.run_in_worker(lambda: time.sleep(0.8), parent=None, label="デモの協議会を作成しています…")
    assert seen, "the busy dialog never showed"
    width, title = seen[0]
    assert width >= title + 100, (width, title)  # the title, the icon and the title bar's three buttons
