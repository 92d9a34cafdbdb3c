"""Markdown escapes exactly what Markdown would misread, checked by rendering it back."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from assistant.render.markdown import cell, escape

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _rendered_text(markdown: str) -> str:
    """The text a reader sees: the paragraph's HTML without tags, entities decoded."""
    out = MD.render(markdown).strip()
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner.replace("&lt;", ""), out  # no element came out of the text
    return html.unescape(inner)


ORDINARY = [
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "2024年1月1日至2024年12月31日",
    "电话：024-22735123",
    "3 - 5 件",
    "总计 * 为合计",
    "收费金额（单位：万元）",
    "“5·15”政务公开日",
    "A&B 两类",
    "第(一)项",
    "雪_花",
    "一、总体情况",
    "{{ 7*7 }}",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_punctuation_is_left_as_written(text: str) -> None:
    assert escape(text) == text
    assert _rendered_text(escape(text)) == text


MISREAD = [
    "# 标题",
    "## 小标题",
    "> 引用",
    "- 条目",
    "+ 条目",
    "* 条目",
    "1. 第一",
    "2024) 年",
    "---",
    "* * *",
    "*强调*",
    "**加粗**",
    "_强调_ 文字",
    "`代码`",
    "~~删除~~",
    "[链接](http://example.com)",
    "![图](a.png)",
    "<script>alert(1)</script>",
    "<http://example.com>",
    "&amp; 与 &#35;",
    "反斜杠\\*星号",
]


@pytest.mark.parametrize("text", MISREAD)
def test_what_markdown_would_read_comes_out_literally(text: str) -> None:
    assert escape(text) != text
    assert _rendered_text(escape(text)) == text


TEXT = st.text(
    alphabet=st.sampled_from([*"#>-+*_`~[]()!<>&;\\|.):=1 2a/", "汉", "字", "。"]),
    max_size=24,
).map(lambda s: " ".join(s.split()))


@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_any_text_reads_back_as_written(text: str) -> None:
    if not text:
        return
    assert _rendered_text(escape(text)) == text


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_any_cell_reads_back_as_written_in_a_pipe_table(text: str) -> None:
    if not text:
        return
    table = f"| 列 |\n| --- |\n| {cell(text)} |\n"
    out = MD.render(table)
    found = re.search(r"<td>(.*?)</td>", out, re.S)
    assert found is not None, out
    assert html.unescape(found.group(1)).strip() == text
