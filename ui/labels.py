"""The core's words on screen, translated: statuses, reasons, fit marks, requirement classes, money.

The core (``cloudsuppress``) never imports Qt, so its vocabulary stays Japanese there
(``vocab``, ``workflow.STATUS_LABELS``, ``costs``, ``ops.summary``...). The UI shows those
words through ``label(text)``, one translation context ("Labels") whose texts
scripts/update_translations.py lists from the core's tables; a word the catalogue does not
know is shown as the core gave it. The helpers below also spell the few composite texts the
UI builds from core values (amounts in yen, lists of names, the cost rule), so that English
reads as English and Japanese stays exactly as before.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cloudsuppress.domain.vocab import FIT_LABELS, REQUIREMENT_LABELS
from cloudsuppress.ops.stale_approval import RULE_CHANGED, UNKNOWN_AMOUNT, StaleApproval
from cloudsuppress.phrase import Phrase

from .dates import display_date

CONTEXT = "Labels"

# The patterns of the audit trail's composed values (cloudsuppress.ops.history.PATTERNS), for lupdate.
PHRASE_TEXTS = (
    QT_TRANSLATE_NOOP("Labels", "{0}件"),
    QT_TRANSLATE_NOOP("Labels", "{0} 件"),
    QT_TRANSLATE_NOOP("Labels", "第{0}回"),
    QT_TRANSLATE_NOOP("Labels", "（id {0}）"),
    QT_TRANSLATE_NOOP("Labels", "（削除された機能 id {0}）"),
)
# A pattern's text for a count of one (spelled out, so that lupdate lists it with its comment).
_SINGULAR = {
    "{0}件": lambda: QCoreApplication.translate("Labels", "{0}件", "one case"),
    "{0} 件": lambda: QCoreApplication.translate("Labels", "{0} 件", "one item"),
    "{0}人": lambda: QCoreApplication.translate("Labels", "{0}人", "one person"),
}


def label(text: str | None) -> str:
    """A core label (状態, 理由区分, 実装区分, 会議の種別…) in the UI language; "" for None.

    A ``Phrase`` (a value the audit trail composed, 「2,960件」「第1回」) is spelled from its
    pattern and parts instead, so that English reads "2,960 cases", "No. 1".
    """
    if isinstance(text, Phrase):
        return phrase_text(text)
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def phrase_text(phrase: Phrase) -> str:
    """A composed core value in the UI language; in Japanese exactly the core's text (dates as set in 設定)."""
    if not phrase.parts:  # a vocabulary word
        return QCoreApplication.translate(CONTEXT, phrase.pattern)
    parts = []
    for part in phrase.parts:
        if isinstance(part, Phrase):
            parts.append(phrase_text(part))
        elif isinstance(part, dt.datetime):
            parts.append(f"{display_date(part.date())} {part:%H:%M}")
        elif isinstance(part, dt.date):
            parts.append(display_date(part))
        else:
            parts.append(str(part))
    if phrase.plural_count == 1 and phrase.pattern in _SINGULAR:
        return _SINGULAR[phrase.pattern]().format(*parts)
    return QCoreApplication.translate(CONTEXT, phrase.pattern).format(*parts)


def yen(amount: int | None) -> str:
    """1650000 → 「1,650,000円」 (English: ¥1,650,000); None → ""."""
    return "" if amount is None else QCoreApplication.translate("Labels", "{0}円").format(f"{amount:,}")


def join_names(names: Iterable[str]) -> str:
    """Names in a list: 「常陸大宮市、那珂市」 (English: 'A, B')."""
    return QCoreApplication.translate("Labels", "、").join(names)


def requirement_label(cls: str | None) -> str:
    """実装区分 of a class code (mandatory, optional, excluded); "" when unknown."""
    return label(REQUIREMENT_LABELS.get(cls or "", ""))


def fit_text(mark: str | None) -> str:
    """「○ 標準」: the fit mark and its word (the mark itself is never translated)."""
    return f"{mark} {label(FIT_LABELS.get(mark, ''))}".rstrip() if mark else ""


def people(n: int) -> str:
    """「3人」 (English: '3 people', '1 person')."""
    if n == 1:
        return QCoreApplication.translate("Labels", "{0}人", "one person").format(n)
    return QCoreApplication.translate("Labels", "{0}人").format(n)


_RULE = re.compile(r"^(?:(?P<single>均等割|人口割)|均等割 (?P<eq>[\d.]+)％・人口割 (?P<pop>[\d.]+)％)（(?P<unit>[^（）]+)）$")
_UNIT = re.compile(r"^(?P<n>[\d,]+)円未満切捨て$")


def _rule_parts(text: str) -> tuple[str, str] | None:
    """(method, rounding) of a rule description, translated; None when it is not the core's grammar."""
    m = _RULE.match(text or "")
    if m is None:
        return None
    if m["single"]:
        head = label(m["single"])
    else:
        head = QCoreApplication.translate("Labels", "均等割 {0}％・人口割 {1}％").format(m["eq"], m["pop"])
    other = _UNIT.match(m["unit"])
    if other and m["unit"] != "千円未満切捨て":
        unit = QCoreApplication.translate("Labels", "{0}円未満切捨て").format(other["n"])
    else:
        unit = label(m["unit"])
    return head, unit


def rule_text(text: str) -> str:
    """A cost rule as the core describes it (「均等割 50％・人口割 50％（円単位）」), in the UI language.

    The core's ``Rule.describe`` builds it from a fixed grammar; anything else is shown as given.
    """
    parts = _rule_parts(text)
    return text if parts is None else QCoreApplication.translate("Labels", "{0}（{1}）").format(*parts)


def rule_method_text(text: str) -> str:
    """The method part of a rule description, without its rounding: 「均等割 50％・人口割 50％」."""
    parts = _rule_parts(text)
    return text.split("（")[0] if parts is None else parts[0]


def reapproval_reason_text(reason: str) -> str:
    """One reason a share moved since its 首長決裁 (``ops.stale_approval``) in the UI language."""
    if isinstance(reason, Phrase) and reason.pattern == RULE_CHANGED:  # its parts are rule descriptions
        return QCoreApplication.translate(CONTEXT, RULE_CHANGED).format(*(rule_text(str(p)) for p in reason.parts))
    return label(reason)


def reapproval_text(stale: StaleApproval) -> str:
    """「首長決裁 319,156円 → 現在 320,414円（人口 55,827人→56,500人）」 in the UI language (review R36)."""
    now = yen(stale.now) if stale.now is not None else label(UNKNOWN_AMOUNT)
    why = QCoreApplication.translate(CONTEXT, "（{0}）").format(
        join_names(reapproval_reason_text(r) for r in stale.reasons)) if stale.reasons else ""
    return QCoreApplication.translate(CONTEXT, "首長決裁 {0} → 現在 {1}{2}").format(yen(stale.approved), now, why)
