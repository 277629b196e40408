"""Demo request items: the Toyama result (31 raised: 17 customized, 3 standardized, 11 withdrawn)
plus a few still open, with plausible content, reasons, case counts, hearings and approvals.

Everything goes through the same operations the GUI and the CLI use, so the demo also has a
complete status history and audit trail. The texts are written for this project.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import BusinessSystem, Function, Member
from .ops import requests as req

# (要望名, 要望内容, 理由区分, 低下する?, 低下の内容, 代替運用案)
_ASKS = (
    ("窓口交付時の受付番号印字", "証明書の交付時に受付番号を帳票に印字してほしい。", "efficiency", False,
     "番号札で代用できるが、取り違えの確認に時間がかかる。", "番号札を併用して照合する"),
    ("転入届の外国人住民欄追加", "転入届の入力画面に在留カードの番号と期間を入力する欄を追加してほしい。", "legal", True,
     "在留期間の確認漏れがあると手続をやり直すことになる。", "別紙の確認票で管理する"),
    ("納税通知書の独自同封物", "納税通知書に市独自の減免案内を同封する区分を設けてほしい。", "own_policy", False,
     "案内を別送すれば住民サービスは低下しないが、郵送費がかかる。", "別送で案内する"),
    ("高額療養費の勧奨通知", "高額療養費の支給対象者に申請勧奨通知を自動で作成してほしい。", "service_level", True,
     "通知がないと申請漏れが生じ、住民が受け取るべき給付を受けられない。", "手作業で対象者を抽出して通知する"),
    ("督促状の文言変更", "督促状の文言を市の例規に合わせて変更してほしい。", "legal", False,
     "標準の文言でも法的な効力は同じである。", "標準の文言を使う"),
    ("児童手当の現況一覧", "現況届の提出状況を学校区別に一覧で出力してほしい。", "efficiency", False,
     "抽出条件を変えれば標準帳票で同じ情報が得られる。", "標準帳票を学校区で並べ替える"),
    ("独自助成の資格管理", "市独自の子ども医療費助成（18歳まで）の資格を管理できるようにしてほしい。", "own_policy", True,
     "助成が受けられなくなり、住民サービスの水準が下がる。", "表計算ソフトで資格を管理する"),
    ("選挙入場券の点字対応", "投票所入場券に点字シールの印字指示を出力してほしい。", "service_level", True,
     "視覚障害のある有権者への配慮が後退する。", "手作業で点字シールを貼る"),
    ("固定資産税の縦覧帳票", "縦覧帳簿を地区別に分冊して出力してほしい。", "efficiency", False,
     "一括出力して手で分ければ対応できる。", "一括出力後に手作業で分冊する"),
    ("介護保険料の分割納付", "介護保険料の分割納付計画を画面で作成できるようにしてほしい。", "efficiency", False,
     "件数が少なく、表計算ソフトで計画を作れる。", "表計算ソフトで計画を作成する"),
    ("後期高齢者の独自健診案内", "町独自の人間ドック助成の対象者を抽出できるようにしてほしい。", "own_policy", True,
     "対象者に案内が届かず、受診率が下がる。", "対象者を手作業で抽出する"),
    ("住民票の英語表記", "住民票記載事項証明書を英語で出力したい。", "own_policy", False,
     "申請は年に数件で、翻訳証明で対応できる。", "翻訳証明を手作業で作成する"),
)
_CASES = (12, 40, 85, 150, 300, 640, 1_200, 2_400, 5_800)


def _members(s: Session) -> list[int]:
    return list(s.scalars(select(Member.id).order_by(Member.sort_order, Member.id)))


MeetingFor = Callable[[int, int], "int | None"]  # (item id, stage 1 検討開始 / 2 判断 / 3 実施決定) → meeting id


def create_demo_requests(s: Session, *, seed: int = 31, customized: int = 17, standardized: int = 3,
                         withdrawn: int = 11, under_review: int = 2, requested: int = 2,
                         meeting_for: MeetingFor | None = None) -> int:
    """Create request items in every status through the normal operations; return how many.

    ``meeting_for`` names the meeting each decision refers to (none without it)."""
    meeting = meeting_for or (lambda _item, _stage: None)
    rng = random.Random(seed)
    members = _members(s)
    if not members:
        return 0
    # 住民基本台帳 is left without requests, so that trying a re-import of its list (the first thing
    # people do with the demo) is not refused by the rule protecting functions that have requests.
    first_system = s.scalar(select(BusinessSystem.id).where(BusinessSystem.name == "住民基本台帳"))
    candidates = select(Function.id).where(Function.business_system_id != (first_system or -1)).order_by(Function.id)
    gap_functions = list(s.scalars(candidates.where(Function.fit.in_(("△", "×")))))
    other = list(s.scalars(candidates.where(Function.fit == "○").limit(400)))
    pool = gap_functions + rng.sample(other, min(len(other), 60))
    rng.shuffle(pool)
    outcomes = (["customized"] * customized + ["standardized"] * standardized + ["withdrawn"] * withdrawn
                + ["under_review"] * under_review + ["requested"] * requested)
    start = dt.date(2026, 4, 13)
    for n, outcome in enumerate(outcomes):
        title, content, reason, drop, detail, workaround = _ASKS[n % len(_ASKS)]
        if outcome == "customized" and reason not in ("own_policy", "efficiency"):
            # In the end only own-policy items and items clearly hurting efficiency were customized.
            reason = "own_policy" if n % 2 else "efficiency"
        askers = rng.sample(members, rng.randint(1, min(3, len(members))))
        day = start + dt.timedelta(days=n)
        item = req.create_item(
            s, member_id=askers[0], title=title, function_id=pool[n % len(pool)], content=content, reason=reason,
            service_drop=drop, service_drop_detail=detail, annual_cases=rng.choice(_CASES), workaround=workaround,
            allow_duplicate=True,
        ).id
        for other_member in askers[1:]:
            req.join_item(s, item_id=item, member_id=other_member, content=content, reason=reason, service_drop=drop,
                          service_drop_detail=detail, annual_cases=rng.choice(_CASES), workaround=workaround)
        if outcome == "requested":
            continue
        req.record_hearing(s, item_id=item, member_id=askers[0], held_on=day + dt.timedelta(days=14),
                           confirmed="処理の流れと件数を確認した。繁忙期に集中する。", confirmed_cases=rng.choice(_CASES))
        req.move_item(s, item_id=item, to="under_review", reason="部会で検討を開始", meeting_id=meeting(item, 1))
        if outcome == "under_review":
            continue
        if outcome == "withdrawn" and n % 3:
            req.move_item(s, item_id=item, to="withdrawn", meeting_id=meeting(item, 2),
                          reason="代替運用案で対応できることを部会で確認し、要望団体が取り下げた")
            continue
        if outcome == "withdrawn":  # withdrawn member by member, outside a meeting
            for m in askers:
                req.withdraw_member(s, item_id=item, member_id=m, reason="代替運用案で対応できることを確認した",
                                    on=day + dt.timedelta(days=40))
            continue
        if outcome == "standardized":
            req.move_item(s, item_id=item, to="standardized", meeting_id=meeting(item, 2),
                          reason="ベンダーが次期バージョンで標準機能として実装することになった")
            continue
        req.update_item(s, item_id=item, estimate=rng.choice((330_000, 880_000, 1_650_000, 2_750_000, 4_400_000)))
        for k, m in enumerate(askers):
            req.record_approval(s, item_id=item, member_id=m, stage="finance", approved_on=day + dt.timedelta(days=50),
                                reference=f"財第{300 + n * 3 + k}号")
            req.record_approval(s, item_id=item, member_id=m, stage="mayor", approved_on=day + dt.timedelta(days=60),
                                reference=f"決裁第{500 + n * 3 + k}号")
        req.move_item(s, item_id=item, to="customized", meeting_id=meeting(item, 3),
                      reason="運用での代替が難しく、負担団体の財政課協議・首長決裁を経て実施を決定")
    return len(outcomes)
