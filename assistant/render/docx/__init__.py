"""The report as a Word document laid out per GB/T 9704-2012, built from the report view.

Wording and table layout come from :mod:`assistant.render.view`; this package only decides how
they look on paper (page, fonts, merges, widths). Refusal is the caller's job
(:func:`assistant.render.render_report`).
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from assistant.core.draft import Draft
from assistant.render.docx.footer import add_page_numbers
from assistant.render.docx.layout import (
    BODY_FONT,
    BODY_STYLE,
    HEADING1_FONT,
    HEADING1_STYLE,
    HEADING2_FONT,
    HEADING2_STYLE,
    LINE_PITCH,
    SIGNOFF_STYLE,
    TITLE_FONT,
    TITLE_STYLE,
    FontSpec,
    add_run,
    apply_font,
    indent_chars,
    setup_page,
    setup_styles,
    signoff_indents,
)
from assistant.render.docx.package import tidy_package
from assistant.render.docx.tables import add_table
from assistant.render.docx.title import title_lines
from assistant.render.view import ReportView, build_view

__all__ = ["render_docx"]

HALF_LINE = Twips(LINE_PITCH.twips // 2)


def _paragraph(document: Document, text: str, style: str, spec: FontSpec) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    add_run(paragraph, text, spec)
    return paragraph


def _title(document: Document, title: str) -> None:
    """The title, broken into lines at the joints of its meaning (see ``title``)."""
    paragraph = document.add_paragraph(style=TITLE_STYLE)
    lines = title_lines(title)
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        apply_font(run._r, TITLE_FONT)
        if index < len(lines) - 1:
            run.add_break()


def _write(document: Document, view: ReportView) -> None:
    _title(document, view.title)
    for text in view.intro:
        _paragraph(document, text, BODY_STYLE, BODY_FONT)
    after_table = False
    for section in view.sections:
        heading = _paragraph(document, section.title, HEADING1_STYLE, HEADING1_FONT)
        if after_table:
            # A heading right under a table's bottom border looks glued to it.
            heading.paragraph_format.space_before = HALF_LINE
        for text in section.paragraphs:
            _paragraph(document, text, BODY_STYLE, BODY_FONT)
        for subsection in section.subsections:
            _paragraph(document, subsection.title, HEADING2_STYLE, HEADING2_FONT)
            for text in subsection.paragraphs:
                _paragraph(document, text, BODY_STYLE, BODY_FONT)
        after_table = section.table is not None
        if section.table is not None:
            add_table(document, section.table)
    _signoff(document, view)


def _signoff(document: Document, view: ReportView) -> None:
    """Agency and date under the text, one blank line apart from it."""
    indents = signoff_indents(view.signoff_agency, view.signoff_date)
    lines = [(view.signoff_agency, indents[0]), (view.signoff_date, indents[1])]
    first = True
    for text, right in lines:
        if not text:
            continue
        paragraph = _paragraph(document, text, SIGNOFF_STYLE, BODY_FONT)
        indent_chars(paragraph, right=right)
        if first:
            paragraph.paragraph_format.space_before = LINE_PITCH
            first = False


def render_docx(draft: Draft) -> bytes:
    """The report as ``.docx`` bytes. No refusal here: the caller checks the draft first."""
    view = build_view(draft)
    document = docx.Document()
    setup_page(document)
    setup_styles(document)
    add_page_numbers(document)
    _write(document, view)
    tidy_package(document, view.title, view.signoff_agency)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
