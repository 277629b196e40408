"""Cost apportionment (費用按分): the consortium's rule and an item's own method."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from cloudsuppress.domain.costs import Method
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops.costs import CostChanges, StaleApproval

from ..op_runner import OpRunner


def set_cost_rule(parent: QWidget | None, runner: OpRunner, *, method: str | Method, ratio: tuple[int, int] | None,
                  unit: int, population_date: dt.date | None, expected_version: int | None) -> CostChanges | None:
    """Save the consortium's rule against the version that was read (the CLI's ``costs rule`` calls the
    same op); with the approvals it made stale."""
    changes = runner.run(lambda s: cost_ops.set_cost_rule(s, method=method, ratio=ratio, unit=unit,
                                                          population_date=population_date,
                                                          expected_version=expected_version), parent=parent)
    return None if changes is None else CostChanges.of(changes)


def preview_cost_rule(runner: OpRunner, *, method: str | Method, ratio: tuple[int, int] | None, unit: int,
                      population_date: dt.date | None) -> tuple[StaleApproval, ...]:
    """The 首長決裁 saving this rule would make stale (read only; () when the save would be refused:
    the save itself then says why)."""
    try:
        return runner.read(lambda s: cost_ops.preview_cost_rule(s, method=method, ratio=ratio, unit=unit,
                                                                population_date=population_date))
    except DomainError:
        return ()


def set_item_cost(parent: QWidget | None, runner: OpRunner, *, item_id: int, method: str | Method | None,
                  ratio: tuple[int, int] | None, expected_version: int | None) -> CostChanges | None:
    """Give an item its own method (None: the consortium's rule again), against the version the
    screen showed: a fresh read here would compare the stored version with itself. With the
    approvals it made stale (as the CLI's ``costs set``, the same op)."""
    changes = runner.run(lambda s: cost_ops.set_item_cost(s, item_id=item_id, method=method, ratio=ratio,
                                                          expected_version=expected_version), parent=parent)
    return None if changes is None else CostChanges.of(changes)
