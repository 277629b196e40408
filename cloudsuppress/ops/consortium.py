"""The consortium itself and its structure: subcommittees and business systems."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.models import BusinessSystem, Consortium, Subcommittee
from ..domain.vocab import normalize_text
from ..errors import DomainError
from ..presets import PRESETS
from ..wording import either
from .business_systems import read_as


@dataclass(frozen=True)
class ConsortiumInfo:
    id: int
    name: str
    preset: str | None
    created_at: dt.datetime


def get_consortium(s: Session) -> ConsortiumInfo | None:
    """The consortium of this database, or None if it has not been created yet."""
    c = s.scalars(select(Consortium).order_by(Consortium.id)).first()
    return ConsortiumInfo(c.id, c.name, c.preset, c.created_at) if c else None


def create_consortium(s: Session, *, name: str, preset: str = "ibaraki33") -> Changes:
    """Create the consortium and, from a preset, its subcommittees and business systems."""
    name = name.strip()
    if not name:
        raise DomainError("協議会の名称を入力してください。")
    if get_consortium(s) is not None:
        raise DomainError("このデータベースにはすでに協議会が登録されています。")
    if preset not in PRESETS:
        raise DomainError(f"プリセット「{preset}」はありません（{', '.join(PRESETS)}）。")
    with audit.action(s, f"協議会「{name}」を作成", undoable=False):
        _create_structure(s, name, preset)
    return Changes(consortium=True, structure=True, history=True)


def _create_structure(s: Session, name: str, preset: str) -> None:
    s.add(Consortium(name=name, preset=preset))
    subcommittees, systems = PRESETS[preset]
    by_name = {}
    for order, sc_name in enumerate(subcommittees):
        by_name[sc_name] = Subcommittee(name=sc_name, sort_order=order)
        s.add(by_name[sc_name])
    for order, ps in enumerate(systems):
        s.add(BusinessSystem(code=ps.code, name=ps.name, subcommittee=by_name[ps.subcommittee],
                             working_group=f"{ps.name}WG", sort_order=order))
    s.flush()


def list_subcommittees(s: Session) -> list[str]:
    """The 専門部会 names in display order."""
    return list(s.scalars(select(Subcommittee.name).order_by(Subcommittee.sort_order, Subcommittee.id)))


def _check_length(what: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise DomainError(f"{what}が長すぎます（{len(text)}文字、上限{limit}文字）。")


def add_subcommittee(s: Session, *, name: str) -> Changes:
    """Add a 専門部会."""
    require_consortium(s)
    name = normalize_text(name)
    if not name:
        raise DomainError("専門部会の名称を入力してください。")
    _check_length("専門部会の名称", name, 100)
    if s.scalar(select(Subcommittee).where(Subcommittee.name == name)):
        raise DomainError(f"専門部会「{name}」はすでにあります。")
    order = (s.scalar(select(func.max(Subcommittee.sort_order))) or 0) + 1
    with audit.action(s, f"専門部会「{name}」を追加"):
        s.add(Subcommittee(name=name, sort_order=order))
        s.flush()
    return Changes(structure=True, history=True)


class SynonymSystemError(DomainError):
    """A new 業務 whose name is read as a registered one (``registered``); with ``spelling`` only its
    spelling differs and no option adds it, else ``distinct=True`` (the dialog's 別の業務として追加,
    ``--distinct``) adds it all the same."""

    def __init__(self, name: str, registered: str, *, spelling: bool):
        self.name, self.registered, self.spelling = name, registered, spelling
        if spelling:
            text = (f"業務「{name}」は、登録済みの業務「{registered}」と表記が違うだけで、同じ業務として読まれます。"
                    f"「{registered}」をそのまま使ってください。")
        else:
            text = (f"「{name}」は、登録済みの業務「{registered}」の別の呼び方として読まれます（機能一覧・要望票の業務名）。"
                    f"同じ業務なら追加は不要です。別の業務として追加すると、業務名が「{name}」の一覧はその新しい業務に"
                    "取り込まれます。" + either(gui="", cli="別の業務として追加するには --distinct を付けてください。"))
        super().__init__(text)


def add_business_system(
    s: Session, *, name: str, subcommittee: str, code: str | None = None, working_group: str | None = None,
    new_subcommittee: bool = False, distinct: bool = False,
) -> Changes:
    """Add a business system under a subcommittee; with ``new_subcommittee`` the 専門部会 is created
    first, in the same user action (one undo step). The GUI's 業務を追加… and the CLI's
    ``structure add-system`` both call this.

    A name that lists and commands already read as a registered 業務 is refused (walk O1: 住民記録
    beside 住民基本台帳 took every later list saying 住民記録 into the new, empty 業務): a mere
    spelling of it always (the two could not be told apart), a synonym unless ``distinct`` says it is
    really another 業務 (選挙人名簿管理 beside 選挙投票管理 share a synonym group)."""
    require_consortium(s)
    # As the dialog shows them and as function lists are matched: NFKC (（資格） is (資格)), trimmed.
    name, subcommittee = normalize_text(name), normalize_text(subcommittee)
    code, working_group = normalize_text(code or "") or None, normalize_text(working_group or "") or None
    if not name:
        raise DomainError("業務の名称を入力してください。")
    _check_length("業務の名称", name, 100)
    _check_length("業務番号", code or "", 20)
    _check_length("ワーキンググループ", working_group or "", 100)
    if s.scalar(select(BusinessSystem).where(BusinessSystem.name == name)):
        raise DomainError(f"業務「{name}」はすでにあります。")
    read = read_as(s, name)
    if read is not None and (read[1] or not distinct):
        raise SynonymSystemError(name, read[0], spelling=read[1])
    with audit.action(s, f"業務「{name}」を追加"):
        if new_subcommittee:
            add_subcommittee(s, name=subcommittee)
        sc = s.scalar(select(Subcommittee).where(Subcommittee.name == subcommittee))
        if sc is None:
            raise DomainError(f"専門部会「{subcommittee}」がありません。")
        order = (s.scalar(select(func.max(BusinessSystem.sort_order))) or 0) + 1
        s.add(BusinessSystem(name=name, subcommittee=sc, code=code, working_group=working_group or f"{name}WG",
                             sort_order=order))
        s.flush()
    return Changes(structure=True, history=True)


def require_consortium(s: Session) -> ConsortiumInfo:
    """The consortium, or a clear error telling the user to create one first."""
    info = get_consortium(s)
    if info is None:
        raise DomainError("協議会がまだ登録されていません。先に協議会を作成してください（init）。")
    return info


# --- officers and contact (the letterhead of notices) ------------------------------------------


@dataclass(frozen=True)
class ConsortiumSettings:
    """Who signs the consortium's notices and whom members contact: the 会長 (his municipality
    and name), whether 「（公印省略）」 is printed, and the secretariat's 担当 block."""

    chair_member: str = ""  # 那珂市 (printed 「那珂市長」)
    chair_name: str = ""  # 先﨑　光
    seal_omitted: bool = True
    office_section: str = ""  # 事務局（那珂市総務部情報政策課）
    office_staff: str = ""  # 担当者の氏名
    office_phone: str = ""
    office_mail: str = ""

    def missing_for_notices(self) -> list[str]:
        """What a notice to a mayor would print without: the 会長's municipality and name, and the
        担当 block's section, person and a way to reach them (phone or mail)."""
        s = self.normalized()
        missing = [label for label, value in (("会長の団体", s.chair_member), ("会長の氏名", s.chair_name),
                                              ("担当課", s.office_section), ("担当者", s.office_staff)) if not value]
        if not (s.office_phone or s.office_mail):
            missing.append("電話またはメール")
        return missing

    def normalized(self) -> ConsortiumSettings:
        """The same settings with every text stripped."""
        return ConsortiumSettings(self.chair_member.strip(), self.chair_name.strip(), bool(self.seal_omitted),
                                  self.office_section.strip(), self.office_staff.strip(), self.office_phone.strip(),
                                  self.office_mail.strip())


_MAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9０-９()（）\-－ー‐ 　内線]+$")
_LIMITS = {"chair_member": 100, "chair_name": 100, "office_section": 200, "office_staff": 100, "office_phone": 50,
           "office_mail": 200}


def settings_problems(settings: ConsortiumSettings) -> dict[str, str]:
    """Problems per field (field name → message in Japanese); empty when the settings can be saved."""
    st = settings.normalized()
    problems: dict[str, str] = {}
    for field, limit in _LIMITS.items():
        if len(getattr(st, field)) > limit:
            problems[field] = f"{limit} 文字以内で入力してください。"
    if st.office_mail and "office_mail" not in problems and not _MAIL.match(st.office_mail):
        problems["office_mail"] = "メールアドレスの形式ではありません（例: jimukyoku@example.lg.jp）。"
    if st.office_phone and "office_phone" not in problems and not _PHONE.match(st.office_phone):
        problems["office_phone"] = "電話番号は数字とハイフン、括弧、「内線」で入力してください（例: 029-270-8011）。"
    if st.chair_name and not st.chair_member:
        problems["chair_member"] = "会長の所属団体（例: 那珂市）を入力してください。"
    return problems


def get_consortium_settings(s: Session) -> ConsortiumSettings:
    """The consortium's officers and contact (all blank before they are set)."""
    c = s.scalars(select(Consortium).order_by(Consortium.id)).first()
    if c is None:
        return ConsortiumSettings()
    return ConsortiumSettings(c.chair_member or "", c.chair_name or "", bool(c.seal_omitted), c.office_section or "",
                              c.office_staff or "", c.office_phone or "", c.office_mail or "")


def update_consortium_settings(s: Session, *, settings: ConsortiumSettings) -> Changes:
    """Store the consortium's officers and contact; refuse invalid fields with every problem named."""
    require_consortium(s)
    st = settings.normalized()
    problems = settings_problems(st)
    if problems:
        raise DomainError("\n".join(f"{SETTING_LABELS[k]}: {v}" for k, v in problems.items()))
    c = s.scalars(select(Consortium).order_by(Consortium.id).limit(1)).one()  # require_consortium: it exists
    with audit.action(s, "協議会の設定（会長・事務局の連絡先）を変更"):
        c.chair_member = st.chair_member or None
        c.chair_name = st.chair_name or None
        c.seal_omitted = st.seal_omitted
        c.office_section = st.office_section or None
        c.office_staff = st.office_staff or None
        c.office_phone = st.office_phone or None
        c.office_mail = st.office_mail or None
        s.flush()
    return Changes(consortium=True, history=True)


SETTING_LABELS = {"chair_member": "会長の所属団体", "chair_name": "会長の氏名", "seal_omitted": "公印省略",
                  "office_section": "事務局（担当課）", "office_staff": "担当者", "office_phone": "電話",
                  "office_mail": "メール"}
