"""The stress database of issue #15 and every document produced from it.

Twelve members with long names (かすみがうら市, つくばみらい市, names of ten characters), the
demo's requests, meetings and costs over them, one item every member asks for, and one request
of 800 characters. ``write_all`` writes every printed document on both papers; the tests read
them back and ``python -m tests.core.stress_support OUT`` writes them for looking at.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import select

from cloudsuppress.demo import create_demo
from cloudsuppress.domain.models import Function, Member
from cloudsuppress.ops import comparison as comparison_ops
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import measures as measure_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.store.db import Database, open_database

STRESS_MEMBERS = tuple((name, pop, dt.date(2013, 10, 1)) for name, pop in (
    ("常陸大宮市", 42_963), ("那珂市", 55_827), ("かすみがうら市", 43_618), ("五霞町", 9_178),
    ("つくばみらい市", 52_000), ("ひたちなか市", 156_000), ("小美玉市", 49_000), ("美浦村", 15_000),
    ("北相馬郡しらかば町", 8_400), ("東茨城郡みずほの里村", 2_100), ("西ノ島しらかば高原町", 3_300), ("大子町", 16_000),
))
LONG_NAMES = tuple(m[0] for m in STRESS_MEMBERS if len(m[0]) >= 7)
DATE = dt.date(2026, 11, 22)

_SENTENCE = ("転入届の受付時に、前住所地の自治体から送付される転出証明書情報と、窓口で本人が記入した異動届の内容とを"
             "画面上で並べて照合できるようにしてほしい（現行システムでは別画面を往復しており、確認漏れが年に数件発生している）。")


def long_request() -> str:
    """A request of exactly 800 characters, sentences with brackets and punctuation (禁則 everywhere)."""
    text = ""
    while len(text) < 800:
        text += _SENTENCE
    return text[:799] + "。"


def build_stress(path: Path) -> Database:
    """Create the stress database at ``path``."""
    db = open_database(path)
    with db.session() as s, s.begin():
        create_demo(s, functions=400, members=STRESS_MEMBERS)
    with db.session() as s, s.begin():
        members = list(s.scalars(select(Member).order_by(Member.sort_order, Member.id)))
        fn = s.scalars(select(Function).order_by(Function.id)).first()
        part = dict(reason="service_level", service_drop=True, service_drop_detail="照合できないと窓口の待ち時間が延びる。",
                    annual_cases=1_234_567)
        item = req.create_item(s, member_id=members[0].id, function_id=fn.id, content=long_request(),
                               allow_duplicate=True, **part).id
        for m in members[1:]:
            req.join_item(s, item_id=item, member_id=m.id, content="同上（転出証明書情報との照合）。", **part)
        cost_ops.set_item_cost(s, item_id=item, estimate=12_345_678)
    return db


def write_all(db: Database, out: Path) -> dict[str, Path]:
    """Every printed document from ``db`` into ``out``: name → path."""
    from cloudsuppress.reports.comparison_pdf import write_comparison_pdf
    from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx
    from cloudsuppress.reports.cost_report_pdf import write_member_cost_report
    from cloudsuppress.reports.cost_table_pdf import write_cost_table_pdf
    from cloudsuppress.reports.cost_table_xlsx import write_cost_table_xlsx
    from cloudsuppress.reports.request_template_xlsx import write_request_template
    from cloudsuppress.reports.summary_pdf import write_summary_pdf

    out.mkdir(parents=True, exist_ok=True)
    done: dict[str, Path] = {}
    with db.session() as s:
        info = consortium_ops.require_consortium(s)
        officers = consortium_ops.get_consortium_settings(s)
        wide = comparison_ops.build_comparison(s, long_layout=False)
        long = comparison_ops.build_comparison(s, long_layout=True)
        kasumi = s.scalar(select(Member.id).where(Member.name == "かすみがうら市"))
        member = comparison_ops.build_comparison(s, member_id=kasumi)
        notices = cost_ops.all_member_costs(s, include_none=False)
        table = cost_ops.cost_table(s, include_open=True)
        dashboard = measure_ops.measures_dashboard(s, today=DATE)
        rows = function_ops.list_function_rows(s)
        from sqlalchemy import func

        from cloudsuppress.domain.models import AgendaEntry, Meeting
        from cloudsuppress.ops.minutes import build_minutes

        busiest = s.scalar(select(Meeting.id).join(AgendaEntry, AgendaEntry.meeting_id == Meeting.id)
                           .group_by(Meeting.id).order_by(func.count().desc(), Meeting.id).limit(1))
        minutes = build_minutes(s, busiest)
    for paper in ("a4", "a3"):
        for name, t in (("wide", wide), ("long", long), ("member", member)):
            p = done[f"comparison_{name}_{paper}.pdf"] = out / f"comparison_{name}_{paper}.pdf"
            write_comparison_pdf(p, t, paper=paper, created_on=DATE)
            x = done[f"comparison_{name}_{paper}.xlsx"] = out / f"comparison_{name}_{paper}.xlsx"
            write_comparison_xlsx(x, t, paper=paper, created_on=DATE)
    kasumi_notice = next(mc for mc in notices if mc.member == "かすみがうら市")
    for mc in (kasumi_notice, max(notices, key=lambda mc: len(mc.lines) + len(mc.prospective))):
        p = done[f"notice_{mc.member}.pdf"] = out / f"notice_{mc.member}.pdf"
        write_member_cost_report(p, mc, issued_on=DATE, officers=officers, copy_to_finance=True)
    done["cost_table.pdf"] = out / "cost_table.pdf"
    write_cost_table_pdf(done["cost_table.pdf"], table, issued_on=DATE, doc_number="資料3")
    done["cost_table.xlsx"] = out / "cost_table.xlsx"
    write_cost_table_xlsx(done["cost_table.xlsx"], table, issued_on=DATE, doc_number="資料3")
    done["summary.pdf"] = out / "summary.pdf"
    write_summary_pdf(done["summary.pdf"], dashboard, consortium=info.name, issued_on=DATE)
    from cloudsuppress.reports.minutes_docx import write_minutes_docx
    from cloudsuppress.reports.minutes_pdf import write_minutes_pdf

    done["minutes.pdf"] = out / "minutes.pdf"
    write_minutes_pdf(done["minutes.pdf"], minutes)
    done["minutes.docx"] = out / "minutes.docx"
    write_minutes_docx(done["minutes.docx"], minutes)
    done["template.xlsx"] = out / "template.xlsx"
    write_request_template(done["template.xlsx"], member="かすみがうら市", consortium=info.name, functions=rows)
    return done


if __name__ == "__main__":  # python -m tests.core.stress_support OUT: write every document for looking at
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    (target / "stress.sqlite").unlink(missing_ok=True)
    database = build_stress(target / "stress.sqlite")
    for key, file in write_all(database, target).items():
        print(key, file)
    database.close()
