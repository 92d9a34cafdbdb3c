"""The slash commands: one table read by every front end's input, the footer keys, the palette
and /help, and the words ``/goto`` understands. No textual here."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core import format as fmt
from assistant.core.questions import META, META_TITLE, SECTION_KEYS


@dataclass(frozen=True)
class CommandSpec:
    """A command the author can type (``/name``), press (``key``) or pick in the palette."""

    name: str
    action: str
    """What it does: the driver's command, and the TUI's ``action_<action>``."""
    summary: str
    footer: str
    """The short label on the footer key and in the key bindings."""
    key: str | None = None
    """The key that runs it, as textual names it."""
    key_label: str | None = None
    """How the key is written for people."""
    argument: str | None = None
    """What the command takes after its name, for /help."""
    aliases: tuple[str, ...] = ()
    """Other names people may type (Chinese, short forms)."""
    in_footer: bool = False
    """Shown in the footer (every command with a key is in the palette and /help)."""

    def usage(self) -> str:
        """``/goto <部分>`` as /help writes it."""
        return f"/{self.name}" + (f" <{self.argument}>" if self.argument else "")


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "why",
        "why",
        "为什么问这个问题：说明、依据和示例",
        "说明",
        "f1",
        "F1",
        aliases=("为什么",),
        in_footer=True,
    ),
    CommandSpec(
        "back",
        "back",
        "回到上一题（已答内容不会丢失）",
        "上一题",
        "ctrl+t",
        "Ctrl+T",
        aliases=("b", "上一题", "返回"),
        in_footer=True,
    ),
    CommandSpec(
        "skip",
        "skip",
        "跳过此题，稍后再答（最后会列出）",
        "跳过",
        "ctrl+n",
        "Ctrl+N",
        aliases=("跳过",),
        in_footer=True,
    ),
    CommandSpec(
        "goto",
        "goto",
        "跳转到某一部分，如 /goto 三",
        "跳转",
        "ctrl+g",
        "Ctrl+G",
        argument="部分",
        aliases=("g", "跳转"),
        in_footer=True,
    ),
    CommandSpec("continue", "resume", "回到第一道未答的问题", "继续", aliases=("继续",)),
    CommandSpec(
        "check", "check", "检查：列出错误、警告和提示", "检查", "f3", "F3", aliases=("检查",)
    ),
    CommandSpec(
        "preview",
        "preview",
        "显示或隐藏报告预览",
        "预览",
        "f2",
        "F2",
        aliases=("预览",),
        in_footer=True,
    ),
    CommandSpec(
        "lastyear", "prior", "显示或收起上一年度的写法", "上年", "f5", "F5", aliases=("上年",)
    ),
    CommandSpec(
        "render",
        "render",
        "审阅全部回答并生成报告文件",
        "生成",
        "ctrl+r",
        "Ctrl+R",
        aliases=("生成",),
        in_footer=True,
    ),
    CommandSpec(
        "saveas",
        "save_as",
        "把草稿另存到其他位置",
        "另存为",
        "ctrl+o",
        "Ctrl+O",
        aliases=("另存为",),
        in_footer=True,
    ),
    CommandSpec(
        "scope",
        "scope",
        "汇总草稿的统计口径：本机关，或本行政区域汇总",
        "口径",
        argument="本机关或汇总",
        aliases=("口径",),
    ),
    CommandSpec(
        "redraft", "redraft", "按新数字重写起草的这一段", "重写", "f8", "F8", aliases=("重写",)
    ),
    CommandSpec(
        "editor",
        "editor",
        "在自己的编辑器（如记事本）中写这一段，保存并关闭编辑器后取回",
        "编辑器",
        "f9",
        "F9",
        aliases=("编辑器", "记事本"),
    ),
    CommandSpec("help", "help", "列出所有命令和按键", "帮助", "f4", "F4", aliases=("帮助", "h")),
    CommandSpec(
        "quit",
        "quit",
        "退出（已接受的回答都已保存）",
        "退出",
        "ctrl+q",
        "Ctrl+Q",
        aliases=("q", "退出"),
        in_footer=True,
    ),
)
COMMAND_BY_NAME = {c.name: c for c in COMMANDS}
COMMAND_BY_ACTION = {c.action: c for c in COMMANDS}
ALIASES: dict[str, str] = {alias: c.name for c in COMMANDS for alias in c.aliases}
"""Every other name people may type, to the command's name."""


