"""A refused save because another workstation saved first: who did it and when, in words the user knows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.store.tables import StaffUserRow


def changed_elsewhere(session: Session, what: str, by: int | None, at: datetime | None) -> DermaDeskError:
    """CONFLICT naming the colleague and the local time of their save ("changed by Lily Park at 10:42")."""
    name = session.scalar(select(StaffUserRow.display_name).where(StaffUserRow.id == by)) if by else None
    when = at.astimezone().strftime("%H:%M") if at else "a moment ago"
    return DermaDeskError(ErrorCode.CONFLICT, {"what": what, "by": name or "another user", "at": when, "by_id": by})
