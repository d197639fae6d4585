"""Which backups to keep: the newest of each of the last 7 days, 4 ISO weeks and 12 months that have one."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def backups_to_keep(stamps: Iterable[datetime], policy: Retention = Retention()) -> set[datetime]:
    """The backups (by the moment each was made) that rotation keeps; every other one may be deleted.

    Grandfather-father-son: for each period kind, the newest backup of each of the most recent N periods
    that *have* a backup (a clinic closed for a fortnight still keeps 7 daily backups, not 7 empty days).
    A backup may count for several kinds at once. The newest backup of all is always kept."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(ordered[:1])
    keep |= _newest_per_period(ordered, lambda t: t.date(), policy.daily)
    keep |= _newest_per_period(ordered, lambda t: t.isocalendar()[:2], policy.weekly)
    keep |= _newest_per_period(ordered, lambda t: (t.year, t.month), policy.monthly)
    return keep


def _newest_per_period(
    newest_first: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    chosen: dict[Hashable, datetime] = {}
    for stamp in newest_first:
        if len(chosen) >= count:
            break
        chosen.setdefault(period(stamp), stamp)
    return set(chosen.values())
