"""Asks for the database passphrase (or the recovery key) when no system keyring holds the key."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from dermadesk.ui.dialogs.base_dialog import BaseDialog

MIN_LENGTH = 10


class PassphraseDialog(BaseDialog):
    def __init__(self, purpose: str, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._purpose, self._confirm = purpose, confirm
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        titles = {
            "new": self.tr("Choose a passphrase"),
            "unlock": self.tr("Unlock the clinic database"),
            "recovery": self.tr("Enter the recovery key"),
            "server": self.tr("Clinic server password"),
        }
        self.setWindowTitle(titles.get(self._purpose, titles["unlock"]))
        layout = QFormLayout(self)
        explains = {
            "recovery": self.tr("Type the recovery key you printed when the database was created."),
            "server": self.tr(
                "The password of your login on the clinic server. It is kept in this computer's keyring once the "
                "server accepts it."
            ),
        }
        explain = QLabel(
            explains.get(
                self._purpose,
                self.tr(
                    "This computer has no system keyring DermaDesk can use, so the database key is "
                    "protected by a passphrase."
                ),
            )
        )
        explain.setWordWrap(True)
        layout.addRow(explain)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        label = {"recovery": self.tr("Recovery key"), "server": self.tr("Password")}.get(self._purpose)
        layout.addRow(label or self.tr("Passphrase"), self.first)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        if self._confirm:
            layout.addRow(self.tr("Again"), self.second)
        self.problem = QLabel(styleSheet="color: #b00020")
        layout.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout.addRow(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        if self._confirm and len(self.first.text()) < MIN_LENGTH:
            self.problem.setText(self.tr("Use at least %n characters.", "", MIN_LENGTH))
        elif self._confirm and self.first.text() != self.second.text():
            self.problem.setText(self.tr("The two entries differ."))
        else:
            self.accept()

    def value(self) -> str:
        return self.first.text()


class GuiPassphrasePrompt(QObject):
    """The vault asks from the database thread; the dialog must open on the GUI thread. A blocking
    queued signal carries the question over and waits for the answer."""

    _asked = Signal(str, bool)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self._parent = parent_widget
        self._answer: str | None = None
        self._asked.connect(self._ask_here, Qt.ConnectionType.BlockingQueuedConnection)

    def __call__(self, purpose: str, *, confirm: bool = False) -> str | None:
        self._answer = None
        if QThread.currentThread() is self.thread():
            self._ask_here(purpose, confirm)
        else:
            self._asked.emit(purpose, confirm)
        answer, self._answer = self._answer, None  # the secret is not kept past this call
        return answer

    @Slot(str, bool)
    def _ask_here(self, purpose: str, confirm: bool) -> None:
        dialog = PassphraseDialog(purpose, confirm, self._parent)
        self._answer = dialog.value() if dialog.exec() == PassphraseDialog.DialogCode.Accepted else None
