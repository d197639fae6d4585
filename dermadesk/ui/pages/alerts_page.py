"""The Alerts inbox: churn alerts ranked by value at stake, each with its reason in plain words, worked from
the keyboard (call, rebooked, snooze, resolve, dismiss); a handled alert leaves the inbox for the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from PySide6.QtCore import QByteArray, QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alerts import Alert, AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.patients import ContactChannel
from dermadesk.services.alerts import AlertRunSummary, AlertView
from dermadesk.services.phones import national
from dermadesk.services.workspace import Services
from dermadesk.ui.actions import action_button, page_action
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.booking_dialog import BookingDialog
from dermadesk.ui.dialogs.call_log_dialog import CallLogDialog
from dermadesk.ui.dialogs.resolve_dialog import AlertActionDialog, ResolveDialog, is_stale
from dermadesk.ui.dialogs.snooze_dialog import SnoozeDialog
from dermadesk.ui.i18n import list_separator
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import (
    COL_PATIENT,
    COL_PHONE,
    COL_RAISED,
    COL_REASON,
    COL_RULE,
    COL_SNOOZED,
    COL_VALUE,
    AlertProxyModel,
    AlertTableModel,
    display_locale,
    money_text,
    reason_text,
    rule_text,
    selected_alert,
)
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.widgets.rule_filter import RuleFilter

NOTICE_STYLE = {False: "background:#e8f0fe; color:#1e3a8a", True: "background:#fde8e8; color:#8a1c1c"}


@dataclass(frozen=True)
class InboxData:
    views: list[AlertView]
    counts: dict[AlertRule, int]
    staff: dict[int, str]  # who handled a stale alert, by name


def load_inbox(services: Services, status: AlertStatus, rules: tuple[AlertRule, ...]) -> InboxData:
    views = services.alerts.inbox((status,), rules)
    staff = {u.id: u.display_name for u in services.staff.all() if u.id is not None}
    return InboxData(views, services.alerts.counts(), staff)


class AlertsPage(Page):
    page_id = "alerts"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: InboxData | None = None
        self.dialog: AlertActionDialog | BookingDialog | None = None
        self._keep_row = 0
        self._setup_ui()
        self._connect_signals()
        self._restore_state()

    def title(self) -> str:
        return self.tr("Alerts")

    # -- building ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Alerts inbox"), styleSheet="font-size: 15pt; font-weight: 600")
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Open"), AlertStatus.OPEN)
        self.status_combo.addItem(self.tr("Snoozed"), AlertStatus.SNOOZED)
        self.status_combo.setToolTip(self.tr("Which alerts to show"))
        self.run_button = QPushButton(self.tr("Run today's alerts"))
        self.run_button.setToolTip(
            self.tr("Look for patients to call today (safe to run again: nothing is raised twice)")
        )
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.run_button)
        layout.addLayout(top)
        self.rule_filter = RuleFilter(rule_text)
        layout.addWidget(self.rule_filter)
        self.notice = QLabel(wordWrap=True)
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addLayout(self._make_toolbar())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._make_table())
        self.splitter.addWidget(self._make_detail())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self._update_actions()

    def _make_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.call_action = page_action(self, self.tr("Log a &call…"), "C", self.tr("Log a call to this patient"))
        self.rebooked_action = page_action(self, self.tr("&Rebooked…"), "R", self.tr("Book the patient and resolve"))
        self.snooze_action = page_action(self, self.tr("&Snooze…"), "S", self.tr("Hide the alert until a later day"))
        self.resolve_action = page_action(self, self.tr("Res&olve…"), "O", self.tr("Resolve with an outcome"))
        self.dismiss_action = page_action(
            self, self.tr("&Dismiss"), "D", self.tr("Dismiss the alert: not worth a call")
        )
        self.open_action = page_action(self, self.tr("Open &patient"), None, self.tr("Open the patient (Enter)"))
        self.refresh_action = page_action(
            self, self.tr("Re&fresh"), QKeySequence.StandardKey.Refresh, self.tr("Reload")
        )
        for action in (self.call_action, self.rebooked_action, self.snooze_action, self.resolve_action,
                       self.dismiss_action, self.open_action):  # fmt: skip
            bar.addWidget(action_button(action))
        bar.addStretch(1)
        bar.addWidget(action_button(self.refresh_action))
        return bar

    def _make_table(self) -> QTableView:
        self.model = AlertTableModel(self.ctx.clinic.currency, self)
        self.proxy = AlertProxyModel(self)
        self.proxy.setSourceModel(self.model)
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setSortingEnabled(True)
        table.sortByColumn(COL_VALUE, Qt.SortOrder.DescendingOrder)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_VALUE, 85), (COL_PATIENT, 150), (COL_PHONE, 120), (COL_RULE, 135), (COL_RAISED, 85)):
            table.setColumnWidth(col, width)
        table.setColumnHidden(COL_SNOOZED, True)
        self.table = table
        return table

    def _make_detail(self) -> QWidget:
        box = QWidget()
        box.setMinimumWidth(240)
        box.setMaximumWidth(440)  # a long reason wraps here instead of squeezing the inbox
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 0, 0, 0)
        self.detail_name = QLabel(wordWrap=True, styleSheet="font-size: 13pt; font-weight: 600")
        self.detail_name.setTextFormat(Qt.TextFormat.PlainText)  # a name is text, never markup
        self.detail_phone = QLabel(styleSheet="font-size: 12pt")
        self.detail_phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_reason = QLabel(wordWrap=True)
        self.detail_facts = QLabel(wordWrap=True, styleSheet="color: #4b5563")
        for label in (self.detail_name, self.detail_phone, self.detail_reason, self.detail_facts):
            layout.addWidget(label)
        layout.addStretch(1)
        return box

    def _connect_signals(self) -> None:
        self.ctx.signals.refresh_requested.connect(self._on_refresh_requested)  # other workstations' changes
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.rule_filter.rules_changed.connect(self._on_filter_changed)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.call_action.triggered.connect(self._on_call_action_triggered)
        self.rebooked_action.triggered.connect(self._on_rebooked_action_triggered)
        self.snooze_action.triggered.connect(self._on_snooze_action_triggered)
        self.resolve_action.triggered.connect(self._on_resolve_action_triggered)
        self.dismiss_action.triggered.connect(self._on_dismiss_action_triggered)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.refresh_action.triggered.connect(self.reload)
        self.table.activated.connect(self._on_open_action_triggered)  # Enter or double-click
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.horizontalHeader().sectionResized.connect(self._save_state)
        self.splitter.splitterMoved.connect(self._save_state)

    # -- state kept between sessions ---------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        self.splitter.setSizes([880, 360])  # until the user moves it: the inbox wide, the details beside it
        for name, widget in (("splitter", self.splitter), ("header", self.table.horizontalHeader())):
            state = settings.value(f"{self.page_id}/{name}")
            if isinstance(state, QByteArray):
                widget.restoreState(state)

    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue(f"{self.page_id}/splitter", self.splitter.saveState())
        settings.setValue(f"{self.page_id}/header", self.table.horizontalHeader().saveState())

    # -- loading -----------------------------------------------------------------------------
    def _on_refresh_requested(self) -> None:
        """A clinic server's periodic refresh: the page in front asks again (the others do when shown)."""
        if self.isVisible():
            self.reload()

    def activate(self) -> None:
        self.reload()

    def status(self) -> AlertStatus:
        return AlertStatus(self.status_combo.currentData())  # Qt hands the enum back as its plain string

    def reload(self) -> None:
        services, status, rules = self.ctx.services, self.status(), self.rule_filter.selected_rules()
        self.ctx.db(
            lambda: load_inbox(services, status, rules), on_done=self._on_loaded, on_error=self._on_failed, parent=self
        )

    def _on_loaded(self, data: InboxData) -> None:
        self.data = data
        self.rule_filter.set_counts(data.counts)
        self.model.set_rows(data.views)
        self.table.setColumnHidden(COL_SNOOZED, self.status() is not AlertStatus.SNOOZED)
        if data.views:
            self.table.selectRow(min(self._keep_row, len(data.views) - 1))  # carry on down the list
        self._show_detail()
        self._update_actions()

    def _on_filter_changed(self) -> None:
        self._keep_row = 0
        self.reload()

    # -- the selected alert ------------------------------------------------------------------
    def selected(self) -> AlertView | None:
        return selected_alert(self.table)

    def _on_table_current_changed(self) -> None:
        self._show_detail()
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected() is not None
        for action in (self.call_action, self.rebooked_action, self.snooze_action, self.resolve_action,
                       self.dismiss_action, self.open_action):  # fmt: skip
            action.setEnabled(chosen)

    def _show_detail(self) -> None:
        view = self.selected()
        if view is None:
            empty = self.data is not None and not self.data.views
            self.detail_name.setText(self.tr("Nothing to do here: the list is empty.") if empty else "")
            for label in (self.detail_phone, self.detail_reason, self.detail_facts):
                label.clear()
            return
        patient, alert = view.patient, view.alert
        self.detail_name.setText(patient.display_name)
        self.detail_phone.setText(national(patient.phone) if patient.phone else self.tr("No phone"))
        self.detail_reason.setText(f"<b>{escape(rule_text(alert.rule))}</b><br>{escape(reason_text(view))}")
        locale = display_locale()
        facts = [
            self.tr("Value at stake: %1").replace(
                "%1", money_text(alert.value_at_stake_minor, self.ctx.clinic.currency)
            ),
            self.tr("Raised on %1").replace("%1", locale.toString(alert.raised_on, QLocale.FormatType.ShortFormat)),
            self.tr("Prefers: %1").replace("%1", self._channel_text(patient.preferred_channel)),
        ]
        others = [rule_text(v.alert.rule) for v in self.model.rows() if v.alert.patient_id == alert.patient_id]
        others.remove(rule_text(alert.rule))
        if others:  # one call can settle several alerts for the same patient
            facts.append(self.tr("Also in the list: %1").replace("%1", list_separator().join(others)))
        if alert.snoozed_until:
            day = locale.toString(alert.snoozed_until, QLocale.FormatType.ShortFormat)
            facts.append(self.tr("Snoozed until %1").replace("%1", day))
        self.detail_facts.setText("<br>".join(map(escape, facts)))

    def _channel_text(self, channel: ContactChannel) -> str:
        words = {
            ContactChannel.PHONE: self.tr("a phone call"),
            ContactChannel.SMS: self.tr("SMS"),
            ContactChannel.EMAIL: self.tr("e-mail"),
            ContactChannel.MESSAGING_APP: self.tr("a messaging app"),
            ContactChannel.NONE: self.tr("no contact"),
        }
        return words.get(channel, str(channel))

    # -- actions -----------------------------------------------------------------------------
    def _open_dialog(self, dialog: AlertActionDialog | BookingDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.table.setFocus())  # back on the list for the next one
        self.dialog = dialog
        dialog.open()

    def _on_call_action_triggered(self) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = CallLogDialog(self.ctx, view, self)
        dialog.saved.connect(lambda _: self._on_call_logged(view))
        dialog.failed.connect(self._on_failed)
        self._open_dialog(dialog)

    def _on_call_logged(self, view: AlertView) -> None:
        self._notify(self.tr("Call logged on %1's timeline. The alert stays open until you resolve it.")
                     .replace("%1", view.patient.display_name))  # fmt: skip
        self.ctx.signals.patient_changed.emit(view.alert.patient_id)

    def _on_rebooked_action_triggered(self) -> None:
        view = self.selected()
        if view is None:
            return
        title = self.tr("Rebook %1").replace("%1", view.patient.display_name)
        skip = self.tr("Already booked: just resolve")
        alerts, alert = self.ctx.services.alerts, view.alert

        def book_and_resolve(appointment: Appointment) -> object:  # one transaction: both or neither
            when = appointment.starts_at.astimezone().replace(tzinfo=None)
            note = self.tr("Booked for %1").replace("%1", display_locale().toString(when, self.tr("d MMM yyyy HH:mm")))
            return alerts.rebook(alert.id, appointment, note, version=alert.version)[1]  # type: ignore[arg-type]

        dialog = BookingDialog(self.ctx, view.patient, self, title=title, skip_text=skip, save=book_and_resolve)
        dialog.saved.connect(self._on_rebooked)
        dialog.skipped.connect(lambda: self._resolve_rebooked(view))
        self._open_dialog(dialog)

    def _on_rebooked(self, alert: object) -> None:
        self.ctx.signals.appointments_changed.emit()
        self._on_handled(alert)

    def _resolve_rebooked(self, view: AlertView) -> None:
        """Resolve as rebooked for a booking made elsewhere."""
        alerts, alert = self.ctx.services.alerts, view.alert
        self.ctx.db(
            lambda: alerts.resolve(alert.id, AlertOutcome.REBOOKED, "", version=alert.version),  # type: ignore[arg-type]
            on_done=self._on_handled,
            on_error=self._on_failed,
            parent=self,
        )

    def _on_snooze_action_triggered(self) -> None:
        self._open_action_dialog(SnoozeDialog)

    def _on_resolve_action_triggered(self) -> None:
        self._open_action_dialog(ResolveDialog)

    def _open_action_dialog(self, kind: type[SnoozeDialog] | type[ResolveDialog]) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = kind(self.ctx, view, self)
        dialog.saved.connect(self._on_handled)
        dialog.failed.connect(self._on_failed)
        self._open_dialog(dialog)

    def _on_dismiss_action_triggered(self) -> None:
        view = self.selected()
        if view is None:
            return
        question = self.tr("Dismiss this alert for %1?").replace("%1", view.patient.display_name)
        detail = self.tr("It leaves the inbox, is noted on the timeline, and will not be raised again for this cause.")
        answer = QMessageBox.question(self, self.tr("Dismiss alert"), f"{question}\n\n{detail}")
        if answer != QMessageBox.StandardButton.Yes:
            return
        alerts, alert = self.ctx.services.alerts, view.alert
        self.ctx.db(
            lambda: alerts.dismiss(alert.id, version=alert.version),  # type: ignore[arg-type]
            on_done=self._on_handled,
            on_error=self._on_failed,
            parent=self,
        )

    def _on_handled(self, alert: Alert) -> None:
        """The alert left the inbox (or was snoozed): say so, tell the other pages, show what is left."""
        name = next((v.patient.display_name for v in self.model.rows() if v.alert.id == alert.id), "")
        if alert.status is AlertStatus.SNOOZED and alert.snoozed_until:
            day = display_locale().toString(alert.snoozed_until, QLocale.FormatType.ShortFormat)
            self._notify(self.tr("%1: snoozed until %2.").replace("%1", name).replace("%2", day))
        else:
            self._notify(self.tr("%1: done, and noted on the timeline.").replace("%1", name))
        self._keep_row = max(self.table.currentIndex().row(), 0)
        self.ctx.signals.alerts_changed.emit()
        self.ctx.signals.patient_changed.emit(alert.patient_id)
        self.reload()

    def _on_open_action_triggered(self) -> None:
        view = self.selected()
        if view is not None:
            self.ctx.signals.patient_open_requested.emit(view.alert.patient_id)

    # -- running the day's alerts ------------------------------------------------------------
    def _on_run_button_clicked(self) -> None:
        alerts, today = self.ctx.services.alerts, self.ctx.services.context.clock.today()
        self.run_button.setEnabled(False)
        self.ctx.db(
            lambda progress: alerts.run(today, progress),
            on_done=self._on_run_done,
            on_error=self._on_run_failed,
            progress=self.tr("Looking for patients to call today…"),
            parent=self,
        )

    def _on_run_done(self, summary: AlertRunSummary) -> None:
        self.run_button.setEnabled(True)
        raised = sum(summary.raised.values())
        parts = [
            self.tr("No new alerts")
            if not raised
            else self.tr("1 new alert")
            if raised == 1
            else self.tr("%1 new alerts").replace("%1", str(raised))
        ]
        if summary.woken:
            parts.append(self.tr("back from snooze: %1").replace("%1", str(summary.woken)))
        if summary.over_cap:
            parts.append(self.tr("left for another day by the daily limit: %1").replace("%1", str(summary.over_cap)))
        self._notify("; ".join(parts) + ".")
        self._keep_row = 0
        self.ctx.signals.alerts_changed.emit()
        self.reload()

    def _on_run_failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        self._notify(error_text(error), error=True)

    # -- messages ----------------------------------------------------------------------------
    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(f"{NOTICE_STYLE[error]}; padding: 6px 10px; border-radius: 4px")
        self.notice.setText(text)
        self.notice.show()

    def _on_failed(self, error: BaseException) -> None:
        """A refused change: say why in plain words; a stale alert means the list is out of date, so reload."""
        if is_stale(error):
            self._notify(self._stale_text(error), error=True)
            self._keep_row = max(self.table.currentIndex().row(), 0)
            self.reload()
        else:
            self._notify(error_text(error), error=True)

    def _stale_text(self, error: BaseException) -> str:
        details = error.details if isinstance(error, DermaDeskError) else {}
        if isinstance(error, DermaDeskError) and error.code is ErrorCode.NOT_FOUND:
            return self.tr("This alert no longer exists. The inbox has been reloaded.")
        by, at = details.get("by_id", details.get("by")), details.get("at")
        who = (self.data.staff.get(by) if self.data and isinstance(by, int) else None) or self.tr("someone else")
        text = self.tr("This alert was changed by %1").replace("%1", who)
        if isinstance(at, str):  # already the local HH:MM of a save made on another workstation
            text += self.tr(" at %1").replace("%1", at)
        elif isinstance(at, datetime):
            when = display_locale().toString(at.astimezone().replace(tzinfo=None), QLocale.FormatType.ShortFormat)
            text += self.tr(" at %1").replace("%1", when)
        elif isinstance(at, date):
            text += self.tr(" on %1").replace("%1", display_locale().toString(at, QLocale.FormatType.ShortFormat))
        return text + self.tr(". The inbox has been reloaded; nothing else was changed.")
