"""Staff sign-in: user name and password, checked by the staff service on the database thread."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text
from dermadesk.ui.tasks import TaskRunner

LAST_USER_KEY = "sign_in/last_username"
ERROR_STYLE = "color: #b00020"
MUTED_STYLE = "color: #5f6b7a; font-size: 9pt"
CALM_STYLE = "color: #5f6b7a"


class SignInDialog(BaseDialog):
    """exec() returns Accepted once services.staff.sign_in succeeded; the services then act as that user."""

    def __init__(
        self, services: Services, runner: TaskRunner, clinic_name: str, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self._clinic_name, self._hint = clinic_name, hint
        self._wait_left = 0
        self._busy = False
        self._setup_ui()
        self._connect_signals()
        self._prefill()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in — DermaDesk"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        clinic = QLabel(self._clinic_name or "DermaDesk", objectName="clinicName")
        clinic.setStyleSheet("font-size: 17pt; font-weight: bold")
        clinic.setWordWrap(True)
        intro = QLabel(self.tr("Sign in with your own account."), styleSheet=CALM_STYLE)
        layout.addWidget(clinic)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username = QLineEdit(objectName="username", maxLength=64)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        # emergency access ("break the glass"): a practitioner's, with a reason the owner will read
        self.emergency = QCheckBox(self.tr("&Emergency access (practitioners)"), objectName="emergency")
        self.emergency.setToolTip(
            self.tr("Opens a time-limited session; everything you do in it is flagged and shown to the owner.")
        )
        self.reason = QLineEdit(objectName="reason", maxLength=500)
        self.reason.setPlaceholderText(self.tr("Why you need emergency access"))
        form.addRow("", self.emergency)
        form.addRow(self.tr("&Reason"), self.reason)
        form.setRowVisible(self.reason, False)
        self.form = form
        layout.addLayout(form)
        self.message = QLabel(objectName="message", styleSheet=ERROR_STYLE, wordWrap=True)
        # room for a two-line message from the start, so the form does not jump or squeeze when one appears
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message)
        self.hint = QLabel(self._hint, objectName="hint", styleSheet=MUTED_STYLE, wordWrap=True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(self._hint))
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        layout.addWidget(self.buttons)
        self._wait_timer = QTimer(self, interval=1000)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        # Enter in either field signs in: the default button stops taking Enter once it has been disabled
        self.username.returnPressed.connect(self._on_buttons_accepted)
        self.password.returnPressed.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._wait_timer.timeout.connect(self._on_wait_timer_timeout)
        self.emergency.toggled.connect(self._on_emergency_toggled)
        self.reason.returnPressed.connect(self._on_buttons_accepted)

    def _on_emergency_toggled(self, on: bool) -> None:
        self.form.setRowVisible(self.reason, on)
        self.sign_in_button.setText(self.tr("Emergency sign in") if on else self.tr("Sign in"))
        if on:
            self.reason.setFocus()

    def _prefill(self) -> None:
        last = QSettings().value(LAST_USER_KEY, "")
        self.username.setText(str(last or ""))
        (self.password if self.username.text() else self.username).setFocus()

    # -- signing in --------------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        if self._busy or self._wait_left > 0:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self._show_message(self.tr("Type your user name."), self.username)
            return
        if not password:
            self._show_message(self.tr("Type your password."), self.password)
            return
        reason = self.reason.text().strip() if self.emergency.isChecked() else None
        if reason == "":
            self._show_message(self.tr("Type the reason for emergency access."), self.reason)
            return
        self._set_busy(True)
        staff = self.services.staff
        self.runner.database(
            lambda: staff.sign_in(username, password, emergency_reason=reason),
            on_done=self._on_signed_in,
            on_error=self._on_sign_in_failed,
        )

    def _on_signed_in(self, user: object) -> None:
        self._set_busy(False)
        QSettings().setValue(LAST_USER_KEY, self.username.text().strip())
        self.accept()

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        if isinstance(error, DermaDeskError) and error.code is ErrorCode.SIGN_IN_WAIT:
            self._wait_left = int(error.details.get("seconds", 5))  # type: ignore[call-overload]
            self._show_wait()
            self._wait_timer.start()
            return
        self._show_message(error_text(error), self.password)

    def _on_wait_timer_timeout(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self._show_message(self.tr("You can try again now."), self.password, error=False)
            self.sign_in_button.setEnabled(True)
        else:
            self._show_wait()

    def _show_wait(self) -> None:
        self.sign_in_button.setEnabled(False)
        self._show_message(error_text(DermaDeskError(ErrorCode.SIGN_IN_WAIT, {"seconds": self._wait_left})), None)

    def _show_message(self, text: str, focus: QLineEdit | None, *, error: bool = True) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else CALM_STYLE)
        self.message.setText(text)
        if focus is not None:
            focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.password, self.sign_in_button, self.emergency, self.reason):
            widget.setEnabled(not busy)
        if busy:
            self._show_message(self.tr("Signing in…"), None, error=False)
        else:
            self.message.clear()
