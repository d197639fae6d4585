"""The clinic's letterhead and footer on every page, page numbers, and the one way documents are built."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from dermadesk.documents import styles as st
from dermadesk.documents.fonts import draw_text, register_fonts, text_width
from dermadesk.documents.formatting import normalise_language
from dermadesk.domain.printables import ClinicLetterhead

Target = str | os.PathLike[str] | BinaryIO
LABELS = {
    "en": {"page": "Page {page} of {pages}", "tel": "Tel", "emergency": "Emergency"},
    "zh_CN": {"page": "第 {page} 页，共 {pages} 页", "tel": "电话", "emergency": "紧急电话"},
}
_HEADER_TOP = st.PAGE_SIZE[1] - 14 * mm
_HEADER_RULE = st.PAGE_SIZE[1] - 29 * mm
_FOOTER_Y = 12 * mm


def build_pdf(
    target: Target,
    story: Sequence[Flowable],
    clinic: ClinicLetterhead,
    *,
    title: str,
    footer_note: str = "",
    language: str = "en",
) -> None:
    """Lay the story out on A4 under the clinic's letterhead and write the PDF to a path or a binary file."""
    register_fonts()
    labels = LABELS[normalise_language(language)]
    out = os.fspath(target) if isinstance(target, (str, os.PathLike)) else target
    doc = BaseDocTemplate(
        out,
        pagesize=st.PAGE_SIZE,
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=title,
        author=clinic.name,
        creator="DermaDesk",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0)

    def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_header(canvas, clinic, labels)
        _draw_footer(canvas, footer_note)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    page_label = labels["page"]
    doc.build(list(story), canvasmaker=_numbered_canvas(lambda n, total: page_label.format(page=n, pages=total)))


def fit(text: str, size: float, width: float, bold: bool = False, smallest: float = 6.5) -> tuple[str, float]:
    """Shrink a line to fit, then cut it with an ellipsis: a letterhead line must never run off the page."""
    while size > smallest and text_width(text, size, bold) > width:
        size -= 0.5
    while len(text) > 1 and text_width(text, size, bold) > width:
        text = text[:-2] + "…"
    return text, size


def _draw_header(canvas: Canvas, clinic: ClinicLetterhead, labels: dict[str, str]) -> None:
    left, right = st.MARGIN_X, st.PAGE_SIZE[0] - st.MARGIN_X
    canvas.saveState()
    canvas.setFillColor(st.ACCENT)
    name, size = fit(clinic.name, 16, st.FRAME_WIDTH * 0.58, bold=True)
    draw_text(canvas, left, _HEADER_TOP - 2 * mm, name, size, bold=True)
    canvas.setFillColor(st.MUTED)
    address = ", ".join(line.strip() for line in clinic.address.splitlines() if line.strip())
    for row, line in enumerate(_wrap_two(address, 8, st.FRAME_WIDTH * 0.58)):
        draw_text(canvas, left, _HEADER_TOP - 8 * mm - row * 3.6 * mm, line, 8)
    contact = [
        f"{labels['tel']} {clinic.phone}" if clinic.phone else "",
        f"{labels['emergency']} {clinic.emergency_phone}" if clinic.emergency_phone else "",
        clinic.email,
        clinic.website,
    ]
    for row, line in enumerate(line for line in contact if line):
        text, size = fit(line, 8, st.FRAME_WIDTH * 0.38)
        draw_text(canvas, right, _HEADER_TOP - row * 3.6 * mm, text, size, align="right")
    canvas.setStrokeColor(st.ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(left, _HEADER_RULE, right, _HEADER_RULE)
    canvas.restoreState()


def _wrap_two(text: str, size: float, width: float) -> list[str]:
    """An address on at most two lines, broken at a comma where it can be."""
    if not text or text_width(text, size) <= width:
        return [text] if text else []
    parts = text.split(", ")
    for cut in range(len(parts) - 1, 0, -1):
        first = ", ".join(parts[:cut])
        if text_width(first, size) <= width:
            return [first, fit(", ".join(parts[cut:]), size, width)[0]]
    return [fit(text, size, width)[0]]


def _draw_footer(canvas: Canvas, note: str) -> None:
    canvas.saveState()
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(st.MARGIN_X, _FOOTER_Y + 4.5 * mm, st.PAGE_SIZE[0] - st.MARGIN_X, _FOOTER_Y + 4.5 * mm)
    if note:
        canvas.setFillColor(st.MUTED)
        text, size = fit(note, 8, st.FRAME_WIDTH * 0.75)
        draw_text(canvas, st.MARGIN_X, _FOOTER_Y, text, size)
    canvas.restoreState()


def _numbered_canvas(page_label: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say 'page 2 of 3'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                self.setFillColor(st.MUTED)
                draw_text(self, st.PAGE_SIZE[0] - st.MARGIN_X, _FOOTER_Y, page_label(number, total), 8, align="right")
                super().showPage()
            super().save()

    return NumberedCanvas
