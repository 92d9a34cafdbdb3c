"""Page, styles and footer of the printed report, per GB/T 9704-2012 (FORMAT.md §6).

Fonts are the ones Chinese government offices have installed (方正小标宋简体, 仿宋_GB2312,
楷体_GB2312, 黑体, 宋体); they are named on every style and every run, East-Asian slot included.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Final

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from assistant.render.docx.ooxml import (
    PPR_ORDER,
    child,
    clear_run_look,
    set_attrs,
    set_fonts,
    set_lang,
    set_size,
)


@dataclass(frozen=True)
class FontSpec:
    """What a piece of text is set in: East-Asian font, Latin font, size in points."""

    east_asia: str
    latin: str
    size: float


TITLE_FONT: Final = FontSpec("方正小标宋简体", "方正小标宋简体", 22)  # 2号
BODY_FONT: Final = FontSpec("仿宋_GB2312", "Times New Roman", 16)  # 3号
HEADING1_FONT: Final = FontSpec("黑体", "黑体", 16)
HEADING2_FONT: Final = FontSpec("楷体_GB2312", "楷体_GB2312", 16)
PAGE_NUMBER_FONT: Final = FontSpec("宋体", "宋体", 14)  # 4号
TABLE_FONT: Final = FontSpec("宋体", "Times New Roman", 10.5)  # 5号

PAGE_WIDTH: Final = Mm(210)
PAGE_HEIGHT: Final = Mm(297)
MARGIN_TOP: Final = Mm(37)
MARGIN_BOTTOM: Final = Mm(35)
MARGIN_LEFT: Final = Mm(28)
MARGIN_RIGHT: Final = Mm(26)
FOOTER_DISTANCE: Final = Mm(24)
"""Page number about 7 mm below the text block, as GB/T 9704 places it."""

LINE_PITCH: Final = Twips(579)
"""28.95 pt: 22 lines fill the 225 mm text block."""
LINE_CHARS: Final = 28
"""Characters a body line holds: the grid's character pitch is the text width over 28."""
TITLE_LINE: Final = Twips(700)
"""35 pt: room for the 22 pt title glyphs across a line break."""

# Style names. Built-in ones keep their English names (Word shows 标题 1...); ours get Chinese
# names and ASCII ids.
TITLE_STYLE: Final = "Title"
BODY_STYLE: Final = "Normal"
HEADING1_STYLE: Final = "Heading 1"
HEADING2_STYLE: Final = "Heading 2"
SIGNOFF_STYLE: Final = "落款"
TABLE_STYLE: Final = "表格文字"
FOOTER_STYLE: Final = "Footer"


def char_space(text_width: int) -> int:
    """``w:charSpace`` for :data:`LINE_CHARS` body characters a line: the pitch's difference
    from the body size, in 4096ths of a point, rounded down so 28 whole characters fit."""
    pitch = text_width / 12700 / LINE_CHARS  # EMU → points
    return math.floor((pitch - BODY_FONT.size) * 4096)


def char_spacing() -> int:
    """The same pitch as letter spacing (``w:spacing``, twentieths of a point), for renderers
    that set the text without the character grid."""
    width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    return math.floor((width / 12700 / LINE_CHARS - BODY_FONT.size) * 20)


def chars(count: float, spec: FontSpec = BODY_FONT) -> Twips:
    """The width of ``count`` full-width characters of ``spec``."""
    return Twips(round(count * spec.size * 20))


def indent_chars(
    target: Paragraph | ParagraphStyle,
    *,
    first_line: float = 0,
    right: float = 0,
    spec: FontSpec = BODY_FONT,
) -> None:
    """Indent in character units (``w:firstLineChars``), with the twips fallback beside it."""
    element = target._p if isinstance(target, Paragraph) else target.element
    ppr = element.get_or_add_pPr()
    ind = child(ppr, "w:ind", PPR_ORDER)
    for name in list(ind.attrib):
        del ind.attrib[name]
    set_attrs(ind, left="0", leftChars="0")
    set_attrs(ind, firstLine=str(chars(first_line, spec).twips))
    set_attrs(ind, firstLineChars=str(round(first_line * 100)))
    set_attrs(ind, right=str(chars(right, spec).twips), rightChars=str(round(right * 100)))


def text_width(text: str) -> float:
    """Width in full-width characters: Chinese counts 1, digits and Latin letters ½."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


SIGNOFF_DATE_INDENT: Final = 4.0
"""The date ends four characters from the right margin (GB/T 9704 7.3.5.1)."""


def signoff_indents(agency: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the agency line and the date line.

    The date sits four characters in; the agency is centred over it, or pushed right (never
    past the margin) when it is much longer.
    """
    if not date:
        return SIGNOFF_DATE_INDENT, SIGNOFF_DATE_INDENT
    centred = SIGNOFF_DATE_INDENT + (text_width(date) - text_width(agency)) / 2
    return max(0.0, math.floor(centred * 2 + 0.5) / 2), SIGNOFF_DATE_INDENT


