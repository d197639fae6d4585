"""First start: the clinic's name and currency, the owner's account, and the recovery key shown once."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, invalid, require_valid
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.services.clinic import validate_settings
from dermadesk.services.staff import validate_account
from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text
from dermadesk.ui.tasks import TaskRunner
from dermadesk.ui.widgets.field_errors import FieldErrors
from dermadesk.ui.widgets.settings.region_boxes import CountryBox, CurrencyBox, system_country, system_currency

CLINIC_PAGE, OWNER_PAGE, KEY_PAGE = 0, 1, 2
CLINIC_FIELDS = ("clinic_name", "currency", "country")
HEADING_STYLE = "font-size: 15pt; font-weight: bold; color: #1f2a37"
MUTED_STYLE = "color: #5f6b7a"
STEP_STYLE = {True: "font-weight: bold; color: #1f2a37", False: "color: #8a94a3"}
KEY_STYLE = "QFrame#keyBox { background: #f4f6f9; border: 1px solid #d3d9e1; border-radius: 6px; }"


@dataclasses.dataclass(frozen=True)
class SetupInput:
    """What the owner typed, read on the GUI thread and handed whole to the database thread."""

    name: str
    currency: str
    country: str
    owner: StaffUser
    password: str


def finish_setup(services: Services, typed: SetupInput) -> ClinicSettings:
    """On the database thread: the owner's account, their sign-in, then the clinic's details.
    Safe to run again after a failure part-way: an owner made by the first try is kept."""
    current = services.clinic.settings()
    settings = dataclasses.replace(current, name=typed.name, currency=typed.currency, country=typed.country)
    require_valid(validate_settings(settings) + validate_account(typed.owner, typed.password))
    if services.staff.needs_owner():
        services.staff.create_first_owner(typed.owner, typed.password)
    services.staff.sign_in(typed.owner.username, typed.password)
    return services.clinic.save_settings(settings)


def print_html(html: str, printer: QPrinter) -> None:
    """On a worker thread: lay out the sheet and send it to the printer (or PDF file) it was given."""
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 11))
    document.setHtml(html)
    document.print_(printer)
    target = printer.outputFileName()
    if target and not Path(target).is_file():
        raise OSError(target)


def suggested_username(display_name: str) -> str:
    first = display_name.strip().split(" ")[0] if display_name.strip() else ""
    return re.sub(r"[^\w.-]", "", first.casefold())


class SetupDialog(BaseDialog):
    """A three-step wizard; exec() returns Accepted once the owner is signed in and the clinic saved."""

    def __init__(
        self, services: Services, runner: TaskRunner, recovery_key: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.recovery_key = services, runner, recovery_key
        self._busy = False
        self._username_edited = False
        self._messages: dict[str, QLabel] = {}
        self._setup_ui()
        self._connect_signals()
        self._load_defaults()
        self._show_page(CLINIC_PAGE)

    # -- building ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up DermaDesk"))
        self.setMinimumSize(620, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(14)
        layout.addLayout(self._make_steps())
        self.general = FieldErrors.make_label()
        self.errors = FieldErrors(self.general)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._make_clinic_page())
        self.stack.addWidget(self._make_owner_page())
        if self.recovery_key:
            self.stack.addWidget(self._make_key_page())
        layout.addWidget(self.stack, 1)
        self.status = QLabel(styleSheet=MUTED_STYLE, wordWrap=True)
        layout.addWidget(self.general)
        layout.addWidget(self.status)
        layout.addLayout(self._make_buttons())

    def _make_steps(self) -> QHBoxLayout:
        names = [self.tr("1  Clinic"), self.tr("2  Your account")]
        if self.recovery_key:
            names.append(self.tr("3  Recovery key"))
        row = QHBoxLayout()
        self.step_labels = []
        for i, name in enumerate(names):
            if i:
                row.addWidget(QLabel("›", styleSheet=STEP_STYLE[False]))
            self.step_labels.append(QLabel(name))
            row.addWidget(self.step_labels[-1])
        row.addStretch(1)
        return row

    def _page(self, heading: str, intro: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(QLabel(heading, styleSheet=HEADING_STYLE, wordWrap=True))
        layout.addWidget(QLabel(intro, styleSheet=MUTED_STYLE, wordWrap=True))
        layout.addSpacing(6)
        return page, layout

    def _field(self, form: QFormLayout, label: str, widget: QWidget, name: str) -> None:
        """A form row whose field carries its own message line underneath."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = FieldErrors.make_label(box)
        column.addWidget(message)
        self.errors.register(name, message)
        self._messages[name] = message
        form.addRow(label, box)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        return form

    def _make_clinic_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Welcome to DermaDesk"),
            self.tr("First, your clinic. You can change these details later in Settings."),
        )
        form = self._form()
        self.clinic_name = QLineEdit(objectName="clinicName", maxLength=120)
        self.clinic_name.setPlaceholderText(self.tr("e.g. Harbour Skin Clinic"))
        self.currency = CurrencyBox()
        self.currency.setObjectName("currency")
        self.country = CountryBox()
        self.country.setObjectName("country")
        self.country.setToolTip(self.tr("Phone numbers typed without a country code are read as this country's."))
        self._field(form, self.tr("Clinic &name"), self.clinic_name, "clinic_name")
        self._field(form, self.tr("&Currency"), self.currency, "currency")
        self._field(form, self.tr("C&ountry"), self.country, "country")
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _make_owner_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Your account"),
            self.tr(
                "You are the clinic's owner: you can change every setting and add accounts for your staff. "
                "Choose a password of at least 8 characters that only you know."
            ),
        )
        form = self._form()
        self.display_name = QLineEdit(objectName="displayName", maxLength=120)
        self.display_name.setPlaceholderText(self.tr("e.g. Grace Whitfield"))
        self.username = QLineEdit(objectName="username", maxLength=64)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(objectName="passwordAgain", echoMode=QLineEdit.EchoMode.Password)
        self._field(form, self.tr("Your &name"), self.display_name, "display_name")
        self._field(form, self.tr("&User name"), self.username, "username")
        self._field(form, self.tr("&Password"), self.password, "password")
        self._field(form, self.tr("Password &again"), self.password_again, "password_again")
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _make_key_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Your recovery key"),
            self.tr(
                "The clinic's records are encrypted. This key opens them on a new computer or after a "
                "reinstall, for example when you restore a backup. It is shown only now: print it or save "
                "it as a PDF, and keep it somewhere safe, away from this computer."
            ),
        )
        layout.addWidget(self._make_key_box())
        actions = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        actions.addWidget(self.print_button)
        actions.addWidget(self.pdf_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.kept = QCheckBox(self.tr("I have printed or saved it"), objectName="kept")
        layout.addWidget(self.kept)
        layout.addStretch(1)
        return page

    def _make_key_box(self) -> QFrame:
        box = QFrame(objectName="keyBox", styleSheet=KEY_STYLE)
        column = QVBoxLayout(box)
        column.setContentsMargins(18, 14, 18, 14)
        groups = (self.recovery_key or "").split("-")
        half = (len(groups) + 1) // 2
        self.key_label = QLabel("-".join(groups[:half]) + "\n" + "-".join(groups[half:]), objectName="recoveryKey")
        font = QFont("DejaVu Sans Mono", 16)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.key_label)
        return box

    def _make_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Quit"))
        self.back_button = QPushButton(self.tr("< &Back"))
        self.next_button = QPushButton(self.tr("&Next >"), default=True)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        return row

    def _connect_signals(self) -> None:
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.display_name.textEdited.connect(self._on_display_name_text_edited)
        self.username.textEdited.connect(self._on_username_text_edited)
        if self.recovery_key:
            self.kept.toggled.connect(self._update_buttons)
            self.print_button.clicked.connect(self._on_print_button_clicked)
            self.pdf_button.clicked.connect(self._on_pdf_button_clicked)

    def _load_defaults(self) -> None:
        """The computer's own currency and country, when it has them, else the new database's defaults."""
        self.currency.set_code(system_currency() or ClinicSettings().currency)
        self.country.set_code(system_country() or ClinicSettings().country)

    # -- moving between steps ----------------------------------------------------------------
    def _last_page(self) -> int:
        return self.stack.count() - 1

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        for i, label in enumerate(self.step_labels):
            label.setStyleSheet(STEP_STYLE[i == index])
        first = {CLINIC_PAGE: self.clinic_name, OWNER_PAGE: self.display_name}.get(index)
        if first is not None:
            first.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.stack.currentIndex()
        last = index == self._last_page()
        self.back_button.setEnabled(index > 0 and not self._busy)
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next >"))
        ready = not (index == KEY_PAGE and self.recovery_key and not self.kept.isChecked())
        self.next_button.setEnabled(ready and not self._busy)
        self.cancel_button.setEnabled(not self._busy)

    def _on_back_button_clicked(self) -> None:
        self.errors.clear()
        self._show_page(max(0, self.stack.currentIndex() - 1))

    def _on_next_button_clicked(self) -> None:
        index = self.stack.currentIndex()
        checks = {CLINIC_PAGE: self._clinic_problems, OWNER_PAGE: self._owner_problems}
        if index in checks and not self._accept_page(checks[index]()):
            return
        if index == self._last_page():
            self._finish()
        else:
            self._show_page(index + 1)

    def _accept_page(self, problems: list[FieldProblem]) -> bool:
        """Show the page's problems next to its fields; True when there are none."""
        self.errors.clear()
        mismatch = [p for p in problems if p.problem == "differs"]
        problems = [p for p in problems if p.problem != "differs"]
        if problems:
            self.errors.show(invalid(*problems))
        if mismatch:
            self._show_field_message("password_again", self.tr("The two passwords differ."))
        return not problems and not mismatch

    def _show_field_message(self, field: str, text: str) -> None:
        label = self._messages[field]
        label.setText(text)
        label.show()

    def _clinic_problems(self) -> list[FieldProblem]:
        draft = ClinicSettings(name=self.clinic_name.text().strip(), currency=self.currency.code())
        problems = [p for p in validate_settings(draft) if p.field in CLINIC_FIELDS]
        if not self.country.code():
            problems.append(FieldProblem("country", "required"))
        return problems

    def _owner(self) -> StaffUser:
        return StaffUser(self.username.text().strip(), self.display_name.text().strip(), Role.OWNER)

    def _owner_problems(self) -> list[FieldProblem]:
        problems = validate_account(self._owner(), self.password.text())
        if self.password.text() != self.password_again.text():
            problems.append(FieldProblem("password_again", "differs"))
        return problems

    def _on_display_name_text_edited(self, text: str) -> None:
        if not self._username_edited:
            self.username.setText(suggested_username(text))

    def _on_username_text_edited(self, text: str) -> None:
        self._username_edited = bool(text)

    # -- finishing ---------------------------------------------------------------------------
    def _finish(self) -> None:
        typed = SetupInput(
            self.clinic_name.text().strip(),
            self.currency.code(),
            self.country.code(),
            self._owner(),
            self.password.text(),
        )
        self._set_busy(True, self.tr("Setting up your clinic…"))
        services = self.services
        self.runner.database(
            lambda: finish_setup(services, typed), on_done=self._on_setup_done, on_error=self._on_setup_failed
        )

    def _on_setup_done(self, settings: ClinicSettings) -> None:
        self._set_busy(False, "")
        self.accept()

    def _on_setup_failed(self, error: BaseException) -> None:
        """Back to the step with the field at fault, with everything typed still there."""
        self._set_busy(False, "")
        if isinstance(error, DermaDeskError) and error.code is ErrorCode.INVALID_FIELD:
            on_clinic = any(p.field in CLINIC_FIELDS for p in error.problems)
            self._show_page(CLINIC_PAGE if on_clinic else OWNER_PAGE)
            self.errors.show(error)
        else:
            self.errors.clear()
            self.general.setText(error_text(error))
            self.general.show()

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.stack.setEnabled(not busy)
        self.status.setText(text)
        self._update_buttons()

    def reject(self) -> None:
        """Quitting before the end loses the recovery key for good: say so first."""
        if self._busy:
            return
        if self.recovery_key and not self._confirm_quit():
            return
        super().reject()

    def _confirm_quit(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit set-up?"),
            self.tr(
                "The recovery key will not be shown again. Without it, the clinic's records cannot be opened "
                "on another computer. Quit set-up anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- printing and saving the key ---------------------------------------------------------
    def _document_html(self) -> str:
        clinic = self.clinic_name.text().strip() or self.tr("Your clinic")
        created = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        explain = self.tr(
            "This key opens the clinic's encrypted DermaDesk database on a new computer, for example after a "
            "reinstall or when restoring a backup. Keep this sheet somewhere safe and away from the computer: "
            "with this key and a copy of the database, anyone could read the clinic's records."
        )
        return (
            f"<h2>{self.tr('DermaDesk recovery key')}</h2>"
            f"<p><b>{html.escape(clinic)}</b><br/>{self.tr('Created on %1').replace('%1', created)}</p>"
            f"<p style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 18pt\">{self.recovery_key}</p>"
            f"<p>{explain}</p>"
        )

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._choose_printer(printer):
            self._print(printer, self.tr("Printed. Keep the sheet somewhere safe."))

    def _choose_printer(self, printer: QPrinter) -> bool:
        return QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted

    def _on_pdf_button_clicked(self) -> None:
        target = self._choose_pdf_path()
        if not target:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(target)
        saved = self.tr("Saved to %1. Move it off this computer, e.g. to a USB stick you keep safe.")
        self._print(printer, saved.replace("%1", target))

    def _choose_pdf_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        clinic = re.sub(r"[^\w -]", "", self.clinic_name.text()).strip()
        name = self.tr("DermaDesk recovery key") + (f" - {clinic}" if clinic else "") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key as PDF"), str(Path(folder) / name), self.tr("PDF files (*.pdf)")
        )
        return path

    def _print(self, printer: QPrinter, done_text: str) -> None:
        sheet = self._document_html()
        self.status.setText(self.tr("Preparing the sheet…"))
        self.runner.compute(
            lambda: print_html(sheet, printer),
            on_done=lambda _: self.status.setText(done_text),
            on_error=self._on_print_failed,
        )

    def _on_print_failed(self, error: BaseException) -> None:
        self.status.setText("")
        self.general.setText(
            self.tr("The sheet could not be written (%1). Choose another place or printer and try again.").replace(
                "%1", str(error) or type(error).__name__
            )
        )
        self.general.show()
