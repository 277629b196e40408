"""カスタマイズ経費の負担額について（通知）: the per-member cost report for its finance department
and its mayor (measure 3), A4 portrait, laid out as a Japanese administrative notice: 文書番号
and date at the top right, addressee, sender, title, body, 記, numbered sections, 以上.
One notice sent to every member carries the same 文書番号 (one 発出, many addressees);
``write_member_cost_reports`` writes one file per member into a folder.

Every customization the member bears is listed with its share and how the share was computed
(method and ratio, the member's population over the bearing members' total, 均等割額 /
人口割額 / 端数調整額), the approval status (財政課協議 and 首長決裁, date and reference),
and the total; open items it is in follow as a forecast.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm

from ..domain.wareki import to_wareki
from ..domain.workflow import STATUS_LABELS
from ..ops.consortium import ConsortiumSettings
from ..ops.costs import ApprovalState, MemberCostLine, MemberCosts
from ..store.files import safe_file_name
from .cost_table_pdf import method_cell
from .pdf_base import GOTHIC, GOTHIC_BOLD, MINCHO, PAPERS, Flow, widths, wrap_text, yen

TITLE = "カスタマイズ経費の負担額について（通知）"
BODY = 10.5
TOTAL_GAP = 6 * mm  # between the notice's total and its 以上
# Never broken across lines in the tables (besides member names, amounts and dates).
STATUS_WORDS = tuple(STATUS_LABELS.values()) + ("財政課協議", "首長決裁", "日付未記録", "文書番号未記録", "未了", "未定",
                                                "均等割", "人口割", "端数調整", "見込額の計", "要望番号", "要望名",
                                                "見積額", "按分方法", "算定の内訳", "負担額", "状態", "要再決裁", "決裁額")


def _approval(a: ApprovalState | None) -> str:
    if a is None:
        return "未了"
    date = to_wareki(a.approved_on) if a.approved_on else "日付未記録"
    return f"{date}\n{a.reference or '（文書番号未記録）'}"


def _mayor_cell(ln: MemberCostLine) -> str:
    """The 首長決裁 cell: its date and number, and when the share has changed since, the amount it
    approved and the amount now (R36): that decision does not cover the share now."""
    text = _approval(ln.mayor)
    if ln.needs_reapproval:
        now = yen(ln.share) if ln.share is not None else "未定"
        text += f"\n要再決裁\n決裁額 {yen(ln.approved_share)}\n→ 現在 {now}"
    return text


def _reapproval_text(lines: list[MemberCostLine]) -> str:
    """R-0003（決裁額 319,156円 → 現在 320,414円）、…"""
    return "、".join(f"{ln.key}（決裁額 {yen(ln.approved_share)} → 現在 "
                    f"{yen(ln.share) if ln.share is not None else '未定'}）" for ln in lines)


def _computation(ln: MemberCostLine) -> str:
    if ln.share is None:
        return "見積額が未定のため算定できません"
    parts = []
    if ln.equal_part:
        parts.append(f"均等割 {ln.equal_part:,}円")
    if ln.population_part:
        parts.append(f"人口割 {ln.population_part:,}円")
    if ln.adjustment:
        parts.append(f"端数調整 {ln.adjustment:,}円")
    pop = f"人口 {ln.population:,}／{ln.population_total:,}人"
    return "\n".join(parts + [pop, f"（負担{len(ln.members)}団体の人口計）"])


def _method(ln: MemberCostLine) -> str:
    text = method_cell(ln.rule_text)  # the unit is the consortium's, stated in section 1
    return text + ("\n※この要望の設定" if ln.own_rule else "")


def _share_rows(lines: tuple[MemberCostLine, ...]) -> list[list[str]]:
    return [[ln.key, ln.title, yen(ln.estimate) or "未定", _method(ln), _computation(ln),
             yen(ln.share) if ln.share is not None else "—"] for ln in lines]


# Section 4's groups, in order: (title, MemberCostLine.group)
SECTION_4_GROUPS = (
    ("部会でカスタマイズの実施を決定したもの（財政課協議・首長決裁の後に確定）", "pending"),
    ("部会で検討中のもの", "under_review"),
    ("要望（部会で未検討）", "requested"),
)


def _prospective_total(mc: MemberCosts) -> list[str]:
    """The 見込額の計 row after its key cell: a sum of estimated shares only, so 未定 when none is
    estimated (0円 would read as "costs nothing") and the unestimated ones counted beside the sum."""
    unknown = sum(1 for ln in mc.prospective if ln.share is None)
    if unknown == len(mc.prospective):
        return ["見込額の計", "", "", "", "未定"]
    label = f"見込額の計\n（ほか未定 {unknown} 件）" if unknown else "見込額の計"
    return [label, "", "", "", yen(mc.prospective_total)]


def notice_file_name(member: str) -> str:
    """「負担額通知_那珂市.pdf」: the file a member's notice is written to in a batch."""
    return safe_file_name(f"負担額通知_{member}") + ".pdf"


