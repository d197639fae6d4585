"""The bundled fonts, registered once, and text split into runs each drawn with a font that has its glyphs."""

from __future__ import annotations

import functools
import threading
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from dermadesk.documents.rtl_text import to_visual
from dermadesk.system.resources import resource

BODY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CJK = "WenQuanYiMicroHei"  # also carries Hangul and kana; it has no bold face
# Scripts that must come from the CJK font even where DejaVu happens to have a glyph, so a
# Chinese or Korean name is never drawn in two mismatched designs.
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x318F),  # bopomofo, Hangul compatibility jamo
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3134F),  # CJK extensions B..G
)
_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}


def register_fonts() -> None:
    """Load the fonts into reportlab once per process (about 0.2 s); safe from any thread."""
    global _registered  # noqa: PLW0603 - one registry per process is reportlab's own design
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(TTFont(BODY, str(resource("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFont(TTFont(CJK, str(resource("fonts", "wqy-microhei.ttc")), subfontIndex=0))
        # <b> inside a paragraph switches within a family; CJK bold falls back to the regular face
        pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
        pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
        for name in (BODY, BOLD, CJK):
            _cmaps[name] = frozenset(pdfmetrics.getFont(name).face.charToGlyph)
        _registered = True


def covers(font_name: str, ch: str) -> bool:
    """Whether the font has a glyph for the character (its cmap maps it)."""
    register_fonts()
    return ord(ch) in _cmaps[font_name]


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


@functools.lru_cache(maxsize=4096)
def _font_of(ch: str) -> str | None:
    """The font for one character; None for spaces, which go with their neighbours."""
    if ch.isspace():
        return None
    if _is_cjk(ch) or (ord(ch) not in _cmaps[BODY] and ord(ch) in _cmaps[CJK]):
        return CJK
    return BODY


def split_runs(text: str, visual: bool = True) -> list[tuple[str, str]]:
    """[(font, text), ...] in drawing order: Latin, Greek, Cyrillic, Hebrew, Arabic -> DejaVu; CJK -> WenQuanYi."""
    register_fonts()
    if visual:
        text = to_visual(text)
    runs: list[tuple[str, str]] = []
    pending = ""  # leading spaces wait for the first real character's font
    for ch in text:
        font = _font_of(ch)
        if font is None:
            if runs:
                runs[-1] = (runs[-1][0], runs[-1][1] + ch)
            else:
                pending += ch
        elif runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, pending + ch))
            pending = ""
    if pending:
        runs.append((BODY, pending))
    return runs


def markup(text: str, line_breaks: bool = True) -> str:
    """Paragraph markup for user or template text: XML-escaped, with a <font> tag per CJK run."""
    parts = []
    for font, run in split_runs(text):
        escaped = escape(run)
        if line_breaks:
            escaped = escaped.replace("\n", "<br/>")
        parts.append(escaped if font == BODY else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def needs_cjk(text: str) -> bool:
    return any(font == CJK for font, _ in split_runs(text, visual=False))


def font_for(text: str, bold: bool = False) -> str:
    """One font for a whole string (chart labels take a single font): the body font if it can."""
    register_fonts()
    body = BOLD if bold else BODY
    visual = to_visual(text)
    if all(ch.isspace() or (covers(body, ch) and not _is_cjk(ch)) for ch in visual):
        return body
    return CJK if all(ch.isspace() or covers(CJK, ch) for ch in visual) else body


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(run, _face(font, bold), size) for font, run in split_runs(text))


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, bold: bool = False, align: str = "left"
) -> None:
    """Draw one line on a canvas run by run (headers and footers are drawn, not flowed)."""
    if align != "left":
        width = text_width(text, size, bold)
        x -= width if align == "right" else width / 2
    for font, run in split_runs(text):
        face = _face(font, bold)
        canvas.setFont(face, size)
        if bold and font == CJK:  # no bold CJK face: outline the glyphs as well as filling them
            canvas.saveState()
            canvas.setLineWidth(size * 0.035)
            canvas.setStrokeColor(canvas._fillColorObj)
            canvas.drawString(x, y, run, mode=2)
            canvas.restoreState()
        else:
            canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, face, size)


def _face(font: str, bold: bool) -> str:
    return BOLD if bold and font == BODY else font
