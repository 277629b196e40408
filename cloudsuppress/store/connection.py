"""What the GUI holds of the store: an open consortium database, how to open one, and the
shared-server address it asks for.

The UI never imports SQLAlchemy, the models, ``db`` or ``audit`` (an import-linter contract in
pyproject.toml keeps it so): it holds a ``Database`` and hands ``Session`` objects to operations
through ``ui/op_runner.py``, and a server address is edited as plain fields (``ServerAddress``)
and turned into a URL here, in the core.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..domain.audit import set_default_user
from .db import Database, DatabaseBusyError, mask_url, open_database

__all__ = [
    "Database", "DatabaseBusyError", "ServerAddress", "Session", "check_server", "mask_url", "open_database",
    "set_default_user",
]

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared (PostgreSQL) consortium database is, as the connection form shows it."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    password: str | None = None  # only ever read from a URL the user typed; never stored

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        from sqlalchemy.engine import make_url

        u = make_url(url)
        return cls(host=u.host or "", database=u.database or "", user=u.username or "", port=u.port or DEFAULT_PORT,
                   password=str(u.password) if u.password else None)

    def url_without_password(self) -> str:
        from sqlalchemy.engine import URL

        return URL.create(DRIVER, username=self.user.strip(), host=self.host.strip(), port=self.port,
                          database=self.database.strip()).render_as_string(hide_password=False)


def check_server(url: str) -> str | None:
    """Try one connection to the server (nothing is created); None when it works, else the reason."""
    from sqlalchemy import create_engine

    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure is reported to the user as text
        orig = getattr(exc, "orig", None) or exc
        return mask_url(str(orig).strip().splitlines()[0]) if str(orig).strip() else type(exc).__name__
    finally:
        engine.dispose()
    return None