def head_title(member: str) -> str:
    """The member's head as addressed: 那珂市 → 那珂市長, 五霞町 → 五霞町長, 舟橋村 → 舟橋村長."""
    return f"{member}長"


def honorific(member: str) -> str:
    """How the notice names the addressee's body: 貴市 / 貴町 / 貴村 / 貴区, else 貴団体."""
    tail = member[-1:] if member else ""
    return f"貴{tail}" if tail in "市町村区" else "貴団体"


def _head(member: str) -> str:
    tail = member[-1:] if member else ""
    return f"{tail}長" if tail in "市町村区" else "首長"


def _body(mc: MemberCosts) -> list[str]:
    """The 本文: why the member pays, then what measure 3 asks of it according to the record:
    the finance consultation and the head's decision on each cost still without them, or that
    both are on record."""
    you, head = honorific(mc.member), _head(mc.member)
    paras = ["　本協議会の共同利用システムは、ノンカスタマイズを原則としており、カスタマイズ経費は共同調達の契約外として、"
             "要望した団体に御負担いただくこととしています。"]
    if not mc.lines and not mc.prospective:
        paras.append(f"　このたび、{you}が負担するカスタマイズ経費について確認しましたので、下記のとおり通知します。"
                     f"現在、{you}が負担するカスタマイズ経費はありません。")
        return paras
    paras.append(f"　このたび、{you}が負担するカスタマイズ経費を協議会の按分ルールにより算定しましたので、下記のとおり通知します。")
    changed = [ln for ln in mc.lines + mc.prospective if ln.needs_reapproval]
    if mc.lines and not any(ln.approvals_pending or ln.needs_reapproval for ln in mc.lines):
        paras.append(f"　なお、下記2の負担額（カスタマイズの実施を決定した要望）については、{you}における財政課協議及び"
                     f"{head}の決裁がいずれも済んでいることを、御連絡いただいた日付及び文書番号により確認しています（下記3）。")
    in_principle = [ln for ln in mc.prospective if ln.decided_at]
    if in_principle:
        keys = "、".join(f"{ln.key}（{ln.decided_at}）" for ln in in_principle)
        also = "また" if len(paras) > 2 else "なお"
        paras.append(f"　{also}、要望{keys}は、部会においてカスタマイズの実施を決定しました。この決定は、負担する"
                     "各団体の財政課協議及び首長決裁を経て確定します（下記4）。")
    # Asked only where there is an amount to judge: a consultation on 見積額 未定 settles nothing.
    asked = [ln for ln in mc.lines + mc.prospective if ln.approvals_asked]
    if asked:
        keys = "、".join(ln.key for ln in asked)
        in_lines, in_open = any(ln in mc.lines for ln in asked), any(ln in mc.prospective for ln in asked)
        where = "下記2及び4" if in_lines and in_open else "下記4" if in_open else "下記2"
        paras.append(f"　つきましては、財政課協議又は{head}の決裁が未了の要望（{keys}）について、{where}の負担額（見込額）"
                     f"により、{you}財政担当課との協議及び{head}の決裁を経ていただき、その結果（日付及び文書番号）を"
                     "事務局あて御連絡くださいますようお願いします。カスタマイズは、負担する全ての団体の財政課協議及び"
                     "首長決裁がそろうまで実施できません。")
    unpriced = [ln.key for ln in mc.lines + mc.prospective if ln.approvals_pending and ln.estimate is None]
    if unpriced:
        paras.append(f"　見積額が未定の要望（{'、'.join(unpriced)}）については、見積額が示された後に、改めて"
                     f"財政課協議及び{head}の決裁をお願いします。")
    if changed:
        where = "下記2及び4" if any(ln in mc.lines for ln in changed) and any(ln in mc.prospective for ln in changed) \
            else "下記2" if any(ln in mc.lines for ln in changed) else "下記4"
        paras.append(f"　また、次の要望は、{head}の決裁を受けた後に、見積額、按分ルール又は負担団体の人口等の変更により"
                     f"負担額が変わりました：{_reapproval_text(changed)}。決裁済みの額と異なるため、{where}の変更後の"
                     f"負担額により、改めて{you}財政担当課との協議及び{head}の決裁を経ていただき、その結果（日付及び"
                     "文書番号）を事務局あて御連絡くださいますようお願いします（下記3）。")
    return paras


