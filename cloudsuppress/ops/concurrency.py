"""What the conflict dialog offers after a ConcurrentEditError: reload, or re-apply my changes.

``reload_record`` returns the stored row as it is now (the dialog shows it beside the user's
values, ``error.attempted``). ``reapply`` saves the user's values again, this time on top of
the current version: it calls the same operation with the same arguments and
``expected_version`` set to the version the dialog just showed, so a third user saving in
between is refused again rather than overwritten. Both run in the caller's transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import ConcurrentEditError, DomainError
from ..store.concurrency import VERSIONED_TABLES, describe_record, registered_operation, stored_row


@dataclass(frozen=True)
class RecordSnapshot:
    """A versioned row as stored now (``values`` None when it was deleted)."""

    table: str
    row_id: int
    label: str
    version: int | None
    values: dict[str, Any] | None


def reload_record(s: Session, *, table: str, row_id: int) -> RecordSnapshot:
    """The current stored values and version of a versioned row."""
    if table not in VERSIONED_TABLES:
        raise DomainError(f"「{table}」は版を持つ表ではありません。")
    values = stored_row(s.connection(), table, row_id)
    return RecordSnapshot(table, row_id, describe_record(table, values, row_id),
                          values.get("version") if values else None, values)


def reload_conflict(s: Session, error: ConcurrentEditError) -> RecordSnapshot:
    """Reload the record a conflict is about."""
    return reload_record(s, table=error.table, row_id=error.row_id)


def _import_operations() -> None:
    # The operations register themselves with @reapplicable when their modules are imported.
    from . import members, requests  # noqa: F401


def reapply(s: Session, error: ConcurrentEditError, *, by: str | None = None,
            seen_version: int | None = None) -> Changes:
    """Save the user's refused changes again on top of the current version.

    ``seen_version``: the version the dialog showed the user as "current" (default: the one
    in the error); if the row moved on again since, this raises a new ConcurrentEditError.
    """
    _import_operations()
    if error.current is None:
        raise DomainError(f"{error.label}は削除されているため、変更を保存し直せません。")
    op = registered_operation(error.operation or "")
    if op is None or error.arguments is None:
        raise DomainError(f"{error.label}への変更は自動では保存し直せません。最新の内容を読み込み直してから、もう一度操作してください。")
    args = dict(error.arguments)
    if by is not None:
        args["by"] = by
    seen = seen_version if seen_version is not None else error.current_version
    slot = error.version_slot
    if isinstance(slot, tuple):  # e.g. ("part_versions", member_id): one record among several
        name, key = slot
        args[name] = {**(args.get(name) or {}), key: seen}
    else:
        args[slot] = seen
    return op(s, **args)
