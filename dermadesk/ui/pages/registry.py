"""The main window's pages, in menu order; adding a page is one line here."""

from __future__ import annotations

from dermadesk.ui.pages.alerts_page import AlertsPage
from dermadesk.ui.pages.audit_page import AuditLogPage
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.pages.patients_page import PatientsPage
from dermadesk.ui.pages.settings_page import SettingsPage
from dermadesk.ui.pages.tiers_page import TiersPage
from dermadesk.ui.pages.today_page import TodayPage

NAVIGATION: tuple[type[Page], ...] = (PatientsPage, TodayPage, AlertsPage, TiersPage, SettingsPage, AuditLogPage)
