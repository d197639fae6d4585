"""Churn alerts end to end on a hand-built clinic: each rule fires on its case and not on the near miss,
recall hygiene, ranking, the daily cap, and the alert's life."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from dermadesk.domain.alert_text import describe_reason
from dermadesk.domain.alerts import AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.timeline import EventKind
from dermadesk.services.workspace import Services
from tests.builders import RECORDED, at_noon, event, patient, visit

AS_OF = date(2026, 10, 31)


def ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


@pytest.fixture
def clinic(services: Services) -> dict[str, int]:
    ids: dict[str, int] = {}
    with services.context.store.write() as uow:

        def make(name: str, *visits: tuple[int, int, str]) -> int:
            ids[name] = patient(uow, name)
            for days, amount, code in visits:
                visit(uow, ids[name], ago(days), amount, code)
            return ids[name]

        make("overdue", (120, 30_000, "botox"))  # botox every 90 days, +20 % grace = 108
        make("not_yet_overdue", (100, 30_000, "botox"))
        make("overdue_booked", (120, 30_000, "botox"))
        uow.appointments.add(Appointment(ids["overdue_booked"], at_noon(AS_OF + timedelta(days=10))), RECORDED)
        make("overdue_called", (120, 30_000, "botox"))
        event(
            uow, ids["overdue_called"], EventKind.CALL, ago(6), summary="Left a message", details={"direction": "out"}
        )
        make("overdue_called_long_ago", (120, 30_000, "botox"))
        event(
            uow,
            ids["overdue_called_long_ago"],
            EventKind.CALL,
            ago(21),
            summary="No answer",
            details={"direction": "out"},
        )
        make("overdue_big_spender", (115, 90_000, "botox"), (300, 400_000, "filler"))
        rhythm = [(70 + 30 * k, 5_000, "consult_skin") for k in range(5)]  # every 30 days, last 70 days ago
        make("rhythm", *rhythm)
        make("rhythm_near_miss", *[(days - 15, a, c) for days, a, c in rhythm])  # last 55 days ago < 2 x 30
        make("unhappy", (20, 30_000, "hydrafacial"))
        event(uow, ids["unhappy"], EventKind.SURVEY, ago(6), details={"nps": 3, "satisfaction": 4})
        uow.appointments.add(Appointment(ids["unhappy"], at_noon(AS_OF + timedelta(days=3))), RECORDED)
        make("content", (20, 30_000, "hydrafacial"))
        event(uow, ids["content"], EventKind.SURVEY, ago(6), details={"nps": 7, "satisfaction": 7})
    return ids


def raised(services: Services) -> dict[tuple[int, AlertRule], object]:
    return {(v.alert.patient_id, v.alert.rule): v.alert for v in services.alerts.inbox()}


def test_each_rule_fires_on_its_case_and_not_on_the_near_miss(services: Services, clinic: dict[str, int]) -> None:
    services.alerts.run(AS_OF)
    alerts = raised(services)
    assert (clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP) in alerts
    assert (clinic["not_yet_overdue"], AlertRule.OVERDUE_FOLLOW_UP) not in alerts
    assert (clinic["rhythm"], AlertRule.BROKEN_RHYTHM) in alerts
    assert (clinic["rhythm_near_miss"], AlertRule.BROKEN_RHYTHM) not in alerts
    assert (clinic["unhappy"], AlertRule.LOW_SATISFACTION) in alerts  # even with a booking: service recovery
    assert (clinic["content"], AlertRule.LOW_SATISFACTION) not in alerts
    reason = describe_reason(AlertRule.BROKEN_RHYTHM, alerts[(clinic["rhythm"], AlertRule.BROKEN_RHYTHM)].reason)
    assert reason == "last visit 70 days ago; usually every 30 days"
    overdue = alerts[(clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP)]
    assert describe_reason(overdue.rule, overdue.reason).startswith("Botulinum toxin follow-up overdue by 4 weeks")


def test_recall_hygiene(services: Services, clinic: dict[str, int]) -> None:
    services.alerts.run(AS_OF)
    alerts = raised(services)
    assert (clinic["overdue_booked"], AlertRule.OVERDUE_FOLLOW_UP) not in alerts  # a future booking
    assert (clinic["overdue_called"], AlertRule.OVERDUE_FOLLOW_UP) not in alerts  # called 6 days ago
    assert (clinic["overdue_called_long_ago"], AlertRule.OVERDUE_FOLLOW_UP) in alerts  # 21 days: cooled down


def test_ranked_by_value_at_stake(services: Services, clinic: dict[str, int]) -> None:
    services.alerts.run(AS_OF)
    overdue = [v.alert.patient_id for v in services.alerts.inbox(rules=(AlertRule.OVERDUE_FOLLOW_UP,))]
    assert overdue[0] == clinic["overdue_big_spender"]
    ranks = [v.alert.rank for v in services.alerts.inbox()]
    assert ranks == sorted(ranks, reverse=True)


def test_daily_cap_spares_service_recovery(services: Services, clinic: dict[str, int]) -> None:
    settings = services.clinic.settings()
    rules = dataclasses.replace(settings.rules, alerts=dataclasses.replace(settings.rules.alerts, daily_cap=2))
    services.clinic.save_settings(dataclasses.replace(settings, rules=rules))
    summary = services.alerts.run(AS_OF)
    recalls = [v for v in services.alerts.inbox() if v.alert.rule is not AlertRule.LOW_SATISFACTION]
    assert len(recalls) == 2 and summary.over_cap > 0
    assert (clinic["unhappy"], AlertRule.LOW_SATISFACTION) in raised(services)
    assert services.alerts.run(AS_OF).raised == {}, "the cap holds for the whole day"


def test_an_alert_is_never_raised_twice_for_one_cause(services: Services, clinic: dict[str, int]) -> None:
    services.alerts.run(AS_OF)
    alert = raised(services)[(clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP)]
    services.alerts.resolve(alert.id, AlertOutcome.DECLINED, "Not interested this year")
    services.alerts.run(AS_OF + timedelta(days=1))
    assert (clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP) not in raised(services)
    again = services.alerts.run(AS_OF)
    assert again.raised == {} and again.skipped_known > 0


def test_alert_life_and_the_timeline(services: Services, clinic: dict[str, int], clock) -> None:
    services.alerts.run(AS_OF)
    alerts = raised(services)
    rebook = alerts[(clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP)]
    later = alerts[(clinic["rhythm"], AlertRule.BROKEN_RHYTHM)]
    noise = alerts[(clinic["overdue_big_spender"], AlertRule.OVERDUE_FOLLOW_UP)]
    services.alerts.log_call(rebook.id, "Spoke to her, booking next week")
    services.alerts.resolve(rebook.id, AlertOutcome.REBOOKED)
    services.alerts.snooze(later.id, clock.today() + timedelta(days=7))
    services.alerts.dismiss(noise.id, "On holiday until December")
    open_ids = {v.alert.id for v in services.alerts.inbox()}
    assert not open_ids & {rebook.id, later.id, noise.id}
    events = services.timeline.page(clinic["overdue"])
    handled = [e for e in events if e.kind is EventKind.ALERT_HANDLED]
    assert [(e.alert_id, e.details["outcome"]) for e in handled] == [(rebook.id, "rebooked")]
    assert any(e.kind is EventKind.CALL and e.alert_id == rebook.id for e in events)
    assert [
        e.details["outcome"]
        for e in services.timeline.page(clinic["overdue_big_spender"])
        if e.kind is EventKind.ALERT_HANDLED
    ] == ["dismissed"]
    woken = services.alerts.run(clock.today() + timedelta(days=8)).woken
    assert woken == 1 and later.id in {v.alert.id for v in services.alerts.inbox()}


def test_a_handled_alert_cannot_be_handled_again(services: Services, clinic: dict[str, int]) -> None:
    services.alerts.run(AS_OF)
    alert = raised(services)[(clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP)]
    services.alerts.resolve(alert.id, AlertOutcome.REBOOKED, version=alert.version)
    with pytest.raises(DermaDeskError) as caught:
        services.alerts.resolve(alert.id, AlertOutcome.NO_ANSWER, version=alert.version)
    assert caught.value.code is ErrorCode.CONFLICT
    assert services.alerts.for_patient(clinic["overdue"])[0].status is AlertStatus.RESOLVED


def test_stage_crossing_and_falling_value_need_a_previous_review(services: Services) -> None:
    with services.context.store.write() as uow:
        quiet = patient(uow, "Quiet")
        for day in (date(2026, 5, 1), date(2026, 7, 15)):
            visit(uow, quiet, day, 20_000, "consult_skin")
        still = patient(uow, "Still")
        for day in (date(2026, 6, 1), date(2026, 8, 20)):
            visit(uow, still, day, 20_000, "consult_skin")
        fading = patient(uow, "Fading")
        for day in (date(2025, 9, 10), date(2025, 9, 20), date(2025, 10, 5), date(2026, 1, 15)):
            visit(uow, fading, day, 40_000, "consult_skin")
    services.tiers.run_review(date(2026, 8, 31))
    services.alerts.run(AS_OF)
    alerts = raised(services)
    assert (quiet, AlertRule.STAGE_CROSSING) in alerts  # active in August, silent now
    assert (still, AlertRule.STAGE_CROSSING) not in alerts
    assert (fading, AlertRule.FALLING_VALUE) in alerts  # four visits in the August year, one now
    assert "fell 75%" in describe_reason(AlertRule.FALLING_VALUE, alerts[(fading, AlertRule.FALLING_VALUE)].reason)


def test_rebooking_books_and_resolves_as_one_action(services: Services, clinic: dict[str, int], clock) -> None:
    services.alerts.run(AS_OF)
    alert = raised(services)[(clinic["overdue"], AlertRule.OVERDUE_FOLLOW_UP)]
    slot = Appointment(clinic["overdue"], clock.now() + timedelta(days=5))
    booked, resolved = services.alerts.rebook(alert.id, slot, "Booked", version=alert.version)
    assert resolved.outcome is AlertOutcome.REBOOKED and booked.id is not None
    with pytest.raises(DermaDeskError) as caught:  # handled already (another desk): nothing more is booked
        services.alerts.rebook(alert.id, slot, version=alert.version)
    assert caught.value.code is ErrorCode.CONFLICT
    assert len(services.appointments.for_patient(clinic["overdue"])) == 1
