"""Demo request items: the Toyama result (31 raised: 17 customized, 3 standardized, 11 withdrawn)
plus four still open, with content, reasons, case counts, hearings and approvals that fit.

Each ask names the business system and the function it concerns (「縦覧帳簿の帳票出力」 of
固定資産税), and the function is looked up in the demo function list by that name, so a request
always sits on a function it is about. Its outcome is part of the ask: only own-policy items and
items clearly hurting efficiency are customized (seed 003), withdrawn ones have a workable
alternative, standardized ones are what the vendor puts in the package for everyone. Case
counts follow the member's population (a town of 9,000 handles far fewer cases than a city of
56,000). 住民基本台帳 has no requests, so that re-importing its list (the first thing people try
with the demo) is not refused by the rule protecting functions that have requests.

Everything goes through the same operations the GUI and the CLI use, so the demo also has a
complete status history and audit trail. The texts are written for this project.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.models import BusinessSystem, Function, Member
from ..ops import requests as req

KEEP_FREE_SYSTEM = "住民基本台帳"


class Ask(NamedTuple):
    outcome: str  # customized / standardized / withdrawn / under_review / requested
    system: str  # 業務
    function: str  # 機能名 in the demo list
    title: str  # 要望名
    content: str  # 要望内容
    reason: str  # vocab.REASON_LABELS key
    drop: bool  # 住民サービス水準が低下する
    detail: str  # 低下の内容 / 低下しない理由
    workaround: str  # 代替運用案
    per_10k: int  # annual cases per 10,000 residents
    askers: tuple[int, ...] = ()  # positions in the member list; empty: one to three drawn at random


# In key order: R-0001 … R-0017 customized, R-0018 … R-0020 standardized, R-0021 … R-0031 withdrawn,
# R-0032/33 under review, R-0034/35 requested.
ASKS = (
    Ask("customized", "総合窓口", "受付番号の帳票出力", "証明書交付時の受付番号印字",
        "証明書の交付時に、窓口の受付番号を証明書の控えと交付記録に印字してほしい。", "efficiency", False,
        "番号札で代用できるが、繁忙期は取り違えの確認に時間がかかり待ち時間が延びる。", "番号札を併用して照合する", 3_000),
    Ask("customized", "医療費助成(マル福)", "独自助成の登録", "子ども医療費の独自助成（18歳まで）",
        "市独自の子ども医療費助成（18歳到達年度末まで）の資格を登録し、受給者証を発行できるようにしてほしい。",
        "own_policy", True, "資格を管理できないと、対象の子どもが助成を受けられなくなる。", "表計算ソフトで資格を管理する", 600),
    Ask("customized", "個人住民税", "納税通知書の帳票出力", "納税通知書への独自減免案内の印字",
        "納税通知書の余白に、市独自の子育て世帯減免の案内文を印字してほしい。", "own_policy", False,
        "案内を別送すれば周知はできるが、毎年の郵送費と封入作業が増える。", "減免案内を別送する", 2_500),
    Ask("customized", "健康管理", "がん検診の一括処理", "町独自のがん検診無料クーポン",
        "町独自のがん検診無料クーポンの対象者を抽出し、クーポン券を一括して作成できるようにしてほしい。", "own_policy", True,
        "クーポンを発行できないと、受診率を上げる取組が続けられない。", "クーポン券を手作業で作成する", 800),
    Ask("customized", "学齢簿業務", "就学通知書の帳票出力", "就学通知書への通学路案内の印字",
        "就学通知書に、指定校ごとの通学路と集合場所の案内を印字してほしい。", "own_policy", False,
        "案内を同封すれば足りるが、学校ごとに差し替える手間がかかる。", "学校別の案内を手作業で同封する", 90),
    Ask("customized", "固定資産税", "縦覧帳簿の帳票出力", "縦覧帳簿の地区別分冊出力",
        "縦覧帳簿を行政区ごとに分冊して出力してほしい。", "efficiency", False,
        "一括出力して手で分ければ対応できるが、縦覧期間の前に数日かかる。", "一括出力後に手作業で分冊する", 1_200),
    Ask("customized", "収滞納管理(収納)", "口座振替のデータ連携", "地元金融機関の口座振替データへの対応",
        "地元の信用組合が使う口座振替データの形式で、振替依頼と結果を連携できるようにしてほしい。", "efficiency", False,
        "対応しないと、振替結果を毎月手入力することになる。", "振替結果を手入力する", 3_500),
    Ask("customized", "公営住宅管理", "家賃減免の登録", "市営住宅家賃の独自減免区分",
        "ひとり親世帯を対象とする市独自の家賃減免区分を登録できるようにしてほしい。", "own_policy", True,
        "減免区分がないと、ひとり親世帯への独自の減免が続けられない。", "減免額を手計算して家賃から差し引く", 30),
    Ask("customized", "保育料", "多子軽減の一括処理", "第2子以降の保育料無償化（町独自）",
        "町独自の第2子以降保育料無償化を、多子軽減の判定とあわせて一括して処理できるようにしてほしい。", "own_policy", True,
        "独自の無償化が適用できず、保護者の負担が増える。", "減免申請で1件ずつ処理する", 60),
    Ask("customized", "畜犬管理", "集合注射案内の帳票出力", "狂犬病予防集合注射の会場別案内",
        "集合注射の案内はがきに、飼い主の住所に近い会場と日時を印字してほしい。", "efficiency", False,
        "会場一覧を別紙で同封できるが、はがきを封書に替えると郵送費が増える。", "会場一覧を別紙で同封する", 400),
    Ask("customized", "健康管理", "健診案内の帳票出力", "人間ドック助成の対象者案内",
        "市独自の人間ドック助成の対象者に、健診案内とあわせて助成の案内を出力してほしい。", "own_policy", True,
        "対象者に案内が届かず、受診率が下がる。", "対象者を手作業で抽出して案内する", 500),
    Ask("customized", "下水道受益者負担", "分割納付の一括処理", "受益者負担金の独自分割回数（20回）",
        "条例で定めた20回の分割納付に合わせて、負担金の納期と納付書を一括して作成できるようにしてほしい。", "own_policy", False,
        "分割回数を合わせられないと、納付書を手作成することになる。", "納付書を手作成する", 50),
    Ask("customized", "国民健康保険(給付)", "勧奨通知の帳票出力", "高額療養費の申請勧奨通知",
        "高額療養費の支給対象者に、申請勧奨通知を自動で作成してほしい。", "efficiency", True,
        "通知を作れないと申請漏れが生じ、受け取るべき給付が届かない。", "対象者を抽出して手作業で通知する", 700),
    Ask("customized", "選挙投票管理", "投票所入場券の帳票出力", "投票所入場券の点字シール印字指示",
        "視覚障害のある有権者の投票所入場券に、点字シールを貼る指示を印字してほしい。", "own_policy", True,
        "視覚障害のある有権者への配慮が後退する。", "名簿から対象者を確認して点字シールを貼る", 25),
    Ask("customized", "軽自動車税", "減免申請の登録", "障害者減免の独自基準",
        "市独自の基準（通院用の車両）による障害者減免を登録できるようにしてほしい。", "own_policy", True,
        "独自基準の減免を受けられなくなる。", "減免額を手計算する", 40),
    Ask("customized", "家屋評価", "評価図面の登録", "家屋評価図面のタブレット取込",
        "現地調査でタブレットに描いた家屋の図面を、評価図面として取り込めるようにしてほしい。", "efficiency", False,
        "紙の図面をスキャンすれば足りるが、評価替えの年に作業が集中する。", "紙の図面をスキャンして保存する", 60),
    Ask("customized", "学童保育管理", "利用料の一括処理", "学童保育利用料の兄弟減額",
        "兄弟で利用する世帯の学童保育利用料を、市の規則どおりに減額して一括で計算できるようにしてほしい。", "own_policy", False,
        "減額を手計算すれば対応できるが、毎月の確認に時間がかかる。", "減額を手計算する", 40),
    Ask("standardized", "国民健康保険(資格)", "資格確認書の一括処理", "資格確認書の一括交付",
        "マイナ保険証を持たない被保険者に、資格確認書を一括して交付できるようにしてほしい。", "legal", True,
        "資格確認書が届かないと、マイナ保険証を持たない人が受診しにくくなる。", "申請を受けて1件ずつ交付する", 1_500),
    Ask("standardized", "外字管理", "文字情報基盤のデータ連携", "文字情報基盤の外字への対応",
        "氏名の外字を文字情報基盤の文字に対応させ、他業務と連携できるようにしてほしい。", "legal", False,
        "近い字形で印字しても法的には足りるが、本人の氏名の字形が変わる。", "近い字形で代替する", 30),
    Ask("standardized", "個人住民税", "特別徴収税額通知のデータ連携", "特別徴収税額通知の電子送付",
        "特別徴収税額通知を、事業所向けに電子データで送付できるようにしてほしい。", "legal", False,
        "紙の通知でも効力は同じだが、電子での受取を求める事業所が増えている。", "紙で送付する", 300),
    Ask("withdrawn", "印鑑登録", "印鑑登録証明書の帳票出力", "印鑑登録証明書の独自様式",
        "印鑑登録証明書を市の従来の様式で出力してほしい。", "other", False,
        "標準様式でも証明の効力は同じである。", "標準様式を使う", 1_500),
    Ask("withdrawn", "収滞納管理(滞納)", "督促状の帳票出力", "督促状の文言を市の例規に合わせる",
        "督促状の文言を市の例規に合わせて変更してほしい。", "legal", False,
        "標準の文言でも法的な効力は同じである。", "標準の文言を使う", 800),
    Ask("withdrawn", "児童手当", "支払記録の統計", "児童手当の学校区別支払一覧",
        "児童手当の支払状況を学校区別に集計してほしい。", "efficiency", False,
        "抽出条件を変えれば標準の統計で同じ情報が得られる。", "標準の統計を学校区で並べ替える", 200),
    Ask("withdrawn", "国民年金", "免除申請の帳票出力", "免除申請書への事前印字",
        "保険料免除申請書に、氏名と基礎年金番号を印字して送付できるようにしてほしい。", "efficiency", False,
        "申請は窓口で記入してもらえば足りる。", "白紙の申請書で受け付ける", 150),
    Ask("withdrawn", "自動交付機", "利用統計の帳票出力", "自動交付機の時間帯別利用統計",
        "自動交付機の利用件数を時間帯別に集計して出力してほしい。", "efficiency", False,
        "標準の統計を表計算ソフトで集計すれば足りる。", "標準の統計を表計算ソフトで集計する", 20),
    Ask("withdrawn", "公営住宅管理", "収入申告の一括処理", "収入申告書の未提出者一覧",
        "収入申告書を提出していない入居者を一覧にしてほしい。", "efficiency", False,
        "標準の照会画面で未提出者を確認できる。", "照会画面で未提出者を確認する", 30),
    Ask("withdrawn", "障害者福祉業務", "福祉タクシー券の帳票出力", "福祉タクシー券の交付台帳の独自様式",
        "福祉タクシー券の交付台帳を、市の従来の様式で出力してほしい。", "other", False,
        "標準の交付台帳で必要な項目は揃っている。", "標準の交付台帳を使う", 50),
    Ask("withdrawn", "農業行政", "耕作証明の帳票出力", "耕作証明書への地図の添付",
        "耕作証明書に、証明する農地の位置図を添付して出力してほしい。", "other", False,
        "位置図は窓口で別に印刷して添付できる。", "位置図を別に印刷して添付する", 40),
    Ask("withdrawn", "住登外管理", "送付先の修正", "住登外者の送付先の複数登録",
        "住登外者に、税と福祉で別々の送付先を登録できるようにしてほしい。", "efficiency", False,
        "業務ごとに送付先を登録する標準機能で対応できる。", "業務ごとの送付先を使う", 100),
    Ask("withdrawn", "国民健康保険(賦課)", "軽減判定の照会", "軽減判定の根拠の画面表示",
        "保険税の軽減判定の根拠（世帯の所得の内訳）を画面に表示してほしい。", "efficiency", False,
        "判定結果の帳票で根拠を確認できる。", "判定結果の帳票で確認する", 300),
    Ask("withdrawn", "裁判員制度", "予定者名簿の帳票出力", "裁判員候補者予定者名簿の並び順",
        "裁判員候補者予定者名簿を投票区順に並べて出力してほしい。", "other", False,
        "標準の並び順でも選挙管理委員会の確認に支障はない。", "標準の並び順を使う", 2),
    # The open items of 税業務 are the agenda of the demo's upcoming 第4回 税業務部会 (the meeting view's
    # flow is driven over them): R-0033 (那珂市) comes first in business-system order, then R-0032.
    Ask("under_review", "コンビニ収納", "バーコード納付書の帳票出力", "納期限後のコンビニ納付書の再発行",
        "納期限を過ぎた税の再発行納付書にもバーコードを印字し、コンビニで納付できるようにしてほしい。", "efficiency", True,
        "納期限後は窓口か金融機関でしか納付できず、住民が平日に出向かなければならない。", "金融機関の窓口で納付してもらう",
        600, askers=(2, 3)),
    Ask("under_review", "固定資産税", "課税明細書の帳票出力", "課税明細書の地目別小計の印字",
        "固定資産税の課税明細書に、地目ごとの面積と課税標準額の小計を印字してほしい。", "efficiency", False,
        "納税者が自分で合計すれば足りるが、納税通知書の発送後に窓口への問い合わせが集中する。", "問い合わせに窓口で答える",
        1_500, askers=(1,)),
    Ask("requested", "介護保険", "分割納付の登録", "介護保険料の分割納付計画",
        "介護保険料の分割納付計画を画面で作成できるようにしてほしい。", "efficiency", False,
        "件数が少なく、表計算ソフトで計画を作れる。", "表計算ソフトで計画を作成する", 15),
    Ask("requested", "総合窓口", "手続案内の帳票出力", "転入時の手続案内の自動作成",
        "転入の届出内容から、その世帯に必要な手続の案内を自動で作成して出力してほしい。", "efficiency", False,
        "職員が手で案内を選べば足りるが、窓口の待ち時間が延びる。", "職員が手続案内を選んで渡す", 400),
)
_HEARING_NOTES = (
    "処理の流れと年間件数（約{cases}件）を確認した。3月から4月の繁忙期に集中する。",
    "担当職員2名で処理していること、年間件数（約{cases}件）を確認した。",
    "年間件数（約{cases}件）と、他団体の運用を参考にした代替運用案の可否を確認した。",
)


def localize(text: str, member: str) -> str:
    """「市独自」「市営住宅」「市の例規」 as the asking member says it: 町独自, 町営住宅 ... for a town."""
    kind = member[-1] if member[-1] in "市町村" else "市"
    for word in ("市独自", "町独自", "市営", "市の"):
        text = text.replace(word, kind + word[1:])
    return text


def annual_cases(per_10k: int, population: int, rng: random.Random) -> int:
    """A member's yearly case count: the ask's rate per 10,000 residents, scaled and varied a little."""
    n = per_10k * population / 10_000 * rng.uniform(0.8, 1.25)
    return max(1, round(n) if n < 100 else int(round(n, -1)))


def find_function(s: Session, system: str, name: str) -> int:
    """The demo function named ``name`` in ``system``, so that a request sits on the function it is
    about. A smaller demo list (the UI tests use 300 functions, seven per system) may lack it: then a
    function of the same subject, else the system's first function, still in the right system."""
    q = select(Function.id).join(BusinessSystem, BusinessSystem.id == Function.business_system_id) \
        .where(BusinessSystem.name == system).order_by(Function.sort_order, Function.id)
    found = s.scalar(q.where(Function.name == name))
    if found is None:
        found = s.scalar(q.where(Function.name.startswith(name.split("の")[0] + "の")))
    if found is None:
        found = s.scalar(q)
    if found is None:
        raise LookupError(f"デモの機能一覧に「{system}」の「{name}」がありません。")
    return found


