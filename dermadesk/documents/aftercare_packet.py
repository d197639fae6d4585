"""The after-care packet: every treatment of one visit, one section each, under one letterhead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from dermadesk.documents import styles as st
from dermadesk.documents.aftercare_labels import LABELS
from dermadesk.documents.aftercare_templates import fill
from dermadesk.documents.blocks import bullets, data_table, details_table, panel, para
from dermadesk.documents.formatting import catalogue_for, format_date, format_number, normalise_language
from dermadesk.documents.letterhead import Target, build_pdf
from dermadesk.domain.printables import AftercarePacket, AftercareTreatment


@dataclass(frozen=True)
class _Page:
    """What every part of the packet draws with: the packet, its wording and its styles."""

    packet: AftercarePacket
    words: dict[str, str]
    language: str
    sheet: dict[str, ParagraphStyle]

    def day(self, day: date | None) -> str:
        return format_date(day, self.language) if day else "—"


def build_aftercare_packet(packet: AftercarePacket, target: Target) -> None:
    """Write the packet as a PDF to a path or a binary file object."""
    language = normalise_language(packet.language)
    values = {
        "patient": packet.patient_name,
        "date": format_date(packet.visit_date, language),
        "clinic_phone": packet.clinic.phone or packet.clinic.urgent_phone,
        "emergency_phone": packet.clinic.urgent_phone,
    }
    words = {key: fill(value, values) for key, value in catalogue_for(LABELS, language).items()}
    page = _Page(packet, words, language, st.stylesheet(language))
    story = _opening(page)
    for index, treatment in enumerate(packet.treatments):
        if index:
            # a new treatment starts on a fresh page unless most of a page is still free: short packets stay short
            story.append(CondPageBreak(st.FRAME_HEIGHT * 0.55))
        story += _treatment_section(page, treatment)
    title = f"{words['title']} — {packet.patient_name}"
    build_pdf(target, story, packet.clinic, title=title, footer_note=words["footer"], language=language)


def _opening(page: _Page) -> list[Flowable]:
    packet, words, sheet = page.packet, page.words, page.sheet
    facts = [
        (words["patient"], packet.patient_name),
        (words["visit_date"], page.day(packet.visit_date)),
        (words["practitioner"], packet.practitioner),
        (words["clinic_phone"], packet.clinic.phone),
    ]
    story: list[Flowable] = [
        para(words["title"], sheet["title"]),
        para(words["subtitle"], sheet["subtitle"]),
        details_table(facts, language=page.language),
        Spacer(1, 2 * mm),
        para(words["closing"], sheet["small"]),  # read first: a worry is always worth a call
    ]
    if len(packet.treatments) > 1:
        story += [para(words["treatments_today"], sheet["h1"]), _summary_table(page)]
        story += [Spacer(1, 1.5 * mm), para(words["treatments_note"], sheet["small"])]
    return story


def _summary_table(page: _Page) -> Flowable:
    header = [page.words[key] for key in ("treatment", "area", "product", "lot", "quantity", "next")]
    rows = [
        [t.treatment_name, t.area, t.product, t.lot, _quantity(t, page.words), page.day(t.follow_up_on)]
        for t in page.packet.treatments
    ]
    widths = [w * st.FRAME_WIDTH for w in (0.22, 0.15, 0.19, 0.13, 0.11, 0.20)]
    return data_table(header, rows, widths, numeric=(4,), language=page.language)


def _quantity(treatment: AftercareTreatment, words: dict[str, str]) -> str:
    if treatment.quantity is None:
        return ""
    unit = words.get(f"unit.{treatment.quantity_unit}", treatment.quantity_unit)
    return f"{format_number(treatment.quantity)} {unit}"


def _treatment_section(page: _Page, treatment: AftercareTreatment) -> list[Flowable]:
    words, sheet, advice = page.words, page.sheet, treatment.advice
    facts = [
        (words["treatment"], treatment.treatment_name),
        (words["area"], treatment.area),
        (words["product"], treatment.product),
        (words["lot"], treatment.lot),
        (words["quantity"], _quantity(treatment, words)),
        (words["practitioner"], treatment.practitioner or page.packet.practitioner),
    ]
    story: list[Flowable] = [para(advice.title, sheet["h1"]), details_table(facts, columns=3, language=page.language)]
    if advice.intro:
        story += [Spacer(1, 3 * mm), para(advice.intro, sheet["body"])]
    story += [para(words["first_24h"], sheet["h2"]), _do_and_avoid(page, treatment)]
    for key, lines in (("first_48h", advice.first_48h), ("first_week", advice.first_week)):
        if lines:
            story += [para(words[key], sheet["h2"]), *bullets(lines, sheet["bullet"])]
    return [*story, *_safety_panels(page, treatment), _products_and_follow_up(page, treatment)]


def _products_and_follow_up(page: _Page, treatment: AftercareTreatment) -> Flowable:
    """Side by side: what to buy on the left, when to come back on the right."""
    products = (*treatment.advice.products, *treatment.recommended_products)
    left = [para(page.words["products"], page.sheet["accent_title"]), *bullets(products, page.sheet["bullet"])]
    width = st.FRAME_WIDTH / 2
    table = Table([[left, _follow_up_panel(page, treatment, width - 3 * mm)]], colWidths=[width, width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 3 * mm),
                ("LEFTPADDING", (1, 0), (1, -1), 3 * mm),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 2 * mm), table])


def _do_and_avoid(page: _Page, treatment: AftercareTreatment) -> Flowable:
    """Two columns, one bullet per row: a page break can fall between bullets but never inside one."""
    words, sheet, advice = page.words, page.sheet, treatment.advice
    do = bullets(advice.first_24h_do, sheet["bullet"], mark="✓")
    avoid = bullets(advice.first_24h_avoid, sheet["bullet"], mark="✕")
    rows: list[list[object]] = [[para(words["do"], sheet["do_head"]), para(words["avoid"], sheet["avoid_head"])]]
    rows += [
        [do[i] if i < len(do) else "", avoid[i] if i < len(avoid) else ""] for i in range(max(len(do), len(avoid)))
    ]
    half = st.FRAME_WIDTH / 2
    table = Table(rows, colWidths=[half, half], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 4 * mm),
                ("LEFTPADDING", (1, 0), (1, -1), 4 * mm),
                ("LINEBEFORE", (1, 0), (1, -1), 0.5, st.RULE),
            ]
        )
    )
    return table


def _safety_panels(page: _Page, treatment: AftercareTreatment) -> list[Flowable]:
    words, sheet, advice = page.words, page.sheet, treatment.advice
    story: list[Flowable] = [Spacer(1, 4 * mm)]
    if advice.warning_signs:
        warning = [para(words["warning_title"], sheet["caution_title"]), para(words["warning_lead"], sheet["body"])]
        warning += bullets(advice.warning_signs, sheet["panel_body"])
        story += [KeepTogether(panel(warning, st.CAUTION, st.CAUTION_SOFT)), Spacer(1, 3 * mm)]
    emergency = [
        para(words["emergency_title"], sheet["panel_title"]),
        para(words["emergency_line"], sheet["label"]),
        para(page.packet.clinic.urgent_phone, sheet["big_number"]),
        Spacer(1, 1.5 * mm),
        *bullets(advice.emergency, sheet["panel_body"]),
    ]
    # kept whole: a number on one page and the reasons to ring it on the next helps no one (a panel
    # taller than a page still splits, so nothing is ever lost)
    story += [KeepTogether(panel(emergency, st.WARN, st.WARN_SOFT, border_width=2)), Spacer(1, 2 * mm)]
    return story


def _follow_up_panel(page: _Page, treatment: AftercareTreatment, width: float) -> Flowable:
    words, sheet = page.words, page.sheet
    content: list[Flowable] = [para(words["follow_up"], sheet["accent_title"])]
    if treatment.follow_up_on:
        content.append(para(page.day(treatment.follow_up_on), sheet["tile_value"]))
        if treatment.advice.follow_up:
            content.append(para(treatment.advice.follow_up, sheet["body"]))
    else:
        content.append(para(words["no_follow_up"], sheet["body"]))
    return panel(content, st.ACCENT_SOFT, st.ACCENT_SOFT, width=width, border_width=0.5)
