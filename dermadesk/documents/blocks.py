"""Building blocks the documents share: paragraphs with per-script fonts, lists, panels and tables."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from dermadesk.documents import styles as st
from dermadesk.documents.fonts import BODY, BOLD, markup, needs_cjk


class FauxBoldParagraph(Paragraph):
    """Bold drawn by outlining the glyphs as well as filling them: the CJK font has no bold face."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.style.fontSize * 0.035)
        canvas.setStrokeColor(self.style.textColor)
        canvas.addLiteral("2 Tr")  # text render mode 2: fill, then stroke
        super().draw()
        canvas.restoreState()


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of user or template text: escaped, and each script in a font that has it."""
    if style.fontName == BOLD and needs_cjk(text):
        # every script gets the same outlined weight, so a half-Latin heading does not look patchy
        regular = ParagraphStyle(f"{style.name}-faux", parent=style, fontName=BODY)
        return FauxBoldParagraph(markup(text), regular, bulletText=bullet)
    return Paragraph(markup(text), style, bulletText=bullet)


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Text with blank lines between paragraphs (a privacy notice, a letter) as separate paragraphs."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [para(block, style) for block in blocks if block]


def bullets(items: Sequence[str], style: ParagraphStyle, mark: str = "•") -> list[Flowable]:
    return [para(item, style, bullet=mark) for item in items if item.strip()]


def panel(
    content: Sequence[Flowable],
    border: colors.Color,
    background: colors.Color,
    width: float = st.FRAME_WIDTH,
    border_width: float = 1.2,
) -> Table:
    """A boxed panel (warning signs, the emergency line); it may split over a page break."""
    table = Table([[list(content)]], colWidths=[width], splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), border_width, border),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    return table


def details_table(
    rows: Sequence[tuple[str, str]], columns: int = 2, width: float = st.FRAME_WIDTH, language: str = "en"
) -> Table:
    """Who, what and when in a light band: each cell a small label over its value."""
    sheet = st.stylesheet(language)
    cells = [[para(label, sheet["label"]), para(value or "—", sheet["value"])] for label, value in rows]
    grid = [cells[start : start + columns] for start in range(0, len(cells), columns)]
    grid[-1] += [""] * (columns - len(grid[-1]))
    table = Table(grid, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), st.ACCENT_SOFT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("LINEBELOW", (0, 0), (-1, -2), 1, colors.white),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    numeric: Sequence[int] = (),
    language: str = "en",
    extra_style: Sequence[tuple[object, ...]] = (),
    emphasis: Sequence[int] = (),
) -> Table:
    """A plain ruled table; numeric columns right-aligned; rows in `emphasis` (0-based) in red; header repeats."""
    sheet = st.stylesheet(language)
    head = [para(text, sheet["cell_head_num" if i in numeric else "cell_head"]) for i, text in enumerate(header)]
    body = [
        [para(text, sheet[_cell_style(i in numeric, r in emphasis)]) for i, text in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    table = Table([head, *body], colWidths=list(col_widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, st.ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, st.RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                *extra_style,
            ]
        )
    )
    return table


def _cell_style(numeric: bool, warn: bool) -> str:
    return ("cell_warn" if warn else "cell") + ("_num" if numeric else "")


def tiles(items: Sequence[tuple[str, str]], language: str = "en", per_row: int = 4) -> Table:
    """Key figures as tiles: a big value over a small label."""
    sheet = st.stylesheet(language)
    cells = [[para(value, sheet["tile_value"]), para(label, sheet["tile_label"])] for label, value in items]
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    width = st.FRAME_WIDTH / per_row
    table = Table(rows, colWidths=[width] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), st.ACCENT_SOFT),
                ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
                ("LINEBELOW", (0, 0), (-1, -2), 2, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return table
