"""The Alerts page (placeholder until its page lands)."""

from __future__ import annotations

from dermadesk.ui.pages.base_page import Page


class AlertsPage(Page):
    page_id = "alerts"

    def title(self) -> str:
        return self.tr("Alerts")
