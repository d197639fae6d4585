"""The fixed wording of the onboarding packet, per language ({name} fields are filled by the builder)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Welcome to {clinic}",
        "subtitle": "Your welcome pack, prepared for {patient} on {date}",
        "dear": "Dear {patient},",
        "letter": (
            "Thank you for choosing {clinic}. We are delighted to welcome you and look forward to caring "
            "for your skin.\n\n"
            "This pack brings together what we talked about at your first visit: the concerns you told us "
            "about, a simple routine to start with, the results of your baseline skin test, your membership "
            "benefits and the appointments we have planned. Please keep it somewhere handy and bring it to "
            "your next visit.\n\n"
            "If you have any questions, or if anything changes (a new medicine, a pregnancy or a skin "
            "reaction, for example), please call us. We are always happy to help."
        ),
        "sign_off": "With warm wishes,",
        "signature": "{practitioner} and the team at {clinic}",
        "contacts": "How to reach us",
        "phone": "Phone",
        "emergency": "Emergency line",
        "email": "E-mail",
        "website": "Website",
        "address": "Address",
        "hours": "Opening hours",
        "concerns": "What you would like help with",
        "regimen": "Your starting routine",
        "regimen_note": (
            "Start new products one at a time, a few days apart, so we can tell what suits your skin. "
            "Stop any product that stings or causes a rash, and let us know."
        ),
        "baseline": "Your baseline skin reading",
        "baseline_intro": "Measured on {reading_date}. These figures are your starting point: we will compare "
        "every future reading with them.",
        "device": "Device",
        "metric": "Measure",
        "reading": "Your reading",
        "threshold": "Concern level",
        "status": "Status",
        "ok": "Within range",
        "attention": "Needs attention",
        "when.<": "below {value}",
        "when.>": "above {value}",
        "when.>=": "{value} or above",
        "when.<=": "{value} or below",
        "legend": "Green band: healthy range · red mark: concern level · dot: your reading",
        "trend": "{metric} over time",
        "membership": "Your membership",
        "tier_line": "You are a {tier} member.",
        "benefits": "Your benefits",
        "follow_ups": "Your planned appointments",
        "follow_ups_note": "We will confirm each appointment beforehand. If a date does not suit you, "
        "please call {clinic_phone}.",
        "date": "Date",
        "appointment": "Appointment",
        "consents": "Your consents",
        "consent": "Consent",
        "choice": "Your choice",
        "recorded": "Recorded on",
        "granted": "Given",
        "refused": "Not given",
        "consents_note": "You can change any of these choices at any time: just let us know.",
        "privacy": "How we look after your information",
        "footer": "Welcome pack for {patient} · {clinic} · {clinic_phone}",
        "concern.acne": "Acne",
        "concern.melasma": "Melasma",
        "concern.rosacea": "Rosacea",
        "concern.ageing": "Signs of ageing",
        "concern.pigmentation": "Pigmentation",
        "concern.sensitivity": "Sensitive skin",
        "concern.scarring": "Scarring",
        "concern.hair_removal": "Hair removal",
        "concern.dryness": "Dryness",
        "concern.oiliness": "Oily skin",
        "concern.pores": "Enlarged pores",
        "concern.redness": "Redness",
    },
    "zh_CN": {
        "title": "欢迎来到{clinic}",
        "subtitle": "为{patient}准备的欢迎手册，{date}",
        "dear": "尊敬的{patient}：",
        "letter": (
            "感谢您选择{clinic}。我们非常高兴欢迎您的到来，并期待为您的皮肤健康提供悉心照护。\n\n"
            "本手册汇总了您首次就诊时我们讨论的内容：您关心的皮肤问题、入门护肤步骤、基线皮肤检测结果、"
            "会员权益以及我们为您安排的预约。请妥善保存，并在下次就诊时带来。\n\n"
            "如有任何疑问，或情况发生变化（例如开始服用新药、怀孕或出现皮肤反应），请致电我们。我们随时乐意为您提供帮助。"
        ),
        "sign_off": "祝您健康愉快！",
        "signature": "{practitioner}及{clinic}全体团队",
        "contacts": "联系方式",
        "phone": "电话",
        "emergency": "紧急电话",
        "email": "电子邮件",
        "website": "网站",
        "address": "地址",
        "hours": "营业时间",
        "concerns": "您希望改善的问题",
        "regimen": "您的入门护肤步骤",
        "regimen_note": (
            "新产品请逐一使用，每种间隔几天，以便判断哪些适合您的皮肤。如某种产品引起刺痛或皮疹，请停止使用并告诉我们。"
        ),
        "baseline": "您的基线皮肤检测",
        "baseline_intro": "检测日期：{reading_date}。这些数据是您的起点，今后每次检测都会与之比较。",
        "device": "检测设备",
        "metric": "检测项目",
        "reading": "您的数值",
        "threshold": "关注界值",
        "status": "状态",
        "ok": "在正常范围内",
        "attention": "需要关注",
        "when.<": "低于 {value}",
        "when.>": "高于 {value}",
        "when.>=": "{value} 或以上",
        "when.<=": "{value} 或以下",
        "legend": "绿色区间：健康范围 · 红色刻度：关注界值 · 圆点：您的数值",
        "trend": "{metric}变化趋势",
        "membership": "您的会员等级",
        "tier_line": "您是{tier}会员。",
        "benefits": "会员权益",
        "follow_ups": "已安排的预约",
        "follow_ups_note": "每次预约前我们都会与您确认。如日期不合适，请致电 {clinic_phone}。",
        "date": "日期",
        "appointment": "预约内容",
        "consents": "您的同意事项",
        "consent": "同意事项",
        "choice": "您的选择",
        "recorded": "记录日期",
        "granted": "同意",
        "refused": "不同意",
        "consents_note": "您可以随时更改以上任何选择，告诉我们即可。",
        "privacy": "我们如何保护您的信息",
        "footer": "{patient}的欢迎手册 · {clinic} · {clinic_phone}",
        "concern.acne": "痤疮",
        "concern.melasma": "黄褐斑",
        "concern.rosacea": "玫瑰痤疮",
        "concern.ageing": "衰老迹象",
        "concern.pigmentation": "色素沉着",
        "concern.sensitivity": "敏感肌",
        "concern.scarring": "疤痕",
        "concern.hair_removal": "脱毛",
        "concern.dryness": "干燥",
        "concern.oiliness": "油性皮肤",
        "concern.pores": "毛孔粗大",
        "concern.redness": "泛红",
    },
}
