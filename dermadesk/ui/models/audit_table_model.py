"""Audit entries as a table: when, who, from where, which patient, what, and whether in an emergency session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dermadesk.domain.audit import AuditEvent
from dermadesk.ui.models.alert_table_model import display_locale
from dermadesk.ui.models.row_table_model import OBJECT_ROLE, RowTableModel

COL_AT, COL_STAFF, COL_WORKSTATION, COL_PATIENT, COL_ACTION, COL_OBJECT, COL_OUTCOME, COL_EMERGENCY = range(8)
EMERGENCY_BACKGROUND = "#fde8e8"
_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(RowTableModel[AuditEvent]):
    HEADERS = ("When", "Staff", "Workstation", "Patient", "Action", "Object", "Outcome", "Emergency")
    CONTEXT = "audit"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.staff_names: dict[int, str] = {}
        self._locale = display_locale()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self.row_at(index.row())
        if role == OBJECT_ROLE:
            return event
        if role == Qt.ItemDataRole.BackgroundRole and event.break_glass:
            return QBrush(QColor(EMERGENCY_BACKGROUND))  # an emergency session's actions stand out
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_AT:
            return self._locale.toString(event.at.astimezone(), "yyyy-MM-dd HH:mm:ss")
        if column == COL_STAFF:
            if event.staff_id is None:
                return self.tr("(nobody signed in)")
            return self.staff_names.get(event.staff_id, f"#{event.staff_id}")
        if column == COL_WORKSTATION:
            return event.workstation
        if column == COL_PATIENT:
            return "" if event.patient_id is None else str(event.patient_id)
        if column == COL_ACTION:
            return event.action.value.replace("_", " ")
        if column == COL_OBJECT:
            return f"{event.object_type} {event.object_id}".strip()
        if column == COL_OUTCOME:
            return event.outcome
        if column == COL_EMERGENCY:
            return self.tr("yes") if event.break_glass else ""
        return None
