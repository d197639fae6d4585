"""Driver errors turned into the domain's codes: disk full, busy, conflicting edit."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from dermadesk.domain.errors import DermaDeskError, ErrorCode


def translated(exc: BaseException) -> BaseException:
    """The domain error a driver error means, or the error itself."""
    if isinstance(exc, StaleDataError):
        return DermaDeskError(ErrorCode.CONFLICT, {"what": "This record", "by": "another user", "at": "just now"})
    if isinstance(exc, DBAPIError):
        text = str(exc.orig).lower()
        if "full" in text or "disk i/o" in text or "file too large" in text:
            return DermaDeskError(ErrorCode.DB_STORAGE_FULL)
        if "readonly database" in text or "read-only database" in text:
            return DermaDeskError(ErrorCode.DB_DAMAGED_READ_ONLY)
        if "locked" in text or "busy" in text:
            return DermaDeskError(ErrorCode.DB_BUSY)
    return exc
