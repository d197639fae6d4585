"""The Patients page: search as you type (names in any script, phones in any format, e-mail), open with Enter."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from dermadesk.domain.patients import Patient, PatientSummary
from dermadesk.domain.search_text import looks_like_phone
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.patient_dialog import PatientDialog
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.patient_table_model import (
    COL_LAST_VISIT,
    COL_NAME,
    COL_NEXT_BOOKING,
    COL_PHONE,
    COL_SEGMENT,
    COL_STAGE,
    COL_TIER,
    PatientProxyModel,
    PatientTableModel,
    selected_summary,
)
from dermadesk.ui.pages.base_page import Page

SEARCH_DELAY_MS = 120  # one query per pause in typing, not one per key
RESULT_LIMIT = 50
HEADER_KEY = "patients/results_header"


class _SearchBox(QLineEdit):
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 — Qt's name
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class _ResultsTable(QTableView):
    open_pressed = Signal()
    escape_pressed = Signal()
    typed = Signal(str)  # letters typed in the list belong in the search box

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_pressed.emit()
            return
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.typed.emit(text)
            return
        if event.key() == Qt.Key.Key_Escape or (event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0):
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class PatientsPage(Page):
    page_id = "patients"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._query_number = 0
        self._shown_query = ""
        self.dialog: PatientDialog | None = None
        self._setup_ui()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Patients")

    def _setup_ui(self) -> None:
        self.search = _SearchBox(placeholderText=self.tr("Find a patient: name, phone or e-mail  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("font-size: 13pt; padding: 5px")
        self.new_button = QPushButton(self.tr("&New patient…"))
        self.new_button.setToolTip(self.tr("Register a new patient (Ctrl+N)"))
        self.status = QLabel()
        self.status.setStyleSheet("color: #555b63")
        self.model = PatientTableModel(self.ctx.clinic.rules.tiers.tiers, self)
        self.proxy = PatientProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = _ResultsTable()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        self._set_columns()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._show_hint()

    def _set_columns(self) -> None:
        header = self.table.horizontalHeader()
        widths = {
            COL_NAME: 230,
            COL_PHONE: 130,
            COL_TIER: 100,
            COL_SEGMENT: 140,
            COL_STAGE: 90,
            COL_LAST_VISIT: 100,
            COL_NEXT_BOOKING: 130,
        }
        for col, width in widths.items():
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # search order (best match first) until clicked
        self.table.setSortingEnabled(True)
        state = QSettings().value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.down_pressed.connect(self._on_search_down_pressed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.table.open_pressed.connect(self._open_current)
        self.table.doubleClicked.connect(self._open_current)
        self.table.escape_pressed.connect(self.focus_search)
        self.table.typed.connect(self._on_table_typed)
        self.table.horizontalHeader().sectionResized.connect(self._on_header_changed)
        self.table.horizontalHeader().sectionMoved.connect(self._on_header_changed)
        self.new_button.clicked.connect(self._on_new_patient_requested)
        self.ctx.signals.new_patient_requested.connect(self._on_new_patient_requested)
        self.ctx.signals.patient_changed.connect(self._on_patient_changed)
        self.ctx.signals.refresh_requested.connect(self._on_refresh_requested)

    # -- public --------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F: the cursor in the search box with what was typed selected, ready to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def activate(self) -> None:
        self.focus_search()
        if self.search.text().strip():
            self._run_search()

    # -- searching ---------------------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()  # restarts: only a pause in typing sends a query

    def _on_timer_timeout(self) -> None:
        self._run_search()

    def _run_search(self) -> None:
        query = self.search.text().strip()
        self._query_number += 1
        number = self._query_number
        if not query:
            self.model.set_rows([])
            self._show_hint()
            return
        services = self.ctx.services

        def find() -> list[PatientSummary]:
            return services.directory.summaries(services.patients.search(query, RESULT_LIMIT))

        self.ctx.db(
            find,
            lambda rows: self._on_found(number, query, rows),
            on_error=lambda e: self._on_search_failed(number, e),
            parent=self,
        )

    def _on_found(self, number: int, query: str, rows: list[PatientSummary]) -> None:
        if number != self._query_number:
            return  # a query typed since answers instead: never show results for older text
        self._shown_query = query
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._show_count(query, len(rows))

    def _on_search_failed(self, number: int, error: BaseException) -> None:
        if number == self._query_number:
            self.status.setText(error_text(error))

    def _show_hint(self) -> None:
        self.status.setText(
            self.tr(
                "Type a name (any script, accents optional), a phone number or an e-mail. "
                "Down arrow moves into the results; Enter opens."
            )
        )

    def _show_count(self, query: str, count: int) -> None:
        if count == 0:
            kind = self.tr("phone number") if looks_like_phone(query) else self.tr("patient")
            self.status.setText(
                self.tr("No %1 matches “%2”. Press Ctrl+N to register a new patient.")
                .replace("%1", kind)
                .replace("%2", query)
            )
        elif count >= RESULT_LIMIT:
            self.status.setText(self.tr("The first %1 matches; type more to narrow them.").replace("%1", str(count)))
        else:
            found = self.tr("1 patient found") if count == 1 else self.tr("%1 patients found")
            self.status.setText(found.replace("%1", str(count)))

    # -- keyboard and opening --------------------------------------------------------------------------
    def _on_search_down_pressed(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _on_table_typed(self, text: str) -> None:
        self.search.setFocus()
        self.search.insert(text)

    def _on_search_return_pressed(self) -> None:
        """Enter in the box: search now if the results are behind the text, else open the selected patient."""
        if self._timer.isActive() or self._shown_query != self.search.text().strip():
            self._timer.stop()
            self._run_search()
            return
        self._open_current()

    def _open_current(self, *_args: object) -> None:
        summary = selected_summary(self.table)
        if summary is not None:
            self.ctx.signals.patient_open_requested.emit(summary.id)

    # -- new patient -------------------------------------------------------------------------------------
    def _on_new_patient_requested(self) -> None:
        if self.dialog is not None and isValid(self.dialog):
            if self.dialog.isVisible():
                self.dialog.raise_()
                return
            self.dialog.deleteLater()  # the last one, closed long ago (not on close: an answer may still come)
        self.dialog = PatientDialog(self.ctx, parent=self)
        self._prefill(self.dialog, self.search.text().strip())
        self.dialog.saved.connect(self._on_dialog_saved)
        self.dialog.open_existing_requested.connect(self.ctx.signals.patient_open_requested)
        self.dialog.open()

    @staticmethod
    def _prefill(dialog: PatientDialog, typed: str) -> None:
        """What was searched for is usually what the new patient is called (or their number)."""
        if not typed:
            return
        if looks_like_phone(typed):
            dialog.phone.setText(typed)
        elif "@" in typed:
            dialog.email.setText(typed)
        else:
            given, _, family = typed.partition(" ")
            dialog.given.setText(given.capitalize() if given.islower() else given)
            dialog.family.setText(family.title() if family.islower() else family)

    def _on_dialog_saved(self, patient: Patient) -> None:
        assert patient.id is not None
        self.ctx.signals.patient_changed.emit(patient.id)
        self.ctx.signals.patient_open_requested.emit(patient.id)

    def _on_patient_changed(self, _patient_id: int) -> None:
        if self.search.text().strip():
            self._run_search()

    def _on_refresh_requested(self) -> None:
        """Others' changes (another workstation): the list shown is asked again, quietly."""
        if self.search.text().strip():
            self._run_search()

    def _on_header_changed(self, *_args: int) -> None:
        QSettings().setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
