"""業務 (business systems): matching the spellings lists use, renaming and removing one.

Lists name a 業務 in their own words: the ministry's 住民記録 is the consortium's 住民基本台帳,
staff write 住基, 住民税(個人) for 個人住民税, full- and half-width brackets and spaces mixed.
``SystemMatcher`` matches those to the registered systems through a synonym table; a name it
cannot match is asked about once (map it to a 業務, or add one), never reported once per row.
"""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.models import BusinessSystem, Function, Meeting, RequestItem
from ..domain.vocab import normalize_text
from ..errors import DomainError

# Each group is one 業務 under its usual spellings (the first is the preset's name).
SYSTEM_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("住民基本台帳", "住民記録", "住基", "住民記録システム", "住民基本台帳システム", "住記",
     "ジュウキ", "ジュウミンキホンダイチョウ", "ジュウミンキロク"),
    ("個人住民税", "住民税(個人)", "住民税個人", "個人住民税システム", "個人市民税", "個人市町村民税", "市町村民税(個人)",
     "コジンジュウミンゼイ"),
    ("法人住民税", "住民税(法人)", "法人市民税", "法人市町村民税", "ホウジンジュウミンゼイ"),
    ("固定資産税", "固定資産", "固定資産税システム", "コテイシサンゼイ"),
    ("軽自動車税", "軽自動車税(種別割)", "軽自動車", "ケイジドウシャゼイ"),
    ("国民健康保険(資格)", "国保資格", "国民健康保険資格", "国保(資格)"),
    ("国民健康保険(賦課)", "国保賦課", "国民健康保険税", "国民健康保険料", "国保(賦課)"),
    ("国民健康保険(給付)", "国保給付", "国保(給付)"),
    ("国民年金", "年金", "コクミンネンキン"),
    ("介護保険", "介護", "カイゴホケン", "カイゴ"),
    ("児童手当", "児手", "ジドウテアテ"),
    ("印鑑登録", "印鑑証明", "印鑑登録証明", "インカントウロク"),
    ("選挙投票管理", "選挙人名簿管理", "選挙", "センキョ"),
    ("後期高齢者医療", "後期高齢", "コウキコウレイシャイリョウ", "コウキコウレイ"),
    ("障害者福祉", "障害福祉", "ショウガイシャフクシ"),
    ("生活保護", "生保", "セイカツホゴ"),
)
_SPACE = re.compile(r"[\s　・]")


# Hiragana → katakana, so that a reading typed either way (じゅうき, ジュウキ, ｼﾞｭｳｷ) is one key.
_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}


def system_key(name: str) -> str:
    """A comparison key: NFKC (full/half width; ｼﾞｭｳｷ → ジュウキ), hiragana as katakana, no spaces or
    middle dots, 「システム」 left off. Readings in kana are in the synonym table (ジュウキ, カイゴホケン)."""
    key = _SPACE.sub("", unicodedata.normalize("NFKC", name or "")).translate(_KATAKANA)
    return key[:-4] if key.endswith("システム") and len(key) > 4 else key


_GROUP_OF = {system_key(w): i for i, words in enumerate(SYSTEM_SYNONYMS) for w in words}


class SystemMatcher:
    """Registered systems looked up by the spellings of a list, with the user's own map on top."""

    def __init__(self, s: Session, system_map: dict[str, str] | None = None):
        self.systems = {b.id: b.name for b in s.scalars(select(BusinessSystem))}
        self.by_key = {system_key(name): sid for sid, name in self.systems.items()}
        self.by_group: dict[int, int] = {}
        for key, sid in self.by_key.items():
            if key in _GROUP_OF:
                self.by_group.setdefault(_GROUP_OF[key], sid)
        self.mapped: dict[str, int] = {}
        self.problems: list[str] = []
        for written, target in (system_map or {}).items():
            found = self.match(target, use_map=False)
            if found is None:
                self.problems.append(f"対応付け先の業務「{target}」が登録されていません（{written}={target}）。")
            else:
                self.mapped[system_key(written)] = found

    def match(self, name: str, *, use_map: bool = True) -> int | None:
        """The id of the registered system this spelling means, or None."""
        key = system_key(name)
        if use_map and key in self.mapped:
            return self.mapped[key]
        if key in self.by_key:
            return self.by_key[key]
        group = _GROUP_OF.get(key)
        return self.by_group.get(group) if group is not None else None

    def suggestion(self, name: str) -> str | None:
        """A registered system whose name contains this one (or the reverse), to offer first."""
        key = system_key(name)
        for k, sid in self.by_key.items():
            if key and (key in k or k in key):
                return self.systems[sid]
        return None


