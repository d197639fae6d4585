"""Merge a duplicate record into this patient: find the other record, see what moves, confirm, merge."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.patients import Patient, PatientSummary
from dermadesk.domain.timeline import EventKind
from dermadesk.services.phones import national
from dermadesk.services.workspace import Services
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.i18n import list_separator
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.timeline_model import kind_text
from dermadesk.ui.widgets.field_errors import FieldErrors

SEARCH_DELAY_MS = 150


class _SearchEdit(QLineEdit):
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 — Qt's name
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class PatientPicker(QWidget):
    """Type a name, phone or e-mail; pick one patient from the list. Only the latest query's results show."""

    chosen_changed = Signal(object)  # PatientSummary | None

    def __init__(self, ctx: AppContext, exclude: Collection[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._exclude = set(exclude)
        self._query_number = 0
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.search = _SearchEdit(placeholderText=self.tr("Name, phone or e-mail"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(110)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self.search.down_pressed.connect(self._on_search_down_pressed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)

    def chosen(self) -> PatientSummary | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_suggestions(self, rows: Sequence[PatientSummary], heading: str = "") -> None:
        """Rows shown before anything is typed (likely duplicates)."""
        if not self.search.text().strip():
            self._show(rows, heading)

    def _show(self, rows: Sequence[PatientSummary], heading: str = "") -> None:
        self.results.clear()
        if heading:
            head = QListWidgetItem(heading)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(head)
        for row in rows:
            if row.id in self._exclude:
                continue
            born = row.date_of_birth.isoformat() if row.date_of_birth else ""
            text = " · ".join(x for x in (row.display_name, born, row.phone, row.email) if x)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        self.chosen_changed.emit(self.chosen())

    def _on_timer_timeout(self) -> None:
        query = self.search.text().strip()
        self._query_number += 1
        number = self._query_number
        if not query:
            self._show([])
            return
        services = self.ctx.services

        def find() -> list[PatientSummary]:
            return services.directory.summaries(services.patients.search(query, 20))

        self.ctx.db(find, lambda rows: self._on_found(number, rows), parent=self)

    def _on_found(self, number: int, rows: list[PatientSummary]) -> None:
        if number == self._query_number:  # an older query answering late is dropped
            self._show(rows)

    def _on_search_down_pressed(self) -> None:
        self.results.setFocus()
        if self.results.currentRow() < 0:
            first = next((i for i in range(self.results.count()) if self.results.item(i).flags()), None)
            if first is not None:
                self.results.setCurrentRow(first)

    def _on_results_current_item_changed(self, *_items: QListWidgetItem) -> None:
        self.chosen_changed.emit(self.chosen())


@dataclass(frozen=True)
class MergePreview:
    duplicate: Patient
    kinds: dict[EventKind, int]
    sessions: int
    photos: int
    consents: int
    appointments: int
    alerts: int


def load_preview(services: Services, duplicate_id: int) -> MergePreview:
    return MergePreview(
        services.patients.get(duplicate_id),
        services.timeline.kinds_count(duplicate_id),
        len(services.readings.sessions(duplicate_id)),
        len(services.readings.photos(duplicate_id)),
        len(services.patients.consents(duplicate_id)),
        len(services.appointments.for_patient(duplicate_id)),
        len(services.alerts.for_patient(duplicate_id)),
    )


class MergeDialog(BaseDialog):
    """Fold another record into this one. `merged` gives the record kept."""

    merged = Signal(object)  # Patient

    def __init__(self, ctx: AppContext, patient: Patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient = patient
        self.preview: MergePreview | None = None
        self._setup_ui()
        self._connect_signals()
        self._load_suggestions()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Merge with a duplicate — %1").replace("%1", self.patient.display_name))
        intro = QLabel(
            self.tr(
                "Find the other record of <b>%1</b>. Everything on it moves to the record you keep: every timeline "
                "entry, reading, photo, consent, appointment, alert and tier record. Empty details of the kept "
                "record are filled from the other one. The other record stays only as a pointer. To keep the other "
                "record instead, open it and merge from there."
            ).replace("%1", _escape(self.patient.display_name))
        )
        intro.setWordWrap(True)
        self.picker = PatientPicker(self.ctx, exclude={self.patient.id or 0})
        self.summary = QLabel(self.tr("Choose the other record to see what will move."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setMinimumHeight(90)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.confirm = QCheckBox(self.tr("I have checked these are the same person. A merge cannot be undone."))
        self.error = FieldErrors.make_label()
        self.errors = FieldErrors(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("&Find the other record:"), buddy=self.picker.search))
        layout.addWidget(self.picker, 1)
        for widget in (self.summary, self.confirm, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.resize(max(self.width(), 560), max(self.height(), 520))
        self.picker.search.setFocus()

    def _connect_signals(self) -> None:
        self.picker.chosen_changed.connect(self._on_picker_chosen_changed)
        self.confirm.toggled.connect(self._update_button)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)

    def _load_suggestions(self) -> None:
        services, patient = self.ctx.services, self.patient

        def find() -> list[PatientSummary]:
            return services.directory.summaries([p.id for p in services.patients.likely_duplicates(patient) if p.id])

        def show(rows: list[PatientSummary]) -> None:
            self.picker.set_suggestions(rows, self.tr("Likely duplicates:") if rows else "")

        self.ctx.db(find, show, parent=self)

    # -- slots ---------------------------------------------------------------------------------
    def _on_picker_chosen_changed(self, chosen: PatientSummary | None) -> None:
        self.preview = None
        self.confirm.setChecked(False)
        self._update_button()
        if chosen is None:
            self.summary.setText(self.tr("Choose the other record to see what will move."))
            return
        self.summary.setText(self.tr("Counting what will move…"))
        services, wanted = self.ctx.services, chosen.id
        self.ctx.db(lambda: load_preview(services, wanted), lambda p: self._on_preview_loaded(wanted, p), parent=self)

    def _on_preview_loaded(self, wanted: int, preview: MergePreview) -> None:
        chosen = self.picker.chosen()
        if chosen is None or chosen.id != wanted:
            return  # the choice changed while counting
        self.preview = preview
        self._describe()
        self._update_button()

    def _describe(self) -> None:
        p = self.preview
        assert p is not None
        kinds = list_separator().join(
            f"{n} × {kind_text(k)}" for k, n in sorted(p.kinds.items(), key=lambda kv: -kv[1])
        )
        dup = p.duplicate
        phone = national(dup.phone) if dup.phone else ""
        facts = " · ".join(
            x for x in (dup.date_of_birth.isoformat() if dup.date_of_birth else "", phone, dup.email) if x
        )
        lines = [
            self.tr("Folding <b>%1</b> (#%2%3) into <b>%4</b>. These move:")
            .replace("%1", _escape(dup.display_name))
            .replace("%2", str(dup.id))
            .replace("%3", f", {_escape(facts)}" if facts else "")
            .replace("%4", _escape(self.patient.display_name)),
            self.tr("• %1 timeline entries").replace("%1", str(sum(p.kinds.values())))
            + (f" ({kinds})" if kinds else ""),
            self.tr("• %1 reading sessions, %2 photos, %3 consent records")
            .replace("%1", str(p.sessions))
            .replace("%2", str(p.photos))
            .replace("%3", str(p.consents)),
            self.tr("• %1 appointments, %2 alerts (open ones are closed as merged)")
            .replace("%1", str(p.appointments))
            .replace("%2", str(p.alerts)),
        ]
        self.summary.setText("<br>".join(lines))

    def _update_button(self, *_args: object) -> None:
        self.merge_button.setEnabled(self.preview is not None and self.confirm.isChecked())

    def _on_merge_button_clicked(self) -> None:
        if self.preview is None or not self.confirm.isChecked():
            return
        keep, duplicate = self.patient.id, self.preview.duplicate.id
        services = self.ctx.services
        self.merge_button.setEnabled(False)
        # merge takes no reporter: the title alone puts up "Merging…" if a big record takes a while
        self.ctx.db(
            lambda _progress: services.patients.merge(keep, duplicate),  # type: ignore[arg-type]
            self._on_merged,
            on_error=self._on_merge_failed,
            progress=self.tr("Merging the records…"),
            parent=self,
        )

    def _on_merged(self, kept: Patient) -> None:
        self.merged.emit(kept)
        self.accept()

    def _on_merge_failed(self, error: BaseException) -> None:
        if not self.errors.show(error):
            self.error.setText(error_text(error))
            self.error.show()
        self._update_button()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
