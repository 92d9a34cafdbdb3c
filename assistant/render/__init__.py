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
from pathlib import Path
from typing import TYPE_CHECKING, Final

from assistant.core.draft import Draft
from assistant.core.findings import Finding
from assistant.core.format import SECTION_BY_KEY
from assistant.core.spacing import spaced
from assistant.errors import NianbaoError, RenderRefused

# How findings are worded lives in assistant.render.findings; these names stay importable from
# here for the callers that have not moved yet.
from assistant.render.findings import describe_finding, describe_location, finding_text, rule_note

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


REFUSAL_SHOWN: Final = 10
"""How many blocking findings a refusal lists; ``nianbao check`` lists them all."""


def _section_name(key: str | None) -> str:
    if key == "meta":
        return "基本信息"
    section = SECTION_BY_KEY.get(key or "")
    return section.title if section is not None else "其他"


def _shell_word(path: Path) -> str:
    text = str(path)
    return f'"{text}"' if any(c in text for c in " \t'\"$`\\!*?;&|<>()[]{}#~") else text


def refusal(blocking: list[Finding], draft: Path | None = None) -> RenderRefused:
    """The error raised when rendering is asked for while ``blocking`` is non-empty: a summary
    (how many per section, the first few, each once) and what to run next."""
    lines = [f"报告还不能生成：还有 {len(blocking)} 个问题需要先修改或确认。"]
    per_section: dict[str, int] = {}
    for finding in blocking:
        name = _section_name(finding.location.section)
        per_section[name] = per_section.get(name, 0) + 1
    if len(per_section) > 1:
        counts = "；".join(f"{name} {count} 个" for name, count in per_section.items())
        lines.append(f"  其中：{counts}。")
    shown = list(dict.fromkeys(describe_finding(f) for f in blocking))
    lines += [f"  {line}" for line in shown[:REFUSAL_SHOWN]]
    if len(shown) > REFUSAL_SHOWN:
        lines.append(f"  ……其余 {len(shown) - REFUSAL_SHOWN} 个没有列出。")
    name = _shell_word(draft) if draft is not None else "草稿文件"
    lines.append(
        f"运行 nianbao {name} 继续回答问题，或运行 nianbao check {name} 查看全部问题和修改方法。"
    )
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
    unavailable = spaced(f"暂时无法生成{spec.label}：{{}}。") + "请改用 md、html 或 txt 格式。"
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
    """The report environment: autoescape for *.html.j2, the table filters."""
    from assistant.render import markdown, text
    from assistant.render.jinja import make_environment
    from assistant.resources import templates_dir

    return make_environment(
        templates_dir(),
        filters={
            "md": markdown.escape,
            "md_table": markdown.pipe_table,
            "text_table": text.text_table,
            "records": text.records,
            "signoff": text.view_signoff,
        },
        html_autoescape=True,
    )


__all__ = [
    "FORMATS",
    "OutputFormat",
    "describe_finding",
    "describe_location",
    "finding_text",
    "output_format",
    "refusal",
    "render_report",
    "rule_note",
]
