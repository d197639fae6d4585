"""Reading the PDFs back for the tests: page text, and which embedded font drew each run of text."""

from __future__ import annotations

import functools
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from pypdf import PdfReader

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = {
    "DejaVuSans": ("DejaVuSans.ttf", None),
    "DejaVuSans-Bold": ("DejaVuSans-Bold.ttf", None),
    "WenQuanYiMicroHei-0": ("wqy-microhei.ttc", 0),
}


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def layout_lines(path: Path) -> list[str]:
    """Text laid out as printed, so a table row reads as one line; runs of spaces squeezed to one."""
    lines = []
    for page in PdfReader(path).pages:
        lines += [" ".join(line.split()) for line in page.extract_text(extraction_mode="layout").splitlines()]
    return [line for line in lines if line]


def text_runs(path: Path) -> list[tuple[str, str]]:
    """(text, base font without its subset tag) for every piece of text drawn, in page order."""
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: float) -> None:
        if text.strip():
            base = str(font.get("/BaseFont", "")) if font else ""
            runs.append((text, base.lstrip("/").split("+", 1)[-1]))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return runs


@functools.cache
def cmap(base_font: str) -> frozenset[int]:
    """The code points the bundled font file behind an embedded font has glyphs for."""
    name, index = FONT_FILES[base_font]
    if index is None:
        return frozenset(TTFont(FONTS / name).getBestCmap())
    return frozenset(TTCollection(FONTS / name).fonts[index].getBestCmap())


def uncovered(path: Path) -> list[tuple[str, str]]:
    """Every run holding a character its font has no glyph for (or drawn in a font we do not ship)."""
    bad = []
    for text, font in text_runs(path):
        if font not in FONT_FILES or any(ord(ch) not in cmap(font) for ch in text if not ch.isspace()):
            bad.append((text, font))
    return bad


def embedded_fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names
