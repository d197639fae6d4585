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
