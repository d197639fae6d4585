"""The Settings page (placeholder until its page lands)."""

from __future__ import annotations

from dermadesk.domain.staff import Permission
from dermadesk.ui.pages.base_page import Page


class SettingsPage(Page):
    required_permission = Permission.CHANGE_SETTINGS
    page_id = "settings"

    def title(self) -> str:
        return self.tr("Settings")
