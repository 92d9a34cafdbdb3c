"""The seed draft renders to the published report it was taken from.

The expected text is parsed from the published report itself (tests/render/data), never typed
here: same title, headings in order, paragraphs, sign-off, and every number of every table.
"""

from __future__ import annotations

import re

import pytest
from reportparse import Example, labelled_numbers, norm, parse_example, parse_html

from assistant.core.checks import blocking_findings
from assistant.core.draft import Draft
from assistant.render import render_report


@pytest.fixture(scope="module")
def example() -> Example:
    return parse_example()


@pytest.fixture
def html(seed: Draft) -> str:
    page = render_report(seed, "html")
    assert isinstance(page, str)
    return page


@pytest.fixture
def markdown(seed: Draft) -> str:
    text = render_report(seed, "md")
    assert isinstance(text, str)
    return text


def test_seed_passes_the_checks(seed: Draft) -> None:
    assert blocking_findings(seed) == []


def test_html_title_headings_paragraphs_and_signoff(html: str, example: Example) -> None:
    doc = parse_html(html)
    headings = [text for tag, text in doc.blocks if tag in ("h1", "h2", "h3")]
    paragraphs = [text for tag, text in doc.blocks if tag == "p"]
    assert norm(doc.title) == norm(example.title)
    assert [norm(h) for h in headings] == [norm(h) for h in [example.title, *example.headings]]
    assert [norm(p) for p in paragraphs] == [
        norm(p) for p in [*example.paragraphs, *example.signoff]
    ]


def test_html_tables_hold_the_example_numbers(html: str, example: Example) -> None:
    table2, table3, table4 = parse_html(html).tables
    assert [(norm(label), numbers) for label, numbers in labelled_numbers(table2)] == [
        (norm(label), numbers) for label, numbers in example.table2
    ]
    # 表三 row by row: the innermost label and the seven numbers.
    assert [(norm(label), numbers) for label, numbers in labelled_numbers(table3)] == [
        (norm(label), numbers) for label, numbers in example.table3
    ]
    assert norm(table3.rows[0][0].text) == norm(example.table3_corner)
    # 表四: the example's header is garbled; its 15 numbers are not.
    assert [numbers for _, numbers in labelled_numbers(table4)] == [example.table4_numbers]


def _markdown_blocks(text: str) -> tuple[list[str], list[str], list[list[str]]]:
    """Headings, paragraphs and table rows of our Markdown, backslash escapes removed."""

    def unescape(s: str) -> str:
        return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)

    headings, paragraphs, rows = [], [], []
    for line in text.splitlines():
        if not line.strip() or re.fullmatch(r"\|( --- \|)+", line):
            continue
        if line.startswith("#"):
            headings.append(unescape(line.lstrip("#").strip()))
        elif line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            rows.append([unescape(c.strip()) for c in cells])
        else:
            paragraphs.append(unescape(line))
    return headings, paragraphs, rows


def test_markdown_says_the_same(markdown: str, example: Example) -> None:
    headings, paragraphs, rows = _markdown_blocks(markdown)
    assert [norm(h) for h in headings] == [norm(h) for h in [example.title, *example.headings]]
    assert [norm(p) for p in paragraphs] == [
        norm(p) for p in [*example.paragraphs, *example.signoff]
    ]
    numbered = [r for r in rows if any(c.isdigit() for c in r)]
    expected = [*example.table2, *example.table3]
    assert [
        (norm([c for c in r if c and not c.isdigit()][-1]), [c for c in r if c.isdigit()])
        for r in numbered[:-1]
    ] == [(norm(label), numbers) for label, numbers in expected]
    assert [c for c in numbered[-1] if c] == example.table4_numbers


def test_plain_text_says_the_same(seed: Draft, example: Example) -> None:
    text = render_report(seed, "txt")
    assert isinstance(text, str)
    lines = [line.strip() for line in text.splitlines()]
    for expected in [example.title, *example.headings, *example.paragraphs, *example.signoff]:
        assert norm(expected) in {norm(line) for line in lines}, expected
    number_rows = [line.split() for line in lines if re.fullmatch(r"[\d ]+", line or "x")]
    assert number_rows[-1] == example.table4_numbers
