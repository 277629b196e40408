"""Remembering a shared (PostgreSQL) database in the settings: the URL without its password.

Beside ``settings.LAST_DATABASE_KEY`` (the SQLite file opened last), ``LAST_SERVER_KEY`` holds
the server URL opened last and ``LAST_IS_SERVER_KEY`` says which of the two the next start
reopens. The password never goes here: it is in the OS keyring or asked for at start.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings

from cloudsuppress.store.credentials import url_without_password

LAST_SERVER_KEY = "database/last_server_url"
LAST_IS_SERVER_KEY = "database/last_is_server"


def remember_server(settings: QSettings, url: str) -> None:
    """Remember a server database (password removed) so that the next start reconnects to it."""
    settings.setValue(LAST_SERVER_KEY, url_without_password(url))
    settings.setValue(LAST_IS_SERVER_KEY, True)
    settings.sync()


def forget_last_server(settings: QSettings) -> None:
    """A file was opened: the next start reopens that file, not the server (whose URL stays known)."""
    if settings.value(LAST_IS_SERVER_KEY) in (True, "true", "1", 1):
        settings.setValue(LAST_IS_SERVER_KEY, False)
        settings.sync()


def last_server_url(settings: QSettings) -> str | None:
    """The server URL (without password) to reconnect to at start, or None when a file was last."""
    if settings.value(LAST_IS_SERVER_KEY) not in (True, "true", "1", 1):
        return None
    value = settings.value(LAST_SERVER_KEY)
    return str(value) if value else None


def known_server_url(settings: QSettings) -> str | None:
    """The server URL used last (to prefill the connection dialog), whether or not it is reopened."""
    value = settings.value(LAST_SERVER_KEY)
    return str(value) if value else None
