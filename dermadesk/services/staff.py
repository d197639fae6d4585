"""Staff accounts: the owner made at first start, sign-in with Argon2id hashes and back-off, roles."""

from __future__ import annotations

import dataclasses
import math
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.staff import EMERGENCY_ROLES, BreakGlassSession, Permission, Role, StaffUser
from dermadesk.services.context import ServiceContext

# OWASP's Argon2id minimum: 19 MiB, two passes, one lane
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_PASSWORD = 8
FREE_ATTEMPTS = 3  # then each failure doubles the wait, from 5 seconds up to 15 minutes
MAX_WAIT = timedelta(minutes=15)


def validate_account(user: StaffUser, password: str | None) -> list[FieldProblem]:
    problems = []
    if not user.username.strip() or len(user.username) > 64 or any(c.isspace() for c in user.username):
        problems.append(FieldProblem("username", "required" if not user.username.strip() else "unknown_choice"))
    if not user.display_name.strip():
        problems.append(FieldProblem("display_name", "required"))
    if password is not None and len(password) < MIN_PASSWORD:
        problems.append(FieldProblem("password", "too_short"))
    return problems


class StaffService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def needs_owner(self) -> bool:
        """A new clinic has no accounts: the first start creates the owner's (there is no default account)."""
        with self._ctx.store.read() as uow:
            return uow.staff.count() == 0

    def create_first_owner(self, user: StaffUser, password: str) -> StaffUser:
        if not self.needs_owner():
            raise DermaDeskError(ErrorCode.PERMISSION_DENIED, {"role": "signed out", "action": "create the owner"})
        return self._add(dataclasses.replace(user, role=Role.OWNER), password)

    def add(self, user: StaffUser, password: str) -> StaffUser:
        self._ctx.require(Permission.MANAGE_STAFF, "manage staff accounts")
        return self._add(user, password)

    def _add(self, user: StaffUser, password: str) -> StaffUser:
        require_valid(validate_account(user, password))
        with self._ctx.store.write() as uow:
            if uow.staff.by_username(user.username) is not None:
                require_valid([FieldProblem("username", "duplicate")])
            saved = uow.staff.add(user, HASHER.hash(password), self._ctx.clock.now())
            self._ctx.audit(uow, AuditAction.CREATE, "staff", saved.id)
        return saved

    def update(self, user: StaffUser, password: str | None = None) -> StaffUser:
        """Rename, change role, disable or enable an account, or set a new password."""
        actor = self._ctx.require(Permission.MANAGE_STAFF, "manage staff accounts")
        require_valid(validate_account(user, password or None))
        if user.id == actor.id and (not user.active or user.role is not Role.OWNER):
            require_valid([FieldProblem("role", "own_account")])  # an owner cannot lock themselves out
        with self._ctx.store.write() as uow:
            before = uow.staff.get(user.id)  # type: ignore[arg-type]
            if before is None:
                raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "staff account", "id": user.id})
            # the clinic always keeps one owner who can sign in: nobody could manage accounts or settings otherwise
            if uow.staff.active_owner_ids() == {user.id} and (not user.active or user.role is not Role.OWNER):
                require_valid([FieldProblem("active" if not user.active else "role", "last_owner")])
            uow.staff.update(user)
            if password:
                uow.staff.set_password_hash(user.id, HASHER.hash(password))  # type: ignore[arg-type]
            outcome = "ok" if user.active == before.active else "enabled" if user.active else "disabled"
            self._ctx.audit(uow, AuditAction.UPDATE, "staff", user.id, outcome=outcome)
        return user

    def set_active(self, user_id: int, active: bool) -> StaffUser:
        """Disable an account (it can no longer sign in; its history stays) or enable it again."""
        self._ctx.require(Permission.MANAGE_STAFF, "manage staff accounts")
        with self._ctx.store.read() as uow:
            user = uow.staff.get(user_id)
        if user is None:
            raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "staff account", "id": user_id})
        return self.update(dataclasses.replace(user, active=active))

    def all(self) -> list[StaffUser]:
        """Everyone, for pickers (practitioner on a treatment) and the accounts page."""
        self._ctx.require_signed_in("list staff accounts")
        with self._ctx.store.read() as uow:
            return uow.staff.all()

    def sign_in(self, username: str, password: str, *, emergency_reason: str | None = None) -> StaffUser:
        """The account, or a sign-in error. Failures are counted (and audited) in a transaction that commits
        before the error is raised; after a few, each failure waits twice as long (stored on the account, so a
        restart does not reset it). With `emergency_reason` a practitioner opens an emergency ("break the
        glass") session: wider access, every action flagged, an end after the clinic's minutes, and a notice
        for the owner until acknowledged."""
        if emergency_reason is not None and not emergency_reason.strip():
            require_valid([FieldProblem("reason", "required")])
        now = self._ctx.clock.now()
        refusal: DermaDeskError | None = None
        with self._ctx.store.write() as uow:
            found = uow.staff.by_username(username.strip())
            if found is None:
                HASHER.hash(password)  # the same work either way: no hint which usernames exist
                self._ctx.audit(uow, AuditAction.SIGN_IN_FAILED, "staff", username.strip()[:40], outcome="unknown")
                refusal = DermaDeskError(ErrorCode.SIGN_IN_FAILED)
            else:
                refusal = self._check(uow, found, password, now, emergency_reason)
        if refusal is not None:
            raise refusal
        return found[0]  # type: ignore[index]

    def _check(self, uow, found, password: str, now, reason: str | None) -> DermaDeskError | None:  # type: ignore[no-untyped-def]
        user, stored, failures, locked_until = found
        if locked_until is not None and locked_until > now:
            seconds = math.ceil((locked_until - now).total_seconds())
            self._ctx.audit(uow, AuditAction.SIGN_IN_FAILED, "staff", user.id, outcome=f"waiting {seconds}s")
            return DermaDeskError(ErrorCode.SIGN_IN_WAIT, {"seconds": seconds})
        if not user.active or not _matches(stored, password):
            failures += 1
            wait = _wait_after(failures)
            if not uow.rescue:  # a damaged database keeps no count (Argon2 still makes each guess slow)
                uow.staff.record_sign_in(user.id, failed=failures, locked_until=now + wait if wait else None)
            outcome = f"refused, wait {int(wait.total_seconds())}s" if wait else "refused"
            self._ctx.audit(uow, AuditAction.SIGN_IN_FAILED, "staff", user.id, outcome=outcome)
            return DermaDeskError(ErrorCode.SIGN_IN_FAILED)
        if reason is not None and user.role not in EMERGENCY_ROLES:
            # checked after the password, so the answer says nothing about an account to someone without it
            self._ctx.audit(uow, AuditAction.SIGN_IN_FAILED, "break_glass_session", user.id, outcome="not for role")
            return DermaDeskError(ErrorCode.INVALID_FIELD, problems=(FieldProblem("reason", "not_for_role"),))
        if not uow.rescue:
            uow.staff.record_sign_in(user.id, failed=0, locked_until=None)
        if HASHER.check_needs_rehash(stored) and not uow.rescue:
            uow.staff.set_password_hash(user.id, HASHER.hash(password))
        self._ctx.end_session()
        self._ctx.actor = user
        if reason is None:
            self._ctx.audit(uow, AuditAction.SIGN_IN, "staff", user.id)
            return None
        minutes = uow.settings.clinic().break_glass_minutes
        session = uow.staff.add_break_glass(
            BreakGlassSession(user.id, reason.strip(), self._ctx.workstation, now, now + timedelta(minutes=minutes))
        )
        self._ctx.break_glass, self._ctx.break_glass_until = True, session.ends_at
        self._ctx.break_glass_minutes = minutes
        self._ctx.audit(uow, AuditAction.SIGN_IN, "break_glass_session", session.id)
        return None

    def sign_out(self) -> None:
        self._ctx.end_session()

    # -- emergency sessions, for the owner -------------------------------------------------
    def unacknowledged_break_glass(self) -> list[BreakGlassSession]:
        """Emergency sessions no owner has acknowledged yet: shown at every owner sign-in until they are."""
        self._ctx.require(Permission.MANAGE_STAFF, "review emergency access")
        with self._ctx.store.read() as uow:
            return uow.staff.unacknowledged_break_glass()

    def acknowledge_break_glass(self, session_id: int) -> None:
        self._ctx.require(Permission.MANAGE_STAFF, "review emergency access")
        with self._ctx.store.write() as uow:
            if not uow.staff.acknowledge_break_glass(session_id, self._ctx.actor_id, self._ctx.clock.now()):
                raise DermaDeskError(
                    ErrorCode.NOT_FOUND, {"what": "unacknowledged emergency session", "id": session_id}
                )
            self._ctx.audit(uow, AuditAction.UPDATE, "break_glass_session", session_id, outcome="acknowledged")


def _matches(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _wait_after(failures: int) -> timedelta | None:
    if failures <= FREE_ATTEMPTS:
        return None
    return min(timedelta(seconds=5 * 2 ** (failures - FREE_ATTEMPTS - 1)), MAX_WAIT)
