"""A patient's privacy requests: withdraw marketing (one action), a copy of their data, erasure (owner)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.patients import Patient
from dermadesk.domain.privacy import ErasureResult
from dermadesk.domain.staff import Permission
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text


class PrivacyDialog(BaseDialog):
    saved = Signal()  # the patient's record changed (consent withdrawn, data erased)

    def __init__(self, ctx: AppContext, patient: Patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.patient = ctx, patient
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Privacy requests — {name}").format(name=self.patient.display_name))
        self.withdraw_button = QPushButton(self.tr("&Withdraw marketing consent"))
        self.withdraw_button.setToolTip(self.tr("No marketing by SMS or e-mail, and off every recall list"))
        self.export_button = QPushButton(self.tr("&Export the patient's data (JSON and PDF)…"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. written request received on 2 November (no names: it is kept)"))
        self.erase_button = QPushButton(self.tr("E&rase personal data…"))
        self.erase_button.setEnabled(False)
        self.withdraw_button.setVisible(self.ctx.may(Permission.EDIT_PATIENTS))
        owner = self.ctx.may(Permission.EXPORT_DATA) and self.ctx.may(Permission.ERASE_PATIENTS)
        erase_box = QGroupBox(self.tr("Erasure on request"))
        form = QFormLayout(erase_box)
        form.addRow(
            QLabel(
                self.tr(
                    "Names, contacts, notes, readings, photos and appointments are erased for good. "
                    "Paid amounts stay, anonymous, for the books."
                )
            )
        )
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.erase_button)
        for widget in (self.export_button, erase_box):
            widget.setVisible(owner)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.withdraw_button)
        layout.addWidget(self.export_button)
        layout.addWidget(erase_box)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.reason.textChanged.connect(lambda text: self.erase_button.setEnabled(bool(text.strip())))
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def _on_withdraw_button_clicked(self) -> None:
        question = self.tr("Withdraw {name}'s consent to marketing by SMS and e-mail?").format(
            name=self.patient.display_name
        )
        if QMessageBox.question(self, self.windowTitle(), question) != QMessageBox.StandardButton.Yes:
            return
        pid = self.patient.id
        self.ctx.db(
            lambda: self.ctx.services.privacy.withdraw_marketing(pid),
            self._on_withdrawn,
            on_error=self._on_failed,
            parent=self,
        )

    def _on_withdrawn(self, dismissed: int) -> None:
        self.status.setText(self.tr("Marketing withdrawn; {n} recall alert(s) dismissed.").format(n=dismissed))
        self.withdraw_button.setEnabled(False)
        self.saved.emit()

    def _on_export_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the patient's data"))
        if not folder:
            return
        pid = self.patient.id

        def export(_progress: object) -> list[Path]:  # the files are written off the GUI thread too
            result = self.ctx.services.privacy.access_export(pid)  # type: ignore[arg-type]
            stem = Path(folder) / f"patient-{pid}-data"
            stem.with_suffix(".json").write_text(result.json_text, encoding="utf-8")
            stem.with_suffix(".pdf").write_bytes(result.pdf)
            return [stem.with_suffix(".json"), stem.with_suffix(".pdf")]

        self.ctx.db(export, self._on_exported, on_error=self._on_failed, progress=self.tr("Exporting…"), parent=self)

    def _on_exported(self, paths: list[Path]) -> None:
        self.status.setText(
            self.tr("Written {files}. They hold personal data: hand them over securely.").format(
                files=", ".join(str(p) for p in paths)
            )
        )

    def _on_erase_button_clicked(self) -> None:
        question = self.tr("Erase the personal data of {name}? This cannot be undone.").format(
            name=self.patient.display_name
        )
        if QMessageBox.question(self, self.windowTitle(), question) != QMessageBox.StandardButton.Yes:
            return
        pid, reason = self.patient.id, self.reason.text()
        self.erase_button.setEnabled(False)
        self.ctx.db(
            lambda _progress: self.ctx.services.privacy.erase(pid, reason),
            self._on_erased,
            on_error=self._on_failed,
            progress=self.tr("Erasing…"),
            parent=self,
        )  # type: ignore[arg-type]

    def _on_erased(self, result: ErasureResult) -> None:
        self.status.setText(
            self.tr("Personal data erased; {n} paid entries kept anonymously for the books.").format(
                n=result.paid_events_kept
            )
        )
        for widget in (self.withdraw_button, self.export_button, self.reason):
            widget.setEnabled(False)
        self.saved.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
