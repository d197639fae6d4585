"""Believable demo people: one faker locale per patient, name pools drawn once (faker is slow per field)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# locale, weight, preferred language, phone country code, mobile prefix, national digits after the prefix
LOCALES: tuple[tuple[str, float, str], ...] = (
    ("en_GB", 0.36, "en"),
    ("en_US", 0.06, "en"),
    ("fr_FR", 0.05, "fr"),
    ("de_DE", 0.04, "de"),
    ("pl_PL", 0.07, "pl"),
    ("ru_RU", 0.05, "ru"),
    ("el_GR", 0.04, "el"),
    ("zh_CN", 0.12, "zh_CN"),
    ("ko_KR", 0.05, "ko"),
    ("es_ES", 0.05, "es"),
    ("ar_SA", 0.04, "ar"),
    ("it_IT", 0.04, "en"),
    ("pt_PT", 0.03, "en"),
)
POOL_SIZE = 120


@dataclass(frozen=True)
class NamePool:
    locale: str
    language: str
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]
    users: tuple[str, ...]  # ASCII e-mail user names


def draw_pools(seed: int) -> list[NamePool]:
    from faker import Faker  # only demo clinics need it, and it costs 0.4 s of every start

    pools = []
    ascii_fake = Faker("en_GB", use_weighting=False)
    ascii_fake.seed_instance(seed)
    for index, (locale, _, language) in enumerate(LOCALES):
        fake = Faker(locale, use_weighting=False)
        fake.seed_instance(seed * 1000 + index)
        female = tuple(dict.fromkeys(fake.first_name_female() for _ in range(POOL_SIZE)))
        male = tuple(dict.fromkeys(fake.first_name_male() for _ in range(POOL_SIZE)))
        family = tuple(dict.fromkeys(fake.last_name() for _ in range(POOL_SIZE)))
        users = tuple(dict.fromkeys(ascii_fake.user_name() for _ in range(POOL_SIZE)))
        pools.append(NamePool(locale, language, female, male, family, users))
    return pools


def locale_weights() -> np.ndarray:
    weights = np.array([w for _, w, _ in LOCALES])
    return weights / weights.sum()


def uk_mobile(rng: np.random.Generator) -> str:
    """A possible UK mobile number in E.164 (+447 and nine digits)."""
    return "+447" + "".join(map(str, rng.integers(0, 10, 9)))
