"""The catalogue's default treatment names as a Chinese packet prints them (resources/i18n/glossary.md; the
UI's translation says the same). A name the clinic typed itself prints as typed, in any language."""

from __future__ import annotations

from dermadesk.documents.formatting import normalise_language

DEFAULT_NAMES: dict[str, dict[str, str]] = {
    "zh_CN": {
        "Botulinum toxin": "肉毒素注射",
        "Dermal filler": "玻尿酸填充",
        "Chemical peel": "化学焕肤",
        "Laser resurfacing": "激光焕肤",
        "IPL photorejuvenation": "光子嫩肤（IPL）",
        "Microneedling": "微针",
        "Laser hair removal": "激光脱毛",
        "Hydrodermabrasion facial": "小气泡清洁",
        "Skin consultation": "皮肤面诊",
        "Mole removal": "祛痣",
    }
}


def treatment_name(name: str, language: str) -> str:
    return DEFAULT_NAMES.get(normalise_language(language), {}).get(name, name)
