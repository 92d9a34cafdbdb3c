"""The footer: page numbers as GB/T 9704 places them, from a PAGE field Word keeps up to date."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from assistant.render.docx.layout import (
    FOOTER_STYLE,
    PAGE_NUMBER_FONT,
    add_run,
    apply_font,
    chars,
)
from assistant.render.docx.ooxml import PPR_ORDER, child, set_attrs


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (``w:fldChar`` begin/separate/end) such as PAGE."""
    parts: list[tuple[str, str]] = [
        ("begin", ""),
        ("instr", instruction),
        ("separate", ""),
        ("text", placeholder),
        ("end", ""),
    ]
    for kind, text in parts:
        run = paragraph.add_run()
        apply_font(run._r, PAGE_NUMBER_FONT)
        if kind == "text":
            run.text = text
        elif kind == "instr":
            instr = child(run._r, "w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
        else:
            set_attrs(child(run._r, "w:fldChar"), fldCharType=kind)


def add_page_numbers(document: Document) -> None:
    """Page numbers "— 1 —" in 4号 宋体: odd pages right, even pages left, one character in."""
    for section in document.sections:
        for footer, alignment, side in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.style = document.styles[FOOTER_STYLE]
            paragraph.alignment = alignment
            ind = child(paragraph._p.get_or_add_pPr(), "w:ind", PPR_ORDER)
            width = str(chars(1, PAGE_NUMBER_FONT).twips)
            set_attrs(ind, **{side: width, f"{side}Chars": "100"})
            add_run(paragraph, "— ", PAGE_NUMBER_FONT)
            _field(paragraph, "PAGE", "1")
            add_run(paragraph, " —", PAGE_NUMBER_FONT)
