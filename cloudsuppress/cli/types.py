"""Argument types and argparse's own messages, in Japanese, for the command line.

``yen`` and ``whole_number`` are argparse ``type=`` functions: they take what a secretary
types (「1,500,000」, full-width 「１５０００００」, 「1,500,000円」) and refuse anything else with
a Japanese message (argparse's own would be English: "invalid int value: '150万'").
``japanese_argparse_message`` turns argparse's usage errors ("the following arguments are
required", "invalid choice") into Japanese; ``cli._Parser`` uses it. argparse marks these
texts for gettext, but translating them that way means a process-wide .mo catalogue for the
'messages' domain; rewriting the finished message in our own parser's ``error`` keeps it
local, and an unknown (future) wording simply stays English.
"""
from __future__ import annotations

import argparse
import importlib
import re
import types
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from ..domain.costs import METHOD_LABELS
from ..domain.vocab import CUSTOMIZED_PENDING, OUTCOME_LABELS
from ..domain.workflow import STATUS_LABELS, Status

if TYPE_CHECKING:  # argparse's subparsers action is generic only in its stubs
    Subparsers: TypeAlias = argparse._SubParsersAction[Any]  # of cli._Parser, an ArgumentParser

_INTEGER = re.compile(r"(?:\d+|\d{1,3}(?:,\d{3})+)")


def _digits(text: str, *, unit: str = "") -> str | None:
    """「1,500,000」「１，５００，０００」「1500000円」 → '1500000'; None when it is not a whole number."""
    value = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    if unit and value.endswith(unit):
        value = value[: -len(unit)].rstrip()
    if not _INTEGER.fullmatch(value):
        return None
    return value.replace(",", "")


def yen(text: str) -> int:
    """An amount in yen: 1500000, 1,500,000, full-width digits, an optional 円."""
    digits = _digits(text, unit="円")
    if digits is None:
        raise argparse.ArgumentTypeError(f"金額は整数で指定してください（例: 1500000 または 1,500,000）: {text}")
    return int(digits)


def whole_number(text: str) -> int:
    """A count, an id, a row or meeting number: 12, 1,200, full-width digits."""
    digits = _digits(text)
    if digits is None:
        raise argparse.ArgumentTypeError(f"0 以上の整数で指定してください: {text}")
    return int(digits)


def request_status(*, pending: bool = False) -> Callable[[str], str]:
    """An argparse type for a request's status: its label as the GUI and the documents show it
    (要望, 検討中, 標準化, 取下げ, カスタマイズ実施; 未検討 and 取り下げ too) or its code (requested …);
    gives the code. ``pending`` adds 'customized_pending' (カスタマイズ実施（財政課協議・首長決裁の後に確定）)."""
    words = {**{st.value: st.value for st in Status}, **{label: st.value for st, label in STATUS_LABELS.items()},
             "未検討": Status.REQUESTED.value, "取り下げ": Status.WITHDRAWN.value}
    if pending:
        words.update({CUSTOMIZED_PENDING: CUSTOMIZED_PENDING, OUTCOME_LABELS[CUSTOMIZED_PENDING]: CUSTOMIZED_PENDING})
    return _vocabulary(words, list(STATUS_LABELS.values()),
                       [st.value for st in Status] + ([CUSTOMIZED_PENDING] if pending else []))


def cost_method(*, consortium: bool = False) -> Callable[[str], str]:
    """An argparse type for an apportionment method: its label as the 帳票 view shows it (均等割, 人口割,
    併用 / 均等割・人口割) or its code (equal, population, mixed); gives the code. ``consortium`` adds
    'consortium' (協議会のルール: an item back on the consortium's rule)."""
    words = {**{m.value: m.value for m in METHOD_LABELS}, **{label: m.value for m, label in METHOD_LABELS.items()},
             "併用": "mixed"}
    if consortium:
        words.update({"consortium": "consortium", "協議会のルール": "consortium"})
    return _vocabulary(words, ["均等割", "人口割", "併用"] + (["協議会のルール"] if consortium else []),
                       ["equal", "population", "mixed"] + (["consortium"] if consortium else []))