def _contact_lines(mc: MemberCosts, officers: ConsortiumSettings) -> list[tuple[str, str]]:
    section = officers.office_section or f"{mc.consortium}事務局"
    rows = [("担当", section)]
    if officers.office_staff:
        rows.append(("", officers.office_staff))
    if officers.office_phone:
        rows.append(("電話", officers.office_phone))
    if officers.office_mail:
        rows.append(("メール", officers.office_mail))
    return rows


def _contact_height(f: Flow, mc: MemberCosts, officers: ConsortiumSettings) -> float:
    """The height _contact_block takes (with the space above it)."""
    rows = _contact_lines(mc, officers)
    size = 9.5
    ws = widths()
    text_w = min(max(ws.width(v, MINCHO, size) for _, v in rows), f.width * 0.62)
    count = sum(len(wrap_text(value, text_w, MINCHO, size) or [""]) for _, value in rows)
    return 4 * mm + count * size * 1.55 + 2 * 2.5 * mm


def _contact_block(f: Flow, mc: MemberCosts, officers: ConsortiumSettings) -> None:
    """The 担当 block at the foot, boxed at the right: section, name, phone, mail."""
    rows = _contact_lines(mc, officers)
    size, lead, pad = 9.5, 9.5 * 1.55, 2.5 * mm
    ws = widths()
    label_w = max(ws.width(label, GOTHIC, size) for label, _ in rows) + 3 * mm
    text_w = min(max(ws.width(v, MINCHO, size) for _, v in rows), f.width * 0.62)
    lines: list[tuple[str, str]] = []
    for label, value in rows:
        for k, part in enumerate(wrap_text(value, text_w, MINCHO, size) or [""]):
            lines.append((label if k == 0 else "", part))
    box_w = label_w + text_w + 2 * pad
    box_h = len(lines) * lead + 2 * pad
    f.space(4 * mm)
    f.ensure(box_h)
    x0 = f.right - box_w
    f.pages[-1].append(("rect", x0, f.y - box_h, box_w, box_h))
    y = f.y - pad - size * 0.88
    for label, value in lines:
        if label:
            f.text(x0 + pad, y, label, GOTHIC, size)
        f.text(x0 + pad + label_w, y, value, MINCHO, size)
        y -= lead
    f.y -= box_h


