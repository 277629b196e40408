"""Domain vocabulary: the fixed words of fit marks and requirement classes, and their spellings."""
from __future__ import annotations

import re
import unicodedata

FIT_MARKS = ("○", "△", "×")
FIT_LABELS = {"○": "標準", "△": "改修必要", "×": "対応不可"}

REQUIREMENT_CLASSES = ("mandatory", "optional", "excluded")
REQUIREMENT_LABELS = {
    "mandatory": "実装必須機能",
    "optional": "標準オプション機能",
    "excluded": "実装不可機能",
}

# Every spelling seen in real lists, mapped to the three classes. The first edition of the
# standard specifications used the older wording; the same three classes.
_REQUIREMENT_SYNONYMS = {
    "mandatory": ("実装必須機能", "実装必須", "必須", "実装すべき機能", "実装すべき"),
    "optional": (
        "標準オプション機能",
        "標準オプション",
        "オプション",
        "実装してもしなくても良い機能",
        "実装してもしなくてもよい機能",
        "実装してもしなくても良い",
        "実装してもしなくてもよい",
        "任意",
    ),
    "excluded": ("実装不可機能", "実装不可", "実装しない機能", "実装しない"),
}
# Forms (帳票要件) use the same three classes with 帳票 for 機能.
for _cls, _words in list(_REQUIREMENT_SYNONYMS.items()):
    _REQUIREMENT_SYNONYMS[_cls] = _words + tuple(w.replace("機能", "帳票") for w in _words if w.endswith("機能"))
_REQUIREMENT_LOOKUP = {
    word: cls for cls, words in _REQUIREMENT_SYNONYMS.items() for word in words
}

# Fit marks as people type them: full- and half-width, circles of several code points.
_FIT_LOOKUP = {
    "○": "○", "〇": "○", "◯": "○", "o": "○", "O": "○", "◎": None,
    "△": "△", "▲": "△",
    "×": "×", "✕": "×", "✖": "×", "x": "×", "X": "×", "╳": "×",
    "標準": "○", "適合": "○", "可": "○",
    "改修必要": "△", "改修": "△", "要改修": "△",
    "対応不可": "×", "不可": "×",
}

# The words of vendors' answers and Fit&Gap sheets: (mark, alternative). 代替 is ○ reached by an
# alternative function or EUC, with no modification; 対象外 / － is "not assessed".
FIT_WORDS: dict[str, tuple[str | None, bool]] = {
    "○": ("○", False), "〇": ("○", False), "◯": ("○", False), "⭕": ("○", False), "o": ("○", False), "O": ("○", False),
    "標準": ("○", False), "適合": ("○", False), "可": ("○", False), "対応可": ("○", False), "標準対応": ("○", False),
    "△": ("△", False), "▲": ("△", False),
    "カスタマイズ": ("△", False), "要カスタマイズ": ("△", False), "改修": ("△", False), "改修必要": ("△", False),
    "要改修": ("△", False), "カスタマイズ対応": ("△", False),
    "×": ("×", False), "✕": ("×", False), "✖": ("×", False), "x": ("×", False), "X": ("×", False), "╳": ("×", False),
    "不可": ("×", False), "対応不可": ("×", False), "不適合": ("×", False),
    "代替": ("○", True), "代替案": ("○", True), "代替機能": ("○", True), "代替対応": ("○", True), "EUC": ("○", True),
    "対象外": (None, False), "-": (None, False), "－": (None, False), "―": (None, False), "ー": (None, False),
    "該当なし": (None, False),
}


_FIT_WITH_NOTE = re.compile(r"^(.+?)(?:\((.+?)\))?(?:※\d*|\*\d*|注\d*)?$")
_NOTE_REF = re.compile(r"(?:※|注|\*)?\d*")


