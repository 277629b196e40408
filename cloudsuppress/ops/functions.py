"""Function list operations: browse rows, the subcommittee tree and fit-gap rates (imports: function_import.py).

Totals and gap rates count live functions only: forms (帳票) and retired IDs (欠番) are counted
apart (``FitStats.forms`` / ``.retired``) and a retired row is never offered for a new request
(``list_function_rows(requestable=True)``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..bulk import gc_paused
from ..domain.models import BusinessSystem, Function, Subcommittee
from ..summary_figures import FitStats as FitStats  # the pure counts: also read without the ORM
from ..summary_figures import combine_stats as combine_stats
from ..summary_figures import stats_by_system


class FunctionRow(NamedTuple):
    """A function as the browser shows it (plain, immutable data, safe outside the session).

    A NamedTuple rather than a frozen dataclass: the browser loads 30,000 of them at start-up,
    and a NamedTuple is built several times faster.
    """

    id: int
    code: str
    business_system_id: int
    business_system: str
    subcommittee_id: int
    subcommittee: str
    level1: str | None
    level2: str | None
    level3: str | None
    name: str
    requirement: str | None
    requirement_class: str | None
    fit: str | None
    convenience: bool
    spec_version: str | None
    kind: str = "function"  # "function" / "form" (帳票)
    retired: bool = False  # 欠番: kept for the requests that point to it, shown struck through
    fit_alternative: bool = False  # ○ by an alternative function or EUC (代替)
    vendor_cost: int | None = None
    vendor_alternative: str | None = None
    vendor_cost_note: str | None = None  # a cost cell that is no number: 別途見積


@dataclass(frozen=True)
class SystemNode:
    """A business system in the subcommittee tree, with its function counts."""

    id: int
    code: str | None
    name: str
    subcommittee_id: int
    subcommittee: str
    working_group: str | None
    spec_version: str | None
    stats: FitStats


def list_function_rows(
    s: Session, *, business_system_id: int | None = None, function_id: int | None = None,
    requestable: bool = False, kind: str | None = None,
) -> list[FunctionRow]:
    """Every function and form (or one system's), in subcommittee → system → kind → list order.

    ``requestable=True`` leaves retired IDs out: use it wherever a new request picks its target."""
    q = (
        select(
            Function.id, Function.code, Function.business_system_id, BusinessSystem.name,
            Subcommittee.id, Subcommittee.name, Function.level1, Function.level2, Function.level3,
            Function.name, Function.requirement, Function.requirement_class, Function.fit,
            Function.convenience, Function.spec_version, Function.kind, Function.retired,
            Function.fit_alternative, Function.vendor_cost, Function.vendor_alternative, Function.vendor_cost_note,
        )
        .join(BusinessSystem, Function.business_system_id == BusinessSystem.id)
        .join(Subcommittee, BusinessSystem.subcommittee_id == Subcommittee.id)
        .order_by(Subcommittee.sort_order, BusinessSystem.sort_order, Function.kind.desc(), Function.sort_order,
                  Function.id)
    )
    if business_system_id is not None:
        q = q.where(Function.business_system_id == business_system_id)
    if function_id is not None:
        q = q.where(Function.id == function_id)
    if requestable:
        q = q.where(Function.retired.is_(False))
    if kind is not None:
        q = q.where(Function.kind == kind)
    # Core execution and one fetchall: the ORM's result handling adds ~0.1 s for 30,000 column
    # rows, and iterating the result fetches them one call at a time. The collector paused: 100,000
    # functions are 200,000 new tuples, none cyclic, and in the GUI's heap it walked them over and over
    # (0.35 of the 1.2 s of CPU this read took at the main window's start; issue 18).
    with gc_paused():
        return list(map(FunctionRow._make, s.connection().execute(q).fetchall()))


def system_tree(s: Session) -> list[SystemNode]:
    """Every business system with its subcommittee and fit counts, in display order."""
    stats = stats_by_system(s.execute(
        select(Function.business_system_id, Function.fit, Function.convenience, Function.kind, Function.retired,
               func.count())
        .group_by(Function.business_system_id, Function.fit, Function.convenience, Function.kind, Function.retired)
    ))
    rows = s.execute(
        select(BusinessSystem, Subcommittee)
        .join(Subcommittee, BusinessSystem.subcommittee_id == Subcommittee.id)
        .order_by(Subcommittee.sort_order, BusinessSystem.sort_order, BusinessSystem.id)
    )
    return [
        SystemNode(b.id, b.code, b.name, sc.id, sc.name, b.working_group, b.spec_version, stats.get(b.id, FitStats()))
        for b, sc in rows
    ]


def fit_stats(s: Session) -> FitStats:
    """Fit counts over the whole consortium."""
    return combine_stats([n.stats for n in system_tree(s)])


# The import (plan and apply) lives in function_import.py; these names stay importable from here,
# loaded at their first use (PEP 562): browsing and the summary do not need the readers it brings.
_FROM_FUNCTION_IMPORT = frozenset((
    "ADD_SYSTEM_HINT", "COMPARED", "FunctionChange", "FunctionImportPlan", "ImportPreview", "SystemCounts",
    "SystemDiff", "UnknownSystem", "apply_function_import", "plan_function_import", "preview_function_import",
))


if TYPE_CHECKING:  # what __getattr__ hands out, as mypy should see it
    from .function_import import ADD_SYSTEM_HINT as ADD_SYSTEM_HINT
    from .function_import import COMPARED as COMPARED
    from .function_import import FunctionChange as FunctionChange
    from .function_import import FunctionImportPlan as FunctionImportPlan
    from .function_import import ImportPreview as ImportPreview
    from .function_import import SystemCounts as SystemCounts
    from .function_import import SystemDiff as SystemDiff
    from .function_import import UnknownSystem as UnknownSystem
    from .function_import import apply_function_import as apply_function_import
    from .function_import import plan_function_import as plan_function_import
    from .function_import import preview_function_import as preview_function_import


def __getattr__(name: str) -> object:
    if name in _FROM_FUNCTION_IMPORT:
        from . import function_import

        return getattr(function_import, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

