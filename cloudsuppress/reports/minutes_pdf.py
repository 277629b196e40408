"""議事録 as PDF: A4 portrait, BIZ UD Mincho for the text and Gothic for the headings, the
sections in the order Japanese minutes use (日時, 場所, 出席者, 議題, 協議内容, 決定事項,
継続審議事項, 報告事項, 次回予定)."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from ..ops.meeting_queries import AgendaRow
from ..ops.minutes import Minutes
from .pdf_base import GOTHIC, GOTHIC_BOLD, MINCHO, PAPERS, Flow

BODY = 10.5
LABEL = 22 * mm  # width of the 日時 / 場所 labels


def _item_line(r: AgendaRow) -> str:
    members = f"（{'、'.join(r.members)}）" if r.members else ""
    return f"{r.key}　{r.title}{members}"


def write_minutes_pdf(path: str | Path, minutes: Minutes) -> int:
    """Write the minutes; return the number of pages."""
    # member names are never broken across lines (かすみがうら／市)
    names = {m for r in minutes.agenda for m in r.members} | {a.member for _, people in minutes.attendees
                                                              for a in people if a.member}
    f = Flow(PAPERS["a4-portrait"], margin=22 * mm, bottom=18 * mm, words=tuple(sorted(names, key=len, reverse=True)))
    f.paragraph(minutes.title, font=GOTHIC_BOLD, size=16, align="c", leading=1.8)
    f.paragraph(minutes.consortium, font=MINCHO, size=BODY, align="r")
    f.space(3 * mm)

    n = 0

    def heading(text: str) -> None:
        nonlocal n
        n += 1
        f.heading(f"{n}　{text}")

    heading("日時")
    f.paragraph(minutes.when, indent=6 * mm)
    heading("場所")
    f.paragraph(minutes.place or "（記録なし）", indent=6 * mm)
    heading("出席者")
    rows = [[group, a.member or a.organization or "", a.name, a.title or ""]
            for group, people in minutes.attendees for a in people]
    if rows:
        f.table(["区分", "所属", "氏名", "役職"], rows, [16, 40, 24, 36], indent=6 * mm)
    else:
        f.paragraph("（記録なし）", indent=6 * mm)
    heading("議題")
    for i, r in enumerate(minutes.agenda, start=1):
        f.paragraph(_item_line(r), indent=6 * mm, label=f"({i})", label_width=9 * mm)
    if not minutes.agenda:
        f.paragraph("（議題なし）", indent=6 * mm)
    heading("協議内容")
    if minutes.notes:
        f.paragraph(minutes.notes, indent=6 * mm)
        f.space(1.5 * mm)
    for i, r in enumerate(minutes.agenda, start=1):
        f.paragraph(_item_line(r), font=GOTHIC, size=BODY, indent=6 * mm, label=f"({i})", label_font=GOTHIC,
                    label_width=9 * mm, keep=2)
        if r.notes:
            f.paragraph(r.notes, indent=15 * mm)
        f.paragraph(minutes.result_of(r), indent=15 * mm, label="結果", label_font=GOTHIC, label_width=12 * mm)
        f.space(1 * mm)
    for title, lines in (("決定事項", minutes.decisions), ("継続審議事項", minutes.continued),
                         ("報告事項", minutes.reports)):
        heading(title)
        for x in lines:
            f.paragraph(f"{x.key}　{x.title}：{x.text}" + (f"（{x.reason}）" if x.reason else ""), indent=6 * mm,
                        label="・", label_width=4 * mm)
        if not lines:
            f.paragraph("（なし）", indent=6 * mm)
    heading("次回予定")
    f.paragraph(minutes.next_meeting or "未定", indent=6 * mm)
    f.space(6 * mm)
    f.paragraph("以上", align="r")
    return f.render(path, title=minutes.title, footer_left=minutes.consortium)
