"""Undo and redo of user actions, stored in the database (so they survive a restart).

Rule: strictly last-first. ``undo`` reverses the newest action still done; ``redo`` replays
the action undone most recently; any new action clears the redo stack. Because every change
to the audited tables is recorded, the rows an action touched are exactly as it left them
when its turn comes; as a safety net each field is checked before it is reverted, and an
undo is refused (nothing changed) if some change that escaped the audit trail altered it.

An undo or redo is itself recorded in the audit trail (kind 'undo' / 'redo'), so the history
shows who took what back and when. Actions marked not undoable (creating the consortium, the
demo data) stop the undo stack.

On a shared (server) database each user has a stack of their own: Ctrl+Z takes back the
user's newest action, never a colleague's. It is refused with their name when a colleague
has since changed a row that action touched, and a later change that depends on the action
in a way the trail cannot see (a colleague's row pointing at one the undo would remove)
refuses it too, leaving the database as it was.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import Select, Table, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.models import AuditAction, AuditChange, Base
from ..errors import DomainError

_TABLE_LABELS = {
    "member": "構成団体", "subcommittee": "専門部会", "business_system": "業務", "function": "機能",
    "request_item": "要望項目", "member_request": "団体の要望", "hearing_note": "ヒアリング記録",
    "approval": "財政課協議・首長決裁", "status_change": "状態の履歴",
    "meeting": "会議", "meeting_attendee": "出席者", "agenda_entry": "議題",
    "cost_rule": "費用按分のルール", "item_cost_rule": "要望の按分方法", "briefing": "庁内説明会",
    "selection_event": "選考会", "selection_attendee": "選考会の参加者", "decision_acceptance": "既決事項の承認",
}
_COST_TABLES = {"cost_rule", "item_cost_rule"}
_MEASURE_TABLES = {"briefing", "selection_event", "selection_attendee", "decision_acceptance"}
_MEETING_TABLES = {"meeting", "meeting_attendee", "agenda_entry"}
_REQUEST_TABLES = {"request_item", "member_request", "hearing_note", "approval", "status_change"}


@dataclass(frozen=True)
class UndoStatus:
    """Labels of the next undo and redo (None when there is nothing), for menu text."""

    undo_label: str | None
    redo_label: str | None
    undo_id: int | None = None
    redo_id: int | None = None

    @property
    def can_undo(self) -> bool:
        return self.undo_id is not None

    @property
    def can_redo(self) -> bool:
        return self.redo_id is not None


def _owner(s: Session, user: str | None) -> str | None:
    """Whose stack: the user's on a shared database, None (everyone's, one stack) on a file."""
    return ((user or "").strip() or audit.current_user())[:100] if audit.is_shared(s) else None


def _stack(s: Session, state: str, owner: str | None) -> Select[AuditAction]:
    q = select(AuditAction).where(AuditAction.kind == "op", AuditAction.state == state)
    return q if owner is None else q.where(AuditAction.user == owner)


def _next_undo(s: Session, owner: str | None = None) -> AuditAction | None:
    return s.scalars(_stack(s, "done", owner).order_by(AuditAction.id.desc())).first()


def _next_redo(s: Session, owner: str | None = None) -> AuditAction | None:
    return s.scalars(_stack(s, "undone", owner).order_by(AuditAction.id)).first()


def undo_status(s: Session, *, user: str | None = None) -> UndoStatus:
    """What undo and redo would do now (for ``user`` on a shared database; default: the current user)."""
    owner = _owner(s, user)
    u, r = _next_undo(s, owner), _next_redo(s, owner)
    if u is not None and not u.undoable:
        u = None
    return UndoStatus(u.label if u else None, r.label if r else None, u.id if u else None, r.id if r else None)


def _changes_for(tables: set[str]) -> Changes:
    return Changes(
        members="member" in tables,
        structure=bool(tables & {"subcommittee", "business_system"}),
        functions="function" in tables,
        requests=bool(tables & _REQUEST_TABLES),
        meetings=bool(tables & _MEETING_TABLES) or "status_change" in tables,
        history=True,
        costs=bool(tables & _COST_TABLES),
        measures=bool(tables & _MEASURE_TABLES),
    )


# A write to replay: ("insert", table, row, item id) / ("delete", table, id, item id) /
# ("field", table, id, column, expected, value, item id) / ("fields", table, id, old JSON, new JSON, item id).
Step = tuple[Any, ...]


def _bump(t: Table) -> dict[str, Any]:
    # Undo and redo change data too: move the version on, so that an editor still showing the
    # state before the undo cannot save over it (ConcurrentEditError instead).
    return {"version": t.c.version + 1} if "version" in t.c else {}


class _Applier:
    """Writes rows with Core statements and records what it wrote under the open action."""

    def __init__(self, s: Session, label: str):
        self.s = s
        self.conn = s.connection()
        self.label = label
        self.tables: set[str] = set()
        self.trail: list[dict[str, Any]] = []
        self._bumped: set[tuple[str, int]] = set()

    def _bump_once(self, t: Table, row_id: int) -> dict[str, Any]:
        # One version step per row per undo, however many of its fields it restores (an edit that
        # changed a value and updated_at is one change to the user, and was one version step).
        if (t.name, row_id) in self._bumped:
            return {}
        self._bumped.add((t.name, row_id))
        return _bump(t)

    def _table(self, name: str) -> Table:
        return Base.metadata.tables[name]

    def current(self, table: str, row_id: int) -> dict[str, Any] | None:
        t = self._table(table)
        row = self.conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
        return dict(row) if row else None

    def _refuse(self, table: str, row_id: int, what: str) -> NoReturn:
        raise DomainError(
            f"「{self.label}」を元に戻せません（やり直せません）: {_TABLE_LABELS.get(table, table)}（id {row_id}）の"
            f"{what}。データベースは変更していません。"
        )

    def insert(self, table: str, rows: list[dict[str, Any]], item_ids: list[int | None]) -> None:
        t = self._table(table)
        values = [{k: audit.coerce(table, k, v) for k, v in r.items()} for r in rows]
        for start in range(0, len(values), 500):
            self.conn.execute(t.insert(), values[start:start + 500])
        self.tables.add(table)
        self.trail += [dict(table_name=table, row_id=r["id"], op="insert", new_value=audit.row_json(r), item_id=i)
                       for r, i in zip(rows, item_ids, strict=True)]

    def delete(self, table: str, row_ids: list[int], item_ids: list[int | None]) -> None:
        t = self._table(table)
        snapshots = {}
        for start in range(0, len(row_ids), 500):
            chunk = row_ids[start:start + 500]
            for row in self.conn.execute(select(t).where(t.c.id.in_(chunk))).mappings():
                snapshots[row["id"]] = dict(row)
        for rid in row_ids:
            if rid not in snapshots:
                self._refuse(table, rid, "行が見つかりません")
        for start in range(0, len(row_ids), 500):
            self.conn.execute(t.delete().where(t.c.id.in_(row_ids[start:start + 500])))
        self.tables.add(table)
        self.trail += [dict(table_name=table, row_id=rid, op="delete", old_value=audit.row_json(snapshots[rid]), item_id=i)
                       for rid, i in zip(row_ids, item_ids, strict=True)]

    def set_field(self, table: str, row_id: int, fld: str, expect: object, value: object, item_id: int | None) -> None:
        t = self._table(table)
        current = self.conn.execute(select(t.c[fld]).where(t.c.id == row_id)).first()
        if current is None:
            self._refuse(table, row_id, "行が見つかりません")
        if current[0] != expect and fld not in audit.BOOKKEEPING_FIELDS:  # older files recorded updated_at
            self._refuse(table, row_id, f"「{fld}」がその後の変更で変わっています")
        self.conn.execute(update(t).where(t.c.id == row_id).values({fld: value, **self._bump_once(t, row_id)}))
        self.tables.add(table)
        self.trail.append(dict(table_name=table, row_id=row_id, op="update", field=fld,
                               old_value=audit.encode(expect), new_value=audit.encode(value), item_id=item_id))

    def set_fields(self, table: str, row_id: int, old_json: str, new_json: str, item_id: int | None) -> None:
        t = self._table(table)
        values = {k: audit.coerce(table, k, v) for k, v in json.loads(new_json).items()}
        self.conn.execute(update(t).where(t.c.id == row_id).values({**values, **self._bump_once(t, row_id)}))
        self.tables.add(table)
        self.trail.append(dict(table_name=table, row_id=row_id, op="update", old_value=old_json, new_value=new_json,
                               item_id=item_id))


def _entries(s: Session, action_id: int, *, reverse: bool) -> list[AuditChange]:
    order = AuditChange.seq.desc() if reverse else AuditChange.seq
    return list(s.scalars(select(AuditChange).where(AuditChange.action_id == action_id).order_by(order)))


def _run(s: Session, steps: list[Step], ap: _Applier) -> None:
    """Apply (op, table, payload...) steps, batching runs of inserts or deletes into one table."""
    i = 0
    while i < len(steps):
        op, table = steps[i][0], steps[i][1]
        if op in ("insert", "delete"):
            j = i
            while j < len(steps) and steps[j][0] == op and steps[j][1] == table:
                j += 1
            batch = steps[i:j]
            if op == "insert":
                ap.insert(table, [b[2] for b in batch], [b[3] for b in batch])
            else:
                ap.delete(table, [b[2] for b in batch], [b[3] for b in batch])
            i = j
            continue
        if op == "field":
            ap.set_field(*steps[i][1:])
        else:
            ap.set_fields(*steps[i][1:])
        i += 1


def _refuse_if_colleagues_changed(s: Session, target: AuditAction, owner: str | None, verb: str) -> None:
    """Shared database: refuse when another user's later action touched a row the target touched."""
    if owner is None:
        return
    touched = select(AuditChange.table_name, AuditChange.row_id).where(AuditChange.action_id == target.id)
    later = s.execute(
        select(AuditAction.user, AuditAction.label)
        .join(AuditChange, AuditChange.action_id == AuditAction.id)
        .where(AuditAction.id > target.id, AuditAction.user != owner,
               tuple_(AuditChange.table_name, AuditChange.row_id).in_(touched))
        .order_by(AuditAction.id.desc()).limit(1)
    ).first()
    if later is not None:
        raise DomainError(f"「{target.label}」を{verb}: その後 {later.user} さんが同じデータを変更しています"
                          f"（「{later.label}」）。データベースは変更していません。")


