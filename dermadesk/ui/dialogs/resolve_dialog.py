"""Resolve an alert with an outcome and a note; also the base of every dialog that acts on one alert."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alerts import AlertOutcome
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.alerts import AlertView
from dermadesk.services.phones import national
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.i18n import word
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import reason_text, rule_text
from dermadesk.ui.widgets.field_errors import FieldErrors

OUTCOME_LABELS = {
    AlertOutcome.REBOOKED: QT_TR_NOOP("&Rebooked"),
    AlertOutcome.DECLINED: QT_TR_NOOP("Reached — not &interested"),
    AlertOutcome.NO_ANSWER: QT_TR_NOOP("No &answer"),
    AlertOutcome.MOVED: QT_TR_NOOP("&Moved away"),
    AlertOutcome.DECEASED: QT_TR_NOOP("&Deceased"),
    AlertOutcome.OTHER: QT_TR_NOOP("O&ther"),
}


def is_stale(error: BaseException) -> bool:
    """Another workstation handled the alert first (or it is gone): nothing to retry here."""
    return isinstance(error, DermaDeskError) and error.code in (ErrorCode.CONFLICT, ErrorCode.NOT_FOUND)


class AlertActionDialog(BaseDialog):
    """One alert's patient and reason on top, the action's fields, OK/Cancel. Saves through the service;
    a field problem keeps it open with the input; a stale alert closes it with `failed` for the page."""

    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, view: AlertView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.view = ctx, view
        self.setMinimumWidth(440)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self._header())
        self.general_error = FieldErrors.make_label(self)
        self.errors = FieldErrors(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _header(self) -> QLabel:
        patient = self.view.patient
        phone = national(patient.phone) if patient.phone else self.tr("no phone")
        label = QLabel(
            f"<b>{escape(patient.display_name)}</b> · {escape(phone)}<br><span style='color:#4b5563'>"
            f"{escape(rule_text(self.view.alert.rule))}: {escape(reason_text(self.view))}</span>"
        )
        label.setWordWrap(True)
        label.setStyleSheet("padding-bottom: 6px")
        return label

    def _finish_layout(self) -> None:
        """Subclasses call this after adding their fields."""
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)

    def _call(self) -> Callable[[], Any]:
        """The service call this dialog makes, as a closure over its input (runs on the database thread)."""
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self.ok_button.setEnabled(False)  # one click, one change
        self.ctx.db(self._call(), on_done=self._on_saved, on_error=self._on_save_failed, parent=self)

    def _on_saved(self, result: object) -> None:
        self.saved.emit(result)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if self.errors.show(error):
            return
        if is_stale(error):
            self.failed.emit(error)
            self.reject()
            return
        self.general_error.setText(error_text(error))
        self.general_error.show()


class ResolveDialog(AlertActionDialog):
    def __init__(
        self, ctx: AppContext, view: AlertView, parent: QWidget | None = None, outcome: AlertOutcome | None = None
    ) -> None:
        super().__init__(ctx, view, parent)
        self._setup_ui(outcome)
        self._connect_signals()

    def _setup_ui(self, outcome: AlertOutcome | None) -> None:
        self.setWindowTitle(self.tr("Resolve the alert"))
        self.layout_.addWidget(QLabel(self.tr("Outcome")))
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[AlertOutcome, QRadioButton] = {}
        for choice, text in OUTCOME_LABELS.items():
            button = QRadioButton(word(text))
            self.outcome_buttons[choice] = button
            self.outcome_group.addButton(button)
            self.layout_.addWidget(button)
        self.outcome_buttons[outcome or AlertOutcome.NO_ANSWER].setChecked(True)
        self.note_edit = QPlainTextEdit(placeholderText=self.tr("What was said or agreed"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        note_label = QLabel(self.tr("&Note (optional)"))
        note_label.setBuddy(self.note_edit)
        self.layout_.addWidget(note_label)
        self.layout_.addWidget(self.note_edit)
        self.ok_button.setText(self.tr("Resolve"))
        self._finish_layout()
        self.outcome_buttons[outcome or AlertOutcome.NO_ANSWER].setFocus()

    def outcome(self) -> AlertOutcome:
        return next(o for o, b in self.outcome_buttons.items() if b.isChecked())

    def _call(self) -> Callable[[], Any]:
        alerts, alert = self.ctx.services.alerts, self.view.alert
        outcome, note = self.outcome(), self.note_edit.toPlainText()
        return lambda: alerts.resolve(alert.id, outcome, note, version=alert.version)  # type: ignore[arg-type]
