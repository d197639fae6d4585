"""The recovery key, shown once when a database is created, to print or write down."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from dermadesk.ui.dialogs.base_dialog import BaseDialog


class RecoveryKeyDialog(BaseDialog):
    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = recovery_key
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Your recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This key opens your clinic's database on a new computer or after a reinstall. It is shown "
                "only now. Print it or write it down and keep it somewhere safe, away from this computer."
            )
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(self._key)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(14)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I have kept it safe"))
        for widget in (intro, self.key_label, self.copy_button, self.buttons):
            layout.addWidget(widget)

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.buttons.accepted.connect(self.accept)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._key)