def _apply_steps(s: Session, steps: list[Step], ap: _Applier, verb: str) -> None:
    """Run the steps in a savepoint: a later row that depends on one being removed (a foreign
    key the trail cannot see) refuses the whole undo or redo instead of failing the session."""
    try:
        with s.begin_nested():
            _run(s, steps, ap)
    except IntegrityError:
        raise DomainError(f"「{ap.label}」を{verb}: その後の変更と両立しません（その後に登録された行がこの操作の結果を"
                          "使っているか、同じ番号がすでに使われています）。データベースは変更していません。") from None


def _removed_rows(s: Session, action_id: int) -> dict[tuple[str, int], dict[str, Any]]:
    """Full rows the latest undo of an action removed (redo of a compact bulk insert needs them)."""
    undo_id = s.scalar(
        select(AuditAction.id).where(AuditAction.kind == "undo", AuditAction.target_id == action_id)
        .order_by(AuditAction.id.desc())
    )
    if undo_id is None:
        return {}
    return {
        (t, rid): json.loads(old)
        for t, rid, old in s.execute(
            select(AuditChange.table_name, AuditChange.row_id, AuditChange.old_value)
            .where(AuditChange.action_id == undo_id, AuditChange.op == "delete")
        )
        if old is not None  # a delete is recorded with the row's image
    }


