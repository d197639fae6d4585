"""The Patients page (placeholder until its page lands)."""

from __future__ import annotations

from dermadesk.ui.pages.base_page import Page


class PatientsPage(Page):
    page_id = "patients"

    def title(self) -> str:
        return self.tr("Patients")
