"""Staff accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermadesk.domain.staff import BreakGlassSession, Role, StaffUser
from dermadesk.store.tables import BreakGlassSessionRow, StaffUserRow


def _to_domain(row: StaffUserRow) -> StaffUser:
    return StaffUser(row.username, row.display_name, Role(row.role), row.active, row.id, row.created_at)


class StaffRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, user: StaffUser, password_hash: str, at: datetime) -> StaffUser:
        row = StaffUserRow(
            username=user.username,
            display_name=user.display_name,
            role=user.role.value,
            password_hash=password_hash,
            active=user.active,
            created_at=at,
        )
        self._s.add(row)
        self._s.flush()
        return _to_domain(row)

    def get(self, user_id: int) -> StaffUser | None:
        row = self._s.get(StaffUserRow, user_id)
        return _to_domain(row) if row else None

    def by_username(self, username: str) -> tuple[StaffUser, str, int, datetime | None] | None:
        """The user, their password hash, failed attempts and lock-out end, for sign-in."""
        row = self._s.scalar(select(StaffUserRow).where(func.lower(StaffUserRow.username) == username.lower()))
        if row is None:
            return None
        return _to_domain(row), row.password_hash, row.failed_attempts, row.locked_until

    def record_sign_in(self, user_id: int, *, failed: int, locked_until: datetime | None) -> None:
        row = self._s.get_one(StaffUserRow, user_id)
        row.failed_attempts, row.locked_until = failed, locked_until

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self._s.get_one(StaffUserRow, user_id).password_hash = password_hash

    def update(self, user: StaffUser) -> None:
        assert user.id is not None
        row = self._s.get_one(StaffUserRow, user.id)
        row.display_name, row.role, row.active = user.display_name, user.role.value, user.active

    def all(self) -> list[StaffUser]:
        return [_to_domain(r) for r in self._s.scalars(select(StaffUserRow).order_by(StaffUserRow.display_name))]

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(StaffUserRow)) or 0

    def active_owner_ids(self) -> set[int]:
        rows = self._s.scalars(select(StaffUserRow.id).where(StaffUserRow.role == "owner", StaffUserRow.active))
        return set(rows)

    # -- emergency access ------------------------------------------------------------------
    def add_break_glass(self, session: BreakGlassSession) -> BreakGlassSession:
        row = BreakGlassSessionRow(
            staff_id=session.staff_id,
            reason=session.reason,
            workstation=session.workstation,
            started_at=session.started_at,
            ends_at=session.ends_at,
        )
        self._s.add(row)
        self._s.flush()
        return BreakGlassSession(**{**session.__dict__, "id": row.id})

    def unacknowledged_break_glass(self) -> list[BreakGlassSession]:
        rows = self._s.execute(
            select(BreakGlassSessionRow, StaffUserRow.display_name)
            .join(StaffUserRow, StaffUserRow.id == BreakGlassSessionRow.staff_id)
            .where(BreakGlassSessionRow.acknowledged_at.is_(None))
            .order_by(BreakGlassSessionRow.started_at)
        )
        return [
            BreakGlassSession(r.staff_id, r.reason, r.workstation, r.started_at, r.ends_at, None, None, r.id, name)
            for r, name in rows
        ]

    def acknowledge_break_glass(self, session_id: int, by: int | None, at: datetime) -> bool:
        """False when there is no such session or it was acknowledged already."""
        row = self._s.get(BreakGlassSessionRow, session_id)
        if row is None or row.acknowledged_at is not None:
            return False
        row.acknowledged_by, row.acknowledged_at = by, at
        return True
