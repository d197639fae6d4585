"""Snooze an alert until a day (a week by default), with one-click choices for the usual waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from dermadesk.services.alerts import AlertView
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.resolve_dialog import AlertActionDialog
from dermadesk.ui.i18n import word
from dermadesk.ui.models.alert_table_model import date_edit_format
from dermadesk.ui.widgets.field_errors import FieldErrors

DEFAULT_DAYS = 7
QUICK_CHOICES = (
    (3, QT_TR_NOOP("3 days")),
    (7, QT_TR_NOOP("1 week")),
    (14, QT_TR_NOOP("2 weeks")),
    (30, QT_TR_NOOP("1 month")),
)


class SnoozeDialog(AlertActionDialog):
    """The alert leaves the inbox until the chosen day, when the daily run wakes it."""

    def __init__(self, ctx: AppContext, view: AlertView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, view, parent)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Snooze the alert"))
        today = self.ctx.services.context.clock.today()
        self.until_edit = QDateEdit(QDate(today + timedelta(days=DEFAULT_DAYS)), calendarPopup=True)
        self.until_edit.setMinimumDate(QDate(today + timedelta(days=1)))
        self.until_edit.setDisplayFormat(date_edit_format())
        label = QLabel(self.tr("Snooze &until"))
        label.setBuddy(self.until_edit)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.until_edit, 1)
        self.layout_.addLayout(row)
        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for days, text in QUICK_CHOICES:
            button = QPushButton(word(text))
            button.setAutoDefault(False)  # Enter keeps meaning OK
            button.clicked.connect(lambda _=False, d=days: self.until_edit.setDate(QDate(today + timedelta(days=d))))
            self.quick_buttons.append(button)
            quick.addWidget(button)
        self.layout_.addLayout(quick)
        self.until_error = FieldErrors.make_label(self)
        self.errors.register("until", self.until_error)
        self.layout_.addWidget(self.until_error)
        self.ok_button.setText(self.tr("Snooze"))
        self._finish_layout()
        self.until_edit.setFocus()

    def until(self) -> date:
        return self.until_edit.date().toPython()  # type: ignore[return-value]

    def _call(self) -> Callable[[], Any]:
        alerts, alert, until = self.ctx.services.alerts, self.view.alert, self.until()
        return lambda: alerts.snooze(alert.id, until, version=alert.version)  # type: ignore[arg-type]
