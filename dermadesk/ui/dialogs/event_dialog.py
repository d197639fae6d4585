"""Add or edit one timeline entry of any kind; the service validates and each problem shows by its field."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alert_text import RULE_NAMES
from dermadesk.domain.catalogue import TreatmentType
from dermadesk.domain.errors import invalid
from dermadesk.domain.money import Money
from dermadesk.domain.staff import Permission, Role, StaffUser
from dermadesk.domain.timeline import CLINICAL_KINDS, EventKind, EventRevision, TimelineEvent
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.dialogs.event_forms import FORMS, EventForm, FormChoices
from dermadesk.ui.dialogs.merge_dialog import PatientPicker
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.timeline_model import EventLookups, describe_event, kind_text, local_text, money_text
from dermadesk.ui.widgets.field_errors import FieldErrors


@dataclass(frozen=True)
class _Loaded:
    staff: list[StaffUser]
    treatments: list[TreatmentType]
    sessions: list[tuple[int, str]]
    alerts: list[tuple[int, str]]
    revisions: list[EventRevision]


def may_write(ctx: AppContext, kind: EventKind) -> bool:
    """For showing controls only; the timeline service checks the same rule."""
    return ctx.may(Permission.EDIT_CLINICAL if kind in CLINICAL_KINDS else Permission.LOG_INTERACTIONS)


class EventDialog(BaseDialog):
    """EventDialog(ctx, patient_id, kind) adds an entry; pass `event` to edit one (its old versions are listed)."""

    saved = Signal(object)  # TimelineEvent

    def __init__(
        self,
        ctx: AppContext,
        patient_id: int,
        kind: EventKind,
        event: TimelineEvent | None = None,
        patient_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.patient_id, self.kind, self.original = ctx, patient_id, kind, event
        self.patient_name = patient_name
        self.form: EventForm | None = None
        self._setup_ui()
        self._connect_signals()
        self._load()

    def _setup_ui(self) -> None:
        verb = self.tr("Edit %1") if self.original else self.tr("Add %1")
        title = verb.replace("%1", kind_text(self.kind).lower())
        self.setWindowTitle(f"{title} — {self.patient_name}" if self.patient_name else title)
        self.loading = QLabel(self.tr("Loading…"))
        self.general = FieldErrors.make_label()
        self.errors = FieldErrors(self.general)
        self.read_only_note = QLabel(self.tr("Only practitioners and owners can change clinical entries."))
        self.read_only_note.setStyleSheet("color: #555b63")
        self.read_only_note.setVisible(not may_write(self.ctx, self.kind))
        self.versions = QListWidget()
        self.versions.setMaximumHeight(120)
        self.versions.setWordWrap(True)
        self.versions_label = QLabel(self.tr("Earlier versions:"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.save_button.setVisible(may_write(self.ctx, self.kind))
        self.void_button = self.buttons.addButton(
            self.tr("&Remove entry…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.void_button.setVisible(self.original is not None and may_write(self.ctx, self.kind))
        self._layout = QVBoxLayout(self)
        for widget in (self.loading, self.read_only_note, self.general, self.versions_label, self.versions):
            self._layout.addWidget(widget)
        self.versions_label.hide()
        self.versions.hide()
        self._layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.void_button.clicked.connect(self._on_void_button_clicked)

    # -- loading the pickers ---------------------------------------------------------------------
    def _load(self) -> None:
        services, kind, pid, original = self.ctx.services, self.kind, self.patient_id, self.original
        editing = original is not None

        def fetch() -> _Loaded:
            sessions = alerts = []
            if kind is EventKind.SKIN_TEST:
                sessions = [
                    (s.id, local_text(s.taken_at) + (f" · {s.device}" if s.device else ""))
                    for s in reversed(services.readings.sessions(pid))
                ]
            if kind is EventKind.ALERT_HANDLED:
                alerts = [
                    (a.id, f"{a.raised_on.isoformat()} · {RULE_NAMES[a.rule]}")
                    for a in services.alerts.for_patient(pid)
                ]
            return _Loaded(
                services.staff.all(),
                services.catalogue.treatments(include_inactive=editing) if kind is EventKind.TREATMENT else [],
                sessions,  # type: ignore[arg-type]
                alerts,  # type: ignore[arg-type]
                services.timeline.revisions(original.id) if original and original.id else [],
            )

        self.ctx.db(fetch, self._on_loaded, on_error=self._on_load_failed, parent=self)

    def _on_loaded(self, loaded: _Loaded) -> None:
        self.form = FORMS[self.kind](self._choices(loaded), self)
        self.form.register(self.errors)
        if self.original is not None:
            self.form.load(self.original)
        self.form.setEnabled(may_write(self.ctx, self.kind))
        self._layout.insertWidget(0, self.form)
        self.loading.hide()
        self._show_versions(loaded)
        self.adjustSize()  # the form arrived after the dialog was shown: fit it
        self.save_button.setEnabled(True)
        self.save_button.setDefault(True)
        # the time is usually right (now): start on the kind's first own field
        fields = list(self.form.fields.values())
        fields[1 if len(fields) > 1 else 0].setFocus()

    def _choices(self, loaded: _Loaded) -> FormChoices:
        user = self.ctx.user
        practitioners = [
            (u.id, u.display_name)
            for u in loaded.staff
            if u.role in (Role.PRACTITIONER, Role.OWNER) and (u.active or u.id == self._original_practitioner())
        ]
        me = user.id if user is not None and user.role is Role.PRACTITIONER and self.original is None else None
        return FormChoices(
            currency=self.ctx.clinic.currency,
            now=self.ctx.services.context.clock.now(),  # the services' clock: what "the future" means to them
            practitioners=practitioners,  # type: ignore[arg-type]
            me=me,
            treatments=loaded.treatments,
            sessions=loaded.sessions,
            alerts=loaded.alerts,
            search_patients=lambda: PatientPicker(self.ctx, exclude={self.patient_id}),
        )

    def _original_practitioner(self) -> int | None:
        return self.original.practitioner_id if self.original else None

    def _show_versions(self, loaded: _Loaded) -> None:
        if not loaded.revisions:
            return
        staff = {u.id: u.display_name for u in loaded.staff}
        treatments = {t.id: t.name for t in loaded.treatments if t.id is not None}
        lookups = EventLookups(staff, treatments)  # type: ignore[arg-type]
        for revision in reversed(loaded.revisions):
            old = _from_snapshot(revision.snapshot)
            who = staff.get(revision.edited_by or 0, "")
            text = self.tr("Version %1, replaced %2 %3: %4").replace("%1", str(revision.version))
            text = text.replace("%2", local_text(revision.edited_at)).replace("%3", f"({who})" if who else "")
            text = text.replace(
                "%4",
                " · ".join(
                    x
                    for x in (
                        local_text(old.occurred_at),
                        describe_event(old, lookups),
                        money_text(old.amount) if old.amount else "",
                    )
                    if x
                ),
            )
            self.versions.addItem(text)
        self.versions_label.show()
        self.versions.show()

    def _on_load_failed(self, error: BaseException) -> None:
        self.loading.setText(error_text(error))

    # -- saving ------------------------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        if self.form is None or not self.save_button.isEnabled():
            return
        base = self.original or TimelineEvent(self.patient_id, self.kind, self.form.choices.now)
        event, problems = self.form.read_event(base)
        if problems:  # text that is not a number or date: said at once, nothing sent
            self.errors.show(invalid(*problems))
            return
        self.errors.clear()
        services = self.ctx.services
        call = services.timeline.edit if self.original is not None else services.timeline.add
        self.save_button.setEnabled(False)
        self.ctx.db(lambda: call(event), self._on_saved, on_error=self._on_save_failed, parent=self)

    def _on_saved(self, event: TimelineEvent) -> None:
        self.saved.emit(event)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        """The dialog stays open with everything typed; the problems show by their fields."""
        self.save_button.setEnabled(True)
        self.errors.show_any(error)

    def _on_void_button_clicked(self) -> None:
        if self.original is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove entry"),
            self.tr(
                "Remove this %1 from the timeline? It is kept with its history and can be found in the audit "
                "log, but it no longer counts anywhere."
            ).replace("%1", kind_text(self.kind).lower()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, original = self.ctx.services, self.original
        self.ctx.db(
            lambda: services.timeline.void(original), self._on_saved, on_error=self._on_save_failed, parent=self
        )


def _from_snapshot(snapshot: Mapping[str, Any]) -> TimelineEvent:
    """A kept earlier version back as an event, for showing it."""
    fields = {f.name for f in dataclasses.fields(TimelineEvent)}
    data = {k: v for k, v in snapshot.items() if k in fields}
    data["kind"] = EventKind(data["kind"])
    data["occurred_at"] = datetime.fromisoformat(data["occurred_at"])
    data["recorded_at"] = datetime.fromisoformat(data["recorded_at"]) if data.get("recorded_at") else None
    amount = data.get("amount")
    data["amount"] = Money(amount["minor"], amount["currency"]) if amount else None
    return TimelineEvent(**data)
