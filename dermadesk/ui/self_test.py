"""`dermadesk --self-test`: proves an installed copy works on this machine, with no display and no keyring.

Bundled files, the keyring backend, the churn model's numerics (scipy), a throw-away encrypted clinic written and
read back, its after-care packet built and rendered by PDFium, and the main window opened and closed offscreen.
Prints one line per check and "self-test passed" (exit 0), or what failed (exit 1). Run it in a process of its
own: it points Qt's settings at a temporary folder so that the user's window layout is left alone."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

PASSED, FAILED = 0, 1
WINDOW_SETTLE_SECONDS = 0.5  # long enough for every page's first database round trip to come back


def run_self_test(out: TextIO | None = None) -> int:
    # Offscreen unless the caller chose a platform (e.g. xcb, to check that plugin is bundled too): set before Qt
    # starts, so a double-clicked self-test flashes no window and a headless build machine can run it.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out = out or _report_stream()
    with tempfile.TemporaryDirectory(prefix="dermadesk-self-test-", ignore_cleanup_errors=True) as scratch:
        folder = Path(scratch)
        passed = _run_checks(folder, out)
    print("self-test passed" if passed else "self-test FAILED", file=out, flush=True)
    return PASSED if passed else FAILED


def _run_checks(folder: Path, out: TextIO) -> bool:
    from dermadesk.services.self_test import (
        ScratchClinic,
        check_bundled_files,
        check_churn_model,
        check_keyring_backend,
    )

    clinic = ScratchClinic(folder)
    state: dict[str, object] = {}
    checks: list[tuple[str, Callable[[], str]]] = [
        ("bundled files", check_bundled_files),
        ("keyring backend", check_keyring_backend),
        ("churn model", check_churn_model),
        ("Qt application", lambda: _start_qt(folder)),
        ("encrypted database", lambda: _database(clinic, state)),
        ("packet PDF", lambda: _packet(clinic, state)),
        ("main window", lambda: _main_window(state)),
    ]
    try:
        for name, check in checks:
            try:
                detail = check()
            except Exception as error:
                print(f"FAILED {name}: {type(error).__name__}: {error}", file=out, flush=True)
                traceback.print_exc(file=out)
                return False
            print(f"ok     {name}: {detail}", file=out, flush=True)
        return True
    finally:
        clinic.close()


def _start_qt(folder: Path) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from dermadesk.ui.application import create_application

    # The main window saves its geometry on close: into the scratch folder, not the user's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = create_application([sys.argv[0]])
    families = ", ".join(dict.fromkeys(QApplication.font().families()))
    if app.windowIcon().isNull():
        raise RuntimeError("the application icon did not load")
    return f"{QApplication.platformName()} platform; fonts {families}"


def _database(clinic, state: dict[str, object]) -> str:  # type: ignore[no-untyped-def]
    created = clinic.create()
    state["services"] = clinic.reopen()
    return f"{created}; reopened with its passphrase, patient read back"


def _packet(clinic, state: dict[str, object]) -> str:  # type: ignore[no-untyped-def]
    from dermadesk.ui.printing import render_pages

    pdf = clinic.packet(state["services"])
    pages = render_pages([pdf], dpi=40)
    if not pages or all(_blank(page) for page in pages):
        raise RuntimeError("PDFium rendered no ink on the packet's pages")
    return f"{len(pdf):,} bytes, {len(pages)} page(s) rendered by PDFium"


def _blank(image) -> bool:  # type: ignore[no-untyped-def]
    """True when every sampled pixel is the page colour."""
    first = image.pixel(0, 0)
    return all(image.pixel(x, y) == first for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))


def _main_window(state: dict[str, object]) -> str:
    from PySide6.QtWidgets import QApplication

    from dermadesk.ui.app_context import AppContext
    from dermadesk.ui.main_window import MainWindow
    from dermadesk.ui.tasks import TaskRunner

    services = state["services"]
    errors: list[BaseException] = []
    runner = TaskRunner(errors.append)
    window = MainWindow()
    # The clinic's settings are read on this thread: nothing else runs yet, and there is no one to keep waiting.
    ctx = AppContext(services, runner, clinic=services.clinic.settings())  # type: ignore[attr-defined]
    window.show_pages(ctx)
    window.show()
    started = time.monotonic()
    while runner.busy() or time.monotonic() - started < WINDOW_SETTLE_SECONDS:
        QApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() - started > 60:
            raise RuntimeError("the window's pages did not finish loading within a minute")
    pages = len(window.pages)
    window.close()
    runner.wait()
    QApplication.processEvents()
    window.deleteLater()
    QApplication.processEvents()
    if errors:
        raise errors[0]
    return f"opened with {pages} pages and closed"


def _report_stream() -> TextIO:
    """stdout, or a file in the temp folder when there is none (the windowed Windows build has no console)."""
    if sys.stdout is not None:
        return sys.stdout
    return open(Path(tempfile.gettempdir()) / "dermadesk-self-test.txt", "w", encoding="utf-8")
