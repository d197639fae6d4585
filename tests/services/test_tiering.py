"""The monthly tier review: promotion at once, demotion only after two reviews below the floor,
overrides with an end date, history with reasons, and a month re-run replaces its run."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.tiers import TierChangeReason
from dermadesk.services.workspace import Services
from tests.builders import patient, visit

AUG, SEP, OCT = date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31)


@pytest.fixture
def clinic(services: Services) -> dict[str, int]:
    """Gold that fades (4 visits of £400 falling out of the 12-month window), a newcomer who climbs,
    a VIP with an owner's override until the end of September."""
    with services.context.store.write() as uow:
        fading = patient(uow, "Fading")
        for day in (date(2025, 9, 10), date(2025, 9, 20), date(2025, 10, 5), date(2026, 1, 15)):
            visit(uow, fading, day, 40_000)
        climber = patient(uow, "Climber")
        visit(uow, climber, date(2026, 8, 1), 30_000)
        for day in (date(2026, 9, 2), date(2026, 9, 20)):
            visit(uow, climber, day, 20_000)
        vip = patient(uow, "Vip")
        visit(uow, vip, date(2026, 6, 1), 10_000)
        never = patient(uow, "Prospect")
    return {"fading": fading, "climber": climber, "vip": vip, "prospect": never}


def tiers_of(services: Services, month: str) -> dict[int, str | None]:
    return {r.patient_id: r.tier for r in services.tiers.results(month)}


def test_three_monthly_reviews(services: Services, clinic: dict[str, int], clock) -> None:
    clock.moment = datetime(2026, 8, 20, 9, 0, tzinfo=UTC)  # the owner sets the override in August
    services.tiers.override(clinic["vip"], "platinum", "Hosts our open evenings", SEP)
    services.tiers.run_review(AUG)
    assert tiers_of(services, "2026-08")[clinic["fading"]] == "gold"
    assert tiers_of(services, "2026-08")[clinic["climber"]] == "bronze"
    assert tiers_of(services, "2026-08")[clinic["vip"]] == "platinum"
    assert tiers_of(services, "2026-08")[clinic["prospect"]] is None

    services.tiers.run_review(SEP)
    sep = {r.patient_id: r for r in services.tiers.results("2026-09")}
    assert sep[clinic["fading"]].qualified_tier == "silver"  # below the gold floor once ...
    assert sep[clinic["fading"]].tier == "gold"  # ... is not enough to lose gold
    assert sep[clinic["fading"]].below_floor_reviews == 1
    assert sep[clinic["climber"]].tier == "silver"  # promotion is at once
    assert sep[clinic["vip"]].tier == "platinum"  # the override is in force to its last day

    services.tiers.run_review(OCT)
    octo = {r.patient_id: r for r in services.tiers.results("2026-10")}
    assert octo[clinic["fading"]].tier == "bronze"  # the second review below the floor demotes
    assert octo[clinic["vip"]].tier == "bronze"  # the override ended; the floors decide again

    history = services.tiers.patient(clinic["fading"]).history
    assert [(c.from_tier, c.to_tier, c.reason) for c in history] == [
        (None, "gold", TierChangeReason.INITIAL),
        ("gold", "bronze", TierChangeReason.DEMOTION),
    ]
    vip_reasons = [c.reason for c in services.tiers.patient(clinic["vip"]).history]
    assert vip_reasons == [TierChangeReason.OVERRIDE, TierChangeReason.OVERRIDE, TierChangeReason.OVERRIDE_ENDED]


def test_rerunning_a_month_replaces_its_run(services: Services, clinic: dict[str, int]) -> None:
    first = services.tiers.run_review(SEP)
    again = services.tiers.run_review(date(2026, 9, 29))
    assert not first.replaced and again.replaced
    assert [r.month for r in services.tiers.reviews()] == ["2026-09"]
    assert len(services.tiers.results("2026-09")) == len(clinic)
    assert services.tiers.review("2026-09").as_of == date(2026, 9, 29)  # type: ignore[union-attr]
    changes = services.tiers.patient(clinic["climber"]).history
    assert len(changes) == 1, "the replaced run's history went with it"


def test_a_review_stores_every_figure(services: Services, clinic: dict[str, int]) -> None:
    summary = services.tiers.run_review(OCT)
    row = {r.patient_id: r for r in services.tiers.results("2026-10")}[clinic["climber"]]
    assert (row.recency_days, row.frequency, row.monetary_minor) == (41, 3, 70_000)
    assert row.r and row.f and row.m and row.segment and row.stage == "active" and row.ladder == "repeat"
    assert row.clv_12m_minor == 70_000 and row.clv_lifetime_minor == 70_000
    assert summary.per_tier["none"] == 1 and sum(summary.per_tier.values()) == len(clinic)
    assert summary.review.rules["tiers"]["grace_reviews"] == 2


def test_overrides_need_a_tier_reason_and_future_end(services: Services, clinic: dict[str, int]) -> None:
    with pytest.raises(DermaDeskError) as caught:
        services.tiers.override(clinic["vip"], "emerald", "  ", date(2020, 1, 1))
    assert {p.field for p in caught.value.problems} == {"tier", "reason", "ends_on"}


def test_only_owners_run_reviews_and_override(services: Services, clinic: dict[str, int]) -> None:
    services.context.actor = StaffUser("lily", "Lily", Role.RECEPTIONIST, id=None)
    for call in (
        lambda: services.tiers.run_review(OCT),
        lambda: services.tiers.override(clinic["vip"], "gold", "x", OCT),
    ):
        with pytest.raises(DermaDeskError) as caught:
            call()
        assert caught.value.code is ErrorCode.PERMISSION_DENIED
