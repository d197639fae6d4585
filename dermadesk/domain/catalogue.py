"""The treatment catalogue: what the clinic sells, its price and usual follow-up interval."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TreatmentCategory(StrEnum):
    INJECTABLES = "injectables"
    LASER_LIGHT = "laser_light"
    PEELS = "peels"
    SKIN_MANAGEMENT = "skin_management"
    SURGERY = "surgery"
    RETAIL = "retail"


@dataclass(frozen=True)
class TreatmentType:
    code: str
    name: str
    category: TreatmentCategory
    default_price_minor: int
    follow_up_min_days: int | None = None
    follow_up_max_days: int | None = None
    aftercare_template: str = ""  # template code, e.g. "botulinum_toxin"
    active: bool = True
    id: int | None = None

    @property
    def follow_up_days(self) -> int | None:
        """The interval a recall is measured against: the start of the usual window."""
        return self.follow_up_min_days


DEFAULT_TREATMENTS: tuple[TreatmentType, ...] = (
    TreatmentType("botox", "Botulinum toxin", TreatmentCategory.INJECTABLES, 30000, 90, 120, "botulinum_toxin"),
    TreatmentType("filler", "Dermal filler", TreatmentCategory.INJECTABLES, 45000, 180, 365, "dermal_filler"),
    TreatmentType("peel", "Chemical peel", TreatmentCategory.PEELS, 12000, 28, 42, "chemical_peel"),
    TreatmentType(
        "laser_resurfacing", "Laser resurfacing", TreatmentCategory.LASER_LIGHT, 60000, 90, 180, "laser_resurfacing"
    ),
    TreatmentType("ipl", "IPL photorejuvenation", TreatmentCategory.LASER_LIGHT, 25000, 28, 42, "ipl"),
    TreatmentType("microneedling", "Microneedling", TreatmentCategory.SKIN_MANAGEMENT, 20000, 28, 42, "microneedling"),
    TreatmentType(
        "laser_hair_removal", "Laser hair removal", TreatmentCategory.LASER_LIGHT, 15000, 35, 56, "laser_hair_removal"
    ),
    TreatmentType(
        "hydrafacial",
        "Hydrodermabrasion facial",
        TreatmentCategory.SKIN_MANAGEMENT,
        9000,
        28,
        42,
        "hydrodermabrasion_facial",
    ),
    TreatmentType("consult_skin", "Skin consultation", TreatmentCategory.SKIN_MANAGEMENT, 5000, None, None, ""),
    TreatmentType("mole_removal", "Mole removal", TreatmentCategory.SURGERY, 35000, 14, 21, ""),
)
