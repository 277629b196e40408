"""A database made before migration 0007 (which rebuilds the `function` table in SQLite's batch
mode) opens after the upgrade when requests point at its functions. With foreign keys enforced on
the app's connections the rebuild's DROP TABLE failed (FOREIGN KEY constraint failed), so every
existing consortium with requests could no longer be opened."""
from __future__ import annotations

from alembic import command
from sqlalchemy import func, select

from cloudsuppress.domain.models import Function, RequestItem
from cloudsuppress.store.db import _alembic_config, open_database

from .request_support import new_item, rdb  # noqa: F401


def test_a_database_with_requests_made_before_0007_opens_and_keeps_its_rows(rdb):
    new_item(rdb, "那珂市", "0010002")
    new_item(rdb, "五霞町", "0200002")
    path = rdb.path
    rdb.close()
    cfg = _alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.downgrade(cfg, "0006")  # the file as the app before 0007 left it

    db = open_database(path)  # upgrades to head
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Function)) == 5
            keys = s.execute(select(RequestItem.key, Function.code).join(Function, Function.id == RequestItem.function_id)
                             .order_by(RequestItem.key)).all()
            assert keys == [("R-0001", "0010002"), ("R-0002", "0200002")]
            assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again afterwards
            assert s.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
