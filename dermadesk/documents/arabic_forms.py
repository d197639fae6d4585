"""Arabic letters to their joined presentation forms, since reportlab draws code points unshaped."""

from __future__ import annotations

import unicodedata

# The basic letters U+0621..U+063A and U+0641..U+064A in the order Unicode's Presentation Forms-B
# block (from U+FE80) lists them, with how many forms each has there: 1 = never joins (hamza),
# 2 = joins only the letter before it (isolated, final), 4 = joins both sides (+ initial, medial).
_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
_COUNTS = (1, 2, 2, 2, 2, 4, 2, 4, 2, 4, 4, 4, 4, 4, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4)
TATWEEL = "\u0640"  # the joining stroke: joins both sides, has no forms of its own
LAM = "\u0644"
# lam followed by one of these alefs is written as one ligature (isolated form; final is +1)
_LAM_ALEF = {"\u0622": 0xFEF5, "\u0623": 0xFEF7, "\u0625": 0xFEF9, "\u0627": 0xFEFB}


def _forms_table() -> dict[str, tuple[int, int]]:
    table: dict[str, tuple[int, int]] = {}
    code = 0xFE80
    for letter, count in zip(_LETTERS, _COUNTS, strict=True):
        table[letter] = (code, count)
        code += count
    return table


_FORMS = _forms_table()


def _is_transparent(ch: str) -> bool:
    """Harakat and other marks sit on a letter without breaking the join."""
    return unicodedata.bidirectional(ch) == "NSM"


def _joins_forward(ch: str | None) -> bool:
    return ch == TATWEEL or (ch in _FORMS and _FORMS[ch][1] == 4)


def _joins_backward(ch: str | None) -> bool:
    return ch == TATWEEL or (ch in _FORMS and _FORMS[ch][1] >= 2)


def _neighbour(text: str, index: int, step: int) -> str | None:
    index += step
    while 0 <= index < len(text):
        if not _is_transparent(text[index]):
            return text[index]
        index += step
    return None


def shape_arabic(text: str) -> str:
    """The same text in logical order with each letter replaced by its joined form."""
    out: list[str] = []
    index = 0
    while index < len(text):
        ch = text[index]
        before = _neighbour(text, index, -1)
        joined_before = _joins_forward(before) and _joins_backward(ch)
        if ch == LAM and index + 1 < len(text) and text[index + 1] in _LAM_ALEF:
            out.append(chr(_LAM_ALEF[text[index + 1]] + joined_before))
            index += 2
            continue
        if ch in _FORMS:
            first, count = _FORMS[ch]
            joined_after = count == 4 and _joins_backward(_neighbour(text, index, 1))
            offset = {(False, False): 0, (True, False): 1, (False, True): 2, (True, True): 3}
            out.append(chr(first + min(offset[(joined_before, joined_after)], count - 1)))
        else:
            out.append(ch)
        index += 1
    return "".join(out)
