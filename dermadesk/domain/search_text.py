"""Normalised text for search: accent-free, case-free names in any script, digit-only phones."""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no combining mark to strip, so NFKD alone leaves them alone.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ħ": "h",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑'’.,·・]+")


def fold(text: str) -> str:
    """'Zoë Łukasz' -> 'zoe lukasz'; CJK, Cyrillic, Greek letters stay themselves."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold().strip()


def name_tokens(*parts: str) -> list[str]:
    """Every searchable word of a name, folded."""
    tokens: list[str] = []
    for part in parts:
        tokens.extend(t for t in _SEPARATORS.split(fold(part)) if t)
    return list(dict.fromkeys(tokens))


def joined_names(given: str, family: str) -> list[str]:
    """Names written without a space (王芳, 김민지) are typed whole: family+given, and given+family."""
    if not given or not family or (given + family).isascii():
        return []
    return list(dict.fromkeys([fold(family + given), fold(given + family)]))


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def looks_like_phone(query: str) -> bool:
    return len(digits(query)) >= 3 and not any(ch.isalpha() for ch in query)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
