"""The report in every output format: md, html, txt from jinja2 templates; docx, pdf by writers.

Every format is built from the same view (``assistant.render.view``). Rendering is refused while
the checks report errors or unacknowledged warnings, unless forced. jinja2 is imported only when
a template format is rendered, so commands that never render do not pay for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from assistant.core.draft import Draft
from assistant.core.findings import SEVERITY_LABEL, Finding
from assistant.core.format import SECTION_BY_KEY
from assistant.errors import NianbaoError, RenderRefused

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class OutputFormat:
    """One output format of the registry."""

    name: str
    label: str
    """What it is, in Chinese, for messages and help."""
    binary: bool
    """True for docx and pdf: bytes, never written to a terminal."""
    template: str | None = None
    """The jinja2 template under templates/, for text formats."""
    writer: str | None = None
    """``module:function`` rendering ``Draft -> bytes``, imported only when used."""

    @property
    def suffix(self) -> str:
        return f".{self.name}"


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("md", "Markdown 文本", binary=False, template="report.md.j2"),
        OutputFormat("html", "网页（HTML）", binary=False, template="report.html.j2"),
        OutputFormat("txt", "纯文本", binary=False, template="report.txt.j2"),
        OutputFormat("docx", "Word 文档", binary=True, writer="assistant.render.docx:render_docx"),
        OutputFormat("pdf", "PDF 文档", binary=True, writer="assistant.render.pdf:render_pdf"),
    )
}


def output_format(name: str) -> OutputFormat:
    """The registry entry for ``name``; a Chinese error for an unknown format."""
    try:
        return FORMATS[name]
    except KeyError:
        choices = "、".join(FORMATS)
        raise NianbaoError(f"不支持的报告格式：{name}。可选的格式有：{choices}。") from None


def describe_location(finding: Finding) -> str:
    """Where a finding sits, in Chinese, for one-line listings."""
    loc = finding.location
    if loc.text:
        return loc.text
    section = SECTION_BY_KEY.get(loc.section or "")
    parts = [section.title if section else loc.section, loc.table, loc.field]
    return " ".join(p for p in parts if p) or "全文"


def describe_finding(finding: Finding) -> str:
    """``[错误] 位置：说明`` on one line."""
    severity = SEVERITY_LABEL[finding.severity]
    return f"[{severity}] {describe_location(finding)}：{finding.message}"


def refusal(blocking: list[Finding]) -> RenderRefused:
    """The error raised when rendering is asked for while ``blocking`` is non-empty."""
    lines = [f"报告还不能生成：有 {len(blocking)} 个问题需要先修改或确认。"]
    lines += [f"  {describe_finding(f)}" for f in blocking]
    lines.append("运行 `nianbao check 草稿文件` 查看每个问题的修改方法。")
    return RenderRefused("\n".join(lines))


def render_report(draft: Draft, fmt: str, *, force: bool = False) -> str | bytes:
    """The report in format ``fmt`` (md, html, txt: str; docx, pdf: bytes).

    Raises RenderRefused while ``blocking_findings`` is non-empty, unless ``force`` is set (then
    unanswered cells print empty). Raises NianbaoError for an unknown or unavailable format.
    """
    spec = output_format(fmt)
    if not force:
        from assistant.core.checks import blocking_findings

        blocking = blocking_findings(draft)
        if blocking:
            raise refusal(blocking)
    if spec.template is not None:
        return render_template(spec.template, draft)
    assert spec.writer is not None
    return _writer(spec)(draft)


def render_template(name: str, draft: Draft) -> str:
    """A template of templates/ rendered with the draft's view (no checks)."""
    from assistant.render.view import build_view

    return environment().get_template(name).render(view=build_view(draft))


def _writer(spec: OutputFormat) -> Callable[[Draft], bytes]:
    assert spec.writer is not None
    module_name, _, function = spec.writer.partition(":")
    unavailable = f"暂时无法生成{spec.label}：{{}}。请改用 md、html 或 txt 格式。"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name is not None and module_name.startswith(error.name):
            raise NianbaoError(unavailable.format("此功能尚未安装")) from None
        raise NianbaoError(unavailable.format(f"缺少所需的组件 {error.name}")) from None
    writer: Callable[[Draft], bytes] | None = getattr(module, function, None)
    if writer is None:
        raise NianbaoError(unavailable.format("此功能尚未安装"))
    return writer


@cache
def environment() -> jinja2.Environment:
    """The one jinja2 environment: StrictUndefined, autoescape for *.html.j2, our filters."""
    import jinja2

    from assistant.render import markdown, text
    from assistant.resources import templates_dir

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=False, default=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = markdown.escape
    env.filters["md_table"] = markdown.pipe_table
    env.filters["text_table"] = text.text_table
    return env


__all__ = [
    "FORMATS",
    "OutputFormat",
    "describe_finding",
    "describe_location",
    "output_format",
    "refusal",
    "render_report",
]
