"""Accounts and access: Argon2id at OWASP's parameters (read back from a stored hash), rehash on sign-in, a
back-off that survives a restart and is itself audited, no default account, disabling accounts (never the last
owner), and emergency ("break the glass") sessions: reason required, flagged, ending, and shown to the owner."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from sqlalchemy import text

from dermadesk.domain.audit import AuditAction, AuditFilter
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.messages import describe
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.workspace import Services
from tests.conftest import FixedClock, make_workspace


def fresh(opened: OpenedDatabase, clock: FixedClock, actor: StaffUser | None = None) -> Services:
    """New services over the same file: what a restart of the app sees."""
    return make_workspace(clock).services(opened, actor)


def stored_hash(opened: OpenedDatabase, username: str) -> str:
    with opened.store.engine.connect() as conn:
        return conn.execute(text("SELECT password_hash FROM staff_users WHERE username = :u"), {"u": username}).scalar()


def last_audit(opened: OpenedDatabase, clock: FixedClock, n: int = 1):  # type: ignore[no-untyped-def]
    return fresh(opened, clock, SYSTEM_ACTOR).audit.page(AuditFilter(), limit=n).events  # the look is logged after


def test_passwords_are_argon2id_at_19_mib_and_two_passes(services: Services, opened: OpenedDatabase) -> None:
    services.staff.create_first_owner(StaffUser("ana", "Ana Owner", Role.OWNER), "correct horse battery")
    params = extract_parameters(stored_hash(opened, "ana"))
    assert params.type is Type.ID
    assert params.memory_cost >= 19456 and params.time_cost == 2


def test_an_older_hash_is_upgraded_at_the_next_sign_in(demo_opened: OpenedDatabase, clock: FixedClock) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(DEMO_PASSWORD)
    with demo_opened.store.engine.begin() as conn:
        conn.execute(text("UPDATE staff_users SET password_hash = :h WHERE username = 'lily'"), {"h": weak})
    fresh(demo_opened, clock).staff.sign_in("lily", DEMO_PASSWORD)
    upgraded = stored_hash(demo_opened, "lily")
    assert extract_parameters(upgraded).memory_cost >= 19456 and extract_parameters(upgraded).time_cost == 2
    fresh(demo_opened, clock).staff.sign_in("lily", DEMO_PASSWORD)  # and the new hash still opens the account


def test_there_is_no_default_account(services: Services) -> None:
    assert services.staff.needs_owner()
    for username, password in [("admin", "admin"), ("owner", "password"), ("system", ""), ("root", "root")]:
        with pytest.raises(DermaDeskError) as caught:
            services.staff.sign_in(username, password)
        assert caught.value.code is ErrorCode.SIGN_IN_FAILED


def test_failed_sign_ins_back_off_per_account_across_a_restart(demo_opened: OpenedDatabase, clock) -> None:
    desk = fresh(demo_opened, clock)
    for _ in range(4):  # three free tries, then the fourth failure starts a 5 s wait
        with pytest.raises(DermaDeskError) as caught:
            desk.staff.sign_in("lily", "not her password")
        assert caught.value.code is ErrorCode.SIGN_IN_FAILED
    restarted = fresh(demo_opened, clock)
    with pytest.raises(DermaDeskError) as caught:
        restarted.staff.sign_in("lily", DEMO_PASSWORD)  # even the right password waits
    assert caught.value.code is ErrorCode.SIGN_IN_WAIT
    assert describe(caught.value) == "Too many failed attempts. Try again in 5 seconds."
    restarted.staff.sign_in("dr.hart", DEMO_PASSWORD)  # per account: others are not held up
    outcomes = [e.outcome for e in last_audit(demo_opened, clock, 3)]
    assert outcomes == ["ok", "waiting 5s", "refused, wait 5s"]
    clock.moment += timedelta(seconds=5)
    with pytest.raises(DermaDeskError):
        restarted.staff.sign_in("lily", "still wrong")  # the fifth failure doubles the wait
    clock.moment += timedelta(seconds=5)
    with pytest.raises(DermaDeskError) as caught:
        restarted.staff.sign_in("lily", DEMO_PASSWORD)
    assert caught.value.details["seconds"] == 5  # 10 s from the fifth failure, 5 s of it gone
    clock.moment += timedelta(seconds=5)
    assert restarted.staff.sign_in("lily", DEMO_PASSWORD).username == "lily"


def test_an_owner_disables_and_enables_an_account(demo_opened: OpenedDatabase, clock: FixedClock) -> None:
    owner = fresh(demo_opened, clock)
    owner.staff.sign_in("grace", DEMO_PASSWORD)
    lily = next(u for u in owner.staff.all() if u.username == "lily")
    owner.staff.set_active(lily.id, False)
    with pytest.raises(DermaDeskError) as caught:
        fresh(demo_opened, clock).staff.sign_in("lily", DEMO_PASSWORD)
    assert caught.value.code is ErrorCode.SIGN_IN_FAILED
    assert [e.outcome for e in last_audit(demo_opened, clock, 2)] == ["refused", "disabled"]
    owner.staff.set_active(lily.id, True)
    assert fresh(demo_opened, clock).staff.sign_in("lily", DEMO_PASSWORD).active
    receptionist = fresh(demo_opened, clock)
    receptionist.staff.sign_in("lily", DEMO_PASSWORD)
    with pytest.raises(DermaDeskError) as caught:
        receptionist.staff.set_active(owner.context.actor.id, False)  # type: ignore[union-attr]
    assert caught.value.code is ErrorCode.PERMISSION_DENIED


def test_the_last_active_owner_cannot_be_disabled_or_demoted(demo_opened: OpenedDatabase, clock) -> None:
    system = fresh(demo_opened, clock, SYSTEM_ACTOR)
    grace = next(u for u in system.staff.all() if u.username == "grace")
    for change in (dataclasses.replace(grace, active=False), dataclasses.replace(grace, role=Role.PRACTITIONER)):
        with pytest.raises(DermaDeskError) as caught:
            system.staff.update(change)
        assert "last active owner" in describe(caught.value)
    second = system.staff.add(StaffUser("omar", "Omar Second", Role.OWNER), "a long password")
    system.staff.set_active(grace.id, False)  # with another owner, she can be
    with pytest.raises(DermaDeskError):
        system.staff.set_active(second.id, False)
    system.staff.set_active(grace.id, True)


def test_emergency_access_needs_a_reason_is_flagged_ends_and_waits_for_the_owner(
    demo_opened: OpenedDatabase, clock: FixedClock
) -> None:
    hart = fresh(demo_opened, clock)
    with pytest.raises(DermaDeskError) as caught:
        hart.staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="   ")
    assert "reason is required" in describe(caught.value)
    for username in ("lily", "grace"):  # emergency access is a practitioner's
        with pytest.raises(DermaDeskError) as caught:
            fresh(demo_opened, clock).staff.sign_in(username, DEMO_PASSWORD, emergency_reason="urgent")
        assert "only for practitioners" in describe(caught.value)
    with pytest.raises(DermaDeskError) as caught:
        hart.rfm.export(date(2026, 10, 31))  # normally an owner's
    assert caught.value.code is ErrorCode.PERMISSION_DENIED

    hart.staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="Patient collapsed; A&E needs her record")
    pid = hart.patients.search("a")[0]
    hart.directory.profile(pid)
    assert hart.rfm.export(date(2026, 10, 31))  # the emergency widens access to the export
    with pytest.raises(DermaDeskError):
        hart.clinic.save_settings(hart.clinic.settings())  # but not to the clinic's settings
    flagged = last_audit(demo_opened, clock, 3)
    assert [(e.action, e.object_type, e.break_glass) for e in flagged] == [
        (AuditAction.EXPORT, "rfm", True),
        (AuditAction.VIEW, "patient", True),
        (AuditAction.SIGN_IN, "break_glass_session", True),
    ]

    clock.moment += timedelta(minutes=60)  # the clinic's default: one hour
    with pytest.raises(DermaDeskError) as caught:
        hart.directory.profile(pid)
    assert caught.value.code is ErrorCode.SESSION_ENDED and "60 minutes" in describe(caught.value)
    assert hart.context.actor is None and not hart.context.break_glass

    owner = fresh(demo_opened, clock)
    owner.staff.sign_in("grace", DEMO_PASSWORD)
    waiting = owner.staff.unacknowledged_break_glass()
    reason = "Patient collapsed; A&E needs her record"
    assert [(s.staff_name, s.reason) for s in waiting] == [("Dr Amelia Hart", reason)]
    with pytest.raises(DermaDeskError):
        hart.staff.unacknowledged_break_glass()
    owner.staff.acknowledge_break_glass(waiting[0].id)  # type: ignore[arg-type]
    assert fresh(demo_opened, clock, owner.context.actor).staff.unacknowledged_break_glass() == []
    with pytest.raises(DermaDeskError) as caught:
        owner.staff.acknowledge_break_glass(waiting[0].id)  # type: ignore[arg-type]
    assert caught.value.code is ErrorCode.NOT_FOUND


def test_the_emergency_length_is_a_clinic_setting(demo_opened: OpenedDatabase, clock: FixedClock) -> None:
    system = fresh(demo_opened, clock, SYSTEM_ACTOR)
    system.clinic.save_settings(dataclasses.replace(system.clinic.settings(), break_glass_minutes=15))
    hart = fresh(demo_opened, clock)
    hart.staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="Night call")
    clock.moment += timedelta(minutes=14)
    hart.patients.search("a")
    clock.moment += timedelta(minutes=1)
    with pytest.raises(DermaDeskError) as caught:
        hart.patients.search("a")
    assert caught.value.details == {"minutes": 15}
