"""Demo and synthetic data: a consortium that looks like the Ibaraki case, at any scale.

The function texts are generated from phrase lists written for this project (not copied from
any specification), long and multi-line like real requirement text, so that layouts, wrapping
and search meet realistic data. The same generator feeds the benchmarks (30,000 functions,
34 members).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.models import BusinessSystem
from ..importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
from ..ops import consortium as consortium_ops
from ..ops import functions as function_ops
from ..ops import members as member_ops
from .costs import create_demo_costs, set_demo_cost_rule
from .meetings import create_demo_meetings, fill_demo_meetings, item_subcommittee
from .requests import create_demo_requests

DEMO_NAME = "いばらき自治体クラウド基幹業務運営協議会（デモ）"
# 先行導入団体4団体, populations as of 平成26年4月1日 (seed 004)
DEMO_MEMBERS = (
    ("常陸大宮市", 42_963, dt.date(2013, 10, 1)),
    ("那珂市", 55_827, dt.date(2013, 10, 1)),
    ("かすみがうら市", 43_618, dt.date(2013, 10, 1)),
    ("五霞町", 9_178, dt.date(2013, 10, 1)),
)
DEMO_FUNCTIONS = 3_069  # all package functions checked in the Ibaraki case
DEMO_CONVENIENCE = 125

_OBJECTS = {
    "住民業務": ("住民票", "世帯", "転入届", "転出届", "印鑑登録証", "戸籍附票", "住所異動", "本人確認情報", "外国人住民", "証明書"),
    "税業務": ("課税台帳", "納税通知書", "申告書", "減免申請", "課税標準額", "納付書", "督促状", "滞納整理票", "口座振替", "還付金"),
    "福祉業務": ("資格台帳", "被保険者証", "給付記録", "認定申請", "保険料", "受給者証", "支給決定", "所得判定", "高額療養費", "負担区分"),
    "総合業務": ("選挙人名簿", "投票記録", "学齢簿", "入居者台帳", "登録犬台帳", "受益者台帳", "農地台帳", "健診記録", "交付記録", "外字"),
}
# What each business system of the Ibaraki preset keeps, so that its functions read like its own
# (選挙投票管理 has 投票所入場券, not 学齢簿). Eight objects times the actions below cover the
# ~73 functions per system of the demo without repeating a name. Other systems use _OBJECTS.
_SYSTEM_OBJECTS = {
    "住民基本台帳": ("住民票", "世帯", "転入届", "転出届", "転居届", "住所異動", "本人確認情報", "外国人住民"),
    "住基ネット連携": ("本人確認情報", "住基ネット送信データ", "附票本人確認情報", "通知データ", "照会結果", "送信履歴",
                       "連携エラー", "個人番号"),
    "印鑑登録": ("印鑑登録証", "印鑑登録原票", "印鑑登録証明書", "登録申請", "廃止届", "亡失届", "照合記録", "交付記録"),
    "選挙投票管理": ("選挙人名簿", "投票所入場券", "期日前投票", "不在者投票", "投票記録", "在外選挙人名簿", "名簿抄本", "投票区"),
    "裁判員制度": ("裁判員候補者名簿", "予定者名簿", "名簿調製", "抽出記録", "辞退申出", "通知記録", "欠格事由", "照会記録"),
    "住登外管理": ("住登外者", "住登外宛名", "送付先", "課税対象者", "異動記録", "宛名番号", "照会記録", "名寄せ"),
    "個人住民税": ("課税台帳", "納税通知書", "申告書", "給与支払報告書", "特別徴収税額通知", "課税証明書", "減免申請", "所得照会"),
    "法人住民税": ("法人台帳", "申告書", "納付書", "均等割", "法人税割", "設立届", "異動届", "申告期限"),
    "軽自動車税": ("課税台帳", "納税通知書", "登録申告", "廃車申告", "減免申請", "標識交付", "納税証明書", "車両情報"),
    "固定資産税": ("土地課税台帳", "家屋課税台帳", "縦覧帳簿", "名寄帳", "納税通知書", "課税明細書", "評価証明書", "減免申請"),
    "電子申告支援": ("電子申告データ", "受付データ", "審査結果", "取込記録", "利用者情報", "送信データ", "エラー一覧", "添付書類"),
    "申告受付支援": ("申告相談", "申告書", "受付票", "収入情報", "控除情報", "相談予約", "受付記録", "住民税申告"),
    "収滞納管理(収納)": ("収納データ", "納付書", "口座振替", "消込記録", "過誤納金", "還付金", "充当記録", "収納日計"),
    "収滞納管理(滞納)": ("滞納者台帳", "督促状", "催告書", "分納誓約", "差押記録", "交渉記録", "執行停止", "延滞金"),
    "総合滞納": ("滞納整理票", "名寄せ", "交渉経過", "財産調査", "滞納処分", "徴収猶予", "換価記録", "滞納繰越"),
    "課税資料イメージ管理": ("課税資料", "資料イメージ", "索引情報", "読取記録", "閲覧記録", "保存期間", "廃棄記録", "資料区分"),
    "家屋評価": ("家屋評価調書", "評点数", "再建築費", "経年減点", "評価図面", "補正率", "評価替え", "現地調査"),
    "国民健康保険(資格)": ("資格台帳", "被保険者証", "資格取得届", "資格喪失届", "高齢受給者証", "限度額認定証",
                           "資格確認書", "世帯主変更"),
    "国民健康保険(賦課)": ("保険税台帳", "納税通知書", "軽減判定", "所得割", "均等割", "減免申請", "賦課限度額", "更正通知"),
    "国民健康保険(給付)": ("給付記録", "高額療養費", "療養費", "出産育児一時金", "葬祭費", "支給決定", "勧奨通知", "レセプト"),
    "国民健康保険(国保滞納対策)": ("滞納世帯", "短期被保険者証", "弁明書", "納付相談", "特別療養費", "滞納処分", "催告書", "納付誓約"),
    "国民年金": ("被保険者記録", "資格取得届", "免除申請", "付加年金", "年金生活者支援給付金", "受給権者", "届書送付", "学生納付特例"),
    "後期高齢者医療": ("被保険者台帳", "被保険者証", "保険料", "納入通知書", "減額判定", "葬祭費", "送付先", "広域連合連携データ"),
    "介護保険": ("資格台帳", "被保険者証", "認定申請", "要介護認定", "保険料", "分割納付", "負担限度額", "給付記録"),
    "障害者福祉業務": ("障害者手帳", "交付申請", "等級判定", "補装具", "日常生活用具", "福祉タクシー券", "手当受給者", "医療費助成"),
    "障害者自立支援": ("受給者証", "支給決定", "サービス利用計画", "給付費", "利用者負担", "障害支援区分", "事業所", "審査会"),
    "医療費助成(マル福)": ("受給者台帳", "受給者証", "資格認定", "助成記録", "償還払い", "所得判定", "更新申請", "独自助成"),
    "児童手当": ("受給者台帳", "認定請求", "額改定", "支払記録", "所得判定", "消滅届", "口座変更", "寄附申出"),
    "児童扶養手当": ("受給者台帳", "認定請求", "現況届", "支給停止", "所得判定", "支払記録", "一部支給停止", "証書"),
    "保育料": ("保育料台帳", "入所申込", "利用者負担額", "減免申請", "納入通知書", "多子軽減", "階層判定", "副食費"),
    "学童保育管理": ("利用者台帳", "入所申込", "利用料", "減免申請", "出欠記録", "待機児童", "支援員", "納入通知書"),
    "学齢簿業務": ("学齢簿", "就学通知書", "就学時健診", "区域外就学", "転入学通知", "就学援助", "指定校変更", "入学通知"),
    "公営住宅管理": ("入居者台帳", "家賃", "収入申告", "入居申込", "修繕記録", "退去届", "駐車場使用料", "家賃減免"),
    "畜犬管理": ("登録犬台帳", "狂犬病予防注射", "鑑札", "注射済票", "登録申請", "死亡届", "所在地変更", "集合注射案内"),
    "下水道受益者負担": ("受益者台帳", "負担金", "分割納付", "徴収猶予", "納入通知書", "賦課区域", "異動申告", "減免申請"),
    "農業行政": ("農地台帳", "農家台帳", "農地転用", "利用権設定", "耕作証明", "農業委員会", "営農計画", "現況調査"),
    "健康管理": ("健診記録", "予防接種", "がん検診", "健診案内", "母子健康手帳", "乳幼児健診", "保健指導", "受診勧奨"),
    "自動交付機": ("交付記録", "利用者カード", "証明書", "暗証番号", "稼働記録", "手数料", "交付停止", "利用統計"),
    "外字管理": ("外字", "外字字形", "文字コード", "同定記録", "外字辞書", "印字確認", "文字情報基盤", "外字一覧"),
    "総合窓口": ("窓口受付", "受付番号", "手続案内", "証明書", "待ち人数", "窓口記録", "届出一覧", "交付記録"),
    "コンビニ収納": ("収納データ", "バーコード納付書", "速報データ", "確報データ", "消込記録", "手数料", "取扱期限", "納付書"),
    "クレジット収納": ("収納データ", "決済記録", "納付申込", "手数料", "取消記録", "消込記録", "速報データ", "利用者情報"),
}
_ACTIONS = (
    ("登録", "新規に登録できること。"),
    ("照会", "条件を指定して検索し、画面に照会できること。"),
    ("修正", "登録済みの内容を修正できること。修正前の内容は履歴として保持すること。"),
    ("削除", "誤って登録した内容を削除できること。削除した内容は復元できること。"),
    ("帳票出力", "所定の様式で帳票を出力できること。出力した日時と操作者を記録すること。"),
    ("一括処理", "指定した条件に該当するものを一括して処理できること。処理結果の一覧を出力すること。"),
    ("異動処理", "異動事由と異動日を入力して異動を処理できること。"),
    ("統計", "集計区分を指定して統計表を作成できること。"),
    ("データ連携", "他業務システムとデータを連携できること。連携の結果を確認できること。"),
    ("履歴管理", "過去の内容を履歴として管理し、任意の時点の内容を照会できること。"),
)
_DETAILS = (
    "氏名（漢字・カナ）、生年月日、性別、住所を検索条件に指定できること。",
    "検索結果が複数の場合は一覧で表示し、選択できること。",
    "入力内容に誤りがある場合は、エラーの内容を画面に表示すること。",
    "処理日は、当日以外の日付を指定できること。",
    "外字を含む氏名を正しく表示、印字できること。",
    "帳票はプレビューで確認してから印刷できること。",
    "操作者ごとに利用できる処理を制限できること。",
    "処理件数と処理結果を画面に表示すること。",
    "和暦と西暦のいずれでも日付を入力できること。",
    "世帯単位でも個人単位でも処理できること。",
)
_LEVEL1 = ("基本情報管理", "異動管理", "証明発行", "帳票管理", "統計・分析", "システム連携")
_LEVEL2 = ("登録", "照会", "更新", "出力", "管理")


@dataclass(frozen=True)
class GeneratedList:
    business_system: str
    records: list[FunctionRecord]


def generate_function_records(
    systems: list[tuple[str, str]], total: int, *, seed: int = 2026, gaps: int = 4, convenience: int = DEMO_CONVENIENCE,
) -> list[FunctionRecord]:
    """``total`` synthetic functions spread over (system name, subcommittee) pairs."""
    rng = random.Random(seed)
    records: list[FunctionRecord] = []
    per = [total // len(systems)] * len(systems)
    for i in range(total - sum(per)):
        per[i] += 1
    gap_rows = set(rng.sample(range(total), min(gaps, total)))
    conv_rows = set(rng.sample(range(total), min(convenience, total)))
    n = 0
    for (system, subcommittee), count in zip(systems, per, strict=True):
        objects = _SYSTEM_OBJECTS.get(system) or _OBJECTS.get(subcommittee, _OBJECTS["総合業務"])
        for k in range(count):
            obj = objects[k % len(objects)]
            action, sentence = _ACTIONS[(k // len(objects)) % len(_ACTIONS)]
            level1 = _LEVEL1[(k // 17) % len(_LEVEL1)]
            level2 = f"{obj}{_LEVEL2[k % len(_LEVEL2)]}"
            details = rng.sample(_DETAILS, rng.randint(1, 4))
            text = f"{obj}を{sentence}\n" + "\n".join(f"・{d}" for d in details)
            if rng.random() < 0.15:
                text += f"\n（{rng.randint(1, 9)}.{rng.randint(1, 9)}参照）"
            roll = rng.random()
            req_class = "mandatory" if roll < 0.82 else ("optional" if roll < 0.97 else "excluded")
            fit = "○"
            if n in gap_rows:
                fit = "△" if rng.random() < 0.7 else "×"
            records.append(
                FunctionRecord(
                    row=n + 2,
                    code=f"{(k + 1) * 10:07d}" if len(systems) == 1 else f"{_system_prefix(system, systems)}{(k + 1):05d}",
                    name=f"{obj}の{action}" + ("（" + str(k // 100 + 1) + "）" if k >= 100 else ""),
                    business_system=system,
                    level1=level1,
                    level2=level2,
                    level3=None,
                    requirement=text,
                    requirement_class=req_class,
                    fit=fit,
                    convenience=n in conv_rows,
                )
            )
            n += 1
    return records


def _system_prefix(system: str, systems: list[tuple[str, str]]) -> str:
    index = [name for name, _ in systems].index(system)
    return f"{index + 1:02d}"


def create_demo(s: Session, *, functions: int = DEMO_FUNCTIONS,
                members: tuple[tuple[str, int, dt.date], ...] = DEMO_MEMBERS, name: str = DEMO_NAME,
                requests: bool = True) -> Changes:
    """Create the demo consortium: preset structure, members, a generated function list, request items and
    the meetings that decided them."""
    # One action that cannot be undone: the demo is a starting point, like creating the consortium.
    with audit.action(s, "デモデータを作成", undoable=False):
        consortium_ops.create_consortium(s, name=name, preset="ibaraki33")
        for member_name, population, joined in members:
            member_ops.add_member(s, name=member_name, population=population, joined_on=joined)
        systems = [(b.name, b.subcommittee.name) for b in s.scalars(select(BusinessSystem).order_by(BusinessSystem.sort_order))]
        records = generate_function_records(systems, functions)
        parsed = ParsedFunctionList("デモデータ", None, ColumnMapping(0, {"code": 0, "name": 1, "business_system": 2}), records)
        plan = function_ops.plan_function_import(s, parsed, spec_version="第1.0版")
        function_ops.apply_function_import(s, plan)
        if requests:
            # the rule first: the demo's mayors approve the shares under the rule the notices print (R36)
            set_demo_cost_rule(s)
            meetings = create_demo_meetings(s)
            def meeting_for(item: int, stage: int) -> int | None:
                sub = item_subcommittee(s, item)
                return meetings.get((sub, stage)) if sub is not None else None

            create_demo_requests(s, meeting_for=meeting_for)
            fill_demo_meetings(s, meetings)
            create_demo_costs(s)  # the 50:50 cost rule, briefings and vendor-selection attendance
    return Changes(consortium=True, members=True, structure=True, functions=True, requests=bool(requests),
                   meetings=bool(requests), costs=bool(requests), measures=bool(requests), history=True)


def synthetic_members(count: int, *, seed: int = 34) -> list[tuple[str, int, dt.date]]:
    """``count`` members with populations from 400 to 400,000 (for benchmarks)."""
    rng = random.Random(seed)
    kinds = ("市", "町", "村")
    out = []
    for i in range(count):
        kind = kinds[0] if i % 3 == 0 else kinds[1] if i % 3 == 1 else kinds[2]
        pop = int(10 ** rng.uniform(2.6, 5.6))
        out.append((f"第{i + 1}{kind}", pop, dt.date(2024, 4, 1)))
    return out
