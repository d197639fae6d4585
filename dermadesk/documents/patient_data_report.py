"""The readable copy of a patient's data for an access request: one titled table per kind of record."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from dermadesk.documents import styles as st
from dermadesk.documents.blocks import data_table, details_table, para
from dermadesk.documents.letterhead import Target, build_pdf
from dermadesk.domain.privacy import DataSection, PatientDataReport

WIDE = {"summary": 3.0, "note": 2.5, "values": 2.5, "caption": 2.5, "reason": 2.5, "when": 1.3, "taken": 1.3}
FOOTER = "Your personal data held by the clinic, at your request. Confidential."
INTRO = (
    "This is a copy of all the personal data the clinic holds about you, as of {date}: your details, consent "
    "decisions, history, appointments, skin readings, photos (listed; the image files are in the JSON copy), "
    "recall alerts and membership tiers. The enclosed JSON file holds the same data in a machine-readable form."
)


def build_patient_data_report(report: PatientDataReport, target: Target) -> None:
    sheet = st.stylesheet("en")
    story: list[Flowable] = [
        para("Your personal data", sheet["title"]),
        para(f"{report.patient_name} · record #{report.patient_id}", sheet["subtitle"]),
        para(INTRO.format(date=report.issued_on.isoformat()), sheet["body"]),
    ]
    for section in report.sections:
        story += _section(section, sheet)
    build_pdf(target, story, report.clinic, title=f"Personal data — {report.patient_name}", footer_note=FOOTER)


def _section(section: DataSection, sheet: dict) -> list[Flowable]:  # type: ignore[type-arg]
    heading = [CondPageBreak(35 * mm), para(section.title, sheet["h1"])]  # a title never ends a page
    if not section.rows:
        return [*heading, para("None recorded.", sheet["small"])]
    if section.header == ("field", "value"):
        return [*heading, details_table([(label, value) for label, value in section.rows])]
    weights = [WIDE.get(name, 1.0) for name in section.header]
    widths = [st.FRAME_WIDTH * w / sum(weights) for w in weights]
    return [*heading, data_table(section.header, section.rows, widths)]
