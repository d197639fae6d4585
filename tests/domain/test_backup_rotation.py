"""Rotation keeps the newest backup of each of the last 7 days, 4 weeks and 12 months that have one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dermadesk.domain.backup_rotation import Retention, backups_to_keep

START = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)


def daily(days: int, hour: int = 2) -> list[datetime]:
    return [START + timedelta(days=d, hours=hour - 2) for d in range(days)]


def test_a_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly() -> None:
    stamps = daily(400)
    keep = backups_to_keep(stamps)
    newest = max(stamps)
    last_7_days = {s for s in stamps if s > newest - timedelta(days=7)}
    assert last_7_days <= keep
    weeks = {s.isocalendar()[:2] for s in keep}
    months = {(s.year, s.month) for s in keep}
    assert len(months) == 12  # the 12 newest months
    assert len(keep) <= 7 + 4 + 12
    # the weekly ones are the newest backup of their ISO week
    for stamp in keep:
        same_week = [s for s in stamps if s.isocalendar()[:2] == stamp.isocalendar()[:2]]
        same_month = [s for s in stamps if (s.year, s.month) == (stamp.year, stamp.month)]
        same_day = [s for s in stamps if s.date() == stamp.date()]
        assert stamp in (max(same_week), max(same_month), max(same_day))
    assert len(weeks) >= 4


def test_several_backups_a_day_keep_only_the_newest_of_each_older_day() -> None:
    stamps = [START + timedelta(days=d, hours=h) for d in range(10) for h in (1, 9, 17)]
    keep = backups_to_keep(stamps)
    newest = max(stamps)
    assert newest in keep
    for day in {s.date() for s in stamps}:
        kept_that_day = [s for s in keep if s.date() == day]
        assert len(kept_that_day) <= 1
    assert len([s for s in keep if s.date() > (newest - timedelta(days=7)).date()]) == 7


def test_a_closed_fortnight_still_leaves_seven_daily_backups() -> None:
    stamps = daily(5) + [START + timedelta(days=20 + d) for d in range(3)]
    keep = backups_to_keep(stamps)
    assert len({s.date() for s in keep} & {s.date() for s in stamps}) >= 7


def test_nothing_or_one_backup() -> None:
    assert backups_to_keep([]) == set()
    assert backups_to_keep([START]) == {START}


def test_a_smaller_policy() -> None:
    keep = backups_to_keep(daily(60), Retention(daily=2, weekly=1, monthly=1))
    assert len(keep) == 2  # the newest two days; the newest is also its week's and month's newest


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3 * 365 * 24), min_size=1, max_size=200))
def test_properties(hours: list[int]) -> None:
    stamps = [START + timedelta(hours=h) for h in hours]
    keep = backups_to_keep(stamps)
    assert keep <= set(stamps)
    assert max(stamps) in keep
    assert len(keep) <= 1 + 7 + 4 + 12
    # idempotent: rotating what was kept keeps all of it
    assert backups_to_keep(keep) == keep
    # every kept backup is the newest of its day
    for stamp in keep:
        assert stamp == max(s for s in stamps if s.date() == stamp.date())
    # the newest 7 days with a backup each keep their newest
    days = sorted({s.date() for s in stamps}, reverse=True)[:7]
    for day in days:
        assert max(s for s in stamps if s.date() == day) in keep
    # the newest 12 months with a backup each keep one
    months = sorted({(s.year, s.month) for s in stamps}, reverse=True)[:12]
    assert {(s.year, s.month) for s in keep} >= set(months)
