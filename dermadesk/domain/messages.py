"""Plain English for error codes, used by the command line and as the UI's source text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dermadesk.domain.errors import DermaDeskError, FieldProblem

MESSAGES: dict[str, str] = {
    "db_locked_other_key": (
        "This database is locked with a different key. Nothing was changed. "
        "Open it with its passphrase or recovery key, or choose another file."
    ),
    "db_key_file_missing": (
        "The key file for {path} is missing, so the database cannot be opened. "
        "Nothing was changed. Restore the key file or use the recovery key."
    ),
    "db_key_file_damaged": "The key file {path} is damaged and cannot be read. Nothing was changed.",
    "db_orphan_key_file": (
        "A key file exists at {path} but its database does not. Move the key file away "
        "or restore the database; nothing was created."
    ),
    "db_not_database": ("{path} is not a DermaDesk database or it is damaged. Nothing was changed."),
    "db_damaged": "The database is damaged: {detail}. It was not changed; restore a backup.",
    "db_not_encrypted_driver": (
        "The database driver in use does not encrypt (it reports no SQLCipher 4). Refusing to open or create any file."
    ),
    "db_wrong_passphrase": "That passphrase does not open this database. Nothing was changed.",
    "db_wrong_recovery_key": "That recovery key does not open this database. Nothing was changed.",
    "db_passphrase_needed": (
        "No usable system keyring was found, so DermaDesk needs a passphrase. "
        "Set DERMADESK_PASSPHRASE or run DermaDesk where it can ask for one."
    ),
    "db_recovery_key_needed": (
        "The system keyring no longer holds this database's key (a new computer or a reset keyring). "
        "Open it with the recovery key (DERMADESK_RECOVERY_KEY, or where DermaDesk can ask for it)."
    ),
    "db_newer_schema": (
        "This database was written by a newer DermaDesk (schema {revision}). Install the newer version to open it."
    ),
    "db_migration_failed": ("Updating the database failed ({detail}). It was left as it was; a backup is at {backup}."),
    "db_storage_full": "The disk is full; nothing was saved. Free some space and try again.",
    "db_busy": "The database is busy in another program. Try again in a moment.",
    "db_damaged_read_only": (
        "The database failed its start-up check and is open read-only: nothing can be saved. "
        "It has not been changed or repaired. Restore a backup (dermadesk backup restore)."
    ),
    "db_on_network_share": (
        "{path} is {reason}. The single-computer database must be on this computer's own disk: SQLite's "
        "write-ahead log does not work over a network file system and sync tools can copy it half-written. "
        "Choose a local folder, or use the several-workstations mode (a PostgreSQL server) to share a clinic."
    ),
    "db_in_use": "{path} is open in DermaDesk (or another command). Close it first, then try again.",
    "backup_not_verified": "The backup could not be verified ({detail}); it was deleted. Nothing else changed.",
    "backup_failed": "The backup could not be written to {path} ({detail}). Nothing else changed.",
    "backup_damaged": "The backup {path} is damaged or was altered ({detail}). Nothing was restored.",
    "backup_wrong_key": (
        "The backup {path} was made under another key; give the clinic's recovery key "
        "(DERMADESK_RECOVERY_KEY, or where DermaDesk can ask for it). Nothing was restored."
    ),
    "db_server_insecure": (
        "Refusing to connect to {host} without verified TLS: a clinic server that is not on this computer "
        "needs sslmode=verify-full (the URL says sslmode={sslmode})."
    ),
    "db_server_password_in_url": (
        "The server URL contains a password. Leave it out: DermaDesk asks for it once and keeps it "
        "in the system keyring."
    ),
    "db_server_password_needed": (
        "No password for {server} in the system keyring and no terminal to ask on. "
        "Run DermaDesk once where it can ask (the app, or a command in a terminal); it keeps the password then."
    ),
    "db_server_unreachable": "Cannot open the clinic server {server}: {detail}",
    "db_copy_target_not_empty": (
        "The target {target} already holds data (table {table}). A copy goes only into an empty database."
    ),
    "db_server_backup": (
        "DermaDesk backs up the database file of one computer; a clinic server is backed up on the server "
        "(pg_dump, see README), or copied into a file with dermadesk db copy."
    ),
    "db_copy_mismatch": "The copy does not match its source in table {table} ({detail}). The target was left as is.",
    "invalid_field": "Please correct: {problems}",
    "not_found": "No {what} with id {id}.",
    "conflict": "{what} was changed by {by} at {at}. Your input is kept; review and save again.",
    "permission_denied": "Your role ({role}) may not {action}.",
    "invalid_state": "{what} cannot be {action} now: {detail}",
    "cancelled": "Cancelled.",
    "sign_in_failed": "That user name and password do not match an active account.",
    "sign_in_wait": "Too many failed attempts. Try again in {seconds} seconds.",
    "session_ended": "Emergency access ended after {minutes} minutes. Sign in again to go on.",
}

PROBLEMS: dict[str, str] = {
    "required": "is required",
    "too_long": "is too long",
    "too_short": "is too short",
    "not_a_date": "is not a date (use YYYY-MM-DD)",
    "in_future": "cannot be in the future",
    "not_a_number": "is not a number",
    "must_be_positive": "must be more than zero",
    "not_negative": "cannot be negative",
    "out_of_range": "is out of range",
    "unknown_choice": "is not one of the allowed values",
    "invalid_phone": "is not a phone number",
    "invalid_email": "is not an e-mail address",
    "duplicate": "is already in use",
    "same_patient": "must be a different patient",
    "own_account": "cannot take owner access from your own account",
    "last_owner": "cannot take away the last active owner",
    "not_for_role": "is only for practitioners (owners have full access already)",
    "ambiguous_date": "could be day/month or month/day: choose the file's date format",
    "bidi_control": "holds text-direction override characters (a spoofing trick); remove them",
    "control_character": "holds control characters",
    "patient_not_found": "matches no patient (import the patients first)",
    "ambiguous_patient": "matches several patients; use their external id",
    "not_permitted": "is not allowed for your role",
    "missing_column": "column is missing",
    "not_in_file": "is mapped to a column the file does not have",
    "unreadable_csv": "could not be read as CSV",
    "empty_file": "has no header row",
    "unreadable_file": "cannot be opened (missing, a folder, or no permission)",
    "ambiguous_amount": "could be a thousand or three decimals (1.234): write 1234 or 1.234,00",
    "extra_cells": "has more cells than the header (an unquoted comma?)",
}


# The fields a problem can name, in words; a field not listed is shown as its name with spaces.
FIELD_NAMES: dict[str, str] = {
    name: name.replace("_", " ")
    for name in (
        "amount", "tiers", "username", "referred_patient", "photo", "password_again", "password", "occurred_at",
        "name", "healthy_range", "email", "default_price", "date_of_birth", "values", "until", "units",
        "treatment", "tier", "threshold", "template", "taken_at", "summary", "starts_at", "skin_type", "role",
        "reason", "reading_session", "practitioner", "phone", "patients", "patient_id", "patient", "passphrase",
        "nps", "idle_lock_minutes", "follow_up", "family_name", "given_name", "ends_on", "duplicate",
        "display_name", "date", "currency", "country", "contraindications", "clinic_name", "alerts",
    )
}  # fmt: skip
ROW_PROBLEM = "row {row}: {problem}"
Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def describe_problem(problem: FieldProblem, translate: Translate = _same) -> str:
    field = translate(FIELD_NAMES.get(problem.field, problem.field.replace("_", " ")))
    text = f"{field} {translate(PROBLEMS.get(problem.problem, problem.problem))}"
    return translate(ROW_PROBLEM).format(row=problem.row, problem=text) if problem.row is not None else text


def describe(error: DermaDeskError, translate: Translate = _same) -> str:
    """One plain sentence for an error, with its details filled in; `translate` lets the UI swap each
    template for its translation before the details go in."""
    template = translate(MESSAGES.get(error.code.value, error.code.value))
    values: dict[str, object] = {"problems": "; ".join(describe_problem(p, translate) for p in error.problems)}
    values.update(error.details)
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template
