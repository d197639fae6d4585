"""The Settings page (owner): clinic details, tiers, alert rules, metric and treatment catalogues, staff accounts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError
from dermadesk.domain.staff import Permission
from dermadesk.services.workspace import Services
from dermadesk.ui import i18n
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.i18n import list_separator
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.widgets.settings.alert_rules_section import AlertRulesSection
from dermadesk.ui.widgets.settings.clinic_section import ClinicDetailsSection
from dermadesk.ui.widgets.settings.metrics_section import MetricsSection
from dermadesk.ui.widgets.settings.section import SettingsSection
from dermadesk.ui.widgets.settings.staff_section import StaffSection
from dermadesk.ui.widgets.settings.templates_section import TemplatesSection
from dermadesk.ui.widgets.settings.tiers_section import TiersSection
from dermadesk.ui.widgets.settings.treatments_section import TreatmentsSection

TAB_KEY = "settings/tab"
DIRTY_MARK = " •"
Saver = Callable[[Services, Any], Any]


def _save_clinic(services: Services, patch: Callable[[ClinicSettings], ClinicSettings]) -> ClinicSettings:
    """Apply a section's changes to the settings as stored now, so two sections never undo each other."""
    return services.clinic.change_settings(patch)


def _save_account(services: Services, pending: tuple[Any, str | None]) -> Any:
    user, password = pending
    return services.staff.add(user, password or "") if user.id is None else services.staff.update(user, password)


