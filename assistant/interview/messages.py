"""What the interview says, in Chinese, in every front end.

A message that names a command names it the way the author can run it: by its key in the TUI
(``keys=True``: "按 Ctrl+R"), by its slash command in ``--plain`` ("输入 /render").
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.core import flow
from assistant.core import format as fmt
from assistant.core.draft import Draft
from assistant.core.questions import Kind, Question, section_title
from assistant.interview.commands import command_ref

MULTILINE_KINDS = (Kind.NARRATIVE, Kind.LINES)
"""Kinds answered in several lines (the TUI's multi-line editor, --plain's "." ending)."""
AT_START = "已经是第一题了。"
KEPT = "保留原来的回答，继续下一题。"
SKIPPED = "已跳过：这题稍后再答（最后会列出）。"
ALREADY_THERE = "现在这道题就是第一道还没回答的问题，请在下面回答。"
LONG_ANSWER_SHOWN = 300
"""A longer echoed answer shows its start and the length."""


def run(action: str, *, keys: bool) -> str:
    """ "按 Ctrl+R" in the TUI, "输入 /render" in --plain."""
    return f"{'按' if keys else '输入'} {command_ref(action, keys=keys)}"


def all_done(*, keys: bool) -> str:
    render = command_ref("render", keys=keys)
    return f"所有必答问题都已回答。接下来请审阅检查结果并生成报告（{render}）。"


def nothing_to_answer(*, keys: bool) -> str:
    return (
        f"现在没有待回答的问题。{run('render', keys=keys)} 审阅并生成报告，"
        "或输入 /goto <部分> 修改回答。"
    )


def read_only_refused(*, keys: bool) -> str:
    return (
        "只读模式：这份草稿正被另一个会话使用，回答不会保存。"
        f"{run('save_as', keys=keys)} 可另存为新文件后继续编辑。"
    )


def goto_hint(*, keys: bool) -> str:
    if keys:
        return "请在左侧用上下方向键选择部分，按 Enter 跳转；也可以输入 /goto 三。"
    return "请在 /goto 后面写上部分，例如 /goto 三 或 /goto 基本信息。"


def deferred_list(questions: Sequence[Question], *, keys: bool) -> str:
    lines = [
        f"下面这些问题您选择了稍后再答，现在逐一补上（仍可{run('skip', keys=keys)} 暂时跳过）："
    ]
    lines += [f"{n}. {section_title(q.section)}：{q.ask}" for n, q in enumerate(questions, 1)]
    return "\n".join(lines)


def deferred_left(count: int, *, keys: bool) -> str:
    where = (
        "审阅页会列出它们，选中后按 Enter 即可回答。"
        if keys
        else "检查结果会列出它们，并回到第一道。"
    )
    return f"还有 {count} 道跳过的问题没有回答，报告需要它们。{where}"


def unknown_command(typed: str) -> str:
    return f"没有「{typed}」这个命令。输入 /help 查看可用的命令。"


def unknown_section(typed: str) -> str:
    return f"没有找到「{typed}」这一部分。请输入 一 到 六，或「基本信息」，例如 /goto 三。"


def section_empty(section: str) -> str:
    return f"{section_title(section)}目前没有需要回答的问题。"


def shown_answer(answer: str) -> str:
    """An accepted answer as the conversation echoes it, shortened when very long."""
    if len(answer) > LONG_ANSWER_SHOWN:
        return f"{answer[:LONG_ANSWER_SHOWN]}...（共 {len(answer)} 字）"
    return answer


def echo(draft: Draft, question: Question) -> str:
    """How the conversation echoes the answer ``question`` just got in ``draft``.

    A choice is echoed as listed (without the item's own number the list repeats); an optional
    yes/no passed with Enter means 否 (its condition tests for 是), other passed answers 不填.
    """
    value = flow.stored_value(draft, question)
    if value is None:
        return "否" if question.kind is Kind.YESNO else "（不填）"
    by_value = {o.value: o.list_label for o in question.options}
    if question.kind is Kind.CHOICE and isinstance(value, str):
        return shown_answer(by_value.get(value, value))
    if question.kind is Kind.MULTICHOICE and isinstance(value, list) and value:
        return shown_answer("、".join(by_value.get(v, str(v)) for v in value))
    shown = flow.current_answer(draft, question)
    return shown_answer(shown) if shown is not None else "（不填）"


def one_line(answer: str, limit: int = 60) -> str:
    """An answer on one line: line breaks shown as a slash, long text cut (with its length)."""
    flat = answer.replace("\n", " / ")
    return flat if len(flat) <= limit else f"{flat[:limit]}...（共 {len(answer)} 字）"


NOTHING_TO_REDRAFT = "这道题没有需要按新数字重写的段落。"


def part_title(question: Question) -> str:
    """The part a narrative writes: "（三）政府信息管理", else its section's title."""
    head, _, key = (question.field or "").partition(".")
    if head == "overview" and key in fmt.OVERVIEW_TOPIC_BY_KEY:
        return fmt.OVERVIEW_TOPIC_BY_KEY[key].title
    return section_title(question.section)


def redrafted(question: Question) -> str:
    return f"引用的数字变了：已按新的数字重写「{part_title(question)}」这一段。"


def redraft_hint(*, keys: bool) -> str:
    return f"回到这道题后{run('redraft', keys=keys)} 按新数字重写，或自己改正。"


def no_prior_text() -> str:
    return "这道题没有上一年度的写法可看（用 nianbao next-year 从上一年的草稿或年报开始时才有）。"


def greeting(
    path: str,
    draft: Draft,
    questions: Sequence[Question],
    *,
    is_new: bool,
    read_only: bool,
    keys: bool,
) -> str:
    """Hello for a new draft; 欢迎回来 with where the author left off and what remains.

    ``path`` is the draft's path as the front end shows it.
    """
    progress = flow.progress(draft, questions)
    answered = sum(a for a, _ in progress.values())
    lines: list[str] = []
    if read_only:
        lines.append(f"以只读方式打开 {path}：可以浏览、预览和检查，回答不会保存。")
    # Fresh from next-year: only the year is set (the carried values await confirmation).
    carried = (
        draft.prior.year is not None
        and not draft.interview.skipped
        and not any(
            q.field != "meta.year" and flow.is_answered(draft, q)
            for q in flow.visible_questions(draft, questions)
        )
    )
    if is_new or answered == 0 or carried:
        hello = (
            f"您好！这份 {draft.meta.year} 年度的草稿是根据 {draft.prior.year} 年的报告生成的："
            "机关信息和上年结转已经填好，问到时核对一下，回答即确认；其余按本年度的情况填写。"
            if carried
            else "您好！我是年报助手，会按报告的顺序一题一题地询问政府信息公开工作年度报告的内容。"
        )
        lines += [
            hello,
            f"每个回答都会立即保存到 {path}，随时可以退出，下次打开会从这里继续。",
            f"{command_ref('why', keys=keys)} 查看为什么问这道题和示例；输入 /help 查看全部命令。"
            if keys
            else "输入 ? 查看为什么问这道题和示例，输入 /help 查看全部命令。",
        ]
        return "\n".join(lines)
    lines.append(f"欢迎回来！草稿：{path}")
    following = flow.next_question(draft, questions)
    if following is not None:
        lines.append(f"上次答到：{section_title(following.section)}，{following.ask}")
    remaining = [
        f"{section_title(key)}（{required - done} 项）"
        for key, (done, required) in progress.items()
        if required > done
    ]
    if remaining:
        lines.append("还需要回答：" + "；".join(remaining))
    # With nothing left, the interview says so itself (all_done) right after this greeting.
    if draft.interview.skipped:
        lines.append(f"另有 {len(draft.interview.skipped)} 道跳过的问题，最后会列出。")
    return "\n".join(lines)