@dataclass(frozen=True)
class _Direction:
    """Undo or redo: which way the recorded changes are read, and the words and state for it."""

    back: bool  # True: newest change first, each reversed (undo); False: as recorded (redo)
    kind: str  # the audit kind of the undo or redo itself
    prefix: str  # its label: "<prefix>: <the action's label>"
    refused: str  # the verb of a refusal: "「<label>」を<refused>: ..."
    state: str  # the action's state afterwards


_UNDO = _Direction(back=True, kind="undo", prefix="元に戻す", refused="元に戻せません", state="undone")
_REDO = _Direction(back=False, kind="redo", prefix="やり直す", refused="やり直せません", state="done")


def _image(c: AuditChange, target: AuditAction, text: str | None) -> Any:
    """A row image (or id list) the trail recorded as JSON; a change recorded without it cannot be replayed."""
    if text is None:
        raise DomainError(f"「{target.label}」を元に戻せません（やり直せません）: 変更の記録（id {c.id}）に内容がありません。")
    return json.loads(text)


def _steps(s: Session, target: AuditAction, way: _Direction) -> list[Step]:
    """The writes that take the target back or replay it: each recorded change is one move of a
    row from its old to its new state, read new-to-old when going back."""
    steps: list[Step] = []
    removed: dict[tuple[str, int], dict[str, Any]] | None = None
    for c in _entries(s, target.id, reverse=way.back):
        table = c.table_name
        before, after = (c.new_value, c.old_value) if way.back else (c.old_value, c.new_value)
        if c.op == "bulk_insert":  # only the new ids were recorded (see ops.functions)
            ids = sorted(_image(c, target, c.new_value), reverse=way.back)
            if way.back:
                steps += [("delete", table, rid, None) for rid in ids]
                continue
            if removed is None:  # the full rows are in the trail of the undo that removed them
                removed = _removed_rows(s, target.id)
            for rid in ids:
                if (table, rid) not in removed:
                    raise DomainError(f"「{target.label}」をやり直せません: 元に戻したときの記録が見つかりません。")
                steps.append(("insert", table, removed[(table, rid)], None))
        elif c.op in ("insert", "delete"):
            if (c.op == "insert") == way.back:  # the row goes: an insert taken back, a delete replayed
                steps.append(("delete", table, c.row_id, c.item_id))
            else:  # the row comes (back): ``after`` is its image
                steps.append(("insert", table, _image(c, target, after), c.item_id))
        elif c.field is not None:
            steps.append(("field", table, c.row_id, c.field, audit.decode(table, c.field, before),
                          audit.decode(table, c.field, after), c.item_id))
        else:
            steps.append(("fields", table, c.row_id, before, after, c.item_id))
    return steps


