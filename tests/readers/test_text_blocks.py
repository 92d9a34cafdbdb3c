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
