"""The overview: which clinic this is, how many patients it holds, and that the file is encrypted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget


class OverviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    def title(self) -> str:
        return self.tr("Overview")

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.clinic_label = QLabel(self.tr("Opening the clinic database…"))
        self.clinic_label.setStyleSheet("font-size: 20pt; font-weight: bold")
        layout.addWidget(self.clinic_label)
        form = QFormLayout()
        self.patients_label = QLabel("—")
        self.encryption_label = QLabel("—")
        self.path_label = QLabel("—")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Patients"), self.patients_label)
        form.addRow(self.tr("Database"), self.encryption_label)
        form.addRow(self.tr("File"), self.path_label)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_status(self, clinic: str, patients: int, cipher_version: str, path: str) -> None:
        self.clinic_label.setText(clinic)
        self.patients_label.setText(self.locale().toString(patients))
        self.encryption_label.setText(
            self.tr("encrypted (SQLCipher %1)").replace("%1", cipher_version.split(maxsplit=1)[0])
        )
        self.path_label.setText(path)
