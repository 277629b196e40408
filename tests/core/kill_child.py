"""Child process for test_kill.py: imports and batches of status moves, forever, until SIGKILLed.

Each import and each batch of moves is one transaction (as in the app), so after a kill at any
moment the database must hold either the state before or the state after each of them. It says
「done」 after each commit, so the test can aim its kill by the work done, not by the clock.
"""
from __future__ import annotations

import sys

from sqlalchemy import select

from cloudsuppress.domain.models import RequestItem
from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.store.db import open_database

SYSTEM = "印鑑登録"
SIZES = {"A": 2000, "B": 1500}


def parsed(tag: str) -> ParsedFunctionList:
    records = [FunctionRecord(row=i + 2, code=f"{i + 1:07d}", name=f"{tag}{i}", business_system=SYSTEM,
                              requirement=f"{tag} の機能要件 {i} " * 5)
               for i in range(SIZES[tag])]
    return ParsedFunctionList(f"{tag}.csv", None, ColumnMapping(0, {"code": 0, "name": 1}), records)


def main(path: str) -> None:
    db = open_database(path)
    print("ready", flush=True)
    n = 0
    while True:
        tag = "AB"[n % 2]
        with db.session() as s, s.begin():
            function_ops.apply_function_import(s, function_ops.plan_function_import(s, parsed(tag), business_system=SYSTEM))
        print("done", flush=True)
        with db.session() as s, s.begin():
            items = list(s.scalars(select(RequestItem).order_by(RequestItem.id)))
            to = "withdrawn" if items[0].status == "under_review" else "under_review"
            for item in items:
                req.move_item(s, item_id=item.id, to=to, reason="一括で変更")
        print("done", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1])
