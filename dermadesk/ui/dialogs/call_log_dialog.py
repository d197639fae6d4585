"""Log a call made for an alert: what happened, in a line; it goes on the timeline and starts the cool-down."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from dermadesk.services.alerts import AlertView
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.resolve_dialog import AlertActionDialog
from dermadesk.ui.i18n import word
from dermadesk.ui.widgets.field_errors import FieldErrors

QUICK_SUMMARIES = (
    QT_TR_NOOP("No answer"),
    QT_TR_NOOP("Left a voicemail"),
    QT_TR_NOOP("Call back later"),
    QT_TR_NOOP("Sent a text"),
)


class CallLogDialog(AlertActionDialog):
    """The alert stays in the inbox (resolve it when the call settles something); the call is on the timeline."""

    def __init__(self, ctx: AppContext, view: AlertView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, view, parent)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Log a call"))
        self.summary_edit = QPlainTextEdit(placeholderText=self.tr("What happened on the call"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(100)
        label = QLabel(self.tr("&Summary"))
        label.setBuddy(self.summary_edit)
        self.layout_.addWidget(label)
        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for text in QUICK_SUMMARIES:
            words = word(text)
            button = QPushButton(words)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, t=words: self._use_summary(t))
            self.quick_buttons.append(button)
            quick.addWidget(button)
        self.layout_.addLayout(quick)
        self.layout_.addWidget(self.summary_edit)
        self.summary_error = FieldErrors.make_label(self)
        self.errors.register("summary", self.summary_error)
        self.layout_.addWidget(self.summary_error)
        self.ok_button.setText(self.tr("Log call"))
        self._finish_layout()
        self.summary_edit.setFocus()

    def _use_summary(self, text: str) -> None:
        self.summary_edit.setPlainText(text)
        self.ok_button.setFocus()

    def summary(self) -> str:
        return self.summary_edit.toPlainText()

    def _call(self) -> Callable[[], Any]:
        alerts, alert_id, summary = self.ctx.services.alerts, self.view.alert.id, self.summary()
        return lambda: alerts.log_call(alert_id, summary)  # type: ignore[arg-type]
