"""Appointments as a table: time, patient, phone, treatment, practitioner and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView

from dermadesk.domain.appointments import AppointmentStatus
from dermadesk.services.appointments import AppointmentView
from dermadesk.services.phones import national
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.alert_table_model import display_locale
from dermadesk.ui.models.row_table_model import OBJECT_ROLE, SORT_ROLE, RowTableModel

COL_TIME, COL_PATIENT, COL_PHONE, COL_TREATMENT, COL_PRACTITIONER, COL_STATUS = range(6)
_Index = QModelIndex | QPersistentModelIndex

STATUS_LABELS = {
    AppointmentStatus.BOOKED: QT_TR_NOOP("Booked"),
    AppointmentStatus.ATTENDED: QT_TR_NOOP("Attended"),
    AppointmentStatus.NO_SHOW: QT_TR_NOOP("No-show"),
    AppointmentStatus.CANCELLED: QT_TR_NOOP("Cancelled"),
}
STATUS_COLOURS = {
    AppointmentStatus.ATTENDED: "#2e7d32",
    AppointmentStatus.NO_SHOW: "#b00020",
    AppointmentStatus.CANCELLED: "#6b7280",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def status_text(status: AppointmentStatus) -> str:
    return _tr(STATUS_LABELS[status])


class AppointmentTableModel(RowTableModel[AppointmentView]):
    """Rows pushed in with set_rows(); the object role gives the AppointmentView. With `with_date` the first
    column shows the day as well as the time (the no-shows list spans a month)."""

    HEADERS = (
        QT_TR_NOOP("Time"),
        QT_TR_NOOP("Patient"),
        QT_TR_NOOP("Phone"),
        QT_TR_NOOP("Treatment"),
        QT_TR_NOOP("Practitioner"),
        QT_TR_NOOP("Status"),
    )

    def __init__(self, with_date: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._with_date = with_date
        self._locale = display_locale()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            header = self.HEADERS[section]
            return _tr("When" if self._with_date and section == COL_TIME else header)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view, col = self._rows[index.row()], index.column()
        status = view.appointment.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, col)
        if role == SORT_ROLE:
            return view.appointment.starts_at.timestamp() if col == COL_TIME else self._display(view, col).casefold()
        if role == OBJECT_ROLE:
            return view
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[status]))
        if role == Qt.ItemDataRole.FontRole and status is AppointmentStatus.CANCELLED and col != COL_STATUS:
            font = QFont()
            font.setStrikeOut(True)  # a cancelled slot stays visible (it was booked) but reads as gone
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_PATIENT, COL_TREATMENT, COL_PRACTITIONER):
            text = self._display(view, col)  # the whole text when a narrow column cuts it
            return f"{text}\n{view.appointment.note}" if col == COL_PATIENT and view.appointment.note else text
        return None

    def _display(self, view: AppointmentView, col: int) -> str:
        a = view.appointment
        if col == COL_TIME:
            local = a.starts_at.astimezone().replace(tzinfo=None)
            fmt = self._locale.FormatType.ShortFormat
            time_text = self._locale.toString(local.time(), fmt)
            # the no-shows span a month: the day and month say enough, and leave room for the name
            return f"{self._locale.toString(local.date(), _tr('d MMM'))} {time_text}" if self._with_date else time_text
        values = {
            COL_PATIENT: view.patient.display_name,
            COL_PHONE: national(view.patient.phone) if view.patient.phone else "",
            COL_TREATMENT: _tr(view.treatment) if view.treatment else "",  # a default name in the UI language
            COL_PRACTITIONER: view.practitioner,
            COL_STATUS: status_text(a.status),
        }
        return values[col]


class AppointmentProxyModel(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)


def selected_appointment(view: QAbstractItemView) -> AppointmentView | None:
    """The AppointmentView of the view's current row, read through its proxy."""
    index = view.currentIndex()
    return index.siblingAtColumn(COL_TIME).data(OBJECT_ROLE) if index.isValid() else None
