"""The default catalogue's names (treatments, tiers and their benefits, skin-reading metrics and units) as a
Chinese packet or report prints them, per resources/i18n/glossary.md (the UI's translation says the same).
A name the clinic typed itself prints as typed, in any language."""

from __future__ import annotations

from dermadesk.documents.formatting import normalise_language

DEFAULT_NAMES: dict[str, dict[str, str]] = {
    "zh_CN": {
        # treatments
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
        # membership tiers and their default benefits
        "Bronze": "铜卡",
        "Silver": "银卡",
        "Gold": "金卡",
        "Platinum": "铂金卡",
        "Diamond": "钻石卡",
        "Member prices on retail skincare; birthday skin check.": "零售护肤品享会员价；生日当月免费皮肤检测。",
        "5% off treatments; priority booking at quiet hours.": "治疗项目九五折；非高峰时段优先预约。",
        "8% off treatments; a free skin analysis each quarter; priority booking.": (
            "治疗项目九二折；每季度一次免费皮肤检测；优先预约。"
        ),
        "10% off treatments; an annual personal treatment plan; evening appointments.": (
            "治疗项目九折；每年一份个人治疗方案；可预约晚间时段。"
        ),
        "12% off treatments; a named practitioner; first choice of new treatments.": (
            "治疗项目八八折；专属主治医生；新项目优先体验。"
        ),
        # skin-reading metrics and their units
        "Hydration": "含水量",
        "Sebum": "油脂",
        "Elasticity / collagen density": "弹性 / 胶原密度",
        "Pigmentation / spot coverage": "色素 / 色斑面积",
        "UV damage index": "紫外线损伤指数",
        "Redness / erythema index": "泛红 / 红斑指数",
        "Pores": "毛孔",
        "Wrinkle score": "皱纹评分",
        "TEWL": "经皮水分流失（TEWL）",
        "% of area": "% 面积",
        "per cm²": "个/cm²",
    }
}


def default_name(name: str, language: str) -> str:
    return DEFAULT_NAMES.get(normalise_language(language), {}).get(name, name)
