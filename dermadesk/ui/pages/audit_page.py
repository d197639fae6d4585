"""The owner's audit log viewer: filter by days, staff, patient, action or emergency sessions, a page at a time,
and verify the chain. Every load goes through the database thread (and is itself logged)."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.audit import AuditAction, AuditFilter, ChainBreak
from dermadesk.domain.dates import local_instant
from dermadesk.domain.staff import Permission, StaffUser
from dermadesk.services.audit import AuditSlice
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import date_edit_format
from dermadesk.ui.models.audit_table_model import AuditTableModel
from dermadesk.ui.pages.base_page import Page

PAGE_SIZE = 200
DEFAULT_DAYS = 7


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditLogPage(Page):
    page_id = "audit"
    required_permission = Permission.VIEW_AUDIT

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.offset = 0
        self.total = 0
        self.up_to_id: int | None = None  # the newest entry of the first page: later pages stay below it
        self._staff_loaded = False
        self._setup_ui()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Audit log")

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Audit log"), styleSheet="font-size: 15pt; font-weight: 600")
        layout.addWidget(heading)
        filters = QHBoxLayout()
        day = self.ctx.services.context.clock.today()  # the services' clock: the day the log's entries carry
        today = QDate(day.year, day.month, day.day)
        self.from_date = QDateEdit(today.addDays(-DEFAULT_DAYS), calendarPopup=True, objectName="fromDate")
        self.to_date = QDateEdit(today, calendarPopup=True, objectName="toDate")
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat(date_edit_format())
        self.staff_box = QComboBox(objectName="staff")
        self.staff_box.addItem(self.tr("Anyone"), None)
        self.patient_edit = QLineEdit(objectName="patient", placeholderText=self.tr("any"))
        self.patient_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.patient_edit.setMaximumWidth(90)
        self.action_box = QComboBox(objectName="action")
        self.action_box.addItem(self.tr("Any action"), None)
        for action in AuditAction:
            self.action_box.addItem(action.value.replace("_", " "), action)
        self.emergency_only = QCheckBox(self.tr("&Emergency access only"), objectName="emergencyOnly")
        self.show_button = QPushButton(self.tr("&Show"), objectName="show")
        for label, widget in (
            (self.tr("From"), self.from_date),
            (self.tr("to"), self.to_date),
            (self.tr("Staff"), self.staff_box),
            (self.tr("Patient #"), self.patient_edit),
            (self.tr("Action"), self.action_box),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.emergency_only)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.model = AuditTableModel(self)
        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        pager = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ &Newer"), objectName="previous")
        self.next_button = QPushButton(self.tr("&Older ▶"), objectName="next")
        self.position = QLabel(objectName="position")
        self.verify_button = QPushButton(self.tr("&Verify the chain"), objectName="verify")
        self.verdict = QLabel(objectName="verdict", wordWrap=True)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.position)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        pager.addWidget(self.verdict, 2)
        pager.addWidget(self.verify_button)
        layout.addLayout(pager)
        self._update_pager()

    def _connect_signals(self) -> None:
        self.show_button.clicked.connect(self._on_show_clicked)
        self.patient_edit.returnPressed.connect(self._on_show_clicked)
        self.previous_button.clicked.connect(lambda: self._load(max(0, self.offset - PAGE_SIZE)))
        self.next_button.clicked.connect(lambda: self._load(self.offset + PAGE_SIZE))
        self.verify_button.clicked.connect(self._on_verify_clicked)

    def activate(self) -> None:
        if not self._staff_loaded:
            self.ctx.db(self.ctx.services.staff.all, on_done=self._on_staff_loaded, parent=self)
        self._on_show_clicked()

    # -- loading -----------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        first, last = _to_date(self.from_date.date()), _to_date(self.to_date.date())
        patient = self.patient_edit.text().strip()
        action = self.action_box.currentData()  # Qt hands the enum back as its plain string
        return AuditFilter(
            start=local_instant(first, time(0)),
            end=local_instant(last + timedelta(days=1), time(0)),
            staff_id=self.staff_box.currentData(),
            patient_id=int(patient) if patient else None,
            action=AuditAction(action) if action else None,
            break_glass_only=self.emergency_only.isChecked(),
            up_to_id=self.up_to_id,
        )

    def _on_show_clicked(self) -> None:
        self.up_to_id = None
        self._load(0)

    def _load(self, offset: int) -> None:
        wanted, audit = self.current_filter(), self.ctx.services.audit
        self.show_button.setEnabled(False)
        self.ctx.db(
            lambda: audit.page(wanted, offset, PAGE_SIZE),
            on_done=lambda found: self._on_loaded(offset, found),
            on_error=self._on_failed,
            parent=self,
        )

    def _on_loaded(self, offset: int, found: AuditSlice) -> None:
        self.offset, self.total = offset, found.total
        if offset == 0 and self.up_to_id is None and found.events:
            self.up_to_id = found.events[0].id
        self.model.staff_names.update(found.staff_names)
        self.model.set_rows(found.events)
        self.show_button.setEnabled(True)
        self._update_pager()

    def _on_failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.verdict.setText(error_text(error))

    def _on_staff_loaded(self, staff: list[StaffUser]) -> None:
        self._staff_loaded = True
        for user in staff:
            self.staff_box.addItem(f"{user.display_name} ({user.username})", user.id)
            if user.id is not None:
                self.model.staff_names[user.id] = user.display_name

    def _update_pager(self) -> None:
        shown = self.model.rowCount()
        if self.total == 0:
            self.position.setText(self.tr("No entries"))
        else:
            self.position.setText(
                self.tr("%1–%2 of %3")
                .replace("%1", str(self.offset + 1))
                .replace("%2", str(self.offset + shown))
                .replace("%3", str(self.total))
            )
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + shown < self.total)

    # -- verifying ---------------------------------------------------------------------------
    def _on_verify_clicked(self) -> None:
        self.verify_button.setEnabled(False)
        self.verdict.setText(self.tr("Verifying…"))
        self.ctx.db(
            self.ctx.services.audit.verify, on_done=self._on_verified, on_error=self._on_verify_failed, parent=self
        )

    def _on_verified(self, problem: ChainBreak | None) -> None:
        self.verify_button.setEnabled(True)
        if problem is None:
            self.verdict.setStyleSheet("color: #2e7d32")
            self.verdict.setText(self.tr("Every entry and the sealed head verified: the log is intact."))
            return
        self.verdict.setStyleSheet("color: #b00020; font-weight: 600")
        at = problem.at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if problem.at else self.tr("unknown")
        self.verdict.setText(
            self.tr("Tampered: first bad entry #%1 (%2): %3")
            .replace("%1", str(problem.entry_id))
            .replace("%2", at)
            .replace("%3", problem.why)
        )

    def _on_verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.setText(error_text(error))
