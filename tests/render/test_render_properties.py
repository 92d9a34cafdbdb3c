"""Property tests: any complete draft renders in every text format, and what the author typed
comes out literally (HTML escaped, Markdown escaped, never read as a template)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt
from reportparse import grid_width, parse_html
from strategies import any_drafts, complete_drafts

from assistant.core.draft import Draft, Meta
from assistant.render import render_report
from assistant.render.view import build_view

_settings = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _view_paragraphs(draft: Draft) -> list[str]:
    view = build_view(draft)
    out = list(view.intro)
    for section in view.sections:
        out += section.paragraphs
        for sub in section.subsections:
            out += sub.paragraphs
    return [*out, view.signoff_agency, view.signoff_date]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_an_ampersand_in_the_agency_name_stays_literal_in_the_title() -> None:
    draft = Draft(meta=Meta(agency="&#", year=2019))
    doc = parse_html(render_report(draft, "html", force=True))
    assert doc.title == "&#2019年政府信息公开工作年度报告"


@_settings
@given(complete_drafts())
def test_html_renders_well_formed_with_literal_text(draft: Draft) -> None:
    page = render_report(draft, "html", force=True)
    assert isinstance(page, str)
    doc = parse_html(page)
    assert doc.unbalanced == []
    assert len(doc.tables) == 3
    for table in doc.tables:
        assert len(set(grid_width(table))) == 1
    paragraphs = [_squash(t) for tag, t in doc.blocks if tag == "p"]
    assert paragraphs == [_squash(p) for p in _view_paragraphs(draft)]
    # The parser already turns character references into text: unescaping again would read an
    # agency named '&#' followed by the year as a character reference.
    assert doc.title == build_view(draft).title


@_settings
@given(complete_drafts())
def test_markdown_renders_with_literal_text_and_intact_tables(draft: Draft) -> None:
    source = render_report(draft, "md", force=True)
    assert isinstance(source, str)
    doc = parse_html(MarkdownIt("commonmark").enable("table").render(source))
    paragraphs = [_squash(t) for tag, t in doc.blocks if tag == "p"]
    assert paragraphs == [_squash(p) for p in _view_paragraphs(draft)]
    assert [{len(r) for r in t.rows} for t in doc.tables] == [{4}, {10}, {15}]


@_settings
@given(complete_drafts())
def test_plain_text_renders_every_paragraph(draft: Draft) -> None:
    text = render_report(draft, "txt", force=True)
    assert isinstance(text, str)
    lines = {line.strip() for line in text.splitlines()}
    for paragraph in _view_paragraphs(draft):
        assert paragraph.strip() in lines


@_settings
@given(any_drafts())
def test_forced_rendering_of_any_draft_never_raises(draft: Draft) -> None:
    for fmt in ("md", "html", "txt"):
        assert isinstance(render_report(draft, fmt, force=True), str)
