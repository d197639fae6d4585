"""Audit events: who did what to which patient's data, when, from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AuditAction(StrEnum):
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    MERGE = "merge"
    ERASE = "erase"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    BACKUP = "backup"
    RESTORE = "restore"


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    action: AuditAction
    object_type: str
    object_id: str = ""
    staff_id: int | None = None
    workstation: str = ""
    patient_id: int | None = None
    outcome: str = "ok"
    break_glass: bool = False
    id: int | None = None


@dataclass(frozen=True)
class ChainBreak:
    """The first entry at which the audit chain fails verification, and why. `at` is None when the entry
    itself is gone (deleted or cut off the end)."""

    entry_id: int
    at: datetime | None
    why: str


@dataclass(frozen=True)
class AuditFilter:
    """What the owner's audit viewer and the export select; None means any."""

    start: datetime | None = None
    end: datetime | None = None
    staff_id: int | None = None
    patient_id: int | None = None
    action: AuditAction | None = None
    break_glass_only: bool = False
    up_to_id: int | None = None  # paging holds still while new entries (its own views among them) arrive
