"""Staff accounts, roles and what each role may do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    RECEPTIONIST = "receptionist"
    PRACTITIONER = "practitioner"
    OWNER = "owner"


class Permission(StrEnum):
    VIEW_PATIENTS = "view_patients"
    EDIT_PATIENTS = "edit_patients"
    LOG_INTERACTIONS = "log_interactions"
    EDIT_CLINICAL = "edit_clinical"  # clinical notes, treatments, readings, photos
    WORK_ALERTS = "work_alerts"
    PRINT_PACKETS = "print_packets"
    RUN_REPORTS = "run_reports"
    CHANGE_SETTINGS = "change_settings"
    MANAGE_STAFF = "manage_staff"
    EXPORT_DATA = "export_data"
    OVERRIDE_TIERS = "override_tiers"
    VIEW_AUDIT = "view_audit"
    ERASE_PATIENTS = "erase_patients"  # privacy requests: owners only


_FRONT_DESK = frozenset(
    {
        Permission.VIEW_PATIENTS,
        Permission.EDIT_PATIENTS,
        Permission.LOG_INTERACTIONS,
        Permission.WORK_ALERTS,
        Permission.PRINT_PACKETS,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIONIST: _FRONT_DESK,
    Role.PRACTITIONER: _FRONT_DESK | {Permission.EDIT_CLINICAL},
    Role.OWNER: frozenset(Permission),
}


# Emergency access ("break the glass") for a practitioner. A practitioner already reads every patient's record (no
# "own patients" rule in this clinic), so what an emergency adds is taking a patient's record out of the clinic (for a
# hospital, out of hours): the export an owner may otherwise do alone. Every action of such a session is flagged.
EMERGENCY_PERMISSIONS = frozenset({Permission.EXPORT_DATA})
EMERGENCY_ROLES = frozenset({Role.PRACTITIONER})


@dataclass(frozen=True)
class BreakGlassSession:
    staff_id: int
    reason: str
    workstation: str
    started_at: datetime
    ends_at: datetime
    acknowledged_by: int | None = None
    acknowledged_at: datetime | None = None
    id: int | None = None
    staff_name: str = ""  # for the owner's notice


@dataclass(frozen=True)
class StaffUser:
    username: str
    display_name: str
    role: Role
    active: bool = True
    id: int | None = None
    created_at: datetime | None = None

    def may(self, permission: Permission) -> bool:
        return self.active and permission in ROLE_PERMISSIONS[self.role]
