"""The Today page: today's and tomorrow's appointments, marking them attended / no-show / cancelled, booking,
and the no-shows of the last 30 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.dates import clinic_day
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.staff import Permission
from dermadesk.services.appointments import AppointmentView
from dermadesk.services.packets import Packet
from dermadesk.services.workspace import Services
from dermadesk.ui.actions import action_button, page_action
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.booking_dialog import BookingDialog
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import display_locale
from dermadesk.ui.models.appointment_table_model import (
    COL_PATIENT,
    COL_PHONE,
    COL_PRACTITIONER,
    COL_STATUS,
    COL_TIME,
    COL_TREATMENT,
    OBJECT_ROLE,
    AppointmentProxyModel,
    AppointmentTableModel,
    selected_appointment,
)
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.printing import preview

NO_SHOW_DAYS = 30
NOTICE_STYLE = {False: "background:#e8f0fe; color:#1e3a8a", True: "background:#fde8e8; color:#8a1c1c"}


@dataclass(frozen=True)
class TodayData:
    today: date
    today_rows: list[AppointmentView]
    tomorrow_rows: list[AppointmentView]
    no_shows: list[AppointmentView]


def load_today(services: Services, today: date) -> TodayData:
    """Everything the page shows, in one trip to the database thread."""
    missed = services.alerts.no_shows(today - timedelta(days=NO_SHOW_DAYS))
    treatments = {t.id: t.name for t in services.catalogue.treatments(include_inactive=True)}
    staff = {u.id: u.display_name for u in services.staff.all()}
    no_shows = [
        AppointmentView(a, p, treatments.get(a.treatment_type_id, ""), staff.get(a.practitioner_id, ""))
        for a, p in sorted(missed, key=lambda pair: pair[0].starts_at, reverse=True)
    ]
    day_list = services.appointments.day_list
    return TodayData(today, day_list(today), day_list(today + timedelta(days=1)), no_shows)


class TodayPage(Page):
    page_id = "today"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: TodayData | None = None
        self._keep_selection: int | None = None
        self.booking_dialog: BookingDialog | None = None
        self._setup_ui()
        self._connect_signals()
        self._restore_state()

    def title(self) -> str:
        return self.tr("Today")

    # -- building ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(styleSheet="font-size: 15pt; font-weight: 600")
        self.notice = QLabel(wordWrap=True)
        self.notice.hide()
        layout.addWidget(self.heading)
        layout.addLayout(self._make_toolbar())
        layout.addWidget(self.notice)
        self.today_model, self.today_table = self._make_table(with_date=False)
        self.tomorrow_model, self.tomorrow_table = self._make_table(with_date=False)
        self.no_show_model, self.no_show_table = self._make_table(with_date=True)
        self.today_label = QLabel(styleSheet="font-weight: 600")
        self.tomorrow_label = QLabel(styleSheet="font-weight: 600")
        self.no_show_label = QLabel(styleSheet="font-weight: 600")
        self.day_splitter = QSplitter(Qt.Orientation.Vertical)
        self.day_splitter.addWidget(self._section(self.today_label, self.today_table))
        self.day_splitter.addWidget(self._section(self.tomorrow_label, self.tomorrow_table))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.day_splitter)
        no_shows = self._section(self.no_show_label, self.no_show_table)
        no_shows.setMaximumWidth(460)  # a side list: the day's appointments keep the width for their names
        self.splitter.addWidget(no_shows)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)
        self.tables = (self.today_table, self.tomorrow_table, self.no_show_table)
        self._update_actions()

    def _make_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.attended_action = page_action(self, self.tr("&Attended"), "A", self.tr("Mark the appointment attended"))
        self.no_show_action = page_action(self, self.tr("&No-show"), "N", self.tr("Mark the patient did not come"))
        self.cancelled_action = page_action(self, self.tr("Cance&lled"), "X", self.tr("Mark the appointment cancelled"))
        self.book_action = page_action(self, self.tr("&Book…"), "B", self.tr("Book an appointment for this patient"))
        self.open_action = page_action(self, self.tr("&Open patient"), None, self.tr("Open the patient (Enter)"))
        self.refresh_action = page_action(
            self, self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.tr("Reload")
        )
        self.print_action = page_action(
            self,
            self.tr("&Print today's after-care…"),
            None,
            self.tr("Every after-care packet of today's treatments, in one print run"),
        )
        for action in (self.attended_action, self.no_show_action, self.cancelled_action, None, self.book_action,
                       self.open_action):  # fmt: skip
            if action is None:
                bar.addSpacing(16)
                continue
            bar.addWidget(action_button(action))
        bar.addStretch(1)
        bar.addWidget(action_button(self.print_action))
        bar.addWidget(action_button(self.refresh_action))
        return bar

    def _make_table(self, with_date: bool) -> tuple[AppointmentTableModel, QTableView]:
        model = AppointmentTableModel(with_date=with_date, parent=self)
        proxy = AppointmentProxyModel(self)
        proxy.setSourceModel(model)
        table = QTableView()
        table.setModel(proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setSortingEnabled(True)
        table.sortByColumn(COL_TIME, Qt.SortOrder.DescendingOrder if with_date else Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        # the name gets the room on a day's list; in the narrower no-shows list the treatment gives way to it
        header.setSectionResizeMode(COL_TREATMENT if with_date else COL_PATIENT, QHeaderView.ResizeMode.Stretch)
        for col in (COL_TIME, COL_PHONE, COL_STATUS):  # short values whose full text always matters
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(COL_PATIENT if with_date else COL_TREATMENT, 140)
        table.setColumnWidth(COL_PRACTITIONER, 120)
        # every no-show has the same status, and who would have treated them matters less than when it was
        table.setColumnHidden(COL_STATUS, with_date)
        table.setColumnHidden(COL_PRACTITIONER, with_date)
        return model, table

    @staticmethod
    def _section(label: QLabel, table: QTableView) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return box

    def _connect_signals(self) -> None:
        self.ctx.signals.refresh_requested.connect(self._on_refresh_requested)  # other workstations' changes
        self.attended_action.triggered.connect(lambda: self._mark(AppointmentStatus.ATTENDED))
        self.no_show_action.triggered.connect(lambda: self._mark(AppointmentStatus.NO_SHOW))
        self.cancelled_action.triggered.connect(lambda: self._mark(AppointmentStatus.CANCELLED))
        self.book_action.triggered.connect(self._on_book_action_triggered)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.refresh_action.triggered.connect(self.reload)
        self.print_action.triggered.connect(self._on_print_action_triggered)
        for table in self.tables:
            table.activated.connect(self._on_open_action_triggered)  # Enter or double-click
            table.selectionModel().selectionChanged.connect(lambda *_, t=table: self._on_table_selection_changed(t))
            table.horizontalHeader().sectionResized.connect(self._save_state)
        self.splitter.splitterMoved.connect(self._save_state)
        self.day_splitter.splitterMoved.connect(self._save_state)

    # -- state kept between sessions ---------------------------------------------------------
    def _state_widgets(self) -> dict[str, QSplitter | QHeaderView]:
        return {
            "splitter": self.splitter,
            "day_splitter": self.day_splitter,
            "today_header": self.today_table.horizontalHeader(),
            "tomorrow_header": self.tomorrow_table.horizontalHeader(),
            "no_show_header": self.no_show_table.horizontalHeader(),
        }

    def _restore_state(self) -> None:
        settings = QSettings()
        for name, widget in self._state_widgets().items():
            state = settings.value(f"{self.page_id}/{name}")
            if isinstance(state, QByteArray):
                widget.restoreState(state)

    def _save_state(self) -> None:
        settings = QSettings()
        for name, widget in self._state_widgets().items():
            settings.setValue(f"{self.page_id}/{name}", widget.saveState())

    # -- loading -----------------------------------------------------------------------------
    def _on_refresh_requested(self) -> None:
        """A clinic server's periodic refresh: the page in front asks again (the others do when shown)."""
        if self.isVisible():
            self.reload()

    def activate(self) -> None:
        self.reload()

    def reload(self) -> None:
        if self._keep_selection is None and (view := self.selected()) is not None:
            self._keep_selection = view.appointment.id  # a refresh keeps the cursor where it was
        services, today = self.ctx.services, self.ctx.services.context.clock.today()
        self.ctx.db(
            lambda: load_today(services, today), on_done=self._on_loaded, on_error=self._on_load_failed, parent=self
        )

    def _on_loaded(self, data: TodayData) -> None:
        self.data = data
        locale = display_locale()
        self.heading.setText(locale.toString(data.today, QLocale.FormatType.LongFormat))
        tomorrow = data.today + timedelta(days=1)
        self.today_label.setText(self._day_title(self.tr("Today"), data.today, len(data.today_rows)))
        self.tomorrow_label.setText(self._day_title(self.tr("Tomorrow"), tomorrow, len(data.tomorrow_rows)))
        self.no_show_label.setText(
            self.tr("No-shows in the last %1 days · %2")
            .replace("%1", str(NO_SHOW_DAYS))
            .replace("%2", str(len(data.no_shows)))
        )
        self.today_model.set_rows(data.today_rows)
        self.tomorrow_model.set_rows(data.tomorrow_rows)
        self.no_show_model.set_rows(data.no_shows)
        self._reselect()
        self._update_actions()

    def _day_title(self, word: str, day: date, count: int) -> str:
        when = display_locale().toString(day, self.tr("dddd d MMMM"))
        if count == 0:
            return f"{word} · {when} · " + self.tr("no appointments")
        many = self.tr("1 appointment") if count == 1 else self.tr("%1 appointments").replace("%1", str(count))
        return f"{word} · {when} · {many}"

    def _reselect(self) -> None:
        """After a reload, put the cursor back on the appointment just changed (it keeps its place in the day)."""
        wanted, self._keep_selection = self._keep_selection, None
        for table in self.tables:
            proxy = table.model()
            for row in range(proxy.rowCount()):
                view = proxy.index(row, COL_TIME).data(OBJECT_ROLE)
                if wanted is not None and view.appointment.id == wanted:
                    if self.isAncestorOf(QApplication.focusWidget()):  # never pull focus from the navigation
                        table.setFocus()
                    table.selectRow(row)
                    return

    # -- selection and actions ---------------------------------------------------------------
    def selected(self) -> AppointmentView | None:
        table = self._current_table()
        return selected_appointment(table) if table is not None else None

    def _all_rows(self) -> list[AppointmentView]:
        return [*self.today_model.rows(), *self.tomorrow_model.rows(), *self.no_show_model.rows()]

    def _current_table(self) -> QTableView | None:
        return next((t for t in self.tables if t.selectionModel().hasSelection()), None)

    def _on_table_selection_changed(self, table: QTableView) -> None:
        if table.selectionModel().hasSelection():
            for other in self.tables:
                if other is not table:
                    other.clearSelection()  # one selected appointment on the page: the one the buttons act on
        self._update_actions()

    def _update_actions(self) -> None:
        view = self.selected()
        status = view.appointment.status if view else None
        today = self.data.today if self.data else None
        started = view is not None and today is not None and clinic_day(view.appointment.starts_at) <= today
        self.attended_action.setEnabled(started and status is AppointmentStatus.BOOKED)
        self.no_show_action.setEnabled(started and status in (AppointmentStatus.BOOKED, AppointmentStatus.ATTENDED))
        self.cancelled_action.setEnabled(status is AppointmentStatus.BOOKED)
        self.book_action.setEnabled(view is not None and self.ctx.may(Permission.LOG_INTERACTIONS))
        self.open_action.setEnabled(view is not None)

    def _confirm(self, status: AppointmentStatus, view: AppointmentView) -> bool:
        if status is AppointmentStatus.ATTENDED:
            return True
        name = view.patient.display_name
        when = display_locale().toString(
            view.appointment.starts_at.astimezone().replace(tzinfo=None), self.tr("d MMM HH:mm")
        )
        question = (
            self.tr("Mark %1 as a no-show for %2?") if status is AppointmentStatus.NO_SHOW
            else self.tr("Cancel %1's appointment of %2?")
        ).replace("%1", name).replace("%2", when)  # fmt: skip
        detail = self.tr("It goes on the patient's timeline and cannot be undone.")
        answer = QMessageBox.question(
            self, self.tr("Confirm"), f"{question}\n\n{detail}", defaultButton=QMessageBox.StandardButton.Yes
        )
        return answer == QMessageBox.StandardButton.Yes

    def _mark(self, status: AppointmentStatus) -> None:
        view = self.selected()
        if view is None or not self._confirm(status, view):
            return
        service, appointment = self.ctx.services.appointments, view.appointment
        self._keep_selection = appointment.id
        self.ctx.db(
            lambda: service.mark(appointment, status),
            on_done=self._on_marked,
            on_error=self._on_mark_failed,
            parent=self,
        )

    def _on_marked(self, appointment: Appointment) -> None:
        words = {
            AppointmentStatus.ATTENDED: self.tr("%1: attended."),
            AppointmentStatus.NO_SHOW: self.tr("%1: no-show, noted on the timeline."),
            AppointmentStatus.CANCELLED: self.tr("%1: cancelled, noted on the timeline."),
        }
        name = next((v.patient.display_name for v in self._all_rows() if v.appointment.id == appointment.id), "")
        self._notify(words.get(appointment.status, "%1").replace("%1", name))
        self.ctx.signals.appointments_changed.emit()
        self.ctx.signals.patient_changed.emit(appointment.patient_id)
        self.reload()

    def _on_book_action_triggered(self) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = BookingDialog(self.ctx, view.patient, self)
        dialog.saved.connect(self._on_booking_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        table = self._current_table()
        dialog.finished.connect(lambda _result: table.setFocus() if table is not None else None)
        self.booking_dialog = dialog
        dialog.open()

    def _on_booking_saved(self, appointment: Appointment) -> None:
        when = display_locale().toString(
            appointment.starts_at.astimezone().replace(tzinfo=None), self.tr("dddd d MMMM, HH:mm")
        )
        self._notify(self.tr("Booked for %1.").replace("%1", when))
        self._keep_selection = appointment.id
        self.ctx.signals.appointments_changed.emit()
        self.ctx.signals.patient_changed.emit(appointment.patient_id)
        self.reload()

    def _on_print_action_triggered(self) -> None:
        """Build every packet of today off the GUI thread, preview them as one print run, record each print."""
        services, day = self.ctx.services, self.ctx.services.context.clock.today()

        def show(packets: list[Packet]) -> None:
            if not packets:
                QMessageBox.information(self, self.tr("After-care packets"), self.tr("No treatments today yet."))
                return

            def record() -> None:
                self.ctx.db(lambda: [services.packets.record_printed(p) for p in packets], parent=self)

            preview(
                self.ctx,
                self,
                [p.pdf for p in packets],
                self.tr("Today's after-care packets (%n)", "", len(packets)),
                on_printed=record,
            )

        self.ctx.db(
            lambda: todays_packets(services, day), show, progress=self.tr("Preparing today's packets…"), parent=self
        )

    def _on_open_action_triggered(self) -> None:
        view = self.selected()
        if view is not None and view.patient.id is not None:
            self.ctx.signals.patient_open_requested.emit(view.patient.id)

    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(f"{NOTICE_STYLE[error]}; padding: 6px 10px; border-radius: 4px")
        self.notice.setText(text)
        self.notice.show()

    def _on_load_failed(self, error: BaseException) -> None:
        self._notify(error_text(error), error=True)

    def _on_mark_failed(self, error: BaseException) -> None:
        """Say why in words and show the list as it now is (another desk may have changed it)."""
        if isinstance(error, DermaDeskError) and error.code is ErrorCode.CONFLICT:
            text = self.tr("This appointment was changed at another desk a moment ago. The list has been reloaded.")
        else:
            text = error_text(error)
        self._notify(text, error=True)
        self.reload()


def todays_packets(services: Services, day: date) -> list[Packet]:
    """Every after-care packet of a day's visits, each in its patient's language (database thread)."""
    return [services.packets.aftercare(event_id) for event_id in services.packets.todays_aftercare(day)]
