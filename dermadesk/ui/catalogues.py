"""Words the UI makes from domain values at run time (an enum's value, a default name), listed here so
lupdate finds them and the translators see them; the glossary (resources/i18n/glossary.md) fixes their
Chinese. Clinic-entered names (treatments, renamed tiers or metrics) are shown as typed."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

CATALOGUE_WORDS = (
    # sexes (the patient form)
    QT_TR_NOOP("Female"),
    QT_TR_NOOP("Male"),
    QT_TR_NOOP("Other"),
    QT_TR_NOOP("Undisclosed"),
    # how patients came to the clinic
    QT_TR_NOOP("Walk in"),
    QT_TR_NOOP("Referral"),
    QT_TR_NOOP("Search"),
    QT_TR_NOOP("Social"),
    QT_TR_NOOP("Advertising"),
    QT_TR_NOOP("Event"),
    QT_TR_NOOP("Other"),
    # skin concerns
    QT_TR_NOOP("Acne"),
    QT_TR_NOOP("Melasma"),
    QT_TR_NOOP("Rosacea"),
    QT_TR_NOOP("Ageing"),
    QT_TR_NOOP("Pigmentation"),
    QT_TR_NOOP("Sensitivity"),
    QT_TR_NOOP("Scarring"),
    QT_TR_NOOP("Hair removal"),
    QT_TR_NOOP("Dryness"),
    QT_TR_NOOP("Oiliness"),
    QT_TR_NOOP("Pores"),
    QT_TR_NOOP("Redness"),
    # consultation outcomes
    QT_TR_NOOP("Booked"),
    QT_TR_NOOP("Thinking"),
    QT_TR_NOOP("Declined"),
    # complaint severities
    QT_TR_NOOP("Low"),
    QT_TR_NOOP("Medium"),
    QT_TR_NOOP("High"),
    # alert outcomes (the timeline form)
    QT_TR_NOOP("Rebooked"),
    QT_TR_NOOP("Declined"),
    QT_TR_NOOP("No answer"),
    QT_TR_NOOP("Moved"),
    QT_TR_NOOP("Deceased"),
    QT_TR_NOOP("Other"),
    # alert outcomes inside a sentence ("Resolved: no answer")
    QT_TR_NOOP("rebooked"),
    QT_TR_NOOP("declined"),
    QT_TR_NOOP("no answer"),
    QT_TR_NOOP("moved"),
    QT_TR_NOOP("deceased"),
    QT_TR_NOOP("other"),
    # message channels
    QT_TR_NOOP("SMS"),
    QT_TR_NOOP("Messaging app"),
    QT_TR_NOOP("Letter"),
    QT_TR_NOOP("Social media"),
    # how a packet was given
    QT_TR_NOOP("Printed"),
    QT_TR_NOOP("Saved as PDF"),
    QT_TR_NOOP("Handed over"),
    # value ladder (seed 001)
    QT_TR_NOOP("Prospect customer"),
    QT_TR_NOOP("Trial customer"),
    QT_TR_NOOP("Repeat customer"),
    QT_TR_NOOP("Super customer"),
    # default tier names (a clinic may rename them in Settings)
    QT_TR_NOOP("Bronze"),
    QT_TR_NOOP("Silver"),
    QT_TR_NOOP("Gold"),
    QT_TR_NOOP("Platinum"),
    QT_TR_NOOP("Diamond"),
    # default treatment names (shown as typed once the clinic renames them)
    QT_TR_NOOP("Botulinum toxin"),
    QT_TR_NOOP("Dermal filler"),
    QT_TR_NOOP("Chemical peel"),
    QT_TR_NOOP("Laser resurfacing"),
    QT_TR_NOOP("IPL photorejuvenation"),
    QT_TR_NOOP("Microneedling"),
    QT_TR_NOOP("Laser hair removal"),
    QT_TR_NOOP("Hydrodermabrasion facial"),
    QT_TR_NOOP("Skin consultation"),
    QT_TR_NOOP("Mole removal"),
    # default skin-reading metrics
    QT_TR_NOOP("Hydration"),
    QT_TR_NOOP("Sebum"),
    QT_TR_NOOP("Elasticity / collagen density"),
    QT_TR_NOOP("Pigmentation / spot coverage"),
    QT_TR_NOOP("UV damage index"),
    QT_TR_NOOP("Redness / erythema index"),
    QT_TR_NOOP("Pores"),
    QT_TR_NOOP("Wrinkle score"),
    QT_TR_NOOP("TEWL"),
)