def _take(s: Session, target: AuditAction, way: _Direction, *, owner: str | None, by: str | None) -> Changes:
    """Undo or redo the target (chosen by the caller from the user's stack) as one recorded action."""
    steps = _steps(s, target, way)
    _refuse_if_colleagues_changed(s, target, owner, way.refused)
    with audit.action(s, f"{way.prefix}: {target.label}", by=by, kind=way.kind, target_id=target.id):
        ap = _Applier(s, target.label)
        _apply_steps(s, steps, ap, way.refused)
        audit.record_changes(s, ap.trail)
    s.execute(update(AuditAction).where(AuditAction.id == target.id).values(state=way.state))
    s.expire_all()
    return _changes_for(ap.tables)


def undo(s: Session, *, by: str | None = None) -> Changes:
    """Reverse the newest action still done (on a shared database: the user's own newest, see
    the module docstring); DomainError when there is nothing to undo."""
    owner = _owner(s, by)
    target = _next_undo(s, owner)
    if target is None or not target.undoable:
        extra = f"（「{target.label}」は元に戻せない操作です）" if target is not None else ""
        raise DomainError(f"元に戻せる操作はありません{extra}。")
    return _take(s, target, _UNDO, owner=owner, by=by)


def redo(s: Session, *, by: str | None = None) -> Changes:
    """Replay the action undone most recently (on a shared database: the user's own);
    DomainError when there is nothing to redo."""
    owner = _owner(s, by)
    target = _next_redo(s, owner)
    if target is None:
        raise DomainError("やり直せる操作はありません。")
    return _take(s, target, _REDO, owner=owner, by=by)
