"""What an attacker holding the database key can do to the audit table with a raw SQLCipher connection (the
app's own triggers refuse it, so they are dropped first), and which entry verification must name."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

TRIGGERS = (
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
)
COLUMNS = "id, at, staff_id, workstation, patient_id, action, object_type, object_id, outcome, break_glass, chain_hash"
# one way to change each field so the value really differs
EDITS = {
    "at": "at = datetime(at, '+1 second')",
    "staff_id": "staff_id = coalesce(staff_id, 0) + 1",
    "workstation": "workstation = workstation || '-x'",
    "patient_id": "patient_id = coalesce(patient_id, 0) + 7",
    "action": "action = CASE action WHEN 'view' THEN 'print' ELSE 'view' END",
    "object_type": "object_type = object_type || 's'",
    "object_id": "object_id = object_id || '0'",
    "outcome": "outcome = CASE outcome WHEN 'ok' THEN 'refused' ELSE 'ok' END",
    "break_glass": "break_glass = 1 - break_glass",
    "chain_hash": "chain_hash = substr(chain_hash, 2) || substr(chain_hash, 1, 1)",
}


def snapshot(conn: Any) -> list[tuple[Any, ...]]:
    return conn.execute(f"SELECT {COLUMNS} FROM audit_events ORDER BY id").fetchall()


def _unguarded(conn: Any, change: Callable[[Any], None]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("DROP TRIGGER audit_events_no_delete")
        change(conn)
        for trigger in TRIGGERS:
            conn.execute(trigger)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def restore(conn: Any, rows: list[tuple[Any, ...]]) -> None:
    def put_back(c: Any) -> None:
        c.execute("DELETE FROM audit_events")
        c.executemany(f"INSERT INTO audit_events ({COLUMNS}) VALUES ({', '.join('?' * 11)})", rows)

    _unguarded(conn, put_back)


def edit(conn: Any, rng: random.Random, n: int) -> tuple[str, int]:
    target, column = rng.randint(1, n), rng.choice(sorted(EDITS))
    _unguarded(conn, lambda c: c.execute(f"UPDATE audit_events SET {EDITS[column]} WHERE id = ?", (target,)))
    return f"edit {column} of #{target}", target


def delete(conn: Any, rng: random.Random, n: int) -> tuple[str, int]:
    target = rng.randint(1, n - 1)  # the last one is a truncation
    _unguarded(conn, lambda c: c.execute("DELETE FROM audit_events WHERE id = ?", (target,)))
    return f"delete #{target}", target


def insert(conn: Any, rng: random.Random, n: int) -> tuple[str, int]:
    """A forged entry at a random place, later entries renumbered to make room: a copy of a genuine entry (with
    its genuine digest) or a made-up one with a plausible-looking digest."""
    at, source = rng.randint(1, n + 1), rng.randint(1, n)
    template = list(conn.execute(f"SELECT {COLUMNS} FROM audit_events WHERE id = ?", (source,)).fetchone())
    made_up = rng.random() < 0.5
    if made_up:
        template[8] = "ok"
        template[9] = 0
        template[10] = f"{rng.getrandbits(256):064x}"

    def forge(c: Any) -> None:
        c.execute("UPDATE audit_events SET id = -(id + 1) WHERE id >= ?", (at,))
        c.execute("UPDATE audit_events SET id = -id WHERE id < 0")
        c.execute(f"INSERT INTO audit_events ({COLUMNS}) VALUES ({', '.join('?' * 11)})", [at, *template[1:]])

    _unguarded(conn, forge)
    # an exact copy of the entry that was at this place is itself a valid link: the first bad one is after it
    return f"insert at #{at}", at + 1 if source == at and not made_up else at


def swap(conn: Any, rng: random.Random, n: int) -> tuple[str, int]:
    first, second = sorted(rng.sample(range(1, n + 1), 2))

    def exchange(c: Any) -> None:
        c.execute("UPDATE audit_events SET id = -1 WHERE id = ?", (first,))
        c.execute("UPDATE audit_events SET id = ? WHERE id = ?", (first, second))
        c.execute("UPDATE audit_events SET id = ? WHERE id = -1", (second,))

    _unguarded(conn, exchange)
    return f"swap #{first} and #{second}", first


def truncate(conn: Any, rng: random.Random, n: int) -> tuple[str, int]:
    keep = rng.randint(0, n - 1)
    _unguarded(conn, lambda c: c.execute("DELETE FROM audit_events WHERE id > ?", (keep,)))
    return f"truncate after #{keep}", keep + 1


TAMPERS = (edit, delete, insert, swap, truncate)
