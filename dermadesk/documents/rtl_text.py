"""Right-to-left runs (Hebrew, Arabic) put in visual order, since reportlab lays out left to right only."""

from __future__ import annotations

import unicodedata

from dermadesk.documents.arabic_forms import shape_arabic

_STRONG_RTL = frozenset({"R", "AL"})
_NUMBERS = frozenset({"EN", "AN"})
_MIRRORED = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«"}


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


def to_visual(text: str) -> str:
    """Left-to-right text with every embedded right-to-left run shaped and reversed in place.

    This is a deliberately small part of the Unicode bidi algorithm: the paragraph is taken as
    left-to-right, and a run reaches from its first to its last right-to-left letter (spaces,
    marks and digits between them included). It is right for names and short phrases; a
    right-to-left run that wraps over two lines comes out with its lines in the wrong order.
    """
    if not has_rtl(text):
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        if unicodedata.bidirectional(text[index]) in _STRONG_RTL:
            end = _run_end(text, index)
            out.append(_reverse(shape_arabic(text[index:end])))
            index = end
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


def _run_end(text: str, start: int) -> int:
    """One past the last right-to-left letter (or its marks) before the next left-to-right letter."""
    end = start + 1
    for index in range(start + 1, len(text)):
        kind = unicodedata.bidirectional(text[index])
        if kind == "L":
            break
        if kind in _STRONG_RTL or (kind == "NSM" and index == end):
            end = index + 1
    return end


def _clusters(run: str) -> list[str]:
    """A letter with its marks, or a whole number, stays one piece when the run is reversed."""
    pieces: list[str] = []
    for ch in run:
        kind = unicodedata.bidirectional(ch)
        joins_mark = kind == "NSM" and pieces
        joins_number = kind in _NUMBERS and pieces and unicodedata.bidirectional(pieces[-1][-1]) in _NUMBERS
        if joins_mark or joins_number:
            pieces[-1] += ch
        else:
            pieces.append(_MIRRORED.get(ch, ch))
    return pieces


def _reverse(run: str) -> str:
    return "".join(reversed(_clusters(run)))
