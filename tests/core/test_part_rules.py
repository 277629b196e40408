"""A member part's mandatory fields are one rule in the core (ops.requests.part_problems): the
editor shows its messages under the fields, the operations refuse with the same sentences."""
from __future__ import annotations

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import requests as req

from .request_support import new_item, rdb  # noqa: F401

COMPLETE = dict(content="口座振替の督促を一括で", reason=next(iter(req.REASON_LABELS)), service_drop=False,
                service_drop_detail="窓口で対応できる", annual_cases=120, workaround=None)


def test_each_missing_field_is_named_once():
    assert req.part_problems(req.PartFields(**COMPLETE)) == {}
    blank = dict(COMPLETE, content=" ", reason=None, service_drop=None, service_drop_detail="", annual_cases=-1)
    assert list(req.part_problems(req.PartFields(**blank))) == ["content", "reason", "service_drop",
                                                                "service_drop_detail", "annual_cases"]
    assert req.part_problems(req.PartFields(**dict(COMPLETE, annual_cases=None))) == {}  # the count is optional


def test_the_operation_refuses_with_the_same_sentences(rdb):
    with pytest.raises(DomainError) as refused:
        new_item(rdb, content="", reason=COMPLETE["reason"], service_drop=None, service_drop_detail="")
    text = str(refused.value)
    for field in ("content", "service_drop", "service_drop_detail"):
        assert req.PART_PROBLEM_MESSAGES[field] in text
    assert req.PART_PROBLEM_MESSAGES["reason"] not in text
