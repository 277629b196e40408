"""The user's settings (QSettings): for now, which database was open last.

``app_settings`` is the one place that decides where settings live: the platform's native
store under the app's organisation and name, or, when ``CLOUDSUPPRESS_SETTINGS`` names a
file, that INI file (tests and portable installs use it, so they never touch the user's
real settings). Functions that read or write a value take the QSettings as an argument, so
a test can hand them a temporary one.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from .app import APP_NAME, ORGANIZATION

SETTINGS_ENV = "CLOUDSUPPRESS_SETTINGS"
LAST_DATABASE_KEY = "database/last_path"


def app_settings() -> QSettings:
    """The settings store of this user (or the INI file named by ``CLOUDSUPPRESS_SETTINGS``)."""
    file = os.environ.get(SETTINGS_ENV)
    if file:
        return QSettings(file, QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APP_NAME)


def last_database(settings: QSettings) -> Path | None:
    """The database file opened last, if one was remembered."""
    value = settings.value(LAST_DATABASE_KEY)
    return Path(str(value)) if value else None


def remember_database(settings: QSettings, path: Path) -> None:
    """Remember a database file so that the next start reopens it."""
    settings.setValue(LAST_DATABASE_KEY, str(Path(path).resolve()))
    settings.sync()
