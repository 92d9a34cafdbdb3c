"""A closing mark that falls just past a full 28-character line is printed in the PDF.

LibreOffice hangs such a mark into the margin and, in a justified line, often leaves it out of
the page altogether; the copy it converts is set flush left for that reason
(:mod:`assistant.render.libreoffice_copy`), while the Word file keeps its justified text.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest

from assistant.core.draft import Draft
from assistant.render.docx import render_docx
from assistant.render.fonts import substitutions
from assistant.render.pdf import find_soffice, for_libreoffice, render_pdf
from tests.render.conftest import load_seed

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")


def _hanzi(start: int, count: int) -> str:
    """``count`` distinct common characters (GB 2312 level 1, from its ``start``-th one)."""
    found = []
    for index in range(start, start + count):
        row, cell = divmod(index, 94)
        found.append(bytes([0xB0 + row, 0xA1 + cell]).decode("gb2312"))
    return "".join(found)


# The first line holds 26 characters after the two-character indent, every other line 28: the
# 。 is the 29th character of line 2 and the ， the 29th of line 3.
FIRST, SECOND, THIRD = _hanzi(0, 26), _hanzi(26, 28), _hanzi(54, 28)
PARAGRAPH = f"{FIRST}{SECOND}。{THIRD}，{_hanzi(82, 5)}。"


def _draft(intro: str) -> Draft:
    seed = load_seed()
    overview = seed.overview.model_copy(update={"intro": intro})
    return Draft.model_validate(seed.model_copy(update={"overview": overview}).model_dump())


def _body_alignments(docx: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S)
    assert normal is not None
    return set(re.findall(r'<w:jc w:val="(\w+)"/>', normal.group(0)))


def test_word_file_stays_justified_and_only_the_libreoffice_copy_is_flush_left() -> None:
    docx = render_docx(_draft(PARAGRAPH))
    assert _body_alignments(docx) == {"both"}
    assert _body_alignments(for_libreoffice(docx, substitutions(()))) == {"left"}


@pytest.fixture(scope="module")
def page() -> Any:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(render_pdf(_draft(PARAGRAPH)))) as document:
        first = document.pages[0]
        yield first.extract_text(), first.extract_text_lines(), first.chars


@needs_soffice
def test_a_mark_past_a_full_line_is_printed(page: Any) -> None:
    text, _, _ = page
    assert PARAGRAPH in re.sub(r"\s", "", text)


@needs_soffice
def test_the_grid_holds_around_the_hanging_marks(page: Any) -> None:
    _, lines, _ = page
    ours = {line["text"].replace(" ", "")[:3]: line["chars"] for line in lines}
    first, second, third = (ours[part[:3]] for part in (FIRST, SECOND, THIRD))
    # 26 characters after the indent, then 28 on the grid and the mark after them.
    assert [len(first), len(second), len(third)] == [26, 29, 29]
    assert "".join(c["text"] for c in second) == f"{SECOND}。"
    assert "".join(c["text"] for c in third) == f"{THIRD}，"
    assert second[0]["x0"] == pytest.approx(third[0]["x0"], abs=0.1)  # one left margin
    for line in (first, second, third):  # one right edge for the 28th character
        assert line[-1 if line is first else -2]["x1"] == pytest.approx(second[-2]["x1"], abs=1)
    for line in (second, third):  # the mark hangs past it, printed
        assert line[-1]["x0"] >= line[-2]["x1"] - 0.5
