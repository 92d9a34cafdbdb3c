"""Plain-text lines: what is a pipe-table row and what is an author's paragraph."""

from __future__ import annotations

import pytest

from assistant.readers.blocks import Grid, Line
from assistant.readers.text import text_blocks


@pytest.mark.parametrize("paragraph", ["||", "|", "| 只是一句话 |x", "|x"])
def test_pipe_characters_in_a_paragraph_stay_text(paragraph: str) -> None:
    blocks = text_blocks(f"　　{paragraph}")
    assert [type(b) for b in blocks] == [Line]


def test_a_pipe_row_with_cells_is_a_table() -> None:
    blocks = text_blocks("| 规章 | 0 | 0 |\n|---|---|---|\n| 行政规范性文件 | 1 | 2 |")
    assert len(blocks) == 1 and isinstance(blocks[0], Grid)
    assert len(blocks[0].rows) == 2


@pytest.mark.parametrize("paragraph", ["# 0", "## 不是标题", "**强调**"])
def test_marks_in_an_indented_paragraph_are_the_authors_text(paragraph: str) -> None:
    blocks = text_blocks(f"　　{paragraph}")
    assert blocks == [Line(paragraph, indented=True)]


def test_a_heading_mark_without_indent_is_dropped() -> None:
    assert text_blocks("## 一、总体情况") == [Line("一、总体情况")]
