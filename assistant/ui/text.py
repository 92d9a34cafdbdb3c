"""What the terminal UI says besides the interview's own messages (``interview.messages``):
the bubbles, the save and review sentences. Kept apart so the screens read as behaviour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from pathlib import Path

from textual.content import Content

from assistant.core.findings import SEVERITY_LABEL, Finding, Severity
from assistant.core.questions import Kind, Question
from assistant.core.spacing import spaced
from assistant.errors import NianbaoError
from assistant.interview.messages import MULTILINE_KINDS
from assistant.interview.session import display_path
from assistant.render.findings import describe_finding

SAVE_RECOVERED = "草稿已重新保存成功，没有丢失任何回答。"
SAVE_AS_PROMPT = "新的草稿文件名（完整路径，或相对于当前草稿所在的文件夹）："
NO_QUESTION_FOR_FINDING = "这一项没有对应的单个问题，请按修改方法在相应部分修改。"
DRAFT_NOTE = (
    "以下是根据您的回答起草的段落，可直接提交、修改或全部替换（Ctrl+S 提交，F7 全选后输入即替换）："
)


def submit_key(question: Question | None) -> str:
    """The key that submits an answer to ``question``: Ctrl+S in the editor, else Enter."""
    return "Ctrl+S" if question is not None and question.kind in MULTILINE_KINDS else "Enter"


def keyed_hint(question: Question) -> str:
    """The question's hint with "直接回车" said as the key that submits in this box.

    The prompts are shared with --plain, where an empty line is typed with Enter; in the
    multi-line editor Enter makes a new line, so the hint must name Ctrl+S instead.
    """
    if question.kind not in MULTILINE_KINDS:
        return question.hint
    return spaced(question.hint.replace("直接回车", "直接按 Ctrl+S").replace("回车", "Ctrl+S"))


def jumped(question: Question) -> str:
    """After a jump from the review: how to keep going."""
    return (
        f"回到这道题修改。改好后按 {submit_key(question)}，会继续下一题；"
        "输入 /continue 回到未答的问题。"
    )


def revisit_hint(question: Question) -> str:
    """Under the input of an answered question: keep it, replace it, or go on."""
    if question.kind in MULTILINE_KINDS:
        return (
            "（这题已经回答过：直接按 Ctrl+S 保留原答案，F7 全选后输入即替换；"
            "输入 /continue 回到未答的问题。）"
        )
    return (
        "（这题已经回答过：直接按 Enter 保留原答案，输入即替换；输入 /continue 回到未答的问题。）"
    )


def question_bubble(question: Question) -> Content:
    """The ask in bold, the one-line hint, and the options of a choice."""
    parts: list[Content | str] = [Content.styled(question.ask, "bold")]
    if question.kind in (Kind.CHOICE, Kind.MULTICHOICE):
        for number, option in enumerate(question.options, start=1):
            parts += ["\n", f"  {number}. {option.list_label}"]
    hint = keyed_hint(question)
    parts += ["\n", Content.styled(hint, "$text-muted")]
    if not question.required and "跳过" not in hint and "直接" not in hint:
        optional = f"（选答：没有可直接按 {submit_key(question)} 跳过）"
        parts += ["\n", Content.styled(optional, "$text-muted")]
    return Content.assemble(*parts)


def why_bubble(question: Question) -> Content:
    return Content.assemble(
        Content.styled("为什么问：", "bold"),
        question.why,
        "\n",
        Content.styled("示例：", "bold"),
        question.example,
    )


def findings_summary(
    findings: Sequence[Finding],
    unanswered: int | None = None,
    acknowledged: Collection[str] = (),
) -> str:
    """The /check answer: counts, then one line per finding (missing answers counted only).

    ``unanswered`` is the number of questions still open, as the sidebar counts them; the
    missing answers are counted in questions then, not in table cells (one question can fill
    many)."""
    missing = [f for f in findings if f.rule == "REQ"]
    shown = [f for f in findings if f.rule != "REQ"]
    if not shown and not missing and not unanswered:
        return "检查完毕：没有发现问题。"
    counts = {s: sum(1 for f in shown if f.severity is s) for s in Severity}
    head = "检查完毕：" + "，".join(f"{SEVERITY_LABEL[s]} {n} 项" for s, n in counts.items() if n)
    if unanswered:
        head += ("，" if shown else "") + f"尚未回答 {unanswered} 题"
    elif missing:
        head += ("，" if shown else "") + f"尚未填写 {len(missing)} 项"
    lines = [head]
    for finding in shown[:12]:
        seen = "（已确认）" if finding.key in acknowledged else ""
        lines.append(f"- {describe_finding(finding)}{seen}")
    if len(shown) > 12:
        lines.append(f"另有 {len(shown) - 12} 项，按 Ctrl+R 在审阅页查看全部。")
    return "\n".join(lines)


def answer_findings(findings: Sequence[Finding]) -> str:
    """Right after an answer: what the checks now find wrong there, and how to fix it."""
    lines = ["注意：刚才的回答让检查发现了问题（可以现在改，也可以稍后在审阅页处理）："]
    for finding in findings:
        lines.append(f"- [{SEVERITY_LABEL[finding.severity]}] {finding.message}")
        lines.append(f"  修改方法：{finding.fix}")
    return "\n".join(lines)


def save_failed(error: NianbaoError) -> str:
    detail = str(error).rstrip("。")
    return f"注意：{detail}。回答保留在内存中，会自动重试；也可按 Ctrl+O 另存到其他位置。"


def opened_state(path: Path) -> str:
    """The save state of a draft just opened: on disk since its last change."""
    try:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return "已打开"
    return (
        f"已保存 {stamp:%H:%M}"
        if stamp.date() == dt.date.today()
        else f"已保存 {stamp:%m-%d %H:%M}"
    )


def short_reason(error: NianbaoError) -> str:
    """The cause of a save error without its path: "磁盘已满" from "…：磁盘已满。"."""
    message = str(error)
    reason = message.rpartition("：")[2] if "：" in message else message
    return reason.split("。")[0].strip() or message


def save_state_failing(error: NianbaoError) -> str:
    return f"未保存：{short_reason(error)}，正在重试..."


def short_ask(ask: str, limit: int = 24) -> str:
    """The ask up to its first clause: "请填写本机关的全称" from "请填写本机关的全称，它会…"."""
    cut = len(ask)
    for mark in "：，；":
        index = ask.find(mark)
        if 0 < index < cut:
            cut = index
    question = ask.find("？")
    if 0 < question < cut:
        cut = question + 1
    short = ask[:cut]
    return short if len(short) <= limit else short[: limit - 1] + "..."


def review_head(findings: Sequence[Finding], blocking: Sequence[Finding]) -> str:
    errors = sum(1 for f in blocking if f.severity is Severity.ERROR)
    warnings = len(blocking) - errors
    notices = sum(1 for f in findings if f.severity is Severity.NOTICE)
    if not blocking:
        head = "检查通过：没有需要修改或确认的问题，可以生成报告。"
    else:
        head = (
            f"生成报告前还需处理：错误 {errors} 项（须修改），警告 {warnings} 项（须确认或修改）。"
        )
    if notices:
        head += f"另有提示 {notices} 项，仅供参考。"
    return head + "\nTab 在各项之间移动：Enter 跳到对应的问题修改，空格 确认警告；Esc 返回对话。"


CONFIRM_ALL = "全部确认（按上年的内容保留）"


def to_confirm(carried: Sequence[Finding]) -> str:
    """The list above the 全部确认 button: each carried value still to confirm."""
    lines = [f"以下 {len(carried)} 项沿用了上一年的内容，核对无误可一次全部确认："]
    lines += [f"  - {f.message.removesuffix('，尚未确认。')}" for f in carried]
    return "\n".join(lines)


def confirmed_all(count: int) -> str:
    return f"已确认 {count} 项沿用上一年的内容。"


def still_blocking(blocking: Sequence[Finding]) -> str:
    return f"还不能生成：有 {len(blocking)} 项需要先修改或确认（见上方标出的错误和警告）。"


NOW_READY = "所有需要处理的项目都已修改或确认，可以生成报告了（Ctrl+R）。"


def overwrite_question(path: Path) -> str:
    return f"{path} 已经存在。要用新生成的报告覆盖它吗？"


def appeared(path: Path) -> str:
    return f"{path} 刚刚被别的程序建立，为免覆盖没有写入；请按 Ctrl+R 重新生成。"


def written_summary(written: Sequence[tuple[str, Path]], errors: Sequence[str]) -> str:
    lines = []
    if written:
        lines.append("已生成：")
        lines += [f"  {display_path(path)}" for _, path in written]
    if errors:
        lines.append("未能生成：")
        lines += [f"  {error}" for error in errors]
    return "\n".join(lines)


def missing_facts(questions: Sequence[Question]) -> str:
    """Why a narrative comes without a draft: the facts the author skipped."""
    asks = "；".join(short_ask(q.ask.partition("”）")[2] or q.ask, 30) for q in questions)
    return (
        f"起草这一段还需要您跳过的情况：{asks}。可以按 Ctrl+N 把这段也留到最后"
        "（补答后会自动起草），或者直接自己写。"
    )


def typed_similarity(warning: str) -> str:
    """E17 under the editor, while typing."""
    return f"提醒：{warning}（不影响提交）"


def submitted_similarity(warning: str) -> str:
    """E17 in the transcript, after the answer was accepted."""
    return f"提醒：{warning}已保存，不影响继续；审阅时会列为警告，可以修改，也可以确认后保留。"
