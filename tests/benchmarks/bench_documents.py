"""Printables' speed: an after-care packet from the service (gathering the visit, filling the template,
drawing the PDF), against a bare reportlab page drawn in the same run; and the monthly report of the
100,000-patient clinic that bench_tiering.py builds and reviews.

    uv run python tests/benchmarks/bench_documents.py

Goals (issue 5): an after-care packet <= 300 ms; the monthly report of a 100,000-patient clinic <= 10 s."""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dermadesk.domain.timeline import EventKind
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.demo import DEMO_SETTINGS, DemoSpec
from dermadesk.services.vault import Vault
from dermadesk.services.workspace import Workspace
from tests.benchmarks.bench_tiering import AS_OF, PASSPHRASE, _NoKeyring


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bare_page() -> None:
    """The reference: one page of text with reportlab's own Helvetica, nothing gathered."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO(), pagesize=A4)
    for line in range(60):
        canvas.drawString(50, 800 - 12 * line, "After-care advice: keep the area clean and dry. " * 2)
    canvas.save()


def main() -> None:
    workspace = Workspace(Vault(_NoKeyring(), env=PASSPHRASE))
    folder = Path(tempfile.mkdtemp(prefix="dermadesk-docs-"))
    opened = workspace.open(folder / "small.db", create=True, settings=DEMO_SETTINGS)
    services = workspace.services(opened, SYSTEM_ACTOR)
    services.demo.generate(DemoSpec(200, seed=3, end=date(2026, 10, 31)))
    event = next(e for pid in range(1, 200) for e in services.timeline.page(pid, kinds=[EventKind.TREATMENT]))
    services.packets.aftercare(event.id)  # fonts registered once per process
    packet = timed(lambda: services.packets.aftercare(event.id), 20)
    reference = timed(bare_page, 20)
    opened.close()
    print(
        f"after-care packet: median {packet * 1000:.0f} ms (goal <= 300 ms); bare reportlab page "
        f"{reference * 1000:.0f} ms; ratio {packet / reference:.1f}"
    )

    big = Path(tempfile.gettempdir()) / "dermadesk-bench" / "clinic-100000-2000000.db"
    if not big.exists():
        print("monthly report: run tests/benchmarks/bench_tiering.py first (it builds the 100,000-patient clinic)")
        return
    opened = workspace.open(big)
    services = workspace.services(opened, SYSTEM_ACTOR)
    month = f"{AS_OF.year:04d}-{AS_OF.month:02d}"
    if services.tiers.review(month) is None:
        services.tiers.run_review(AS_OF)
    report = timed(lambda: services.reports.monthly_pdf(month), 3)
    opened.close()
    print(f"monthly report of 100,000 patients (PDF from the stored review): median {report:.2f} s (goal <= 10 s)")


if __name__ == "__main__":
    main()
