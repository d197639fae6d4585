"""The house look of every document: page geometry, a calm palette and paragraph styles per language."""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from dermadesk.documents.fonts import BODY, BOLD, register_fonts
from dermadesk.documents.formatting import normalise_language

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 36 * mm  # room for the letterhead drawn above the frame
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1F2A2E")
MUTED = colors.HexColor("#5E6B70")
ACCENT = colors.HexColor("#2F6B6A")  # a muted teal: calm, and prints well in greyscale
ACCENT_SOFT = colors.HexColor("#E7F0EF")
RULE = colors.HexColor("#C6D2D1")
WARN = colors.HexColor("#A8322A")
WARN_SOFT = colors.HexColor("#FBEEEC")
CAUTION = colors.HexColor("#9A6A12")
CAUTION_SOFT = colors.HexColor("#FBF5E6")
GOOD = colors.HexColor("#3D7A4C")
CHART_SERIES = (ACCENT, colors.HexColor("#8FB5B3"), colors.HexColor("#C9A66B"), colors.HexColor("#7A8CA6"))


def _style(name: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    # bullets default to Helvetica, which has no ✓ and no CJK: they take the body font too
    base: dict[str, object] = {"fontName": BODY, "bulletFontName": BODY, "textColor": INK, "alignment": TA_LEFT}
    base.update(extra)
    return ParagraphStyle(name, fontSize=size, leading=leading, **base)


@functools.cache
def stylesheet(language: str = "en") -> dict[str, ParagraphStyle]:
    """Paragraph styles by role. Chinese wraps between any two characters (it has no spaces)."""
    register_fonts()
    wrap = "CJK" if normalise_language(language) == "zh_CN" else None
    styles = {
        "title": _style("title", 20, 25, fontName=BOLD, textColor=ACCENT, spaceAfter=2 * mm),
        "subtitle": _style("subtitle", 11, 15, textColor=MUTED, spaceAfter=5 * mm),
        "h1": _style("h1", 14, 18, fontName=BOLD, textColor=ACCENT, spaceBefore=5 * mm, spaceAfter=2.5 * mm),
        "h2": _style("h2", 11, 14, fontName=BOLD, textColor=INK, spaceBefore=3.5 * mm, spaceAfter=1.5 * mm),
        "body": _style("body", 10, 14, spaceAfter=2 * mm),
        "bullet": _style("bullet", 10, 13.5, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=1 * mm),
        "small": _style("small", 8.5, 11.5, textColor=MUTED),
        "label": _style("label", 9, 12, textColor=MUTED),
        "value": _style("value", 10, 13, fontName=BOLD),
        "cell": _style("cell", 9, 12),
        "cell_num": _style("cell_num", 9, 12, alignment=TA_RIGHT),
        "cell_warn": _style("cell_warn", 9, 12, textColor=WARN),
        "cell_warn_num": _style("cell_warn_num", 9, 12, textColor=WARN, alignment=TA_RIGHT),
        "cell_head": _style("cell_head", 8.5, 11, fontName=BOLD, textColor=ACCENT),
        "cell_head_num": _style("cell_head_num", 8.5, 11, fontName=BOLD, textColor=ACCENT, alignment=TA_RIGHT),
        "panel_title": _style("panel_title", 11, 14, fontName=BOLD, textColor=WARN, spaceAfter=1.5 * mm),
        "caution_title": _style("caution_title", 11, 14, fontName=BOLD, textColor=CAUTION, spaceAfter=1.5 * mm),
        "accent_title": _style("accent_title", 11, 14, fontName=BOLD, textColor=ACCENT, spaceAfter=1.5 * mm),
        "do_head": _style("do_head", 10, 13, fontName=BOLD, textColor=GOOD, spaceAfter=1.5 * mm),
        "avoid_head": _style("avoid_head", 10, 13, fontName=BOLD, textColor=WARN, spaceAfter=1.5 * mm),
        "panel_body": _style("panel_body", 10, 14, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=1 * mm),
        "big_number": _style("big_number", 15, 19, fontName=BOLD, textColor=WARN),
        "tile_value": _style("tile_value", 14, 18, fontName=BOLD, textColor=ACCENT),
        "tile_label": _style("tile_label", 8, 10, textColor=MUTED),
    }
    if wrap:
        for style in styles.values():
            style.wordWrap = wrap
    return styles
