"""The lock screen: a calm panel over the whole window, holding no patient data; any active account unlocks."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermadesk.services.workspace import Services
from dermadesk.ui.messages import error_text
from dermadesk.ui.tasks import TaskRunner

PANEL_STYLE = """
QWidget#lockScreen { background: #e9edf2; }
QFrame#card { background: #ffffff; border: 1px solid #d3d9e1; border-radius: 10px; }
QLabel#heading { font-size: 18pt; font-weight: bold; color: #1f2a37; }
QLabel#explain, QLabel#lockedAt { color: #5f6b7a; }
QLabel#message { color: #b00020; }
"""


class LockScreen(QWidget):
    """Emits `unlocked` after a successful sign-in (the signed-in user may differ from the locked one)."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, services: Services, runner: TaskRunner, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self._user_name = user_name
        actor = services.context.actor  # an attribute, not a service call: who was signed in when it locked
        self._username = actor.username if actor else ""
        self._busy = False
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._make_card())
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    def _make_card(self) -> QFrame:
        card = QFrame(objectName="card")
        card.setFixedWidth(440)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(10)
        title = self.tr("Locked — %1").replace("%1", self._user_name) if self._user_name else self.tr("Locked")
        self.heading = QLabel(title, objectName="heading", wordWrap=True)
        explain = QLabel(
            self.tr("The screen was locked to keep patient information private. Enter your password to go on."),
            objectName="explain",
            wordWrap=True,
        )
        when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        locked_at = QLabel(self.tr("Locked at %1").replace("%1", when), objectName="lockedAt")
        for widget in (self.heading, explain, locked_at):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addLayout(self._make_form())
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addLayout(self._make_buttons())
        QWidget.setTabOrder(self.password, self.unlock_button)  # Unlock before Sign out, though it sits right
        QWidget.setTabOrder(self.unlock_button, self.sign_out_button)
        return card

    def _make_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username = QLineEdit(self._username, objectName="username", maxLength=64)
        self.username.setToolTip(self.tr("Anyone with an active account can unlock by signing in here."))
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        return form

    def _make_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.unlock_button = QPushButton(self.tr("&Unlock"), default=True)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        return buttons

    def _connect_signals(self) -> None:
        self.username.returnPressed.connect(self._on_username_return_pressed)
        self.password.returnPressed.connect(self._on_unlock_button_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.sign_out_button.clicked.connect(self.sign_out_requested.emit)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 — Qt's name
        super().showEvent(event)
        (self.password if self.username.text() else self.username).setFocus()

    # -- unlocking ---------------------------------------------------------------------------
    def _on_username_return_pressed(self) -> None:
        if self.password.text():
            self._on_unlock_button_clicked()
        else:
            self.password.setFocus()

    def _on_unlock_button_clicked(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_message(self.tr("Type your user name and password."))
            (self.password if username else self.username).setFocus()
            return
        self._set_busy(True)
        staff = self.services.staff
        self.runner.database(
            lambda: staff.sign_in(username, password), on_done=self._on_signed_in, on_error=self._on_sign_in_failed
        )

    def _on_signed_in(self, user: object) -> None:
        self._set_busy(False)
        self.password.clear()
        self.unlocked.emit()

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        self._show_message(error_text(error))  # wrong password, or how many seconds to wait after several

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.password, self.unlock_button, self.sign_out_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.hide()
