"""The Patient profile: header, then the timeline, skin readings, photos, and tiers & alerts, each a tab."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from dermadesk.domain.alerts import Alert
from dermadesk.domain.readings import Metric, Photo, ReadingSession
from dermadesk.domain.staff import Permission
from dermadesk.domain.tiers import TierOverride
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.patients import PatientProfile
from dermadesk.services.readings import MetricDelta
from dermadesk.services.tiering import PatientTiers
from dermadesk.services.workspace import Services
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.document_dialog import DocumentDialog
from dermadesk.ui.dialogs.event_dialog import EventDialog, may_write
from dermadesk.ui.dialogs.merge_dialog import MergeDialog
from dermadesk.ui.dialogs.override_dialog import OverrideDialog
from dermadesk.ui.dialogs.patient_dialog import PatientDialog
from dermadesk.ui.dialogs.privacy_dialog import PrivacyDialog
from dermadesk.ui.dialogs.reading_dialog import PhotoDialog, ReadingDialog
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.timeline_model import EventLookups, TimelineModel
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.widgets.patient_header import PatientHeader
from dermadesk.ui.widgets.patient_tiers_panel import PatientTiersPanel
from dermadesk.ui.widgets.photos_panel import PhotosPanel
from dermadesk.ui.widgets.readings_panel import ReadingsPanel
from dermadesk.ui.widgets.timeline_view import TimelineView

PAGE_SIZE = 200
TAB_TIMELINE, TAB_READINGS, TAB_PHOTOS, TAB_TIERS = range(4)
# the Add menu, most used first; alert entries are made by working the alert in the inbox
ADD_ORDER = (
    EventKind.NOTE,
    EventKind.CALL,
    EventKind.MESSAGE,
    EventKind.EMAIL,
    EventKind.TREATMENT,
    EventKind.CONSULTATION,
    EventKind.SKIN_TEST,
    EventKind.PURCHASE,
    EventKind.PACKAGE,
    EventKind.REFUND,
    EventKind.SURVEY,
    EventKind.COMPLAINT,
    EventKind.REFERRAL,
    EventKind.NO_SHOW,
    EventKind.CANCELLATION,
    EventKind.PACKET_PRINTED,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


@dataclass(frozen=True)
class _Opened:
    profile: PatientProfile
    counts: dict[EventKind, int]
    events: list[TimelineEvent]
    lookups: EventLookups | None


@dataclass(frozen=True)
class _Photos:
    photos: list[Photo]
    attached_to: dict[int, str]


def _lookups(services: Services) -> EventLookups:
    staff = {u.id: u.display_name for u in services.staff.all() if u.id is not None}
    treatments = {t.id: t.name for t in services.catalogue.treatments(include_inactive=True) if t.id is not None}
    return EventLookups(staff, treatments)


class PatientProfilePage(Page):
    page_id = "profile"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.patient_id: int | None = None
        self.profile: PatientProfile | None = None
        self.lookups: EventLookups | None = None
        self._generation = 0  # bumps on every (re)load: answers for an older load are dropped
        self._filter_number = 0
        self._loaded_tabs: set[int] = set()
        self.dialog: Any = None
        self._setup_ui()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Patient")

    # -- building -----------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.header = PatientHeader()
        self.edit_button = QPushButton(self.tr("&Edit details…"))
        self.edit_button.setToolTip(self.tr("Edit this patient's details (Ctrl+E)"))
        self.merge_button = QPushButton(self.tr("&Merge duplicate…"))
        self.privacy_button = QPushButton(self.tr("Pri&vacy requests…"))
        for button in (self.edit_button, self.merge_button, self.privacy_button):
            button.setVisible(self.ctx.may(Permission.EDIT_PATIENTS))
            button.setEnabled(False)
        self.aftercare_button = QPushButton(self.tr("After-care &packet…"))
        self.aftercare_button.setToolTip(
            self.tr("Print the after-care packet of the selected treatment's visit (or the latest treatment)")
        )
        self.onboarding_button = QPushButton(self.tr("&Welcome pack…"))
        for button in (self.aftercare_button, self.onboarding_button):
            button.setVisible(self.ctx.may(Permission.PRINT_PACKETS))
            button.setEnabled(False)
        self.tabs = self._make_tabs()
        buttons = QVBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.privacy_button)
        buttons.addWidget(self.aftercare_button)
        buttons.addWidget(self.onboarding_button)
        buttons.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._edit_shortcut = QShortcut(
            QKeySequence("Ctrl+E"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._filter_shortcut = QShortcut(
            QKeySequence("Ctrl+Shift+F"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    def _make_tabs(self) -> QTabWidget:
        """The four tabs; the add buttons only for roles that may add (the services check it again)."""
        self.timeline_model = TimelineModel(self)
        self.timeline = TimelineView(self.timeline_model, "profile/timeline_header")
        self.timeline.set_addable_kinds(k for k in ADD_ORDER if may_write(self.ctx, k))
        self.readings = ReadingsPanel("profile/readings_splitter")
        self.readings.set_can_add(self.ctx.may(Permission.EDIT_CLINICAL))
        self.photos = PhotosPanel()
        self.photos.set_can_add(self.ctx.may(Permission.EDIT_CLINICAL))
        self.tiers = PatientTiersPanel()
        self.tiers.set_can_override(self.ctx.may(Permission.OVERRIDE_TIERS))
        tabs = QTabWidget()
        tabs.addTab(self.timeline, self.tr("&Timeline"))
        tabs.addTab(self.readings, self.tr("Skin &readings"))
        tabs.addTab(self.photos, self.tr("&Photos"))
        tabs.addTab(self.tiers, self.tr("Tiers && a&lerts"))
        return tabs

    def _connect_signals(self) -> None:
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.privacy_button.clicked.connect(self._on_privacy_button_clicked)
        self.aftercare_button.clicked.connect(self._on_aftercare_button_clicked)
        self.onboarding_button.clicked.connect(self._on_onboarding_button_clicked)
        self._edit_shortcut.activated.connect(self._on_edit_button_clicked)
        self._filter_shortcut.activated.connect(self._on_filter_shortcut_activated)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.timeline.filter_changed.connect(self._on_timeline_filter_changed)
        self.timeline.add_requested.connect(self._on_timeline_add_requested)
        self.timeline.event_activated.connect(self._on_timeline_event_activated)
        self.timeline_model.fetch_requested.connect(self._on_timeline_fetch_requested)
        self.readings.add_requested.connect(self._on_readings_add_requested)
        self.readings.compare_requested.connect(self._on_readings_compare_requested)
        self.photos.add_requested.connect(self._on_photos_add_requested)
        self.tiers.override_requested.connect(self._on_tiers_override_requested)
        self.tiers.end_override_requested.connect(self._on_tiers_end_override_requested)
        self.ctx.signals.patient_changed.connect(self._on_patient_changed)
        self.ctx.signals.settings_changed.connect(self._on_settings_changed)
        self.ctx.signals.refresh_requested.connect(self._reload)  # another workstation's changes

    # -- opening a patient ---------------------------------------------------------------------------
    def show_patient(self, patient_id: int) -> None:
        """Show a patient: header and the timeline's first page in one trip to the database; the other tabs
        load when they are first looked at."""
        if patient_id != self.patient_id:
            self.patient_id, self.profile = patient_id, None
            self.header.clear()
            self.header.name_label.setText(self.tr("Loading…"))
            self.timeline.reset_filters()
            self.timeline_model.reset([], has_more=False)
            self.tabs.setCurrentIndex(TAB_TIMELINE)
        self._reload()

    def _reload(self) -> None:
        if self.patient_id is None:
            return
        self._generation += 1
        self._filter_number += 1  # this load brings the filtered first page: earlier filter answers are stale
        self._loaded_tabs = {TAB_TIMELINE}
        generation, pid, services, need_lookups = self._generation, self.patient_id, self.ctx.services, not self.lookups
        kinds, text = self.timeline.filters()

        def load() -> _Opened:
            return _Opened(
                services.directory.profile(pid),
                services.timeline.kinds_count(pid),
                services.timeline.page(pid, kinds=kinds, text=text, limit=PAGE_SIZE),
                _lookups(services) if need_lookups else None,
            )

        self.ctx.db(
            load,
            lambda opened: self._on_opened(generation, opened),
            on_error=lambda e: self._on_load_failed(generation, e),
            parent=self,
        )
        if self.tabs.currentIndex() != TAB_TIMELINE:
            self._load_tab(self.tabs.currentIndex())

    def _on_opened(self, generation: int, opened: _Opened) -> None:
        if generation != self._generation:
            return
        self.profile = opened.profile
        if opened.lookups is not None:
            self.lookups = opened.lookups
            self.timeline_model.set_lookups(opened.lookups)
        self.header.show_profile(
            opened.profile, self.ctx.services.context.clock.today(), self.ctx.clinic.rules.tiers.tiers
        )
        self.timeline_model.reset(opened.events, has_more=len(opened.events) == PAGE_SIZE)
        self.timeline.set_counts(opened.counts)
        for button in (self.edit_button, self.merge_button, self.aftercare_button, self.onboarding_button):
            button.setEnabled(not opened.profile.patient.erased)
        self.privacy_button.setEnabled(not opened.profile.patient.erased)

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.header.clear()
            self.header.name_label.setText(error_text(error))

    # -- the timeline ----------------------------------------------------------------------------------
    def _on_timeline_filter_changed(self, kinds: frozenset, text: str) -> None:
        if self.patient_id is None:
            return
        self._filter_number += 1
        number, pid, services = self._filter_number, self.patient_id, self.ctx.services
        self.ctx.db(
            lambda: services.timeline.page(pid, kinds=kinds, text=text, limit=PAGE_SIZE),
            lambda events: self._on_filtered(number, events),
            parent=self,
        )

    def _on_filtered(self, number: int, events: list[TimelineEvent]) -> None:
        if number == self._filter_number:
            self.timeline_model.reset(events, has_more=len(events) == PAGE_SIZE)

    def _on_timeline_fetch_requested(self, before: tuple) -> None:  # type: ignore[type-arg]
        """The list is near its end: the next page, with the same filters."""
        if self.patient_id is None:
            return
        number, generation, pid, services = self._filter_number, self._generation, self.patient_id, self.ctx.services
        kinds, text = self.timeline.filters()

        def more(events: list[TimelineEvent]) -> None:
            if number == self._filter_number and generation == self._generation:
                self.timeline_model.append(events, has_more=len(events) == PAGE_SIZE)

        self.ctx.db(
            lambda: services.timeline.page(pid, kinds=kinds, text=text, before=before, limit=PAGE_SIZE),
            more,
            on_error=self._on_more_failed,
            parent=self,
        )

    def _on_more_failed(self, error: BaseException) -> None:
        self.timeline_model.fetch_failed()
        QMessageBox.warning(self, self.tr("Timeline"), error_text(error))

    def _on_timeline_add_requested(self, kind: EventKind) -> None:
        if kind is EventKind.SKIN_TEST:  # a skin test is a reading session; the session makes its entry
            self._on_readings_add_requested()
        else:
            self.open_event_dialog(kind)

    def _on_timeline_event_activated(self, event: TimelineEvent | None) -> None:
        if event is not None:
            self.open_event_dialog(event.kind, event)

    def open_event_dialog(self, kind: EventKind, event: TimelineEvent | None = None) -> EventDialog | None:
        """Add an entry of a kind to this patient's timeline, or edit one (the Add menu and double-click)."""
        if self.patient_id is None:
            return None
        dialog = EventDialog(self.ctx, self.patient_id, kind, event, self._name(), parent=self)
        self._open_dialog(dialog)
        return dialog

    # -- the other tabs ---------------------------------------------------------------------------------
    def _on_tabs_current_changed(self, index: int) -> None:
        if index not in self._loaded_tabs:
            self._load_tab(index)

    def _load_tab(self, index: int) -> None:
        if self.patient_id is None:
            return
        self._loaded_tabs.add(index)
        loaders = {TAB_READINGS: self._load_readings, TAB_PHOTOS: self._load_photos, TAB_TIERS: self._load_tiers}
        if index in loaders:
            loaders[index](self._generation, self.patient_id, self.ctx.services)

    def _load_readings(self, generation: int, pid: int, services: Services) -> None:
        def shown(result: tuple[list[Metric], list[ReadingSession]]) -> None:
            if generation == self._generation:
                self.readings.show_sessions(*result)
                chosen = self.readings.chosen_sessions()
                if chosen is not None:
                    self._on_readings_compare_requested(*sorted(chosen, key=lambda s: s.taken_at))

        self.ctx.db(lambda: (services.readings.metrics(), services.readings.sessions(pid)), shown, parent=self)

    def _on_readings_compare_requested(self, first: ReadingSession, second: ReadingSession) -> None:
        services = self.ctx.services
        self.ctx.db(lambda: services.readings.compare(first, second), self._on_compared, parent=self)

    def _on_compared(self, deltas: list[MetricDelta]) -> None:
        self.readings.show_deltas(deltas)

    def _load_photos(self, generation: int, pid: int, services: Services) -> None:
        def fetch() -> _Photos:
            photos = services.readings.photos(pid)
            sessions = {s.id: s for s in services.readings.sessions(pid)} if photos else {}
            treated = (
                {e.id: e for e in services.timeline.page(pid, kinds=[EventKind.TREATMENT], limit=1000)}
                if photos
                else {}
            )
            return _Photos(photos, {p.id: _attached_text(p, sessions, treated) for p in photos if p.id})

        def decode(found: _Photos) -> None:
            if generation != self._generation:
                return
            self.ctx.compute(lambda: _decode(found.photos), lambda images: shown(found, images), parent=self)

        def shown(found: _Photos, images: tuple[dict[int, QImage], dict[int, QImage]]) -> None:
            if generation == self._generation:
                self.photos.show_photos(found.photos, found.attached_to, *images)

        self.ctx.db(fetch, decode, parent=self)

    def _load_tiers(self, generation: int, pid: int, services: Services) -> None:
        def fetch() -> tuple[PatientTiers, list[Alert], list[TimelineEvent]]:
            packets = services.timeline.page(pid, kinds=[EventKind.PACKET_PRINTED], limit=100)
            return services.tiers.patient(pid), services.alerts.for_patient(pid), packets

        def shown(result: tuple[PatientTiers, list[Alert], list[TimelineEvent]]) -> None:
            if generation != self._generation:
                return
            staff = self.lookups.staff if self.lookups else {}
            tiers, alerts, packets = result
            self.tiers.show_tiers(tiers, staff, self.ctx.clinic.currency, self.ctx.services.context.clock.today())
            self.tiers.show_alerts(alerts)
            self.tiers.show_packets(packets, staff)

        self.ctx.db(fetch, shown, parent=self)

    # -- dialogs ------------------------------------------------------------------------------------------
    def _open_dialog(self, dialog: Any) -> None:
        """Window-modal, so the page stays readable behind it. The previous dialog, long closed, is deleted
        now rather than on close: an answer still on its way to a dialog must find it alive."""
        if self.dialog is not None and isValid(self.dialog) and not self.dialog.isVisible():
            self.dialog.deleteLater()
        if hasattr(dialog, "saved"):
            dialog.saved.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()

    def _on_changed(self, *_args: object) -> None:
        if self.patient_id is not None:
            self.ctx.signals.patient_changed.emit(self.patient_id)

    def _on_readings_add_requested(self) -> None:
        if self.patient_id is not None:
            self._open_dialog(ReadingDialog(self.ctx, self.patient_id, self._name(), parent=self))

    def _on_photos_add_requested(self) -> None:
        if self.patient_id is not None:
            self._open_dialog(PhotoDialog(self.ctx, self.patient_id, self._name(), parent=self))

    def _on_edit_button_clicked(self) -> None:
        if self.profile is not None and self.ctx.may(Permission.EDIT_PATIENTS):
            self._open_dialog(PatientDialog(self.ctx, self.profile.patient, parent=self))

    def _on_merge_button_clicked(self) -> None:
        if self.profile is None:
            return
        dialog = MergeDialog(self.ctx, self.profile.patient, parent=self)
        dialog.merged.connect(self._on_changed)
        self._open_dialog(dialog)

    def _on_privacy_button_clicked(self) -> None:
        if self.profile is not None:
            self._open_dialog(PrivacyDialog(self.ctx, self.profile.patient, parent=self))

    # -- printing --------------------------------------------------------------------------------
    def _on_aftercare_button_clicked(self) -> None:
        """The selected treatment's visit, else the latest treatment shown; the packet covers the whole visit."""
        events = [self.timeline_model.event_at(i.row()) for i in self.timeline.list.selectionModel().selectedRows()]
        events += [self.timeline_model.event_at(r) for r in range(self.timeline_model.rowCount())]
        treatment = next((e for e in events if e.kind is EventKind.TREATMENT), None)
        if treatment is None or treatment.id is None:
            QMessageBox.information(
                self, self.tr("After-care packet"), self.tr("This patient has no treatment on the timeline shown.")
            )
            return
        packets, event_id = self.ctx.services.packets, treatment.id
        self._print(
            self.tr("After-care packet"),
            f"aftercare-{event_id}.pdf",
            lambda language: packets.aftercare(event_id, language),
        )

    def _on_onboarding_button_clicked(self) -> None:
        if self.patient_id is not None:
            packets, patient_id = self.ctx.services.packets, self.patient_id
            self._print(
                self.tr("Welcome pack"),
                f"welcome-{patient_id}.pdf",
                lambda language: packets.onboarding(patient_id, language),
            )

    def _print(self, title: str, file_name: str, build: Callable[[str | None], object]) -> None:
        packets = self.ctx.services.packets

        def record(packet: object, how: str) -> None:
            packets.record_printed(packet, how)  # type: ignore[arg-type]

        dialog = DocumentDialog(self.ctx, title, file_name, build, record, parent=self)
        dialog.finished.connect(lambda _: self._on_changed())
        self._open_dialog(dialog)

    def _on_tiers_override_requested(self) -> None:
        if self.profile is None or self.patient_id is None:
            return
        self._open_dialog(
            OverrideDialog(
                self.ctx,
                self.patient_id,
                self.ctx.clinic.rules.tiers.tiers,
                self.profile.summary.tier,
                self._name(),
                parent=self,
            )
        )

    def _on_tiers_end_override_requested(self, override: TierOverride) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("End override"),
            self.tr("End this tier override now? From the next review the patient's tier follows the floors again."),
        )
        if answer != QMessageBox.StandardButton.Yes or override.id is None:
            self._load_tab(TAB_TIERS)
            return
        services, oid = self.ctx.services, override.id
        self.ctx.db(lambda: services.tiers.cancel_override(oid), self._on_changed, parent=self)

    def _on_filter_shortcut_activated(self) -> None:
        self.tabs.setCurrentIndex(TAB_TIMELINE)
        self.timeline.text_filter.setFocus()
        self.timeline.text_filter.selectAll()

    # -- changes from anywhere ----------------------------------------------------------------------------
    def _on_patient_changed(self, patient_id: int) -> None:
        if patient_id == self.patient_id:
            self._reload()

    def _on_settings_changed(self) -> None:
        self.lookups = None  # names of staff or treatments may have changed
        self._reload()

    def _name(self) -> str:
        return self.profile.patient.display_name if self.profile else ""


def _attached_text(photo: Photo, sessions: dict[Any, ReadingSession], treated: dict[Any, TimelineEvent]) -> str:
    if photo.reading_session_id in sessions:
        return _tr("skin reading")
    if photo.event_id in treated:
        return treated[photo.event_id].summary or _tr("treatment")
    return ""


def _decode(photos: list[Photo]) -> tuple[dict[int, QImage], dict[int, QImage]]:
    """Thumbnails and screen-sized previews, decoded off the GUI thread (QImage is safe there)."""
    thumbs, previews = {}, {}
    for photo in photos:
        image = QImage.fromData(photo.data)
        if image.isNull() or photo.id is None:
            continue
        thumbs[photo.id] = image.scaled(
            150, 150, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        previews[photo.id] = (
            image.scaled(1200, 1200, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            if max(image.width(), image.height()) > 1200
            else image
        )
    return thumbs, previews
