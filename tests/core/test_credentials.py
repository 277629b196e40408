"""Server passwords: kept in the keyring per (host, port, user, database), never in the URL that is
stored or shown; without a keyring backend the app asks each time. CLI backup list / restore."""
from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from cloudsuppress.cli import main as cli_main
from cloudsuppress.ops import members as member_ops
from cloudsuppress.store import credentials as cred
from cloudsuppress.store.backups import list_backups
from cloudsuppress.store.db import mask_url, open_database

URL = "postgresql+psycopg://sato@db.example.lg.jp:5433/kyogikai"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_a_password_is_kept_per_server_user_and_database(memory_keyring):
    account = cred.ServerAccount.from_url(URL)
    assert account == cred.ServerAccount("db.example.lg.jp", 5433, "sato", "kyogikai")
    assert cred.keyring_available() and cred.needs_prompt(URL)
    assert cred.store_password(account, "pw-1")
    assert cred.get_password(account) == "pw-1" and not cred.needs_prompt(URL)
    other = cred.ServerAccount.from_url(URL.replace("kyogikai", "other"))
    assert cred.get_password(other) is None
    resolved = cred.resolve_url(URL)
    assert "pw-1" in resolved and "pw-1" not in mask_url(resolved)
    assert cred.url_without_password(resolved) == URL
    cred.forget_password(account)
    assert cred.get_password(account) is None
    assert list(memory_keyring.store) == []  # nothing left behind, and never anything but the password


def test_without_a_keyring_the_app_asks_each_time(no_keyring):
    account = cred.ServerAccount.from_url(URL)
    assert not cred.keyring_available()
    assert cred.store_password(account, "pw") is False  # nothing stored anywhere
    assert cred.get_password(account) is None and cred.needs_prompt(URL)
    asked = []
    url = cred.resolve_url(URL, ask=lambda: asked.append(1) or "typed")
    assert asked == [1] and "typed" in url
    assert cred.resolve_url(URL, ask=lambda: asked.append(2) or "typed") and asked == [1, 2]  # again next time


def test_an_incomplete_url_is_refused_in_japanese():
    with pytest.raises(Exception, match="サーバー名・ユーザー名・データベース名"):
        cred.ServerAccount.from_url("postgresql+psycopg:///nodb")


def test_cli_backup_list_and_restore(tmp_path, capsys):
    from cloudsuppress.ops.consortium import create_consortium

    path = tmp_path / "a.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会")  # members belong to a consortium
        member_ops.add_member(s, name="那珂市", population=1)
    database.close()
    database = open_database(path)
    with database.session() as s, s.begin():
        member_ops.add_member(s, name="五霞町", population=1)
    database.close()
    assert cli_main(["--db", str(path), "backup", "list"]) == 0
    out = capsys.readouterr().out
    assert "起動時" in out  # one copy per session, at open (issue 17)
    at_open = next(b for b in list_backups(path) if b.reason == "open")
    assert cli_main(["--db", str(path), "backup", "restore", str(at_open.path)]) == 0
    assert "復元前のファイル" in capsys.readouterr().out
    database = open_database(path)
    try:
        with database.session() as s:
            assert [m.name for m in member_ops.list_members(s)] == ["那珂市"]
    finally:
        database.close()
    assert cli_main(["--db", "postgresql+psycopg://u@h/d", "backup", "list"]) == 1
    assert "SQLite ファイルのため" in capsys.readouterr().err


def test_an_unreachable_server_skips_locally_and_fails_in_ci(monkeypatch):
    from _pytest.outcomes import Failed, Skipped

    from .conftest import _pg_unreachable

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped, match="PostgreSQL at 127.0.0.1:5432 is not reachable: refused"):
        _pg_unreachable("refused")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed, match="CI is set"):
        _pg_unreachable("refused")
