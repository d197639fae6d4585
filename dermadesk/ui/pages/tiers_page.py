"""The Tiers page (placeholder until its page lands)."""

from __future__ import annotations

from dermadesk.domain.staff import Permission
from dermadesk.ui.pages.base_page import Page


class TiersPage(Page):
    required_permission = Permission.RUN_REPORTS
    page_id = "tiers"

    def title(self) -> str:
        return self.tr("Tiers")