def read_as(s: Session, name: str) -> tuple[str, bool] | None:
    """The registered 業務 a new name would be read as by imports and commands, and whether only its
    spelling differs (True: width, spaces, 「システム」) rather than being a synonym (住民記録 for
    住民基本台帳); None when it is read as no registered 業務 (or is one's exact name)."""
    matcher = SystemMatcher(s)
    found = matcher.match(name)
    if found is None or matcher.systems[found] == name:
        return None
    return matcher.systems[found], system_key(name) in matcher.by_key


def match_business_system(s: Session, name: str) -> int | None:
    """The registered 業務 a spelling means (synonyms, width, spaces), or None."""
    return SystemMatcher(s).match(name)


def rename_business_system(s: Session, *, system_id: int, name: str) -> Changes:
    """Rename a 業務 (its functions, requests and meetings follow it)."""
    system = s.get(BusinessSystem, system_id)
    if system is None:
        raise DomainError(f"業務（id {system_id}）が見つかりません。")
    new = normalize_text(name or "")  # as 業務を追加 and the dialogs: （資格） is (資格)
    if not new:
        raise DomainError("業務の名称を入力してください。")
    if len(new) > 100:
        raise DomainError(f"業務の名称が長すぎます（{len(new)}文字、上限100文字）。")
    if new == system.name:
        return Changes()
    other = s.scalar(select(BusinessSystem).where(BusinessSystem.name == new, BusinessSystem.id != system_id))
    if other is not None:
        raise DomainError(f"業務「{new}」はすでにあります。")
    old = system.name
    with audit.action(s, f"業務「{old}」を「{new}」に名称変更"):
        system.name = new
        if system.working_group == f"{old}WG":
            system.working_group = f"{new}WG"
        s.flush()
    return Changes(structure=True, functions=True, requests=True, history=True)


def remove_business_system(s: Session, *, system_id: int) -> Changes:
    """Remove a 業務 added by mistake; refused, naming them, while functions, requests or meetings refer to it."""
    system = s.get(BusinessSystem, system_id)
    if system is None:
        raise DomainError(f"業務（id {system_id}）が見つかりません。")
    reasons = []
    n_functions = s.scalar(select(func.count()).select_from(Function).where(Function.business_system_id == system_id))
    if n_functions:
        codes = list(s.scalars(select(Function.code).where(Function.business_system_id == system_id)
                               .order_by(Function.sort_order, Function.id).limit(5)))
        reasons.append(f"機能 {n_functions:,} 件（{'、'.join(codes)}{' など' if n_functions > len(codes) else ''}）")
    keys = list(s.scalars(
        select(RequestItem.key).outerjoin(Function, RequestItem.function_id == Function.id)
        .where((RequestItem.business_system_id == system_id) | (Function.business_system_id == system_id))
        .order_by(RequestItem.key)))
    if keys:
        reasons.append(f"要望 {len(keys)} 件（{'、'.join(keys[:5])}{' など' if len(keys) > 5 else ''}）")
    meetings = list(s.scalars(select(Meeting.title).where(Meeting.business_system_id == system_id)))
    if meetings:
        reasons.append(f"会議 {len(meetings)} 件（{'、'.join(meetings[:3])}{' など' if len(meetings) > 3 else ''}）")
    if reasons:
        raise DomainError(f"業務「{system.name}」は削除できません。次のデータがこの業務に登録されています: "
                          + "、".join(reasons) + "。機能一覧は別の業務に取り込み直すか、要望の業務を付け替えてから削除してください。")
    with audit.action(s, f"業務「{system.name}」を削除"):
        s.delete(system)
        s.flush()
    return Changes(structure=True, history=True)
