"""Operations check their own preconditions (STYLE rule 10): on a database without a consortium,
every use case that needs one refuses with the same message, whoever calls it (the GUI and the
CLI no longer check it themselves)."""
from __future__ import annotations

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.importers.members import MemberRecord
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops.request_import import plan_request_import
from cloudsuppress.store.db import open_database

CALLS = {
    "add_member": lambda s: member_ops.add_member(s, name="那珂市", population=55_827),
    "import_members": lambda s: member_ops.import_members(s, [MemberRecord(row=2, name="那珂市", population=55_827, joined_on=None)]),
    "plan_request_import": lambda s: plan_request_import(s, []),
    "add_subcommittee": lambda s: consortium_ops.add_subcommittee(s, name="住民業務"),
    "add_business_system": lambda s: consortium_ops.add_business_system(s, name="住民基本台帳", subcommittee="住民業務",
                                                                        new_subcommittee=True),
}


@pytest.fixture
def empty(tmp_path):
    db = open_database(tmp_path / "empty.sqlite")
    yield db
    db.close()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_refused_without_a_consortium(empty, name):
    with pytest.raises(DomainError, match="協議会がまだ登録されていません"), empty.session() as s, s.begin():
        CALLS[name](s)