MeetingFor = Callable[[int, int], "int | None"]  # (item id, stage 1 検討開始 / 2 判断 / 3 実施決定) → meeting id


def create_demo_requests(s: Session, *, seed: int = 31, meeting_for: MeetingFor | None = None) -> int:
    """Create the demo request items in every status through the normal operations; return how many.

    ``meeting_for`` names the meeting each decision refers to (none without it)."""
    meeting = meeting_for or (lambda _item, _stage: None)
    rng = random.Random(seed)
    members = list(s.execute(select(Member.id, Member.population, Member.name).order_by(Member.sort_order, Member.id)))
    if not members:
        return 0
    start = dt.date(2026, 4, 13)
    for n, ask in enumerate(ASKS):
        assert ask.system != KEEP_FREE_SYSTEM
        askers = rng.sample(members, rng.randint(1, min(3, len(members))))
        if ask.askers and max(ask.askers) < len(members):
            askers = [members[i] for i in ask.askers]
        day = start + dt.timedelta(days=n)
        cases = {mid: annual_cases(ask.per_10k, pop, rng) for mid, pop, _ in askers}
        parts = [req.MemberPart(mid, req.PartFields(
            content=localize(ask.content, name), reason=ask.reason, service_drop=ask.drop,
            service_drop_detail=localize(ask.detail, name), workaround=ask.workaround, annual_cases=cases[mid],
        )) for mid, _, name in askers]
        item = req.save_item(
            s, item_id=None, allow_duplicate=True, parts=parts,
            item=req.ItemFields(title=localize(ask.title, askers[0][2]),
                                function_id=find_function(s, ask.system, ask.function)),
        ).id
        if ask.outcome == "requested":
            continue
        first = askers[0][0]
        req.record_hearing(s, item_id=item, member_id=first, held_on=day + dt.timedelta(days=14),
                           confirmed=_HEARING_NOTES[n % len(_HEARING_NOTES)].format(cases=f"{cases[first]:,}"),
                           confirmed_cases=cases[first])
        req.move_item(s, item_id=item, to="under_review", reason="部会で検討を開始", meeting_id=meeting(item, 1))
        if ask.outcome == "under_review":
            continue
        if ask.outcome == "withdrawn" and n % 3:
            req.move_item(s, item_id=item, to="withdrawn", meeting_id=meeting(item, 2),
                          reason=f"代替運用案（{ask.workaround}）で対応できることを部会で確認し、要望団体が取り下げた")
            continue
        if ask.outcome == "withdrawn":  # withdrawn member by member, outside a meeting
            for mid, _, _ in askers:
                req.withdraw_member(s, item_id=item, member_id=mid, reason=f"{ask.workaround}ことで対応できる",
                                    on=day + dt.timedelta(days=40))
            continue
        if ask.outcome == "standardized":
            req.move_item(s, item_id=item, to="standardized", meeting_id=meeting(item, 2),
                          reason="制度改正への対応として、ベンダーが次期バージョンで標準機能として実装することになった")
            continue
        req.update_item(s, item_id=item, estimate=rng.choice((330_000, 880_000, 1_650_000, 2_750_000, 4_400_000)))
        for k, (mid, _, _) in enumerate(askers):
            req.record_approval(s, item_id=item, member_id=mid, stage="finance", approved_on=day + dt.timedelta(days=50),
                                reference=f"財第{300 + n * 3 + k}号")
            req.record_approval(s, item_id=item, member_id=mid, stage="mayor", approved_on=day + dt.timedelta(days=60),
                                reference=f"決裁第{500 + n * 3 + k}号")
        why = "自治体独自施策であり" if ask.reason == "own_policy" else "運用での代替では事務効率が大きく下がり"
        req.move_item(s, item_id=item, to="customized", meeting_id=meeting(item, 3),
                      reason=f"{why}、負担団体の財政課協議・首長決裁を経て実施を決定")
    return len(ASKS)
