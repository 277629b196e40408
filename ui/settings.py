"""The user's settings (QSettings): the database opened last and the recent files, and the
preferences of ツール > 設定… (user name, language, date style, paper, apportionment defaults,
backups kept).

``app_settings`` is the one place that decides where settings live: the platform's native
store under the app's organisation and name, or, when ``CLOUDSUPPRESS_SETTINGS`` names a
file, that INI file (tests and portable installs use it, so they never touch the user's
real settings). Functions that read or write a value take the QSettings as an argument, so
a test can hand them a temporary one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
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
    add_recent_database(settings, path)  # syncs


# --- preferences (ツール > 設定…) -------------------------------------------------------------

USER_NAME_KEY = "audit/user_name"
LANGUAGE_KEY = "ui/language"
DATE_STYLE_KEY = "ui/date_style"
PAPER_KEY = "reports/paper"
APPORTION_METHOD_KEY = "costs/default_method"
APPORTION_RATIO_KEY = "costs/default_ratio"
BACKUPS_KEPT_KEY = "backups/keep_last"
RECENT_KEY = "database/recent"

LANGUAGES = ("ja", "en")
DATE_STYLES = ("wareki", "western")
PAPERS = ("a3", "a4")
APPORTION_METHODS = ("equal", "population", "mixed")  # cloudsuppress.domain.costs.Method values
MAX_RECENT = 8


@dataclass(frozen=True)
class Preferences:
    """What the user chose in 設定: plain values, read from and written to QSettings."""

    user_name: str = ""  # "" : the OS login name goes into the audit trail
    language: str = "ja"
    date_style: str = "wareki"  # in the UI only; printed documents always use 和暦
    paper: str = "a3"  # the comparison export dialog's default
    apportion_method: str = "mixed"
    apportion_ratio: tuple[int, int] = (50, 50)  # equal : population, for "mixed"
    backups_kept: int = 10


def _choice(value: object, allowed: tuple[str, ...], default: str) -> str:
    text = str(value) if value is not None else ""
    return text if text in allowed else default


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(value), low), high)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def load_preferences(settings: QSettings) -> Preferences:
    """The stored preferences; a missing or garbled value falls back to its default."""
    d = Preferences()
    ratio = str(settings.value(APPORTION_RATIO_KEY) or "")
    try:
        equal, population = (int(x) for x in ratio.split(":"))
        if equal < 0 or population < 0 or equal + population != 100:
            raise ValueError
        ratio_value = (equal, population)
    except ValueError:
        ratio_value = d.apportion_ratio
    return Preferences(
        user_name=str(settings.value(USER_NAME_KEY) or "").strip(),
        language=_choice(settings.value(LANGUAGE_KEY), LANGUAGES, d.language),
        date_style=_choice(settings.value(DATE_STYLE_KEY), DATE_STYLES, d.date_style),
        paper=_choice(settings.value(PAPER_KEY), PAPERS, d.paper),
        apportion_method=_choice(settings.value(APPORTION_METHOD_KEY), APPORTION_METHODS, d.apportion_method),
        apportion_ratio=ratio_value,
        backups_kept=_int(settings.value(BACKUPS_KEPT_KEY), d.backups_kept, 1, 100),
    )


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    """Store the preferences (and write them to disk now)."""
    settings.setValue(USER_NAME_KEY, prefs.user_name.strip())
    settings.setValue(LANGUAGE_KEY, prefs.language)
    settings.setValue(DATE_STYLE_KEY, prefs.date_style)
    settings.setValue(PAPER_KEY, prefs.paper)
    settings.setValue(APPORTION_METHOD_KEY, prefs.apportion_method)
    settings.setValue(APPORTION_RATIO_KEY, f"{prefs.apportion_ratio[0]}:{prefs.apportion_ratio[1]}")
    settings.setValue(BACKUPS_KEPT_KEY, prefs.backups_kept)
    settings.sync()


_current = Preferences()


def current_preferences() -> Preferences:
    """The preferences in effect in this process (defaults until ``apply_preferences``)."""
    return _current


def apply_preferences(prefs: Preferences) -> None:
    """Put the preferences into effect: the audit trail's user name, the UI's date style.

    The language is installed by main.py before any window exists, and by
    MainWindow.switch_language when the user changes it; everything else is read from
    ``current_preferences()`` when used.
    """
    global _current
    from cloudsuppress.store.connection import set_default_user

    from .dates import set_date_style

    _current = prefs
    set_default_user(prefs.user_name or None)
    set_date_style(prefs.date_style)


def backup_policy(prefs: Preferences | None = None):
    """The core's backup policy with the number of backups the user wants kept."""
    from cloudsuppress.store.backups import DEFAULT_POLICY

    prefs = prefs or _current
    return replace(DEFAULT_POLICY, keep_last=prefs.backups_kept)


# --- recent files (ファイル > 最近使ったファイル) -------------------------------------------------

def recent_databases(settings: QSettings) -> list[Path]:
    """The database files opened most recently, newest first (at most ``MAX_RECENT``)."""
    value = settings.value(RECENT_KEY)
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [Path(str(p)) for p in items if p][:MAX_RECENT]


def add_recent_database(settings: QSettings, path: Path) -> list[Path]:
    """Put a file at the top of the recent list; return the new list."""
    path = Path(path).resolve()
    items = [path] + [p for p in recent_databases(settings) if p != path]
    items = items[:MAX_RECENT]
    settings.setValue(RECENT_KEY, [str(p) for p in items])
    settings.sync()
    return items


def clear_recent_databases(settings: QSettings) -> None:
    settings.remove(RECENT_KEY)
    settings.sync()
