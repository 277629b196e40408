"""Message text shaped for Qt's message boxes (shared by the op runner and the database menu,
which otherwise imported each other)."""
from __future__ import annotations


def short_lines(text: str, width: int = 34) -> str:
    """A paragraph as short lines broken after 。 and, in a long sentence, after the 、 nearest its middle:
    a message box then never wraps Japanese in the middle of a word."""
    lines: list[str] = []
    for sentence in [p + "。" for p in text.split("。") if p] if text.endswith("。") else [text]:
        while len(sentence) > width:
            depth, commas = 0, []
            for i, ch in enumerate(sentence[:width + 10]):
                depth += ch in "（(「" and 1 or 0
                depth -= ch in "）)」" and 1 or 0
                if ch in "、，" and depth <= 0 and 6 <= i < len(sentence) - 6:  # never inside （…） or 「…」
                    commas.append(i)
            if not commas:
                break
            cut = min(commas, key=lambda i: abs(i - min(width, len(sentence) // 2)))
            lines.append(sentence[:cut + 1])
            sentence = sentence[cut + 1:]
        lines.append(sentence)
    return "\n".join(lines)
