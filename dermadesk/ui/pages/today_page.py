"""The Today page (placeholder until its page lands)."""

from __future__ import annotations

from dermadesk.ui.pages.base_page import Page


class TodayPage(Page):
    page_id = "today"

    def title(self) -> str:
        return self.tr("Today")