class SettingsPage(Page):
    page_id = "settings"
    required_permission = Permission.CHANGE_SETTINGS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loads = 0  # how many times data arrived (tests wait on it)
        self._watched_window: QWidget | None = None
        self._setup_ui()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Settings")

    # -- building ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.clinic_section = ClinicDetailsSection()
        self.tiers_section = TiersSection()
        self.alerts_section = AlertRulesSection()
        self.metrics_section = MetricsSection()
        self.treatments_section = TreatmentsSection()
        self.staff_section = StaffSection()
        self.templates_section = TemplatesSection()
        self._savers: dict[SettingsSection, Saver] = {
            self.clinic_section: _save_clinic,
            self.tiers_section: _save_clinic,
            self.alerts_section: _save_clinic,
            self.metrics_section: lambda services, metric: services.catalogue.save_metric(metric),
            self.treatments_section: lambda services, treatment: services.catalogue.save_treatment(treatment),
            self.templates_section: lambda services, edit: services.packets.save_template(*edit),
        }
        if self.ctx.may(Permission.MANAGE_STAFF):
            self._savers[self.staff_section] = _save_account
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._language_row())
        self.tabs = QTabWidget(objectName="settingsTabs", documentMode=True)
        for section in self.sections():
            self.tabs.addTab(self._scrolled(section), section.title())
        self.tabs.setCurrentIndex(int(QSettings().value(TAB_KEY, 0) or 0))  # type: ignore[call-overload]
        layout.addWidget(self.tabs)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _language_row(self) -> QHBoxLayout:
        """The language of this workstation (kept on this computer, not in the clinic's database)."""
        self.language_box = QComboBox(objectName="language")
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(i18n.current_language()))
        label = QLabel(self.tr("&Language on this computer:"))
        label.setBuddy(self.language_box)
        hint = QLabel(self.tr("Applies at once; the monthly report prints in it too."), styleSheet="color: #6b7280")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language_box)
        row.addWidget(hint, 1)
        return row

    def _on_language_box_activated(self, _index: int) -> None:
        self.ctx.signals.language_requested.emit(self.language_box.currentData())
        if self.language_box.currentData() != i18n.current_language():  # unsaved settings kept: not switched
            self.language_box.setCurrentIndex(self.language_box.findData(i18n.current_language()))

    @staticmethod
    def _scrolled(section: SettingsSection) -> QScrollArea:
        area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        area.setWidget(section)
        return area

    def sections(self) -> list[SettingsSection]:
        return list(self._savers)

    def _connect_signals(self) -> None:
        for section in self.sections():
            section.save_requested.connect(lambda s=section: self.save_section(s))
            section.dirty_changed.connect(lambda dirty, s=section: self._on_section_dirty_changed(s, dirty))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.language_box.activated.connect(self._on_language_box_activated)
        self.save_shortcut.activated.connect(self._on_save_shortcut_activated)

    # -- loading -----------------------------------------------------------------------------
    def activate(self) -> None:
        services, with_staff = self.ctx.services, self.ctx.may(Permission.MANAGE_STAFF)

        def load() -> tuple[ClinicSettings, list[Any], list[Any], list[Any], list[Any]]:
            return (
                services.clinic.settings(),
                services.catalogue.treatments(include_inactive=True),
                services.catalogue.metrics(include_inactive=True),
                services.staff.all() if with_staff else [],
                services.packets.templates(),
            )

        self.ctx.db(load, on_done=self._on_loaded, parent=self)

    def _on_loaded(self, loaded: tuple[ClinicSettings, list[Any], list[Any], list[Any], list[Any]]) -> None:
        """Fill every section that holds no unsaved changes; edits in progress are never overwritten."""
        settings, treatments, metrics, staff, templates = loaded
        self.ctx.clinic = settings
        self._load_settings(settings)
        self.treatments_section.set_currency(settings.currency)
        self.staff_section.set_current_user(self.ctx.user.id if self.ctx.user else None)
        for section, records in (
            (self.treatments_section, treatments),
            (self.metrics_section, metrics),
            (self.staff_section, staff),
            (self.templates_section, templates),
        ):
            if not section.is_dirty():
                section.load(records)
        self.loads += 1

    def _load_settings(self, settings: ClinicSettings) -> None:
        for section in (self.clinic_section, self.tiers_section, self.alerts_section):
            if not section.is_dirty():
                section.load(settings)

    # -- saving ------------------------------------------------------------------------------
    def save_section(self, section: SettingsSection) -> None:
        """Read the section, ask anything it needs asking, then store it on the database thread."""
        if not section.is_dirty():
            return
        try:
            pending = section.pending()
        except DermaDeskError as error:
            section.show_error(error)
            return
        if not section.confirm_save():
            return
        section.clear_messages()
        section.set_busy(True)
        saver, services = self._savers[section], self.ctx.services
        self.ctx.db(
            lambda: saver(services, pending),
            on_done=lambda result: self._on_section_saved(section, result),
            on_error=lambda error: self._on_section_save_failed(section, error),
            parent=self,
        )

    def _on_section_saved(self, section: SettingsSection, result: Any) -> None:
        section.set_busy(False)
        if isinstance(result, ClinicSettings):
            self.ctx.clinic = result
            section.load(result)  # type: ignore[attr-defined]
            section.mark_saved()
            self._load_settings(result)
            self.treatments_section.set_currency(result.currency)
            if not self.treatments_section.is_dirty():
                self.treatments_section.load(self.treatments_section.records())
        else:
            section.saved(result)  # type: ignore[attr-defined]
        self.ctx.signals.settings_changed.emit()

    def _on_section_save_failed(self, section: SettingsSection, error: BaseException) -> None:
        section.set_busy(False)
        section.show_error(error)  # the section keeps every value typed

    def _on_save_shortcut_activated(self) -> None:
        section = self.sections()[self.tabs.currentIndex()]
        self.save_section(section)

    # -- unsaved changes ---------------------------------------------------------------------
    def _on_section_dirty_changed(self, section: SettingsSection, dirty: bool) -> None:
        index = self.sections().index(section)
        self.tabs.setTabText(index, section.title() + (DIRTY_MARK if dirty else ""))

    def _on_tabs_current_changed(self, index: int) -> None:
        QSettings().setValue(TAB_KEY, index)

    def has_unsaved_changes(self) -> bool:
        return any(section.is_dirty() for section in self.sections())

    def may_leave(self) -> bool:
        """Ask before unsaved changes are lost (closing the window, signing out): True to go on."""
        dirty = [s for s in self.sections() if s.is_dirty()]
        if not dirty or self._ask_discard([s.title() for s in dirty]):
            for section in dirty:
                section.discard_changes()
            return True
        self.tabs.setCurrentIndex(self.sections().index(dirty[0]))
        return False

    def _ask_discard(self, titles: list[str]) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved settings"),
            self.tr("These settings have changes that are not saved: %1. Throw the changes away?").replace(
                "%1", list_separator().join(titles)
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]  # noqa: N802 — Qt's name
        """Watch the window's close, so closing with unsaved settings asks first."""
        super().showEvent(event)  # type: ignore[arg-type]
        window = self.window()
        if window is not self and window is not self._watched_window:
            window.installEventFilter(self)
            self._watched_window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt's name
        if watched is self._watched_window and event.type() == QEvent.Type.Close and not self.may_leave():
            event.ignore()
            return True
        return super().eventFilter(watched, event)