def write_member_cost_report(path: str | Path, mc: MemberCosts, *, issued_on: dt.date | None = None,
                             sender: str | None = None, reference: str | None = None,
                             officers: ConsortiumSettings | None = None, copy_to_finance: bool = False) -> int:
    """Write one member's cost notice (通知文); return the number of pages.

    ``reference`` is the 文書番号 (い協第15号; 「第　　号」 when none is given, to be numbered by hand);
    ``officers`` the consortium's settings: the 会長 who sends it, 公印省略, the 担当 block;
    ``sender`` replaces the 会長 line (a 職務代理者, say); ``copy_to_finance`` adds the 写し line
    for the member's finance section."""
    issued_on = issued_on or dt.date.today()
    officers = (officers or ConsortiumSettings()).normalized()
    f = Flow(PAPERS["a4-portrait"], margin=22 * mm, bottom=18 * mm)
    ref = (reference or "").strip() or "第　　号"
    f.paragraph(f"{ref}　", align="r", size=BODY)
    f.paragraph(f"{to_wareki(issued_on)}　", align="r", size=BODY)
    f.space(3 * mm)
    f.paragraph(f"{head_title(mc.member)}　様", font=MINCHO, size=12)
    f.space(3 * mm)
    chair = (sender or "").strip()
    if not chair:
        who = "　".join(p for p in (f"{officers.chair_member}長" if officers.chair_member else "", officers.chair_name)
                       if p)
        chair = f"会長　{who}" if who else "会長"
    f.paragraph(f"{mc.consortium}　", align="r", size=BODY)
    f.paragraph(f"{chair}　", align="r", size=BODY)
    if officers.seal_omitted:
        f.paragraph("（公印省略）　", align="r", size=BODY)
    f.space(6 * mm)
    f.paragraph(TITLE, font=GOTHIC_BOLD, size=14, align="c", leading=1.8)
    f.space(3 * mm)
    for para in _body(mc):
        f.paragraph(para, size=BODY)
    f.space(2 * mm)
    f.paragraph("記", align="c", size=BODY)
    names = tuple(sorted({m for ln in mc.lines + mc.prospective for m in ln.members} | {mc.member}))
    words = names + STATUS_WORDS

    f.heading("1　按分の方法")
    f.paragraph(f"協議会の按分ルール：{mc.rule_text}", indent=6 * mm, size=BODY)
    # A base date not recorded is left out: 「（未設定）」 has no place in a notice to a mayor.
    basis = f"人口基準日：{to_wareki(mc.population_date)}　　" if mc.population_date else ""
    f.paragraph(f"{basis}{honorific(mc.member)}の人口：{mc.population:,}人", indent=6 * mm, size=BODY)
    f.paragraph("均等割は負担団体で等分し、人口割は負担団体の人口の比で按分します。端数は最大剰余法により調整し、"
                "各団体の負担額の合計が見積額と一致するようにしています。", indent=6 * mm, size=9.5, gray=0.25)

    f.heading("2　負担額（カスタマイズの実施を決定した要望）")
    headers = ["要望番号", "要望名", "見積額", "按分方法", "算定の内訳", "負担額"]
    col_w = [0, 40, 0, 0, 30, 0]  # key, amounts and methods as wide as they need; the rest to the texts
    align = "llrllr"
    if mc.lines:
        rows = _share_rows(mc.lines) + [["", "合計", "", "", "", yen(mc.total)]]
        f.table(headers, rows, col_w, indent=6 * mm, size=9, align=align, shade_rows=frozenset({len(rows) - 1}),
                words=words, repeat=frozenset({5}))
        f.space(1.5 * mm)
    else:
        f.paragraph("カスタマイズの実施を決定した要望はありません。", indent=6 * mm, size=BODY)

    f.heading("3　財政課協議・首長決裁の状況")
    every = mc.lines + mc.prospective
    if every:
        f.table(["要望番号", "要望名", "状態", "財政課協議", "首長決裁"],
                [[ln.key, ln.title, ln.status_label, _approval(ln.finance), _mayor_cell(ln)] for ln in every],
                [0, 44, 0, 20, 20], indent=6 * mm, size=9, words=words, repeat=frozenset({2}))
        f.space(1.5 * mm)
        pending = [ln.key for ln in every if ln.approvals_asked]
        unpriced = [ln.key for ln in every if ln.approvals_pending and ln.estimate is None]
        if pending:
            f.paragraph(f"未了のものがあります（{'、'.join(pending)}）。カスタマイズの実施には、負担する各団体の"
                        "財政課協議と首長決裁（日付・文書番号）が必要です。", indent=6 * mm, size=9.5,
                        with_previous=True)
        if unpriced:
            f.paragraph(f"見積額が未定のもの（{'、'.join(unpriced)}）は、見積額が示された後に協議・決裁を"
                        "お願いします。", indent=6 * mm, size=9.5, with_previous=not pending)
        changed = [ln for ln in every if ln.needs_reapproval]
        if changed:
            f.paragraph(f"要再決裁：{_reapproval_text(changed)}。首長決裁の後に負担額が変わったため、記録された財政課協議・"
                        "首長決裁は現在の負担額に及びません。変更後の負担額による財政課協議・首長決裁が必要です。",
                        indent=6 * mm, size=9.5, with_previous=not (pending or unpriced))
    else:
        f.paragraph("該当する要望はありません。", indent=6 * mm, size=BODY)

    # 要望 (not yet discussed by the 部会), 検討中 and カスタマイズ decided in principle apart: each its own table.
    f.heading("4　検討中・未検討の要望（参考：負担の見込み）")
    groups = [(title, lines) for title, code in SECTION_4_GROUPS
              if (lines := tuple(ln for ln in mc.prospective if ln.group == code))]
    if groups:
        for n, (title, lines) in enumerate(groups, start=1):
            f.heading(f"（{n}）{title}", font=GOTHIC, size=BODY, before=1.5 * mm)
            rows = _share_rows(lines)
            if len(groups) == 1:
                rows.append(["", *_prospective_total(mc)])
            f.table(headers, rows, col_w, indent=6 * mm, size=9, align=align,
                    shade_rows=frozenset({len(rows) - 1}) if len(groups) == 1 else frozenset(),
                    words=words, repeat=frozenset({5}))
            f.space(1.5 * mm)
        if len(groups) > 1:
            unknown = sum(1 for ln in mc.prospective if ln.share is None)
            known = len(mc.prospective) - unknown
            amount = "未定" if not known else yen(mc.prospective_total) + (f"（ほか未定 {unknown} 件）" if unknown else "")
            f.paragraph(f"見込額の計（上記の合計）　{amount}", indent=6 * mm, size=BODY, font=GOTHIC,
                        with_previous=True)
        f.paragraph("これらの負担額は、現時点の見積額と要望団体による見込みです。団体の参加・取下げにより変わります。",
                    indent=6 * mm, size=9.5, gray=0.25, with_previous=True)
    else:
        f.paragraph("検討中・未検討の要望はありません。", indent=6 * mm, size=BODY)

    # The total, the space, 以上, the 写し line and the 担当 block are one short block: neither the
    # heading nor the 担当 block is ever left alone on a page.
    copy_h = 2 * mm + BODY * 1.6 if copy_to_finance else 0.0
    f.heading("5　負担額の合計", follow=12 * 1.6 + TOTAL_GAP + BODY * 1.6 + copy_h + _contact_height(f, mc, officers))
    f.paragraph(f"{yen(mc.total)}（カスタマイズの実施を決定した要望 {len(mc.lines)} 件）", font=GOTHIC, size=12,
                indent=6 * mm)
    f.space(TOTAL_GAP)
    f.paragraph("以上　", align="r", size=BODY, with_previous=True)  # never alone at the top of a page
    if copy_to_finance:
        f.space(2 * mm)
        f.paragraph(f"写し送付先　{mc.member}財政担当課長", size=BODY)
    _contact_block(f, mc, officers)
    return f.render(path, title=f"{TITLE}（{mc.member}）", author=mc.consortium, footer_left=mc.consortium)


def write_member_cost_reports(folder: str | Path, notices: list[MemberCosts], *, issued_on: dt.date | None = None,
                              sender: str | None = None, reference: str | None = None,
                              overwrite: bool = False, officers: ConsortiumSettings | None = None,
                              copy_to_finance: bool = False) -> list[Path]:
    """Write each member's notice into ``folder`` (created if missing) as ``notice_file_name``;
    return the files written, in the order given. All carry the same date and 文書番号.

    Every target is checked before the first is written (existing notices are replaced only
    with ``overwrite``, a database never); each is written to a temporary file and renamed."""
    from ..output_files import check_output, output_file

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    issued_on = issued_on or dt.date.today()
    targets = [folder / notice_file_name(mc.member) for mc in notices]
    for path in targets:
        check_output(path, overwrite=overwrite)
    for mc, path in zip(notices, targets, strict=True):
        with output_file(path, overwrite=overwrite) as tmp:
            write_member_cost_report(tmp, mc, issued_on=issued_on, sender=sender, reference=reference,
                                     officers=officers, copy_to_finance=copy_to_finance)
    return targets
