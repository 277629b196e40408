"""Messages speak the user's language (issue #14): a refusal shown in the GUI names the screen and
button that resolves it; the command line names its command or option. One message per audience,
built by the core (cloudsuppress/wording.py); the GUI sets its audience at start."""
from __future__ import annotations

import re

import pytest

from cloudsuppress import wording
from cloudsuppress.demo import create_demo
from cloudsuppress.errors import DomainError
from cloudsuppress.importers.function_list import parse_function_list
from cloudsuppress.ops import members as member_ops
from cloudsuppress.store.db import open_database

COMMANDISH = re.compile(r"--[a-z]|members update|structure add-system|CLI")


@pytest.fixture
def demo(tmp_path):
    db = open_database(tmp_path / "w.sqlite")
    with db.session() as s, s.begin():
        create_demo(s, functions=100)
    yield db
    db.close()


@pytest.fixture
def gui():
    wording.set_audience(wording.GUI)
    yield
    wording.set_audience(wording.CLI)


def refusal(db, fn) -> str:
    with pytest.raises(DomainError) as caught:
        with db.session() as s, s.begin():
            fn(s)
    return str(caught.value)


def _member_in_use(s):
    member = member_ops.list_members(s)[0]
    member_ops.remove_member(s, member_id=member.id)


def _missing_system(s):
    from cloudsuppress.importers.function_list import guess_mapping
    from cloudsuppress.importers.tabular import Table
    from cloudsuppress.ops.functions import plan_function_import

    table = Table(file="一覧.csv", sheet=None, rows=[["機能ID", "機能名"], ["0100001", "転入届の受付"]],
                  sheet_names=[], encoding="utf-8")
    parsed = parse_function_list(table, guess_mapping(table))
    plan_function_import(s, parsed, business_system="存在しない業務")


@pytest.mark.parametrize("refuse", [_member_in_use, _missing_system], ids=["member in use", "missing 業務"])
def test_the_gui_is_told_which_screen_and_button(demo, gui, refuse):
    text = refusal(demo, refuse)
    assert not COMMANDISH.search(text), text
    assert "画面" in text and "「" in text


@pytest.mark.parametrize("refuse", [_member_in_use, _missing_system], ids=["member in use", "missing 業務"])
def test_the_command_line_keeps_its_own_words(demo, refuse):
    wording.set_audience(wording.CLI)  # as cli.main does (a GUI test earlier in this process may have set GUI)
    text = refusal(demo, refuse)
    assert re.search(r"members update|structure add-system", text), text
    assert "画面" not in text
