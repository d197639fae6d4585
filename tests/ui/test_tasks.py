"""Background work: the screen keeps running while a service call takes seconds, progress shows after
~600 ms with Cancel, and a cancelled service stops."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from dermadesk.domain.ports import ProgressReporter
from dermadesk.ui.tasks import TaskRunner


def test_the_event_loop_keeps_ticking_during_a_two_second_call(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(lambda error: None)
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    results: list[str] = []
    runner.database(lambda: (time.sleep(2.0), "done")[1], on_done=results.append)
    qtbot.waitUntil(lambda: results == ["done"], timeout=10_000)
    timer.stop()
    assert len(ticks) >= 50, f"the GUI thread was blocked: only {len(ticks)} ticks in 2 s"
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.5


def test_progress_appears_after_a_moment_and_cancel_stops_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(lambda error: None)
    parent = QWidget()
    qtbot.addWidget(parent)
    steps: list[int] = []

    def slow(progress: ProgressReporter) -> str:
        for step in range(100):
            if progress.cancelled():
                return "cancelled"
            progress.report(step, 100, "Working")
            steps.append(step)
            time.sleep(0.05)
        return "finished"

    results: list[str] = []
    runner.database(slow, on_done=results.append, progress="Working…", parent=parent)
    qtbot.wait(300)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QProgressDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets() + parent.findChildren(QProgressDialog)
        ),
        timeout=3_000,
    )
    dialog = next(w for w in parent.findChildren(QProgressDialog) if w.isVisible())
    dialog.canceled.emit()  # what its Cancel button sends
    qtbot.waitUntil(lambda: results == ["cancelled"], timeout=5_000)
    assert len(steps) < 100
