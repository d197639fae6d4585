"""First start: clinic name and currency, the owner's account, the recovery key printed or saved before finishing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from dermadesk.services.database import OpenedDatabase
from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.setup_dialog import CLINIC_PAGE, KEY_PAGE, OWNER_PAGE, SetupDialog
from dermadesk.ui.tasks import TaskRunner
from tests.conftest import FixedClock, make_workspace

KEY = "QX7D-M2KA-9BZR-T4WE-LN3P-HC6V-Y8GS-FJ5U"


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    runner = TaskRunner(errors.append)
    yield runner
    runner.wait()
    assert not errors


@pytest.fixture
def services(opened: OpenedDatabase, clock: FixedClock) -> Services:
    """A new clinic database: no accounts yet, nobody signed in."""
    return make_workspace(clock).services(opened, None)


def make_dialog(qtbot, services: Services, runner: TaskRunner, key: str | None = KEY) -> SetupDialog:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(services, runner, key)
    # hidden before the test's end closes it: closing a visible set-up asks whether to quit (a modal question)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.hide())
    dialog.show()
    return dialog


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def fill_clinic(qtbot, dialog: SetupDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.clinic_name, "Harbour Skin Clinic")
    dialog.currency.set_code("EUR")
    dialog.country.set_code("IE")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def fill_owner(qtbot, dialog: SetupDialog, again: str = "a long secret") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.display_name, "Grace Whitfield")
    qtbot.keyClicks(dialog.password, "a long secret")
    qtbot.keyClicks(dialog.password_again, again)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def test_each_step_says_what_is_missing_next_to_the_field(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, services, runner)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == CLINIC_PAGE
    assert dialog._messages["clinic_name"].text() == "Is required."
    fill_clinic(qtbot, dialog)
    assert dialog.stack.currentIndex() == OWNER_PAGE
    fill_owner(qtbot, dialog, again="something else")
    assert dialog.stack.currentIndex() == OWNER_PAGE
    assert dialog.username.text() == "grace", "a user name is suggested from the name"
    assert dialog._messages["password_again"].text() == "The two passwords differ."
    assert dialog.password.text() == "a long secret", "nothing typed is lost"
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.clinic_name.text() == "Harbour Skin Clinic"


def test_the_key_is_saved_as_pdf_and_finishing_needs_the_tick(  # type: ignore[no-untyped-def]
    qtbot,
    services: Services,
    runner: TaskRunner,
    opened: OpenedDatabase,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch,
) -> None:
    target = tmp_path / "recovery key.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    dialog = make_dialog(qtbot, services, runner)
    fill_clinic(qtbot, dialog)
    fill_owner(qtbot, dialog)
    assert dialog.stack.currentIndex() == KEY_PAGE
    assert "QX7D-M2KA-9BZR-T4WE" in dialog.key_label.text()
    assert not dialog.next_button.isEnabled(), "Finish waits for 'I have printed or saved it'"
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved to" in dialog.status.text(), timeout=10_000)
    text = pdf_text(target)
    assert KEY in text.replace(" ", "") and "Harbour Skin Clinic" in text
    dialog.kept.setChecked(True)
    assert dialog.next_button.isEnabled() and dialog.next_button.text() == "&Finish"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert services.context.actor is not None and services.context.actor.username == "grace"
    fresh = make_workspace(clock).services(opened, None)
    fresh.staff.sign_in("grace", "a long secret")
    settings = fresh.clinic.settings()
    assert (settings.name, settings.currency, settings.country) == ("Harbour Skin Clinic", "EUR", "IE")


def test_print_sends_the_sheet_to_the_chosen_printer(  # type: ignore[no-untyped-def]
    qtbot, services: Services, runner: TaskRunner, tmp_path: Path, monkeypatch
) -> None:
    printed = tmp_path / "printed.pdf"

    def choose(self, printer: QPrinter) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file, for the test
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(SetupDialog, "_choose_printer", choose)
    dialog = make_dialog(qtbot, services, runner)
    fill_clinic(qtbot, dialog)
    fill_owner(qtbot, dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Printed"), timeout=10_000)
    assert KEY in pdf_text(printed).replace(" ", "")


def test_quitting_while_the_key_is_unseen_asks_first(
    qtbot, services: Services, runner: TaskRunner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = make_dialog(qtbot, services, runner)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "will not be shown again" in asked[0]
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert services.staff.needs_owner(), "nothing was created"


def test_without_a_new_key_the_account_step_finishes(qtbot, services: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, services, runner, key=None)
    assert len(dialog.step_labels) == 2
    fill_clinic(qtbot, dialog)
    assert dialog.next_button.text() == "&Finish"
    fill_owner(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert services.context.actor is not None and services.context.actor.display_name == "Grace Whitfield"
