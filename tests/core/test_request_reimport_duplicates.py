"""The same filled 要望票 imported twice: the second time every row without 要望番号 that says
what an existing member part says (same member, function and 要望内容) is refused naming the item,
instead of creating the requests again — decided ones came back as new 要望 (reviewer R35)."""
from __future__ import annotations

import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.ops import request_queries as rq

from .request_support import move, rdb  # noqa: F401
from .test_request_import import NAKA, fill, run_import, template


def _keys(db):
    with db.session() as s:
        return sorted(r.key for r in rq.list_item_rows(s))


def test_a_second_import_of_the_same_workbook_is_refused_naming_the_items(rdb, tmp_path):
    path = fill(template(rdb, tmp_path, "那珂市"), [NAKA])  # no 要望番号: the app numbers it
    run_import(rdb, [path])
    assert _keys(rdb) == ["R-0001"]
    with rdb.session() as s:
        item_id = rq.list_item_rows(s)[0].id
    move(rdb, item_id, "withdrawn", reason="運用で対応")  # decided since
    with pytest.raises(ImportValidationError) as refused:
        run_import(rdb, [path])
    assert "要望 R-0001（取下げ）として取り込み済みです" in str(refused.value)
    assert "要望番号に R-0001 と記入" in str(refused.value)
    assert _keys(rdb) == ["R-0001"]  # nothing imported


def test_a_changed_row_or_a_row_with_its_number_still_imports(rdb, tmp_path):
    path = fill(template(rdb, tmp_path, "那珂市"), [NAKA])
    run_import(rdb, [path])
    changed = list(NAKA)
    changed[4] = "転入届に外国人住民用の欄を追加してほしい（再要望）。"
    (tmp_path / "2").mkdir()
    run_import(rdb, [fill(template(rdb, tmp_path / "2", "那珂市"), [changed])])  # another ask: joins R-0001
    (tmp_path / "3").mkdir()
    run_import(rdb, [fill(template(rdb, tmp_path / "3", "那珂市"), [["R-0001", *NAKA[1:]]])])  # numbered: an update
    assert _keys(rdb) == ["R-0001"]