def parse_fit_word(value: str) -> tuple[bool, str | None, bool]:
    """(recognised, mark, alternative) for a fit cell in any of the vocabularies; blank → (True, None, False)."""
    text = value.strip()
    if not text:
        return True, None, False
    hit = FIT_WORDS.get(text)
    if hit is None:
        key = normalize_text(text).replace(" ", "").replace("　", "")
        hit = FIT_WORDS.get(key) or FIT_WORDS.get(key.upper()) or FIT_WORDS.get(key.lower())
        if hit is None:  # 「△※1」, 「○（代替）」, 「×(注2)」: a mark with a note reference or a qualifier
            m = _FIT_WITH_NOTE.match(key)
            if m:
                base = FIT_WORDS.get(m.group(1))
                extra = FIT_WORDS.get(m.group(2) or "")
                if base is not None and (m.group(2) is None or extra is not None or _NOTE_REF.fullmatch(m.group(2))):
                    # 代替 is a ○ reached another way: 「○（EUC）」 is ○ marked 代替, while 「×（EUC）」
                    # stays × (the vendor's EUC is kept as its alternative text, fit_qualifier).
                    hit = (base[0], base[1] or (extra is not None and extra[1] and base[0] == "○"))
    if hit is None:
        return False, None, False
    return True, hit[0], hit[1]


def fit_qualifier(value: str) -> str | None:
    """The alternative a vendor wrote beside a mark that is not ○ (「×（EUC）」 → 「EUC」), to keep as
    its alternative text; None for any other fit word."""
    key = normalize_text(value).replace(" ", "").replace("　", "")
    m = _FIT_WITH_NOTE.match(key)
    if not m or m.group(2) is None:
        return None
    base, extra = FIT_WORDS.get(m.group(1)), FIT_WORDS.get(m.group(2))
    if base is None or base[0] in ("○", None) or extra is None or not extra[1]:
        return None
    return m.group(2)


def understood_fit_words() -> str:
    """The understood fit words, for a refusal message."""
    return "○ 〇 ◯ 適合 標準 / △ ▲ カスタマイズ 改修 / × ✕ ✖ 不可 対応不可 / 代替（○・代替の印）/ 対象外 －（未評価）"


_TRUE_WORDS = {"○", "〇", "◯", "1", "true", "yes", "y", "はい", "有", "あり", "便利機能", "✓", "レ", "*", "＊"}
_FALSE_WORDS = {"", "0", "false", "no", "n", "いいえ", "無", "なし", "-", "－", "ー"}


def clean_text(value: str) -> str:
    """Trim a free-text cell and unify its line breaks, keeping its characters as written."""
    if not value:
        return ""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def normalize_key(value: str) -> str:
    """A comparison key: NFKC, without spaces (so 国民健康保険（資格） matches 国民健康保険(資格))."""
    return unicodedata.normalize("NFKC", value).replace(" ", "").strip()


