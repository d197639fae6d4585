"""First start: keep the clinic in an encrypted file on this computer, or use the clinic's server (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from dermadesk.services.server_database import checked_server_url
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text


class ClinicLocationDialog(BaseDialog):
    """Asks once, on a computer with no clinic yet; a server URL is checked (TLS, no password) before OK."""

    def __init__(self, default_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_file = default_file
        self._setup_ui()
        self._connect_signals()
        self._on_choice_toggled()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Where is this clinic's data?"))
        layout = QVBoxLayout(self)
        self.on_this_computer = QRadioButton(self.tr("On this computer (an encrypted database file)"), checked=True)
        self.on_server = QRadioButton(self.tr("Use a clinic server (several workstations share one database)"))
        self.url = QLineEdit(placeholderText=self.tr("postgresql+psycopg://clinic_app@server.clinic.local/clinic"))
        note = QLabel(
            self.tr(
                "Your clinic's administrator gives you this address. The password is asked next and kept in "
                "this computer's keyring; a server on another computer must offer verified TLS."
            ),
            wordWrap=True,
        )
        self.problem = QLabel(styleSheet="color: #b00020", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for widget in (self.on_this_computer, self.on_server, self.url, note, self.problem, self.buttons):
            layout.addWidget(widget)

    def _connect_signals(self) -> None:
        self.on_server.toggled.connect(self._on_choice_toggled)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_choice_toggled(self, *_args: object) -> None:
        self.url.setEnabled(self.on_server.isChecked())
        if self.on_server.isChecked():
            self.url.setFocus()

    def _on_buttons_accepted(self) -> None:
        if self.on_server.isChecked():
            try:
                checked_server_url(self.url.text().strip())
            except Exception as error:  # the dialog stays open with what was typed, saying what is wrong
                self.problem.setText(error_text(error))
                return
        self.accept()

    def location(self) -> Path | str:
        return self.url.text().strip() if self.on_server.isChecked() else self._default_file
