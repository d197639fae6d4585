"""The Patient page (placeholder until its page lands)."""

from __future__ import annotations

from dermadesk.ui.pages.base_page import Page


class PatientProfilePage(Page):
    page_id = "profile"

    def title(self) -> str:
        return self.tr("Patient")

    def show_patient(self, patient_id: int) -> None:
        self.patient_id = patient_id
