"""The UI language: Japanese as written in the source, English through Qt's translation files.

``install_translators`` loads, before any window is built, this app's translation
(``resources/translations/cloudsuppress_<lang>.qm``, made by scripts/update_translations.py)
and Qt's own (``qtbase_<lang>.qm``, for the buttons and texts of standard dialogs). For
Japanese only Qt's file is needed, since the app's texts are written in Japanese.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cloudsuppress.resources import resource_path

_installed: list[QTranslator] = []

# Texts of Qt's own file dialog that Qt 6 changed (mnemonics added) while qtbase_ja.qm still has
# the old source text, so they showed in English (issue #14: 「Look in:」, 「Files of type:」).
QT_JA_GAPS = {
    "QFileDialog": {
        "&Look in:": "場所(&L):",
        "Files of &type:": "ファイルの種類(&T):",
    },
}


class _QtGapTranslator(QTranslator):
    """Fills the few Qt texts that qtbase_ja.qm misses (QT_JA_GAPS); installed after Qt's own."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is Qt's null string, "not here": the other translators are asked (an empty string would stop them).
        return QT_JA_GAPS.get(context, {}).get(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def app_translation_file(language: str):
    return resource_path("translations", f"cloudsuppress_{language}.qm")


def remove_translators() -> None:
    """Back to the source language (tests switch languages within one process)."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def install_translators(language: str) -> bool:
    """Install the translators for ``language`` ('ja' or 'en'); False if the app's file is missing."""
    remove_translators()
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Japanese))
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    if language == "ja":
        gaps = _QtGapTranslator()
        QCoreApplication.installTranslator(gaps)
        _installed.append(gaps)
        return True
    own = QTranslator()
    if not own.load(str(app_translation_file(language))):
        return False
    QCoreApplication.installTranslator(own)
    _installed.append(own)
    return True
