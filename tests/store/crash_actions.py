"""Service-layer work for the crash tests' forked children (see crash_worker.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from dermadesk.domain.patients import Patient
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.demo import DemoSpec
from dermadesk.services.workspace import Services


def register_forever(services: Services, ack: Callable[[str], None]) -> None:
    """Commit after commit until killed; each id is printed only after its transaction returned."""
    n = 0
    while True:
        n += 1
        patient = services.patients.register(Patient("Crash", f"Trial{n}"))
        ack(f"patient {patient.id}")
        event = services.timeline.add(
            TimelineEvent(patient.id, EventKind.NOTE, datetime(2026, 11, 2, 10, 0, tzinfo=UTC), summary=f"note {n}")
        )
        ack(f"event {event.id}")


def build_demo(services: Services, ack: Callable[[str], None]) -> None:
    """One big transaction: a demo clinic's whole history."""
    summary = services.demo.generate(DemoSpec(120, seed=1))
    ack(f"patients {summary.patients}")
