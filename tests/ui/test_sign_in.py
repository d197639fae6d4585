"""Signing in: Enter signs in on the database thread; a failure says why in plain words and keeps the user name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.sign_in_dialog import SignInDialog
from dermadesk.ui.tasks import TaskRunner
from tests.conftest import FixedClock, make_workspace


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    runner = TaskRunner(errors.append)
    yield runner
    runner.wait()
    assert not errors


@pytest.fixture
def services(demo_opened: OpenedDatabase, clock: FixedClock) -> Services:
    """Nobody signed in yet."""
    return make_workspace(clock).services(demo_opened, None)


def make_dialog(qtbot, services: Services, runner: TaskRunner, hint: str = "") -> SignInDialog:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(services, runner, "Harbour Skin Clinic", hint)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def sign_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_enter_signs_in_and_the_services_act_as_that_user(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, services, runner)
    sign_in(qtbot, dialog, "dr.hart", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert services.context.actor is not None and services.context.actor.username == "dr.hart"
    again = make_dialog(qtbot, services, runner)
    assert again.username.text() == "dr.hart", "the last user name is offered next time"
    assert again.password.hasFocus() or not again.isActiveWindow()


def test_a_wrong_password_says_so_and_keeps_the_user_name(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, services, runner)
    sign_in(qtbot, dialog, "lily", "not her password")
    qtbot.waitUntil(lambda: "do not match" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.username.text() == "lily"
    assert dialog.password.text() == ""
    assert services.context.actor is None


def test_a_locked_out_account_is_told_how_long_to_wait_and_the_button_waits_too(  # type: ignore[no-untyped-def]
    qtbot, services: Services, runner: TaskRunner, demo_opened: OpenedDatabase, clock: FixedClock
) -> None:
    with demo_opened.store.write() as uow:  # as after several failures: the next try must wait 5 seconds
        tom = uow.staff.by_username("tom")[0]  # type: ignore[index]
        uow.staff.record_sign_in(tom.id, failed=4, locked_until=clock.now() + timedelta(seconds=5))
    dialog = make_dialog(qtbot, services, runner)
    sign_in(qtbot, dialog, "tom", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: "Try again in 5 seconds" in dialog.message.text(), timeout=10_000)
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.username.text() == "tom"
    qtbot.waitUntil(lambda: "4 seconds" in dialog.message.text(), timeout=3_000)  # it counts down
    assert services.context.actor is None


def test_repeated_failures_through_the_service_ask_to_wait(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, services, runner)
    for _ in range(4):  # three free attempts, then a wait
        sign_in(qtbot, dialog, "tom", "wrong password")
        qtbot.waitUntil(lambda: not runner.busy(), timeout=10_000)
    sign_in(qtbot, dialog, "tom", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: "Try again in" in dialog.message.text(), timeout=5_000)
    assert services.context.actor is None, "even the right password waits its turn"


def test_empty_fields_are_named_before_anything_is_checked(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, services, runner)
    dialog.username.clear()
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.message.text() == "Type your user name."
    qtbot.keyClicks(dialog.username, "grace")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.message.text() == "Type your password."


def test_the_hint_shows_only_when_given(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    plain = make_dialog(qtbot, services, runner)
    assert not plain.hint.isVisible()
    with_hint = make_dialog(qtbot, services, runner, hint="Demo accounts: grace (owner)")
    assert with_hint.hint.isVisible() and with_hint.hint.text() == "Demo accounts: grace (owner)"
    assert with_hint.windowTitle() == "Sign in — DermaDesk"
