"""The onboarding packet: welcome letter, contacts, concerns and routine, baseline reading, tier, plan, consents."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from dermadesk.documents import styles as st
from dermadesk.documents.aftercare_templates import fill
from dermadesk.documents.blocks import bullets, data_table, details_table, panel, para, paragraphs
from dermadesk.documents.calendar_grid import follow_up_calendars
from dermadesk.documents.charts import reading_profile, trend_chart
from dermadesk.documents.formatting import catalogue_for, format_date, format_number, format_reading, normalise_language
from dermadesk.documents.letterhead import Target, build_pdf
from dermadesk.documents.onboarding_labels import LABELS
from dermadesk.domain.printables import BaselineReading, OnboardingPacket, ReadingRow

MAX_TRENDS = 4  # a welcome pack shows the few metrics with history, not a lab report


@dataclass(frozen=True)
class _Page:
    packet: OnboardingPacket
    words: dict[str, str]
    language: str
    sheet: dict[str, ParagraphStyle]


def build_onboarding_packet(packet: OnboardingPacket, target: Target) -> None:
    """Write the welcome pack as a PDF to a path or a binary file object."""
    language = normalise_language(packet.language)
    clinic = packet.clinic
    values = {
        "patient": packet.patient_name,
        "clinic": clinic.name,
        "date": format_date(packet.issued_on, language),
        "practitioner": packet.practitioner or clinic.name,
        "clinic_phone": clinic.phone or clinic.urgent_phone,
    }
    words = {key: fill(value, values) for key, value in catalogue_for(LABELS, language).items()}
    page = _Page(packet, words, language, st.stylesheet(language))
    story = [*_letter(page), *_contacts(page), *_concerns_and_routine(page)]
    if packet.baseline and packet.baseline.rows:
        story += _baseline(page, packet.baseline)
    story += [*_membership(page), *_follow_ups(page), *_consents(page), *_privacy(page)]
    build_pdf(
        target,
        story,
        clinic,
        title=f"{words['title']} — {packet.patient_name}",
        footer_note=words["footer"],
        language=language,
    )


def _letter(page: _Page) -> list[Flowable]:
    words, sheet = page.words, page.sheet
    letter = page.packet.welcome_text or words["letter"]
    return [
        para(words["title"], sheet["title"]),
        para(words["subtitle"], sheet["subtitle"]),
        para(words["dear"], sheet["body"]),
        *paragraphs(letter, sheet["body"]),
        Spacer(1, 2 * mm),
        para(words["sign_off"], sheet["body"]),
        para(words["signature"], sheet["value"]),
    ]


def _contacts(page: _Page) -> list[Flowable]:
    clinic, words = page.packet.clinic, page.words
    rows = [
        (words["phone"], clinic.phone),
        (words["emergency"], clinic.emergency_phone),
        (words["email"], clinic.email),
        (words["website"], clinic.website),
        (words["address"], ", ".join(line.strip() for line in clinic.address.splitlines() if line.strip())),
        (words["hours"], clinic.opening_hours),
    ]
    shown = [(label, value) for label, value in rows if value]
    table = details_table(shown, language=page.language)
    return [KeepTogether([para(words["contacts"], page.sheet["h1"]), table])]


def _concerns_and_routine(page: _Page) -> list[Flowable]:
    words, sheet, packet = page.words, page.sheet, page.packet
    concerns = [words.get(f"concern.{code}", code) for code in packet.concerns]
    left = [para(words["concerns"], sheet["h2"]), *bullets(concerns, sheet["bullet"])]
    right = [para(words["regimen"], sheet["h2"]), *bullets(packet.regimen, sheet["bullet"])]
    right.append(para(words["regimen_note"], sheet["small"]))
    half = st.FRAME_WIDTH / 2
    table = Table([[left, right]], colWidths=[half * 0.8, half * 1.2], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    return [Spacer(1, 2 * mm), table]


def _baseline(page: _Page, baseline: BaselineReading) -> list[Flowable]:
    words, sheet = page.words, page.sheet
    intro = fill(words["baseline_intro"], {"reading_date": format_date(baseline.taken_on, page.language)})
    if baseline.device:
        intro += f" {words['device']}: {baseline.device}."
    story: list[Flowable] = [CondPageBreak(120 * mm), para(words["baseline"], sheet["h1"]), para(intro, sheet["body"])]
    story += [_reading_table(page, baseline.rows), Spacer(1, 4 * mm)]
    story += [reading_profile(baseline.rows), para(words["legend"], sheet["small"])]
    trends = [row for row in baseline.rows if len(row.history) >= 2][:MAX_TRENDS]
    if trends:
        charts = [
            trend_chart(row.history, row.threshold, fill(words["trend"], {"metric": row.metric}), page.language)
            for row in trends
        ]
        rows = [charts[i : i + 2] + [""] * (2 - len(charts[i : i + 2])) for i in range(0, len(charts), 2)]
        grid = Table(rows, colWidths=[st.FRAME_WIDTH / 2] * 2, hAlign="LEFT")
        grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 4 * mm)]))
        story.append(grid)
    return story


def _reading_table(page: _Page, rows: tuple[ReadingRow, ...]) -> Flowable:
    words = page.words
    header = [words["metric"], words["reading"], words["threshold"], words["status"]]
    body = [
        [
            row.metric,
            format_reading(row.value, row.unit),
            fill(words.get(f"when.{row.concern_when}", "{value}"), {"value": format_number(row.threshold)}),
            words["attention"] if row.concern else words["ok"],
        ]
        for row in rows
    ]
    widths = [w * st.FRAME_WIDTH for w in (0.38, 0.2, 0.2, 0.22)]
    flagged = [index for index, row in enumerate(rows) if row.concern]
    return data_table(header, body, widths, numeric=(1,), language=page.language, emphasis=flagged)


def _membership(page: _Page) -> list[Flowable]:
    packet, words, sheet = page.packet, page.words, page.sheet
    if not packet.tier_name:
        return []
    parts = [part.strip().rstrip(".") for part in packet.tier_benefits.replace("；", ";").split(";")]
    benefits = [part[:1].upper() + part[1:] for part in parts]  # each benefit becomes a bullet of its own
    content = [
        para(fill(words["tier_line"], {"tier": packet.tier_name}), sheet["tile_value"]),
        para(words["benefits"], sheet["label"]),
        *bullets([b for b in benefits if b], sheet["bullet"]),
    ]
    return [KeepTogether([para(words["membership"], sheet["h1"]), panel(content, st.ACCENT_SOFT, st.ACCENT_SOFT)])]


def _follow_ups(page: _Page) -> list[Flowable]:
    packet, words, sheet = page.packet, page.words, page.sheet
    if not packet.follow_ups:
        return []
    planned = sorted(packet.follow_ups, key=lambda f: f.on)
    listing = data_table(
        [words["date"], words["appointment"]],
        [[format_date(f.on, page.language), f.label] for f in planned],
        [st.FRAME_WIDTH * 0.3, st.FRAME_WIDTH * 0.7],
        language=page.language,
    )
    grids = follow_up_calendars(planned, page.language)
    head = [para(words["follow_ups"], sheet["h1"]), para(words["follow_ups_note"], sheet["body"])]
    return [KeepTogether([*head, *([grids] if grids else [])]), listing]


def _consents(page: _Page) -> list[Flowable]:
    packet, words, sheet = page.packet, page.words, page.sheet
    if not packet.consents:
        return []
    rows = [
        [
            c.label,
            words["granted"] if c.granted else words["refused"],
            format_date(c.recorded_on, page.language) if c.recorded_on else "—",
        ]
        for c in packet.consents
    ]
    widths = [w * st.FRAME_WIDTH for w in (0.55, 0.2, 0.25)]
    table = data_table([words["consent"], words["choice"], words["recorded"]], rows, widths, language=page.language)
    head = para(words["consents"], sheet["h1"])
    return [KeepTogether([head, table]), Spacer(1, 1.5 * mm), para(words["consents_note"], sheet["small"])]


def _privacy(page: _Page) -> list[Flowable]:
    text = page.packet.privacy_notice
    if not text.strip():
        return []
    return [para(page.words["privacy"], page.sheet["h1"]), *paragraphs(text, page.sheet["body"])]
