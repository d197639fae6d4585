"""Start-up safety in the app: one window per database, the red banner of a damaged database, and the daily
backup made after sign-in with its status line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from dermadesk.services.backups import list_backups
from dermadesk.ui.application import DesktopSession, LaunchRequest, create_application
from dermadesk.ui.single_instance import SingleInstance
from tests.conftest import make_workspace
from tests.ui.test_main_window import sign_in_when_asked


def test_a_second_start_asks_the_first_to_come_forward(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_application()
    db = tmp_path / "clinic.db"
    first = SingleInstance(db, tmp_path)
    assert first.claim()
    second = SingleInstance(db, tmp_path)
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=5_000):
            assert not second.claim()
            assert second.ask_first_to_come_forward()
        assert SingleInstance(tmp_path / "other.db", tmp_path).claim()  # another database: no conflict
    finally:
        first.release()
    third = SingleInstance(db, tmp_path)
    assert third.claim()  # released (or crashed: see tests/system/test_instance_lock.py) -> free again
    third.release()
    assert not SingleInstance(db, tmp_path).ask_first_to_come_forward()  # nobody listening: the caller says so


def test_the_first_window_comes_forward(qtbot) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    window.bring_forward()
    assert window.isVisible() and not window.isMinimized()


def test_a_damaged_database_shows_a_banner_and_is_not_changed(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_application()
    raw = bytearray(demo_path.read_bytes())
    middle = (len(raw) // 4096 // 2) * 4096 + 200
    raw[middle : middle + 8] = bytes(b ^ 0xA5 for b in raw[middle : middle + 8])
    demo_path.write_bytes(raw)
    desktop = DesktopSession(lambda prompt: make_workspace(), LaunchRequest(demo_path))
    qtbot.addWidget(desktop.window)
    seen: list[tuple[bool, str, bool]] = []

    def when_asked() -> None:  # the sign-in dialog runs its own event loop: look and answer from a timer
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, when_asked)
            return
        opened = desktop.opened
        seen.append(
            (desktop.window.banner_bar.isVisible(), desktop.window.banner.text(), bool(opened and opened.read_only))
        )
        dialog.reject()

    QTimer.singleShot(50, when_asked)
    desktop.start()
    qtbot.waitUntil(lambda: desktop.opened is None and bool(seen), timeout=30_000)
    visible, text, read_only = seen[0]
    assert visible and "read-only" in text and read_only
    assert demo_path.read_bytes() == bytes(raw)


def test_the_daily_backup_runs_after_sign_in_and_the_status_line_says_so(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_application()
    desktop = DesktopSession(lambda prompt: make_workspace(), LaunchRequest(demo_path))
    qtbot.addWidget(desktop.window)
    sign_in_when_asked(qtbot)
    desktop.start()
    qtbot.waitUntil(lambda: desktop.window.backup_label.text().startswith("Last backup:"), timeout=30_000)
    backups = list_backups(demo_path.parent / "backups", demo_path.stem)
    assert len(backups) == 1 and backups[0].has_manifest
    desktop._backup_checked = False
    desktop.run_daily_backup()  # a second start the same day: not due, nothing new
    qtbot.waitUntil(lambda: desktop.window.backup_label.text().startswith("Last backup:"), timeout=30_000)
    desktop.runner.wait()
    assert len(list_backups(demo_path.parent / "backups", demo_path.stem)) == 1
    desktop.window.close()
