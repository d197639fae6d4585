"""Planned follow-ups as small month calendars with the booked days marked, and a list beside them."""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from dermadesk.documents import styles as st
from dermadesk.documents.blocks import para
from dermadesk.documents.fonts import BODY, BOLD
from dermadesk.documents.formatting import format_month, normalise_language
from dermadesk.domain.printables import PlannedFollowUp

WEEKDAYS = {"en": ("M", "T", "W", "T", "F", "S", "S"), "zh_CN": ("一", "二", "三", "四", "五", "六", "日")}
MAX_MONTHS = 6  # beyond half a year the list below the calendars carries the rest
PER_ROW = 3


def follow_up_calendars(
    follow_ups: Sequence[PlannedFollowUp], language: str = "en", width: float = st.FRAME_WIDTH
) -> Flowable | None:
    """Month grids for the months that hold a follow-up, three to a row; None when nothing is planned."""
    months = sorted({(f.on.year, f.on.month) for f in follow_ups})[:MAX_MONTHS]
    if not months:
        return None
    marked = {f.on for f in follow_ups}
    cell_w = width / PER_ROW
    grids: list[object] = [_month(year, month, marked, language, cell_w - 6 * mm) for year, month in months]
    rows = [grids[i : i + PER_ROW] for i in range(0, len(grids), PER_ROW)]
    rows[-1] += [""] * (PER_ROW - len(rows[-1]))
    outer = Table(rows, colWidths=[cell_w] * PER_ROW, hAlign="LEFT")
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return outer


def _month(year: int, month: int, marked: set, language: str, width: float) -> Table:
    sheet = st.stylesheet(language)
    centred = ParagraphStyle("cal", parent=sheet["cell_head"], alignment=TA_CENTER, fontSize=7.5, leading=9)
    title = para(format_month(year, month, language), sheet["accent_title"])
    heads = [para(day, centred) for day in WEEKDAYS[normalise_language(language)]]
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    body = [[str(day.day) if day.month == month else "" for day in week] for week in weeks]
    table = Table([[title, *[""] * 6], heads, *body], colWidths=[width / 7] * 7, rowHeights=None, hAlign="LEFT")
    style: list[tuple[object, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("FONTNAME", (0, 2), (-1, -1), BODY),
        ("FONTSIZE", (0, 2), (-1, -1), 7.5),
        ("TEXTCOLOR", (0, 2), (-1, -1), st.INK),
        ("ALIGN", (0, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, 1), 0.5, st.RULE),
        ("TOPPADDING", (0, 1), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TEXTCOLOR", (5, 2), (6, -1), st.MUTED),  # weekends in grey: clinics keep shorter hours then
    ]
    for row, week in enumerate(weeks, start=2):
        for col, day in enumerate(week):
            if day.month == month and day in marked:
                style += [
                    ("BACKGROUND", (col, row), (col, row), st.ACCENT),
                    ("TEXTCOLOR", (col, row), (col, row), colors.white),
                    ("FONTNAME", (col, row), (col, row), BOLD),
                ]
    table.setStyle(TableStyle(style))
    return table
