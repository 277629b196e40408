"""The consortium summary: what `cloudsuppress summary` prints and the dashboard shows."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from ..vocab import FIT_MARKS
from .consortium import get_consortium
from .functions import FitStats, combine_stats, system_tree
from .members import list_members


def stats_dict(st: FitStats) -> dict:
    """FitStats as JSON-ready data."""
    return {
        "total": st.total,
        "assessed": st.assessed,
        "unassessed": st.unassessed,
        "by_fit": {m: st.by_fit.get(m, 0) for m in FIT_MARKS},
        "gaps": st.gaps,
        "gap_rate": st.gap_rate,
        "convenience": st.convenience,
    }


def build_summary(s: Session) -> dict:
    """Everything the summary shows, as plain data."""
    info = get_consortium(s)
    tree = system_tree(s)
    by_sub: dict[str, list[FitStats]] = defaultdict(list)
    for node in tree:
        by_sub[node.subcommittee].append(node.stats)
    members = list_members(s)
    return {
        "consortium": info.name if info else None,
        "members": [{"name": m.name, "population": m.population} for m in members],
        "population_total": sum(m.population for m in members),
        "functions": stats_dict(combine_stats([n.stats for n in tree])),
        "subcommittees": [
            {"name": name, "business_systems": sum(1 for n in tree if n.subcommittee == name), **stats_dict(combine_stats(st))}
            for name, st in by_sub.items()
        ],
        "business_systems": [
            {"code": n.code, "name": n.name, "subcommittee": n.subcommittee, "spec_version": n.spec_version, **stats_dict(n.stats)}
            for n in tree
        ],
    }


def format_rate(rate: float | None) -> str:
    """0.0013 → '0.13%'; None → '—' (nothing assessed yet)."""
    return "—" if rate is None else f"{rate * 100:.2f}%"
