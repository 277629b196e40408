"""Guard against the PySide6 6.12.0 regression that leaks references to None.

Under 6.12.0 (Python 3.11) each of these calls changed ``sys.getrefcount(None)``; after
enough calls the count wraps and the interpreter aborts far from the cause. The pin in
pyproject.toml keeps 6.11; this test fails loudly if the pin is lifted to a broken release.
"""
from __future__ import annotations

import gc
import sys

import PySide6
from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel

CALLS = 10_000
TOLERANCE = 50


def test_pinned_pyside_version():
    assert PySide6.__version__.startswith("6.11"), PySide6.__version__


def _drift(fn) -> int:
    """Change of None's refcount over CALLS calls, with the garbage collector held still
    (collecting other tests' garbage releases hundreds of references to None)."""
    fn(10)  # warm up caches
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        fn(CALLS)
        return sys.getrefcount(None) - before
    finally:
        gc.enable()


def test_label_set_text_keeps_none_refcount(qapp):
    label = QLabel()

    def run(n):
        for _ in range(n):
            label.setText("機能一覧")

    assert abs(_drift(run)) <= TOLERANCE


def test_set_object_name_keeps_none_refcount(qapp):
    obj = QObject()

    def run(n):
        for _ in range(n):
            obj.setObjectName("functions")

    assert abs(_drift(run)) <= TOLERANCE


def test_append_row_keeps_none_refcount(qapp):
    model = QStandardItemModel()

    def run(n):
        for _ in range(n):
            model.appendRow(QStandardItem("住民基本台帳"))

    assert abs(_drift(run)) <= TOLERANCE
    assert model.rowCount() == CALLS + 10
