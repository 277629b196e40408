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

from . import audit
from .changes import Changes
from .demo_meetings import create_demo_meetings, fill_demo_meetings, item_subcommittee
from .demo_requests import create_demo_requests
from .importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
from .models import BusinessSystem
from .ops import consortium as consortium_ops
from .ops import functions as function_ops
from .ops import members as member_ops

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
    for (system, subcommittee), count in zip(systems, per):
        objects = _OBJECTS.get(subcommittee, _OBJECTS["総合業務"])
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


def create_demo(s: Session, *, functions: int = DEMO_FUNCTIONS, members: tuple = DEMO_MEMBERS, name: str = DEMO_NAME,
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
            meetings = create_demo_meetings(s)
            create_demo_requests(s, meeting_for=lambda item, stage: meetings.get((item_subcommittee(s, item), stage)))
            fill_demo_meetings(s, meetings)
    return Changes(consortium=True, members=True, structure=True, functions=True, requests=bool(requests),
                   meetings=bool(requests), history=True)


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
