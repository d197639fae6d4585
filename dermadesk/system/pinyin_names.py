"""Pinyin for Chinese names, so a Latin keyboard finds 王芳 by "wangfang", "wang fang" or "fang", and
Chinese names sort by their sound (pypinyin does the reading; surnames read differently are fixed here)."""

from __future__ import annotations

import functools

# Characters read one way as a surname and another in ordinary words (单 is "dan" in 简单, "Shan" as a name).
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "区": "ou",
    "仇": "qiu",
    "解": "xie",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "尉": "yu",
    "繁": "po",
    "隗": "wei",
}


def has_han(text: str) -> bool:
    """True if the text holds a Chinese character (the CJK Unified Ideographs and their extension A)."""
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def syllables(text: str, surname: bool = False) -> list[str]:
    """'王芳' -> ['wang', 'fang']; Latin letters pass through as they are ('张 Mary' -> ['zhang', 'mary'])."""
    text = text.strip()
    if not text:
        return []
    from pypinyin import Style, lazy_pinyin  # 0.3 s of dictionaries: loaded with the first Chinese name only

    first = SURNAME_READINGS.get(text[0]) if surname else None
    rest = text[1:] if first else text
    read = lazy_pinyin(rest, style=Style.NORMAL, errors="default")
    words = [first] if first else []
    for part in read:
        words.extend(part.lower().split())
    return [w for w in words if w]


def latin_name(given: str, family: str) -> str:
    """'Wang Fang' for 王芳 (family name first, as Chinese names are said); empty if neither has Han."""
    if not has_han(given + family):
        return ""
    parts = ["".join(syllables(family, surname=True)), "".join(syllables(given))]
    return " ".join(part.capitalize() for part in parts if part)


def search_forms(given: str, family: str) -> list[str]:
    """Every pinyin a receptionist may type: each syllable, each name whole, both orders joined, and 'lu'
    for 'lv' (ü typed as u)."""
    if not has_han(given + family):
        return []
    fam, giv = syllables(family, surname=True), syllables(given)
    forms = [*fam, *giv, "".join(fam), "".join(giv), "".join(fam + giv), "".join(giv + fam)]
    forms += [form.replace("v", "u") for form in forms if "v" in form]
    return list(dict.fromkeys(form for form in forms if form))


@functools.lru_cache(maxsize=20_000)  # every keystroke's rows sort again: the same names, read once
def sort_key(name: str) -> str:
    """Chinese names sort by their pinyin among Latin ones ('王芳' between 'Walker' and 'Webb')."""
    return " ".join(syllables(name)).casefold() if has_han(name) else name.casefold()
