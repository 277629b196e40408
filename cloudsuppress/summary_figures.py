"""The summary's arithmetic on plain rows: fit counts, gap rates, status counts, the suppression rate.

No database here. The ORM queries (``ops.functions.system_tree``, ``ops.summary.build_summary``)
and the CLI's plain-sqlite3 read (``ops.plain_summary``, which skips importing SQLAlchemy and
the models) both fold their rows with these functions, so the two paths count the same way.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .domain.vocab import FIT_MARKS
from .domain.workflow import DECISIONS, Status


@dataclass(frozen=True)
class FitStats:
    """Counts of fit marks over live functions; the gap rate is (△+×) over assessed functions.

    Forms and retired IDs are counted apart and never enter ``total`` or the gap rate."""

    total: int = 0
    by_fit: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIT_MARKS, 0))
    unassessed: int = 0
    convenience: int = 0
    forms: int = 0
    retired: int = 0

    @property
    def assessed(self) -> int:
        return self.total - self.unassessed

    @property
    def gaps(self) -> int:
        return self.by_fit.get("△", 0) + self.by_fit.get("×", 0)

    @property
    def gap_rate(self) -> float | None:
        return self.gaps / self.assessed if self.assessed else None


# One row per (業務 id, fit, convenience, kind, retired) with its number of functions: what
# ``SELECT business_system_id, fit, convenience, kind, retired, count(*) FROM function GROUP BY ...`` gives.
FunctionCountRow = tuple[int, "str | None", Any, str, Any, int]


def stats_by_system(rows: Iterable[FunctionCountRow]) -> dict[int, FitStats]:
    """Per 業務 id, its functions' fit counts (forms and retired IDs apart) from grouped count rows."""
    counts: dict[int, Counter[str | None]] = defaultdict(Counter)  # per 業務: functions per fit mark
    conv: Counter[int] = Counter()  # per 業務 id
    forms: Counter[int] = Counter()
    retired: Counter[int] = Counter()
    for sys_id, fit, convenience, kind, is_retired, n in rows:
        if is_retired:
            retired[sys_id] += n
            continue
        if kind == "form":
            forms[sys_id] += n
            continue
        counts[sys_id][fit] += n
        if convenience:
            conv[sys_id] += n
    return {sys_id: stats_from_counts(counts[sys_id], conv[sys_id], forms[sys_id], retired[sys_id])
            for sys_id in {*counts, *forms, *retired}}


def stats_from_counts(counts: Counter[str | None], convenience: int, forms: int = 0, retired: int = 0) -> FitStats:
    """FitStats from functions per fit mark (None: not assessed)."""
    by_fit = {m: counts.get(m, 0) for m in FIT_MARKS}
    total = sum(counts.values())
    return FitStats(total=total, by_fit=by_fit, unassessed=counts.get(None, 0), convenience=convenience,
                    forms=forms, retired=retired)


def combine_stats(stats: Sequence[FitStats]) -> FitStats:
    """Add up several systems' counts (a subcommittee, or the whole consortium)."""
    by_fit = {m: sum(st.by_fit.get(m, 0) for st in stats) for m in FIT_MARKS}
    return FitStats(
        total=sum(st.total for st in stats),
        by_fit=by_fit,
        unassessed=sum(st.unassessed for st in stats),
        convenience=sum(st.convenience for st in stats),
        forms=sum(st.forms for st in stats),
        retired=sum(st.retired for st in stats),
    )


def stats_dict(st: FitStats) -> dict[str, Any]:
    """FitStats as JSON-ready data."""
    return {
        "total": st.total,
        "assessed": st.assessed,
        "unassessed": st.unassessed,
        "by_fit": {m: st.by_fit.get(m, 0) for m in FIT_MARKS},
        "gaps": st.gaps,
        "gap_rate": st.gap_rate,
        "convenience": st.convenience,
        "forms": st.forms,  # 帳票: counted apart, never in total or the gap rate
        "retired": st.retired,  # 欠番 (functions and forms), likewise
    }


def format_rate(rate: float | None) -> str:
    """0.0013 → '0.13%'; None → '—' (nothing assessed yet)."""
    return "—" if rate is None else f"{rate * 100:.2f}%"


def counts_dict(counts: Counter[str]) -> dict[str, int]:
    """Items per status as JSON-ready data, with their total."""
    return {"total": sum(counts.values()), **{st.value: counts.get(st.value, 0) for st in Status}}


def suppression_rate(counts: Counter[str]) -> float | None:
    """Decided items that were not customized over all decided items (None before any decision)."""
    decided = sum(counts.get(st.value, 0) for st in DECISIONS)
    return (decided - counts.get(Status.CUSTOMIZED.value, 0)) / decided if decided else None


# A 業務 in display order, with what the summary says of it: (code, name, subcommittee, spec_version, stats).
SystemFigures = tuple["str | None", str, str, "str | None", FitStats]


def summary_core(*, consortium: str | None, populations: Sequence[int], systems: Sequence[SystemFigures],
                 item_counts: Counter[str]) -> dict[str, Any]:
    """The part of the summary both paths compute: the consortium, the population, the fit counts
    overall and per 専門部会 (in the order of their first 業務), the items per status."""
    by_sub: dict[str, list[FitStats]] = defaultdict(list)
    for _code, _name, sub, _version, stats in systems:
        by_sub[sub].append(stats)
    return {
        "consortium": consortium,
        "items": {**counts_dict(item_counts), "suppression_rate": suppression_rate(item_counts)},
        "population_total": sum(populations),
        "functions": stats_dict(combine_stats([st for *_, st in systems])),
        "subcommittees": [
            {"name": name, "business_systems": len(st), **stats_dict(combine_stats(st))}
            for name, st in by_sub.items()
        ],
    }


def summary_lines(summary: dict[str, Any], *, members: int) -> list[str]:
    """What `cloudsuppress summary` prints, from ``summary_core``'s data and the number of members."""
    f = summary["functions"]
    items = summary["items"]
    rate = items["suppression_rate"]
    return [
        f"協議会: {summary['consortium'] or '（未作成）'}",
        f"構成団体: {members} 団体（人口 {summary['population_total']:,} 人）",
        f"機能数: {f['total']:,}（○ {f['by_fit']['○']:,} / △ {f['by_fit']['△']:,} / × {f['by_fit']['×']:,} / "
        f"未評価 {f['unassessed']:,}）"
        + (f"、ほかに帳票 {f['forms']:,}" if f.get("forms") else "") + (f"、欠番 {f['retired']:,}" if f.get("retired") else ""),
        f"ギャップ率（△＋×／評価済み）: {format_rate(f['gap_rate'])}",
        *(f"  {sc['name']}: {sc['total']:,} 機能、ギャップ率 {format_rate(sc['gap_rate'])}" for sc in summary["subcommittees"]),
        f"カスタマイズ要望項目: {items['total']}（カスタマイズ {items[Status.CUSTOMIZED.value]} / "
        f"標準化 {items[Status.STANDARDIZED.value]} / 取下げ {items[Status.WITHDRAWN.value]} / "
        f"検討中 {items[Status.UNDER_REVIEW.value]} / 要望（未検討） {items[Status.REQUESTED.value]}）",
        f"抑制率（決定済みのうちカスタマイズしなかった割合）: {'—' if rate is None else f'{rate * 100:.1f}%'}",
    ]