def normalize_text(value: str) -> str:
    """NFKC-normalise and trim a cell (for codes and marks; free text goes through clean_text)."""
    if not value:
        return ""
    if not unicodedata.is_normalized("NFKC", value):  # the quick check is far cheaper than normalising
        value = unicodedata.normalize("NFKC", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def parse_fit(value: str) -> tuple[bool, str | None]:
    """Return (recognised, mark). An empty cell is recognised as 'not yet assessed'."""
    text = value.strip()
    if not text:
        return True, None
    mark = _FIT_LOOKUP.get(text, _FIT_LOOKUP.get(normalize_text(text)))
    if mark is None:
        return False, None
    return True, mark


def parse_requirement_class(value: str) -> tuple[bool, str | None]:
    """Return (recognised, class) for 実装区分; an empty cell is recognised as unknown."""
    text = normalize_text(value).replace(" ", "").replace("　", "")
    if not text:
        return True, None
    if text in REQUIREMENT_CLASSES:
        return True, text
    if text in _REQUIREMENT_LOOKUP:
        return True, _REQUIREMENT_LOOKUP[text]
    return False, None


def parse_flag(value: str) -> tuple[bool, bool]:
    """Return (recognised, flag) for yes/no columns such as 便利機能."""
    text = normalize_text(value).lower()
    if text in _FALSE_WORDS:
        return True, False
    if text in _TRUE_WORDS:
        return True, True
    return False, False


# --- customization requests ----------------------------------------------------------------

# 理由区分: English codes in the database, the Japanese labels people read and type.
REASON_CODES = ("service_level", "own_policy", "efficiency", "legal", "other")
REASON_LABELS = {
    "service_level": "住民サービス水準の維持",
    "own_policy": "自治体独自施策",
    "efficiency": "事務効率・処理件数",
    "legal": "法令・制度対応",
    "other": "その他",
}
_REASON_LOOKUP = {normalize_key(label): code for code, label in REASON_LABELS.items()}
_REASON_LOOKUP.update({code: code for code in REASON_CODES})

# 住民サービス水準が低下するか: the policy question every request must answer (measure 1).
SERVICE_DROP_LABELS = {True: "低下する", False: "低下しない"}

APPROVAL_STAGES = ("finance", "mayor")
APPROVAL_LABELS = {"finance": "財政課協議", "mayor": "首長決裁"}


def parse_reason(value: str) -> str | None:
    """The reason code for a label or code as typed (全角・半角 either way), or None."""
    return _REASON_LOOKUP.get(normalize_key(value or "")) if value else None


def parse_service_drop(value: str) -> tuple[bool, bool | None]:
    """Return (recognised, answer) for 低下する / 低下しない; an empty cell is recognised as None."""
    text = normalize_key(value or "")
    if not text:
        return True, None
    if text in ("低下する", "する", "はい", "有", "あり", "yes", "true", "1"):
        return True, True
    if text in ("低下しない", "しない", "いいえ", "無", "なし", "no", "false", "0"):
        return True, False
    return False, None


# --- meetings ------------------------------------------------------------------------------

MEETING_KINDS = ("council", "subcommittee", "working_group")
MEETING_KIND_LABELS = {"council": "協議会", "subcommittee": "部会", "working_group": "分科会"}
_MEETING_KIND_LOOKUP = {code: code for code in MEETING_KINDS} | {
    "協議会": "council", "部会": "subcommittee", "専門部会": "subcommittee", "分科会": "working_group", "WG": "working_group",
}

ATTENDEE_ROLES = ("member", "vendor", "secretariat")
ATTENDEE_ROLE_LABELS = {"member": "構成団体", "vendor": "ベンダー", "secretariat": "事務局"}

# What a meeting made of an agenda item. None (not yet discussed) is 未協議.
# 'customized_pending': カスタマイズ decided in principle at the meeting, confirmed (the item moves to
# カスタマイズ実施) when the bearing members' 財政課協議 and 首長決裁 are all recorded.
CUSTOMIZED_PENDING = "customized_pending"
def target_code(code: str | None, kind: str | None) -> str | None:
    """A request's target as printed: the 機能ID, or 「帳票 0000004」 for a form (帳票ID and 機能ID share
    one number space, so a bare code would read as a function)."""
    if code is None:
        return None
    return f"帳票 {code}" if kind == "form" else code


OUTCOMES = ("decided", "continued", "information", CUSTOMIZED_PENDING)
OUTCOME_LABELS = {"decided": "決定", "continued": "継続審議", "information": "報告",
                  CUSTOMIZED_PENDING: "カスタマイズ実施（財政課協議・首長決裁の後に確定）"}


def is_continued(outcome: str | None, decision_status: str | None) -> bool:
    """The meeting carried the item over: 継続審議, or a decision that went only as far as 検討中
    (the minutes, the agenda, the next meeting's agenda and the CLI all read an entry this way)."""
    return outcome == "continued" or (outcome == "decided" and decision_status == "under_review")


def parse_meeting_kind(value: str) -> str | None:
    """The meeting kind code for 協議会 / 部会 / 分科会 or a code, or None."""
    return _MEETING_KIND_LOOKUP.get(normalize_key(value or "")) if value else None
