"""render_report: the format registry, refusal while findings block, the jinja2 environment,
and author text that must come out literally in every format."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from reportparse import grid_width, parse_html

import assistant.core.checks as checks
import assistant.render as render
from assistant.core.draft import Draft, Meta, OtherMatters, Overview
from assistant.core.findings import Finding, Location, Severity
from assistant.errors import NianbaoError, RenderRefused
from assistant.render import FORMATS, OutputFormat, environment, render_report

HOSTILE = [
    "<script>alert(1)</script>",
    "</table></td>结束",
    "{{ 7*7 }}",
    "{% raw %}不是模板{% endraw %}",
    "{# 注释 #}",
    "甲 | 乙 | 丙",
    "# 不是标题",
    "## 也不是",
    "- 不是列表",
    "1. 不是编号",
    "2024.全年",
    "**不加粗** _不斜体_ `不是代码`",
    "[不是链接](http://example.com)",
    "&amp; &lt;",
    "---",
    "> 不是引用",
    "反斜杠\\结尾\\",
    "~~不删除~~ $x$",
]


def _hostile_draft() -> Draft:
    text = "\n".join(HOSTILE)
    return Draft(
        meta=Meta(agency="某局<b>|#", year=2024),
        overview=Overview(**{k: text for k in ("intro", "proactive", "oversight")}),
        problems=text,
        other=OtherMatters(text=text),
    )


def _md_html(source: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(source)


@pytest.fixture
def hostile() -> Draft:
    return _hostile_draft()


def test_registry_lists_every_format() -> None:
    assert list(FORMATS) == ["md", "html", "txt", "docx", "pdf"]
    assert [f.binary for f in FORMATS.values()] == [False, False, False, True, True]


def test_unknown_format_is_refused_in_chinese() -> None:
    with pytest.raises(NianbaoError, match="不支持的报告格式：rtf"):
        render_report(Draft(), "rtf", force=True)


def test_missing_writer_module_is_a_chinese_error(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = OutputFormat("docx", "Word 文档", binary=True, writer="assistant.render.nowhere:x")
    monkeypatch.setitem(FORMATS, "docx", spec)
    with pytest.raises(NianbaoError, match="暂时无法生成 Word 文档") as info:
        render_report(Draft(), "docx", force=True)
    assert not isinstance(info.value, ImportError)


def test_writer_missing_its_dependency_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "nianbao_fake_writer.py").write_text("import nianbao_absent_dependency\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = OutputFormat("pdf", "PDF 文档", binary=True, writer="nianbao_fake_writer:render_pdf")
    monkeypatch.setitem(FORMATS, "pdf", spec)
    with pytest.raises(NianbaoError, match="nianbao_absent_dependency"):
        render_report(Draft(), "pdf", force=True)


def test_writer_is_called_with_the_draft(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "nianbao_fake_ok.py").write_text(
        "def render_pdf(draft):\n    return draft.meta.agency.encode()\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = OutputFormat("pdf", "PDF 文档", binary=True, writer="nianbao_fake_ok:render_pdf")
    monkeypatch.setitem(FORMATS, "pdf", spec)
    assert render_report(Draft(meta=Meta(agency="某局")), "pdf", force=True) == "某局".encode()


_BLOCKER = Finding(
    rule="E1",
    severity=Severity.ERROR,
    location=Location(section="applications", table="表三", text="表三 自然人列"),
    message="一 + 二 = 5，三（七）总计 + 四 = 4，两者不等。",
    fix="核对表三各行。",
)


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx", "pdf"])
def test_refused_while_findings_block(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setattr(checks, "blocking_findings", lambda draft, findings=None: [_BLOCKER])
    with pytest.raises(RenderRefused) as info:
        render_report(Draft(), fmt)
    message = str(info.value)
    assert "表三 自然人列" in message and "两者不等" in message and "[错误]" in message


def test_force_renders_despite_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "blocking_findings", lambda draft, findings=None: [_BLOCKER])
    assert "总体情况" in str(render_report(Draft(), "md", force=True))


def test_environment_is_built_once_strict_and_escapes_html_only() -> None:
    import jinja2

    env = environment()
    assert environment() is env
    assert env.undefined is jinja2.StrictUndefined
    assert env.autoescape("report.html.j2") is True  # type: ignore[operator]
    assert env.autoescape("report.md.j2") is False  # type: ignore[operator]


def test_importing_render_does_not_import_jinja() -> None:
    code = "import sys, assistant.render, assistant.render.view; print('jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_html_keeps_author_text_literal(hostile: Draft) -> None:
    page = render_report(hostile, "html", force=True)
    assert isinstance(page, str)
    assert "<script>" not in page and "<b>" not in page
    assert "{{ 7*7 }}" in html.unescape(page) and "49" not in page
    doc = parse_html(page)
    assert not doc.unbalanced
    paragraphs = [text for tag, text in doc.blocks if tag == "p"]
    for line in HOSTILE:
        assert paragraphs.count(line.strip()) == 5, line  # intro, two topics, 五, 六
    assert doc.title == "某局<b>|#2024年政府信息公开工作年度报告"
    assert len(doc.tables) == 3


def test_html_is_self_contained_and_well_formed(hostile: Draft) -> None:
    page = render_report(hostile, "html", force=True)
    assert isinstance(page, str)
    doc = parse_html(page)
    assert doc.lang == "zh-CN"
    assert doc.external == []
    assert "@media print" in page and "@page" in page
    for table in doc.tables:
        widths = grid_width(table)
        assert len(set(widths)) == 1, widths
    table2, table3, table4 = doc.tables
    assert (table3.head_rows, len(table3.rows), grid_width(table3)[0]) == (3, 28, 10)
    assert (table4.head_rows, len(table4.rows), grid_width(table4)[0]) == (3, 4, 15)
    assert table2.head_rows == 0


def test_markdown_keeps_author_text_literal(hostile: Draft) -> None:
    source = render_report(hostile, "md", force=True)
    assert isinstance(source, str)
    doc = parse_html(_md_html(source))
    paragraphs = [text for tag, text in doc.blocks if tag == "p"]
    for line in HOSTILE:
        assert paragraphs.count(line.strip()) == 5, line
    headings = [(tag, text) for tag, text in doc.blocks if tag.startswith("h")]
    assert headings[0] == ("h1", "某局<b>|#2024年政府信息公开工作年度报告")
    assert [tag for tag, _ in headings].count("h2") == 6


def test_markdown_tables_keep_their_columns() -> None:
    source = render_report(_hostile_draft(), "md", force=True)
    assert isinstance(source, str)
    tables = parse_html(_md_html(source)).tables
    assert [len(t.rows) for t in tables] == [14, 28, 4]
    for table, width in zip(tables, (4, 10, 15), strict=True):
        assert {len(row) for row in table.rows} == {width}


def test_plain_text_keeps_author_text(hostile: Draft) -> None:
    text = render_report(hostile, "txt", force=True)
    assert isinstance(text, str)
    lines = [line.strip() for line in text.splitlines()]
    for line in HOSTILE:
        assert lines.count(line.strip()) == 5, line


def test_text_formats_end_with_the_signoff(seed: Draft) -> None:
    for fmt in ("md", "txt"):
        text = render_report(seed, fmt)
        assert isinstance(text, str)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-2:] == ["沈阳市人民政府外事办公室", "2025年1月22日"]
        assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize("template", ["report.txt.j2", "report.list.txt.j2"])
def test_text_signoff_is_right_aligned_with_ideographic_spaces(seed: Draft, template: str) -> None:
    from assistant.render import render_template
    from assistant.render.text import width

    agency, date = render_template(template, seed).rstrip("\n").splitlines()[-2:]
    assert agency.lstrip("\u3000") == "沈阳市人民政府外事办公室"
    assert date.lstrip("\u3000") == "2025年1月22日"
    # The date ends four characters before the 28th; the agency is centred over it.
    assert 2 * (28 - 4) - 2 < width(date) <= 2 * (28 - 4)
    date_mid = width(date) - width("2025年1月22日") / 2
    agency_mid = width(agency) - width("沈阳市人民政府外事办公室") / 2
    assert abs(date_mid - agency_mid) <= 2


def test_render_module_all() -> None:
    assert set(render.__all__) >= {"render_report", "FORMATS"}
