"""The owner's tier override: which tier, why, and until when (it applies from the next review)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from dermadesk.domain.tiers import TierDefinition, TierOverride
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.models.patient_table_model import tier_icon, tier_text
from dermadesk.ui.widgets.field_errors import FieldErrors

DEFAULT_MONTHS = 3


class OverrideDialog(BaseDialog):
    saved = Signal(object)  # TierOverride

    def __init__(
        self,
        ctx: AppContext,
        patient_id: int,
        tiers: Sequence[TierDefinition],
        current: str | None = None,
        patient_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.patient_id = ctx, patient_id
        self._tiers = sorted(tiers, key=lambda t: t.rank)
        self.setWindowTitle(self.tr("Override tier") + (f" — {patient_name}" if patient_name else ""))
        self._setup_ui(current)
        self._connect_signals()

    def _setup_ui(self, current: str | None) -> None:
        self.tier = QComboBox()
        for t in self._tiers:
            self.tier.addItem(tier_icon(t.code), tier_text(t.code, self._tiers), t.code)
        above = next((i + 1 for i, t in enumerate(self._tiers) if t.code == current), 0)
        self.tier.setCurrentIndex(min(above, len(self._tiers) - 1))  # an override usually lifts one step
        self.reason = QLineEdit(placeholderText=self.tr("e.g. long-standing patient, recovering from surgery"))
        today = self.ctx.services.context.clock.today()
        self.ends_on = QDateEdit(QDate(today + timedelta(days=30 * DEFAULT_MONTHS)), calendarPopup=True)
        self.ends_on.setMinimumDate(QDate(today))
        self.ends_on.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        note = QLabel(
            self.tr(
                "The override applies from the next monthly review until its end date; the patient's "
                "tier history keeps it with your reason."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555b63")
        self.general = FieldErrors.make_label()
        self.errors = FieldErrors(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        for name, label, widget in (
            ("tier", self.tr("&Tier:"), self.tier),
            ("reason", self.tr("&Reason:"), self.reason),
            ("ends_on", self.tr("&Until:"), self.ends_on),
        ):
            form.addRow(label, widget)
            message = FieldErrors.make_label()
            form.addRow("", message)
            self.errors.register(name, message)
        form.addRow(note)
        form.addRow(self.general)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)
        self.reason.setFocus()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def _on_save_clicked(self) -> None:
        services, pid = self.ctx.services, self.patient_id
        code, reason, ends = self.tier.currentData(), self.reason.text(), self.ends_on.date().toPython()
        self.errors.clear()
        self.save_button.setEnabled(False)
        self.ctx.db(
            lambda: services.tiers.override(pid, code, reason, ends),
            self._on_saved,
            on_error=self._on_save_failed,
            parent=self,
        )

    def _on_saved(self, override: TierOverride) -> None:
        self.saved.emit(override)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_any(error)
