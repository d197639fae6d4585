"""Emergency access in the window: the sign-in dialog offers it (a reason is required), the status line says so,
and the owner's next sign-in shows the session until it is acknowledged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.break_glass_notice import BreakGlassNoticeDialog
from dermadesk.ui.dialogs.sign_in_dialog import SignInDialog
from dermadesk.ui.tasks import TaskRunner
from tests.conftest import FixedClock, make_workspace
from tests.ui.test_main_window import session  # noqa: F401 - the whole-window fixture, signed in as grace


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    runner = TaskRunner(errors.append)
    yield runner
    runner.wait()
    assert not errors


def _dialog(qtbot, services: Services, runner: TaskRunner) -> SignInDialog:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(services, runner, "Harbour Skin Clinic")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_sign_in_dialog_offers_emergency_access_with_a_reason(
    qtbot, demo_opened: OpenedDatabase, clock: FixedClock, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    services = make_workspace(clock).services(demo_opened, None)
    dialog = _dialog(qtbot, services, runner)
    assert not dialog.reason.isVisible()
    dialog.emergency.click()
    assert dialog.reason.isVisible() and dialog.sign_in_button.text() == "Emergency sign in"
    dialog.username.setText("dr.hart")
    dialog.password.setText(DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() == "Type the reason for emergency access."
    assert services.context.actor is None
    qtbot.keyClicks(dialog.reason, "Anaphylaxis after filler; GP needs history")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert services.context.break_glass and services.context.actor.username == "dr.hart"  # type: ignore[union-attr]
    assert services.context.break_glass_until == clock.now() + timedelta(minutes=60)


def test_a_receptionist_is_told_emergency_access_is_not_hers(qtbot, demo_opened, clock, runner) -> None:  # type: ignore[no-untyped-def]
    services = make_workspace(clock).services(demo_opened, None)
    dialog = _dialog(qtbot, services, runner)
    dialog.emergency.click()
    dialog.username.setText("lily")
    dialog.password.setText(DEMO_PASSWORD)
    dialog.reason.setText("curious")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "only for practitioners" in dialog.message.text(), timeout=10_000)
    assert services.context.actor is None and not services.context.break_glass


def test_the_notice_acknowledges_every_listed_session(qtbot, demo_opened, clock, runner) -> None:  # type: ignore[no-untyped-def]
    hart = make_workspace(clock).services(demo_opened, None)
    hart.staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="Night call")
    owner = make_workspace(clock).services(demo_opened, None)
    owner.staff.sign_in("grace", DEMO_PASSWORD)
    sessions = owner.staff.unacknowledged_break_glass()
    dialog = BreakGlassNoticeDialog(owner, runner, sessions)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Night call" in dialog.list.item(0).text() and "Hart" in dialog.list.item(0).text()
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert owner.staff.unacknowledged_break_glass() == sessions  # Later keeps it for the next sign-in
    dialog = BreakGlassNoticeDialog(owner, runner, sessions)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert owner.staff.unacknowledged_break_glass() == []


@pytest.fixture
def emergency_used(demo_path, clock) -> None:  # type: ignore[no-untyped-def]
    """Dr Hart used emergency access before the owner opens the app."""
    opened = make_workspace(clock).open(demo_path)
    make_workspace(clock).services(opened, None).staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="Night call")
    opened.close()


def test_the_owner_sees_the_notice_at_sign_in(qtbot, emergency_used, session) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    qtbot.waitUntil(lambda: session.break_glass_notice is not None, timeout=10_000)
    notice = session.break_glass_notice
    assert notice.isVisible() and "Night call" in notice.list.item(0).text()
    qtbot.mouseClick(notice.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10_000)
    assert session.services.staff.unacknowledged_break_glass() == []


def test_no_notice_without_emergency_sessions(qtbot, session) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    session.runner.wait()
    qtbot.wait(50)
    assert session.break_glass_notice is None


def test_the_status_line_flags_an_emergency_session_which_signs_out_on_time(qtbot, session, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from tests.ui.test_main_window import sign_in_when_asked

    session.services.staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="Night call")
    session._enter()
    qtbot.waitUntil(lambda: "EMERGENCY ACCESS until" in session.window.status_label.text(), timeout=10_000)
    assert "Dr Amelia Hart" in session.window.status_label.text()
    shown: list[str] = []
    monkeypatch.setattr(session.window, "show_error", shown.append)
    sign_in_when_asked(qtbot, "grace")
    session._on_emergency_over()  # what the timer set for the session's end does
    qtbot.waitUntil(lambda: "Grace Whitfield" in session.window.status_label.text(), timeout=10_000)
    assert shown == ["Emergency access ended after 60 minutes. Sign in again to go on."]
    assert not session.services.context.break_glass
    assert "EMERGENCY" not in session.window.status_label.text()
