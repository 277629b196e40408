"""Cell-level readings shared by the function-list parser: amounts, names made from sentences,
and the hygiene checks of issue 17 (invisible characters, control characters, IDs that were
dates, booleans or floating-point numbers in the workbook)."""
from __future__ import annotations

import re

from ..vocab import normalize_text

# Zero-width and soft-hyphen characters: invisible, so 「T00001」 and 「T00001」+U+200B would look
# like one ID and be two. They are removed from every cell read as a key.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
# Control characters other than tab and line breaks: they break the .docx minutes later.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_AMOUNT_NOISE = re.compile(r"[,\s円¥￥\\]")
_NO_AMOUNT = {"", "-", "－", "―", "ー", "0円", "なし", "無", "不要", "対象外"}
MAX_AMOUNT = 2_147_483_647  # the INTEGER columns of PostgreSQL


def strip_invisible(value: str) -> str:
    return INVISIBLE.sub("", value) if value else value


def control_char(value: str) -> str | None:
    """The first control character of a cell as U+XXXX, or None."""
    m = CONTROL.search(value)
    return f"U+{ord(m.group()):04X}" if m else None


def parse_cost(text: str, unit: int) -> tuple[bool, int | None, str | None]:
    """(recognised, yen, note) of a cost cell: 1,200 (千円 when unit is 1000) → 1200000;
    別途見積 → (True, None, "別途見積"); a negative or absurd number is not recognised."""
    t = normalize_text(text)
    if t in _NO_AMOUNT:
        return True, None, None
    bare = _AMOUNT_NOISE.sub("", t)
    if bare.endswith("千"):
        bare, unit = bare[:-1], 1000
    try:
        value = float(bare)
    except ValueError:
        if re.search(r"\d", t) and not re.search(r"[ぁ-んァ-ヶ一-龠]", t):
            return False, None, None
        return (True, None, t) if len(t) <= 100 else (False, None, None)
    if value != value or value < 0:
        return False, None, None
    yen = round(value * unit)
    if yen > MAX_AMOUNT:
        return False, None, None
    return True, yen, None


_BOUNDARY_AFTER = "、。・）)」』をにがはでとへやものより"


def name_from_sentence(sentence: str, limit: int = 40) -> str:
    """A function name from its requirement sentence: the first clause, shortened at a word boundary.

    「住民票の写しを交付できること。なお、…」→「住民票の写しを交付できること」; a long first clause is cut
    after the last particle or punctuation before ``limit`` characters, and marked with 「…」.
    """
    text = " ".join(sentence.split())
    first = re.split(r"[。\n]", sentence.strip(), maxsplit=1)[0].strip()
    first = " ".join(first.split()) or text
    if len(first) <= limit:
        return first
    cut = max((i + 1 for i, ch in enumerate(first[:limit]) if ch in _BOUNDARY_AFTER and i + 1 >= limit // 3),
              default=limit - 1)
    return first[:cut].rstrip("、・ ") + "…"
