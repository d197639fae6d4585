"""The whole app: open a clinic off the GUI thread, sign in, the main window with its status line, and the
idle lock that leaves no patient data in the window's widget tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget

from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.ui import application
from dermadesk.ui.application import DesktopSession, LaunchRequest, create_application
from dermadesk.ui.dialogs.sign_in_dialog import SignInDialog
from dermadesk.ui.idle_watcher import IdleWatcher
from tests.conftest import make_workspace


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def sign_in_when_asked(qtbot, username: str = "grace") -> None:  # type: ignore[no-untyped-def]
    """Answer the modal sign-in dialog as a person would, once it appears."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(50, answer)
            return
        dialog.username.setText(username)
        dialog.password.setText(DEMO_PASSWORD)
        dialog.password.returnPressed.emit()

    QTimer.singleShot(50, answer)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a widget of the tree holds: labels, fields, window title and item-view cells."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QLineEdit)):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private: they have one column
                columns = 1
            texts += [
                str(model.index(r, c).data())
                for r in range(min(model.rowCount(QModelIndex()), 200))
                for c in range(columns)
            ]
    return texts


@pytest.fixture
def session(qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    create_application()
    fake = FakeTime()
    monkeypatch.setattr(
        application, "IdleWatcher", lambda minutes, parent=None: IdleWatcher(minutes, parent=parent, clock=fake)
    )
    desktop = DesktopSession(lambda prompt: make_workspace(), LaunchRequest(demo_path))
    desktop.fake_time = fake  # type: ignore[attr-defined]
    qtbot.addWidget(desktop.window)
    ticks: list[int] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    sign_in_when_asked(qtbot)
    desktop.start()
    qtbot.waitUntil(lambda: "encrypted (SQLCipher 4." in desktop.window.status_label.text(), timeout=30_000)
    timer.stop()
    desktop.ticks = ticks  # type: ignore[attr-defined]
    yield desktop
    desktop.window.close()


def test_the_window_opens_on_the_clinic_and_shows_its_patient_count(session) -> None:  # type: ignore[no-untyped-def]
    with session.opened.store.read() as uow:
        expected = uow.patients.count()
    status = session.window.status_label.text()
    assert "Harbour Skin Clinic" in status and "Grace Whitfield" in status
    assert f"{expected} patients" in status.replace(",", "")
    assert "Harbour Skin Clinic" in session.window.windowTitle()
    assert session.ticks, "the event loop kept running while the database opened"
    assert [p.page_id for p in session.window.pages][:3] == ["patients", "today", "alerts"]


def test_the_idle_lock_leaves_no_patient_data_in_the_window(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    with session.opened.store.read() as uow:
        patient = uow.patients.require(7)
    session.ctx.signals.patient_open_requested.emit(7)
    qtbot.waitUntil(lambda: any(patient.family_name in t for t in visible_texts(session.window)), timeout=10_000)
    session.fake_time.now += 9 * 60
    session.idle.check()
    assert session.ctx is not None, "not idle yet at 9 minutes"
    session.fake_time.now += 2 * 60
    session.idle.check()
    qtbot.waitUntil(lambda: session.ctx is None, timeout=5_000)
    qtbot.wait(50)  # let the dropped pages be deleted
    texts = visible_texts(session.window)
    assert not any(patient.family_name in t or patient.given_name in t for t in texts), texts
    assert session.window.menuBar().actions() == []


def test_locking_with_a_question_open_closes_it_and_survives(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    page = session.window.pages[0]
    QTimer.singleShot(100, session.lock)  # the idle lock fires while the question waits for an answer
    QMessageBox.question(page, "Dismiss?", "Dismiss this alert?")
    qtbot.waitUntil(lambda: session.ctx is None, timeout=5_000)
    qtbot.wait(100)
    assert session.window.pages == []
    assert QApplication.activeModalWidget() is None
