"""Cell-level readings shared by the function-list parser: amounts, names made from sentences,
and the hygiene checks of issue 17 (invisible characters, control characters, IDs that were
dates, booleans or floating-point numbers in the workbook)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..domain.vocab import normalize_text

if TYPE_CHECKING:
    from .tabular import Table

# Zero-width and soft-hyphen characters: invisible, so 「T00001」 and 「T00001」+U+200B would look
# like one ID and be two. They are removed from every cell read as a key.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
# Control characters other than tab and line breaks: they break the .docx minutes later.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Private-use code points: 外字 typed on the writer's machine (Windows maps them to U+E000-U+F8FF). They
# print blank, or as another office's glyph, everywhere else — on every notice and minutes page.
PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# Either kind: the fast screens of a whole column look for both at once.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")
_AMOUNT_NOISE = re.compile(r"[,\s円¥￥\\]")
_NO_AMOUNT = {"", "-", "－", "―", "ー", "0円", "なし", "無", "不要", "対象外"}
MAX_AMOUNT = 2_147_483_647  # the INTEGER columns of PostgreSQL


def strip_invisible(value: str) -> str:
    return INVISIBLE.sub("", value) if value else value


def control_char(value: str) -> str | None:
    """The first control character of a cell as U+XXXX, or None."""
    m = CONTROL.search(value)
    return f"U+{ord(m.group()):04X}" if m else None


def private_char(value: str) -> str | None:
    """The first private-use character (外字) of a cell as U+XXXX, or None."""
    m = PRIVATE.search(value)
    return f"U+{ord(m.group()):04X}" if m else None


def private_char_message(label: str | None, code: str) -> str:
    """Why a 外字 is refused; with ``label`` None the caller names the field itself."""
    return (f"{label + 'に' if label else ''}外字（私用領域の文字 {code}）が入っています。ほかのパソコンや印刷では表示されないため、"
            "標準の文字に置き換えてから取り込んでください。")


def parse_cost(text: str, unit: int) -> tuple[bool, int | None, str | None]:
    """(recognised, yen, note) of a cost cell: 1,200 (千円 when unit is 1000) → 1200000;
    別途見積 → (True, None, "別途見積"); a negative or absurd number is not recognised."""
    t = normalize_text(text)
    if t in _NO_AMOUNT:
        return True, None, None
    # A value that says its own unit wins over the column's: 「￥350,000」 or 「350,000円」 in a column
    # headed 千円 is 350,000 yen, not 350 million (the vendor typed yen into a 千円 column).
    if re.match(r"^\s*[¥￥\\]", t) or re.search(r"(?<!千)(?<!万)円", t):
        unit = 1
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


_OPENING = "（(「『【［[〔"
_CLOSING = {"（": "）", "(": ")", "「": "」", "『": "』", "【": "】", "［": "］", "[": "]", "〔": "〕"}
# A bullet or a list number at the start of a requirement (・, ●, ○, -, 1., (1), ①): not part of the name.
_BULLET = re.compile(r"^(?:[・●○◯〇■□◆◇▪•\-－‐―*＊※]+|[0-9０-９]{1,3}[.．)）、]|[（(][0-9０-９]{1,3}[)）]|[①-⑳])\s*")


def _open_brackets(text: str) -> list[str]:
    """The brackets still open at the end of ``text``, innermost last."""
    stack: list[str] = []
    for ch in text:
        if ch in _CLOSING:
            stack.append(ch)
        elif stack and ch == _CLOSING[stack[-1]]:
            stack.pop()
    return stack


def name_from_sentence(sentence: str, limit: int = 40) -> str:
    """A function name from its requirement sentence: the first clause, shortened at a word boundary.

    「住民票の写しを交付できること。なお、…」→「住民票の写しを交付できること」; a long first clause is cut
    after the last particle or punctuation before ``limit`` characters, and marked with 「…」. A 。 inside
    brackets does not end the clause (「氏名（漢字を含む。）・旧氏」), a cut never leaves a bracket open,
    and a leading bullet or list number (・, ●, 1.) is not part of the name.
    """
    text = " ".join(sentence.split())
    body = _BULLET.sub("", sentence.strip(), count=1).strip() or sentence.strip()
    stack: list[str] = []
    end = len(body)
    for i, ch in enumerate(body):
        if ch in _CLOSING:
            stack.append(ch)
        elif stack and ch == _CLOSING[stack[-1]]:
            stack.pop()
        elif ch == "\n" or (ch == "。" and not stack):
            end = i
            break
    first = " ".join(body[:end].split()) or text
    if len(first) <= limit and not _open_brackets(first):
        return first
    if len(first) <= limit:  # a bracket opened and never closed in the clause: close it
        return first + "".join(_CLOSING[b] for b in reversed(_open_brackets(first)))
    depth = 0
    cuts = []
    for i, ch in enumerate(first[:limit]):
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING.values() and depth:
            depth -= 1
        if not depth and ch in _BOUNDARY_AFTER and i + 1 >= limit // 3:
            cuts.append(i + 1)
    if cuts:
        return first[:cuts[-1]].rstrip("、・ ") + "…"
    cut = first[:limit - 1]
    return cut + "…" + "".join(_CLOSING[b] for b in reversed(_open_brackets(cut)))


def duplicate_column_message(label: str, columns: list[int], header_row: int) -> str:
    """「団体名」の列が 2 つあります（B列、E列）: which one to read is not guessed."""
    from .tabular import column_letter

    named = "と".join(f"{column_letter(c)}列" for c in columns)
    return (f"見出し「{label}」の列が {len(columns)} つあります（{header_row}行目の{named}）。"
            "どちらを読むか決められないため、不要な列を削除するか見出しを変えてから取り込んでください。")


def text_problems(value: str, label: str, limit: int | None = None) -> list[str]:
    """Control characters and over-long text, as messages (nothing is cut silently)."""
    out = []
    bad = control_char(value)
    if bad:
        out.append(f"{label}に制御文字（{bad}）が入っています。取り除いてから取り込んでください。")
    gaiji = private_char(value)
    if gaiji:
        out.append(private_char_message(label, gaiji))
    if limit is not None and len(value) > limit:
        out.append(f"{label}が長すぎます（{len(value):,}文字、上限{limit:,}文字）。")
    return out


_FRACTION = re.compile(r"-?[0-9]*\.[0-9]+(?:[eE][-+]?[0-9]+)?|-?[0-9.]+[eE][-+]?[0-9]+")


def cell_kind_problem(table: Table, row: int, col: int, label: str) -> str | None:
    """A key read from a date, TRUE/FALSE or a floating-point number, or a formula with no saved value."""
    if (row, col) in table.uncached_formula_cells():
        return f"{label}の数式の計算結果が保存されていません。Excel で開いて再計算し、保存し直してください。"
    kind = table.cell_kinds.get((row, col))
    shown = table.rows[row][col] if col < len(table.rows[row]) else ""
    if kind == "date":
        return f"{label}「{shown}」が日付のセルです。文字列として入力し直してください。"
    if kind == "bool":
        return f"{label}「{shown}」が真偽値（TRUE/FALSE）のセルです。文字列として入力し直してください。"
    if kind == "number":
        return number_id_problem(table, row, col, label, shown)
    return None


def number_id_problem(table: Table, row: int, col: int, label: str, shown: str) -> str | None:
    """An ID typed as a number is taken as Excel shows it ("J"00000 → J00001, 0000-000 → 0100-001);
    refused when it shows a thousands separator (#,##0: 1,004), a format not read, or a fraction."""
    from .xlsx_parts import integer_format_problem

    code = table.formats.format_of(row, col) if table.formats is not None else "General"
    problem = integer_format_problem(code)
    if problem:
        return (f"{label}「{shown}」は{problem}。文字列として入力し直すか、表示形式を「0000000」のような"
                "数字だけの形式にしてください。")
    if _FRACTION.fullmatch(shown):
        return f"{label}「{shown}」が小数または指数の数値です。文字列として入力し直してください。"
    return None
