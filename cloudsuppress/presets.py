"""Presets of subcommittees and business systems.

``ibaraki33`` is the structure of いばらき自治体クラウド基幹業務運営協議会 (seed 004): the four
専門部会 and the procured business systems (調達業務：33業務) with their numbers and names
exactly as in the seed's table, including the sub-numbered systems (1-2, 3-2, 11-1, 11-2,
14-1 … 14-4) and the two unnumbered collection systems. The seed names the four
subcommittees and gives examples of each one's WGs; the assignment of the remaining systems
follows the same lines (resident records, tax and collection, welfare and health insurance,
everything else) and can be changed in the app.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PresetSystem:
    code: str | None
    name: str
    subcommittee: str


SUBCOMMITTEES_IBARAKI = ("住民業務", "税業務", "福祉業務", "総合業務")

_IBARAKI_SYSTEMS: tuple[tuple[str | None, str, str], ...] = (
    ("1", "住民基本台帳", "住民業務"),
    ("1-2", "住基ネット連携", "住民業務"),
    ("2", "印鑑登録", "住民業務"),
    ("3", "選挙投票管理", "総合業務"),
    ("3-2", "裁判員制度", "総合業務"),
    ("4", "住登外管理", "住民業務"),
    ("5", "個人住民税", "税業務"),
    ("6", "法人住民税", "税業務"),
    ("7", "軽自動車税", "税業務"),
    ("8", "固定資産税", "税業務"),
    ("9", "電子申告支援", "税業務"),
    ("10", "申告受付支援", "税業務"),
    ("11", "収滞納管理(収納)", "税業務"),
    ("11-1", "収滞納管理(滞納)", "税業務"),
    ("11-2", "総合滞納", "税業務"),
    ("12", "課税資料イメージ管理", "税業務"),
    ("13", "家屋評価", "税業務"),
    ("14-1", "国民健康保険(資格)", "福祉業務"),
    ("14-2", "国民健康保険(賦課)", "福祉業務"),
    ("14-3", "国民健康保険(給付)", "福祉業務"),
    ("14-4", "国民健康保険(国保滞納対策)", "福祉業務"),
    ("15", "国民年金", "住民業務"),
    ("16", "後期高齢者医療", "福祉業務"),
    ("17", "介護保険", "福祉業務"),
    ("18", "障害者福祉業務", "福祉業務"),
    ("19", "障害者自立支援", "福祉業務"),
    ("20", "医療費助成(マル福)", "福祉業務"),
    ("21", "児童手当", "福祉業務"),
    ("22", "児童扶養手当", "福祉業務"),
    ("23", "保育料", "福祉業務"),
    ("24", "学童保育管理", "福祉業務"),
    ("25", "学齢簿業務", "総合業務"),
    ("26", "公営住宅管理", "総合業務"),
    ("27", "畜犬管理", "総合業務"),
    ("28", "下水道受益者負担", "総合業務"),
    ("29", "農業行政", "総合業務"),
    ("30", "健康管理", "福祉業務"),
    ("31", "自動交付機", "住民業務"),
    ("32", "外字管理", "住民業務"),
    ("33", "総合窓口", "住民業務"),
    (None, "コンビニ収納", "税業務"),
    (None, "クレジット収納", "税業務"),
)

PRESETS: dict[str, tuple[tuple[str, ...], tuple[PresetSystem, ...]]] = {
    "ibaraki33": (
        SUBCOMMITTEES_IBARAKI,
        tuple(PresetSystem(code, name, sub) for code, name, sub in _IBARAKI_SYSTEMS),
    ),
    "empty": ((), ()),
}

PRESET_LABELS = {
    "ibaraki33": "茨城県方式（4専門部会・33業務）",
    "empty": "空（部会・業務を自分で登録）",
}
