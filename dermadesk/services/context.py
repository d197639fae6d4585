"""What every service call runs with: the store, the clock, who is acting and from where."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import datetime

from dermadesk.domain.audit import AuditAction, AuditEvent
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.ports import Clock, SystemClock
from dermadesk.domain.staff import EMERGENCY_PERMISSIONS, Permission, Role, StaffUser
from dermadesk.store.unit_of_work import Store, UnitOfWork

# The command line and first-time set-up act as the machine's owner: whoever holds the key and unlocks it.
SYSTEM_ACTOR = StaffUser("system", "DermaDesk (set-up and command line)", Role.OWNER)


@dataclass
class ServiceContext:
    store: Store
    audit_key: bytes
    clock: Clock = field(default_factory=SystemClock)
    actor: StaffUser | None = None
    break_glass: bool = False
    workstation: str = field(default_factory=socket.gethostname)
    break_glass_until: datetime | None = None  # an emergency session ends on its own
    break_glass_minutes: int = 60

    def require(self, permission: Permission, action: str | None = None) -> StaffUser:
        """The acting user, if they may; a permission error naming the action otherwise. An emergency session
        past its end signs out before anything is done."""
        self._end_expired_emergency()
        actor = self.actor
        emergency = self.break_glass and actor is not None and actor.active and permission in EMERGENCY_PERMISSIONS
        if actor is None or not (actor.may(permission) or emergency):
            raise DermaDeskError(
                ErrorCode.PERMISSION_DENIED,
                {"role": actor.role.value if actor else "signed out", "action": action or permission.value},
            )
        return actor

    def require_signed_in(self, action: str) -> StaffUser:
        """Any signed-in member of staff (for lists that name staff or count patients)."""
        self._end_expired_emergency()
        if self.actor is None or not self.actor.active:
            raise DermaDeskError(ErrorCode.PERMISSION_DENIED, {"role": "signed out", "action": action})
        return self.actor

    def _end_expired_emergency(self) -> None:
        if self.break_glass and self.break_glass_until is not None and self.clock.now() >= self.break_glass_until:
            self.end_session()
            raise DermaDeskError(ErrorCode.SESSION_ENDED, {"minutes": self.break_glass_minutes})

    def end_session(self) -> None:
        self.actor, self.break_glass, self.break_glass_until = None, False, None

    @property
    def actor_id(self) -> int | None:
        return self.actor.id if self.actor else None

    def audit(
        self,
        uow: UnitOfWork,
        action: AuditAction,
        object_type: str,
        object_id: object = "",
        patient_id: int | None = None,
        outcome: str = "ok",
    ) -> None:
        """One audit entry, inside the caller's transaction: it lands if and only if the action does."""
        uow.audit.append(
            AuditEvent(
                at=self.clock.now(),
                action=action,
                object_type=object_type,
                object_id=str(object_id),
                staff_id=self.actor_id,
                workstation=self.workstation,
                patient_id=patient_id,
                outcome=outcome,
                break_glass=self.break_glass,
            ),
            self.audit_key,
        )