def apply_font(element: BaseOxmlElement, spec: FontSpec) -> None:
    """Give a run or a style the fonts and size of ``spec``, East-Asian slot included."""
    rpr = element.get_or_add_rPr()
    clear_run_look(rpr)
    set_fonts(rpr, spec.east_asia, spec.latin)
    set_size(rpr, spec.size)


def setup_page(document: Document) -> None:
    """A4 portrait, GB/T 9704 margins, odd and even page footers, a 22-line grid."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = PAGE_WIDTH
        section.page_height = PAGE_HEIGHT
        section.top_margin = MARGIN_TOP
        section.bottom_margin = MARGIN_BOTTOM
        section.left_margin = MARGIN_LEFT
        section.right_margin = MARGIN_RIGHT
        section.header_distance = Mm(15)
        section.footer_distance = FOOTER_DISTANCE
        grid = child(section._sectPr, "w:docGrid")
        set_attrs(
            grid,
            type="linesAndChars",
            linePitch=str(LINE_PITCH.twips),
            charSpace=str(char_space(section.page_width - MARGIN_LEFT - MARGIN_RIGHT)),
        )
    document.settings.odd_and_even_pages_header_footer = True
    lang = document.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        set_attrs(lang, eastAsia="zh-CN")


def _paragraph_style(document: Document, name: str, style_id: str) -> ParagraphStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        existing = styles[name]
        assert isinstance(existing, ParagraphStyle)
        return existing
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = styles[BODY_STYLE]
    style.quick_style = True
    return style


def _reset_paragraph(style: ParagraphStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing", "w:spacing"):
        for element in ppr.findall(qn(tag)):
            ppr.remove(element)


def setup_styles(document: Document) -> None:
    """Define the body, title, heading, sign-off, table and footer styles."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            set_fonts(rpr, BODY_FONT.east_asia, BODY_FONT.latin)
            set_size(rpr, BODY_FONT.size)
            set_lang(rpr)
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            set_attrs(spacing, after="0", line="240", lineRule="auto")

    body = document.styles[BODY_STYLE]
    assert isinstance(body, ParagraphStyle)
    apply_font(body.element, BODY_FONT)
    fmt = body.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.widow_control = False
    indent_chars(body, first_line=2)

    title = _paragraph_style(document, TITLE_STYLE, "Title")
    _reset_paragraph(title)
    apply_font(title.element, TITLE_FONT)
    fmt = title.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.line_spacing = TITLE_LINE
    fmt.space_after = LINE_PITCH
    fmt.keep_with_next = True
    indent_chars(title, spec=TITLE_FONT)
    _no_grid_snap(title)

    for name, spec in ((HEADING1_STYLE, HEADING1_FONT), (HEADING2_STYLE, HEADING2_FONT)):
        heading = _paragraph_style(document, name, name.replace(" ", ""))
        _reset_paragraph(heading)
        apply_font(heading.element, spec)
        fmt = heading.paragraph_format
        fmt.line_spacing = LINE_PITCH
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.keep_with_next = True
        indent_chars(heading, first_line=2)

    signoff = _paragraph_style(document, SIGNOFF_STYLE, "SignOff")
    signoff.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signoff.paragraph_format.keep_with_next = True
    apply_font(signoff.element, BODY_FONT)
    indent_chars(signoff, right=4)

    table = _paragraph_style(document, TABLE_STYLE, "TableText")
    apply_font(table.element, TABLE_FONT)
    fmt = table.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    indent_chars(table, spec=TABLE_FONT)
    _no_grid_snap(table)

    footer = _paragraph_style(document, FOOTER_STYLE, "Footer")
    apply_font(footer.element, PAGE_NUMBER_FONT)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    indent_chars(footer, spec=PAGE_NUMBER_FONT)
    _no_grid_snap(footer)


def _no_grid_snap(style: ParagraphStyle) -> None:
    """Keep text of another size off the 28.95 pt line grid, which would stretch its lines."""
    ppr = style.element.get_or_add_pPr()
    set_attrs(child(ppr, "w:snapToGrid", PPR_ORDER), val="0")


def add_run(paragraph: Paragraph, text: str, spec: FontSpec) -> None:
    """Append ``text`` as a run with ``spec``'s fonts named on the run itself."""
    run = paragraph.add_run(text)
    apply_font(run._r, spec)
