"""Font choice per run of text: every script is drawn with a font that has its glyphs; markup is escaped."""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.platypus import Paragraph

from dermadesk.documents.fonts import BODY, BOLD, CJK, font_for, markup, split_runs, text_width
from dermadesk.documents.rtl_text import has_rtl, to_visual
from dermadesk.documents.styles import stylesheet
from tests.documents.pdf_reading import cmap
from tests.documents.samples import NAMES

PDF_NAME = {BODY: "DejaVuSans", BOLD: "DejaVuSans-Bold", CJK: "WenQuanYiMicroHei-0"}


@pytest.mark.parametrize("name", [*NAMES, "Dear 王芳, welcome back", "Σοφία & Ольга 김민지", "عائشة", "אדי כהן"])
def test_every_run_is_drawn_with_a_font_that_has_its_glyphs(name: str) -> None:
    runs = split_runs(name)
    assert "".join(run for _, run in runs) == to_visual(name)
    for font, run in runs:
        assert all(ord(ch) in cmap(PDF_NAME[font]) for ch in run if not ch.isspace()), (font, run)


@pytest.mark.parametrize(("name", "font"), [("Zoë", BODY), ("Łukasz", BODY), ("Ольга", BODY), ("Σοφία", BODY)])
def test_latin_greek_and_cyrillic_use_dejavu(name: str, font: str) -> None:
    assert split_runs(name) == [(font, name)]


@pytest.mark.parametrize("name", ["王芳", "김민지", "2026年11月2日"])
def test_chinese_and_korean_use_wenquanyi(name: str) -> None:
    assert {font for font, run in split_runs(name) if not run.isdigit()} == {CJK}


def test_a_mixed_line_switches_fonts_only_where_the_script_changes() -> None:
    assert split_runs("Dear 王芳, welcome") == [(BODY, "Dear "), (CJK, "王芳"), (BODY, ", welcome")]


def test_markup_escapes_xml_and_tags_cjk_runs() -> None:
    assert markup("O'Brien & Co <x>") == "O'Brien &amp; Co &lt;x&gt;"
    assert markup("王芳 <b>") == f'<font name="{CJK}">王芳 </font>&lt;b&gt;'
    assert markup("line one\nline two") == "line one<br/>line two"


@pytest.mark.parametrize("text", ["O'Brien & Co <x>", "</font><b>", "a < b > c & d", "&amp; literally", '"quoted"'])
def test_special_characters_lay_out_as_plain_text(text: str) -> None:
    assert Paragraph(markup(text), stylesheet()["body"]).getPlainText() == text


def test_arabic_is_shaped_and_put_in_visual_order() -> None:
    visual = to_visual("عائشة")
    assert visual == "\ufe94\ufeb8\ufe8b\ufe8e\ufecb"  # teh marbuta final … ain initial, drawn left to right
    assert unicodedata.normalize("NFKC", visual)[::-1] == "عائشة"
    assert all(ord(ch) in cmap("DejaVuSans") for ch in visual)


def test_lam_alef_becomes_one_ligature() -> None:
    assert to_visual("سلام") == "\ufee1\ufefc\ufeb3"  # meem final, lam-alef final, seen initial


def test_hebrew_is_reversed_and_latin_around_it_stays() -> None:
    assert to_visual("Dr אדי כהן (2)") == "Dr ןהכ ידא (2)"
    assert has_rtl("אדי") and not has_rtl("Zoë 王芳")


def test_font_for_a_whole_label_prefers_the_body_font() -> None:
    assert font_for("Gold") == BODY
    assert font_for("Gold", bold=True) == BOLD
    assert font_for("金卡 Gold") == CJK


def test_text_width_counts_every_run() -> None:
    assert text_width("王芳", 10) > 0
    assert text_width("Zoë 王芳", 10) > text_width("Zoë", 10)