def command_ref(action: str, *, keys: bool) -> str:
    """How a message names a command: its key where there are keys (Ctrl+R), else ``/render``."""
    spec = COMMAND_BY_ACTION[action]
    return spec.key_label if keys and spec.key_label else f"/{spec.name}"


@dataclass(frozen=True)
class TypedCommand:
    spec: CommandSpec
    argument: str


def parse_command(text: str) -> TypedCommand | None:
    """``/goto 三`` → the goto command with argument ``三``; None if ``text`` is not a command.

    Full-width ``／`` counts as ``/``: Chinese input methods type it.
    """
    stripped = text.strip()
    if not stripped or stripped[0] not in "/／" or "\n" in stripped:
        return None
    name, _, argument = stripped[1:].partition(" ")
    name = ALIASES.get(name.lower(), name.lower())
    spec = COMMAND_BY_NAME.get(name)
    if spec is None:
        return None
    return TypedCommand(spec, argument.strip())


SLASHES = "/／"


def strip_prefill(text: str, prefill: str) -> str:
    """A command typed before or after the prefilled text (``县级…/continue``) → ``/continue``.

    The prefill is selected so typing replaces it, but a cursor moved first (End, Home) leaves
    it in place: a slash line beside the untouched prefill is still the command. Returns
    ``text`` unchanged when there is no such slash line.
    """
    stripped = text.strip()
    core = prefill.strip()
    if not core or stripped == core:
        return text
    if parse_command(text) is not None:
        return text  # a command as typed (the prefill was replaced)
    if stripped.startswith(core):
        rest = stripped[len(core) :].strip()
        if rest.startswith(tuple(SLASHES)):
            return rest
    if stripped.endswith(core):
        head = stripped[: -len(core)].strip()
        if head.startswith(tuple(SLASHES)):
            return head
    return text


def is_help_request(text: str) -> bool:
    """``?`` or ``？`` alone: the author asks why this question is asked."""
    return text.strip() in ("?", "？")


def looks_like_command(text: str) -> bool:
    """True for one short line starting with a slash: an unknown command, not an answer."""
    stripped = text.strip()
    return bool(stripped) and stripped[0] in "/／" and "\n" not in stripped and len(stripped) < 40


_NUMBERS = "一二三四五六"


def resolve_section(argument: str) -> str | None:
    """The section meant by ``三``, ``3``, ``三、``, ``表三``, a key, ``基本信息`` or a title."""
    text = argument.strip().rstrip("、.． ")
    if not text:
        return None
    if text in SECTION_KEYS:
        return text
    if text in (META_TITLE, "基本", "0", "〇", "零"):
        return META
    if text.isdigit() and 1 <= int(text) <= len(fmt.SECTIONS):
        return fmt.SECTIONS[int(text) - 1].key
    for section in fmt.SECTIONS:
        if text in (section.number, section.title) or (len(text) >= 2 and text in section.name):
            return section.key
    if len(text) == 1 and text in _NUMBERS:
        return fmt.SECTIONS[_NUMBERS.index(text)].key
    return _table_section(text)


def _table_section(text: str) -> str | None:
    """``表三``, ``表3`` (the tables' own names, used in findings) → their section."""
    for key, name in fmt.TABLE_NAMES.items():
        number = _NUMBERS.index(name[1]) + 1
        if text in (name, f"表{number}"):
            return key
    return None


def help_lines(*, keys: bool = True) -> list[str]:
    """One line per command, for /help (with its key where the front end has keys)."""
    lines = []
    for spec in COMMANDS:
        key = f"（{spec.key_label}）" if keys and spec.key_label else ""
        lines.append(f"{spec.usage()}{key}：{spec.summary}")
    return lines
