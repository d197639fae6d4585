"""Error codes the layers below the UI raise; the UI and CLI turn them into words."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ErrorCode(StrEnum):
    # the encrypted store and its key
    DB_LOCKED_OTHER_KEY = "db_locked_other_key"
    DB_KEY_FILE_MISSING = "db_key_file_missing"
    DB_KEY_FILE_DAMAGED = "db_key_file_damaged"
    DB_ORPHAN_KEY_FILE = "db_orphan_key_file"
    DB_NOT_DATABASE = "db_not_database"
    DB_DAMAGED = "db_damaged"
    DB_NOT_ENCRYPTED_DRIVER = "db_not_encrypted_driver"
    DB_WRONG_PASSPHRASE = "db_wrong_passphrase"
    DB_WRONG_RECOVERY_KEY = "db_wrong_recovery_key"
    DB_PASSPHRASE_NEEDED = "db_passphrase_needed"
    DB_RECOVERY_KEY_NEEDED = "db_recovery_key_needed"
    DB_NEWER_SCHEMA = "db_newer_schema"
    DB_MIGRATION_FAILED = "db_migration_failed"
    DB_STORAGE_FULL = "db_storage_full"
    DB_BUSY = "db_busy"
    DB_DAMAGED_READ_ONLY = "db_damaged_read_only"
    DB_ON_NETWORK_SHARE = "db_on_network_share"
    DB_IN_USE = "db_in_use"
    BACKUP_NOT_VERIFIED = "backup_not_verified"
    BACKUP_FAILED = "backup_failed"
    BACKUP_DAMAGED = "backup_damaged"
    BACKUP_WRONG_KEY = "backup_wrong_key"
    # a clinic server (PostgreSQL)
    DB_SERVER_INSECURE = "db_server_insecure"
    DB_SERVER_PASSWORD_IN_URL = "db_server_password_in_url"
    DB_SERVER_PASSWORD_NEEDED = "db_server_password_needed"
    DB_SERVER_UNREACHABLE = "db_server_unreachable"
    DB_COPY_TARGET_NOT_EMPTY = "db_copy_target_not_empty"
    DB_COPY_MISMATCH = "db_copy_mismatch"
    DB_SERVER_BACKUP = "db_server_backup"
    # input
    INVALID_FIELD = "invalid_field"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    PERMISSION_DENIED = "permission_denied"
    INVALID_STATE = "invalid_state"
    CANCELLED = "cancelled"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_WAIT = "sign_in_wait"
    SESSION_ENDED = "session_ended"


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field of an input, e.g. ('amount', 'must_be_positive')."""

    field: str
    problem: str
    row: int | None = None


@dataclass
class DermaDeskError(Exception):
    """A failure the user can understand and act on; carries a code, never prose."""

    code: ErrorCode
    details: dict[str, object] = field(default_factory=dict)
    problems: tuple[FieldProblem, ...] = ()

    def __post_init__(self) -> None:
        super().__init__(self.code.value)

    def __str__(self) -> str:
        from dermadesk.domain.messages import describe

        return describe(self)


def invalid(*problems: FieldProblem) -> DermaDeskError:
    """The error for input that failed validation, naming every field at fault."""
    return DermaDeskError(ErrorCode.INVALID_FIELD, problems=tuple(problems))


def require_valid(problems: list[FieldProblem]) -> None:
    """Raise one error naming every problem, or return if there is none."""
    if problems:
        raise invalid(*problems)
