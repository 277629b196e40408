"""Passwords for shared (PostgreSQL) databases: kept in the OS keyring, never in plain text.

One password per (host, port, user, database), stored with ``keyring`` (Windows Credential
Manager, macOS Keychain, Secret Service on Linux). Where no keyring backend exists (keyring's
"fail" backend, a bare server), nothing is stored and the caller asks each time
(``needs_prompt``). The settings keep only the URL without its password; messages and logs
show URLs through ``db.mask_url``. Functions only: the connection dialog is the GUI's.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url

from ..errors import DomainError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "cloudsuppress"


@dataclass(frozen=True)
class ServerAccount:
    """Where a password belongs: one user on one database of one server."""

    host: str
    port: int
    user: str
    database: str

    @property
    def key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> ServerAccount:
        u = make_url(url)
        if not u.host or not u.username or not u.database:
            raise DomainError("接続先にはサーバー名・ユーザー名・データベース名が必要です（例: postgresql+psycopg://user@host/db）。")
        return cls(u.host, u.port or 5432, u.username, u.database)


def _keyring() -> KeyringBackend | None:
    """The keyring backend in use, or None when none can be used."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: treat as none
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def keyring_available() -> bool:
    """True when passwords can be remembered; False means "ask each time"."""
    return _keyring() is not None


def store_password(account: ServerAccount, password: str) -> bool:
    """Remember the password in the keyring; False (nothing stored) when there is no keyring."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(SERVICE, account.key, password)
    except Exception:  # locked or refused keyring: fall back to asking
        return False
    return True


def get_password(account: ServerAccount) -> str | None:
    """The remembered password, or None (not stored, or no keyring)."""
    kr = _keyring()
    if kr is None:
        return None
    try:
        return kr.get_password(SERVICE, account.key)
    except Exception:
        return None


def forget_password(account: ServerAccount) -> None:
    """Remove a remembered password (e.g. after the server refused it)."""
    kr = _keyring()
    if kr is None:
        return
    try:
        kr.delete_password(SERVICE, account.key)
    except Exception:
        pass


def url_without_password(url: str) -> str:
    """The URL to keep in the settings: the password removed."""
    u = make_url(url)
    if u.password is None:
        return url
    return URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query).render_as_string(
        hide_password=False)


def url_with_password(url: str, password: str | None) -> str:
    """The URL to connect with (kept in memory only, never written or shown)."""
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def needs_prompt(url: str) -> bool:
    """True when the URL carries no password and none is remembered: the caller asks the user.

    (Servers with trust or peer authentication need none; the connection dialog lets the user leave it blank.)
    """
    u = make_url(url)
    if u.password or u.get_backend_name() != "postgresql":
        return False
    return get_password(ServerAccount.from_url(url)) is None


def resolve_url(url: str, *, ask: Callable[[], str | None] | None = None) -> str:
    """The URL to connect with: its own password, else the remembered one, else ``ask()`` (may be None)."""
    u = make_url(url)
    if u.password or u.get_backend_name() != "postgresql":
        return url
    password = get_password(ServerAccount.from_url(url))
    if password is None and ask is not None:
        password = ask()
    return url_with_password(url, password)