def _vocabulary(words: dict[str, str], labels: list[str], english: list[str]) -> Callable[[str], str]:
    """An argparse type taking any of ``words`` (however wide or spaced, see _word_key) and giving its code;
    a refusal lists the Japanese labels, then the English codes."""
    codes = {_word_key(w): code for w, code in words.items()}
    allowed = f"{'、'.join(labels)}、または {'、'.join(english)}"

    def word(text: str) -> str:
        code = codes.get(_word_key(text))
        if code is None:
            raise argparse.ArgumentTypeError(f"指定できない値です: {text}（指定できる値: {allowed}）")
        return code

    return word


def _word_key(text: str) -> str:
    """「カスタマイズ実施（…）」 typed with half-width brackets, spaces or capitals still matches."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _choices(text: str) -> str:
    return "、".join(c.strip().strip("'\"") for c in text.split(","))


def _invalid_value(m: re.Match[str]) -> str:
    value = m["value"].strip("'\"")
    kind = {"int": "整数", "float": "数値"}.get(m["type"])
    return f"{kind}で指定してください: {value}" if kind else f"値が正しくありません: {value}"


# argparse 3.11-3.13 wordings, after formatting; the first that matches the whole text wins.
_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple((re.compile(p, re.S), r) for p, r in (
    (r"the following arguments are required: (?P<a>.*)", lambda m: f"次の引数を指定してください: {m['a']}"),
    (r"one of the arguments (?P<a>.*) is required", lambda m: f"次の引数のどれか一つを指定してください: {m['a']}"),
    (r"unrecognized arguments: (?P<a>.*)", lambda m: f"解釈できない引数があります: {m['a']}"),
    (r"invalid choice: (?P<value>.*?) \(choose from (?P<c>.*)\)",
     lambda m: f"指定できない値です: {m['value'].strip(chr(39))}（指定できる値: {_choices(m['c'])}）"),
    (r"invalid (?P<type>\w+) value: (?P<value>.*)", _invalid_value),
    (r"not allowed with argument (?P<a>.*)", lambda m: f"{m['a']} と一緒には指定できません"),
    (r"expected one argument", lambda m: "値を一つ指定してください"),
    (r"expected at most one argument", lambda m: "値は一つまでです"),
    (r"expected at least one argument", lambda m: "値を一つ以上指定してください"),
    (r"ambiguous option: (?P<o>\S+) could match (?P<c>.*)", lambda m: f"{m['o']} がどのオプションか決められません（候補: {m['c']}）"),
    (r"ignored explicit argument (?P<a>.*)", lambda m: f"このオプションは値をとりません: {m['a']}"),
))


def add_force(parser: argparse.ArgumentParser) -> None:
    """``--force``: an export may replace an existing file (never a database)."""
    parser.add_argument("--force", action="store_true",
                        help="出力先のファイルがすでにあれば置き換える（データベースのファイルは置き換えない）")


def japanese_argparse_message(message: str) -> str:
    """argparse's English error (「argument --to: invalid choice: …」) in Japanese; unknown ones unchanged."""
    m = re.fullmatch(r"argument (?P<arg>[^:]+): (?P<rest>.*)", message, re.S)
    if m:
        return f"{m['arg']}: {japanese_argparse_message(m['rest'])}"
    for pattern, replace in _MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return replace(found)
    return message


class _LazyModule(types.ModuleType):
    """Stands for a module until one of its names is used; then imports it and hands the name on."""

    def __getattr__(self, name: str) -> Any:  # whatever the module holds: only its import knows
        return getattr(importlib.import_module(self.__name__), name)


def lazy_module(name: str) -> types.ModuleType:
    """The module ``name`` (absolute), imported when the command first uses one of its names.

    A CLI call starts a fresh process for one command: the command modules name every op
    they might call, but importing all of them (and through them the ORM, the cost rules,
    the meetings) cost each call a third of its time. ``cost_ops = lazy_module(...)`` keeps
    the call sites as they are; ``monkeypatch.setattr`` on the real module still works.
    """
    return _LazyModule(name)
