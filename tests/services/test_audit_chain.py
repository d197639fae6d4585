"""The audit chain: 1,000 random tamper trials (edit, delete, insert, swap, truncate) made with a raw SQLCipher
connection are every one detected, and verification names the first bad entry; the CLI says so and exits 4."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from dermadesk.bootstrap import main
from dermadesk.domain.errors import DermaDeskError
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.store.engine import raw_connection
from tests.conftest import FixedClock, make_workspace
from tests.services import audit_tampering as tamper

TRIALS = 1000


@pytest.fixture
def engine_kind() -> str:
    """Tampering goes around the app through a raw SQLite connection with the triggers dropped; the chain and
    its checks are the same Python on either engine, and the server's grants are tested with the server."""
    return "sqlcipher"


def busy_morning(opened: OpenedDatabase, clock: FixedClock, entries: int = 60) -> int:
    """Genuine entries from real service calls: sign-ins (some failing), views of patients, their timelines."""
    owner = make_workspace(clock).services(opened, SYSTEM_ACTOR)
    patient_ids = owner.patients.search("a")[:15]
    front_desk = make_workspace(clock).services(opened, None)
    rng = random.Random(5)
    with opened.store.read() as uow:
        done = uow.audit.count()
    while done < entries:
        clock.moment += timedelta(seconds=rng.randint(1, 300))
        step = rng.random()
        if step < 0.1:
            with pytest.raises(DermaDeskError):
                front_desk.staff.sign_in("lily", "wrong password")
            front_desk.staff.sign_in("lily", DEMO_PASSWORD)
        elif step < 0.6 and front_desk.context.actor is not None:
            front_desk.directory.profile(rng.choice(patient_ids))
        elif step < 0.6:
            owner.patients.get(rng.choice(patient_ids))
        else:
            owner.timeline.page(rng.choice(patient_ids))
        with opened.store.read() as uow:
            done = uow.audit.count()
    return done


@pytest.mark.slow
def test_a_thousand_random_tampers_are_all_detected_and_the_first_bad_entry_named(
    demo_opened: OpenedDatabase, clock: FixedClock
) -> None:
    n = busy_morning(demo_opened, clock)
    audit = make_workspace(clock).services(demo_opened, SYSTEM_ACTOR).audit
    assert audit.verify() is None
    rng = random.Random(20261102)
    missed, misnamed, kinds = [], [], Counter()
    with raw_connection(demo_opened.store.engine) as conn:
        original = tamper.snapshot(conn)
        assert len(original) == n
        for _ in range(TRIALS):
            how = rng.choice(tamper.TAMPERS)
            what, expected = how(conn, rng, n)
            kinds[how.__name__] += 1
            found = audit.verify()
            if found is None:
                missed.append(what)
            elif found.entry_id != expected:
                misnamed.append((what, expected, found))
            tamper.restore(conn, original)
    assert audit.verify() is None  # the restore really put the genuine log back
    assert missed == []
    assert misnamed == []
    assert set(kinds) == {"edit", "delete", "insert", "swap", "truncate"} and min(kinds.values()) > 150


def test_the_first_bad_entry_has_its_time_and_reason(demo_opened: OpenedDatabase, clock: FixedClock) -> None:
    busy_morning(demo_opened, clock, 12)
    audit = make_workspace(clock).services(demo_opened, SYSTEM_ACTOR).audit
    with raw_connection(demo_opened.store.engine) as conn:
        tamper._unguarded(conn, lambda c: c.execute("UPDATE audit_events SET outcome = 'ok?' WHERE id = 5"))
    found = audit.verify()
    assert found is not None and found.entry_id == 5 and found.at is not None and "digest" in found.why
    with raw_connection(demo_opened.store.engine) as conn:
        original = tamper.snapshot(conn)
        tamper.restore(conn, original[:4] + original[5:])  # the edited one deleted instead: #5 is missing
    found = audit.verify()
    assert found is not None and found.entry_id == 5 and found.at is None and "missing" in found.why


def test_the_sealed_head_catches_a_cut_off_end_and_its_own_forgery(demo_opened: OpenedDatabase, clock) -> None:
    n = busy_morning(demo_opened, clock, 10)
    audit = make_workspace(clock).services(demo_opened, SYSTEM_ACTOR).audit
    with raw_connection(demo_opened.store.engine) as conn:
        original = tamper.snapshot(conn)
        tamper.restore(conn, original[:-3])
        found = audit.verify()
        assert found is not None and found.entry_id == n - 2 and "cut off" in found.why
        # rolling the head back to match needs its seal: a head without the right seal is itself named
        conn.execute(
            "UPDATE clinic_settings SET value = json_set(value, '$.last_id', ?, '$.digest', ?) "
            "WHERE key = 'audit_head'",
            (n - 3, original[-4][10]),
        )
        found = audit.verify()
        assert found is not None and "head was altered" in found.why
        conn.execute("DELETE FROM clinic_settings WHERE key = 'audit_head'")
        found = audit.verify()
        assert found is not None and "head is missing" in found.why


def test_cli_verify_names_the_entry_and_exits_non_zero(demo_path: Path, clock, capsys) -> None:
    opened = make_workspace(clock).open(demo_path)
    busy_morning(opened, clock, 8)
    opened.close()
    assert main(["audit", "verify", "--db", str(demo_path)]) == 0
    assert "intact" in capsys.readouterr().out
    opened = make_workspace(clock).open(demo_path)
    with raw_connection(opened.store.engine) as conn:
        tamper._unguarded(conn, lambda c: c.execute("UPDATE audit_events SET patient_id = 99 WHERE id = 3"))
    opened.close()
    assert main(["audit", "verify", "--db", str(demo_path)]) == 4
    err = capsys.readouterr().err
    assert "first bad entry #3 at 2026-11-02" in err and "digest" in err


def test_cli_export_writes_the_days_entries_as_spreadsheet_safe_csv(demo_path: Path, clock, capsys) -> None:
    import csv

    from dermadesk.domain.csv_safety import is_dangerous

    opened = make_workspace(clock).open(demo_path)
    services = make_workspace(clock).services(opened, None)
    with pytest.raises(DermaDeskError):
        services.staff.sign_in('=HYPERLINK("http://x")', "guess")  # a formula typed as a user name
    busy_morning(opened, clock, 6)
    opened.close()
    target = demo_path.parent / "audit.csv"
    assert main(["audit", "export", "--from", "2026-11-02", "--to", "2026-11-02", "--csv", str(target), "--db",
                 str(demo_path)]) == 0  # fmt: skip
    assert "written to" in capsys.readouterr().out
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["id", "at_utc", "staff_id"]
    assert len(rows) - 1 >= 6 and all(r[1].startswith("2026-11-02") for r in rows[1:])
    assert not any(is_dangerous(cell) for row in rows for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    assert main(["audit", "export", "--from", "2026-11-03", "--to", "2026-11-02", "--csv", str(target), "--db",
                 str(demo_path)]) == 2  # fmt: skip
