"""Chinese messages for what can be wrong in a draft file, and where in the file it is."""

from __future__ import annotations

import re
from typing import Any, Final

from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, SequenceNode

from assistant.store.migrations import Loc, loc_in_file
from assistant.store.yamlio import mapping_items

GENERIC_YAML: Final = "YAML 格式有误，请检查这一行附近的缩进、冒号和引号"

# (fragment of PyYAML's or libyaml's English problem text, what to tell the author)
_YAML_PROBLEMS: Final = (
    ("tab character", "缩进只能用空格，不能用制表符（Tab）"),
    ("mapping values are not allowed", "这里不能出现“键: 值”（缩进不对，或文字中的冒号要加引号）"),
    ("could not find expected ':'", "缺少冒号“:”，或上一行的引号没有闭合"),
    ("did not find expected key", "缩进不一致：这一行应与同级的键对齐"),
    ("did not find expected '-'", "列表项缩进不一致：“- ”应与同级的列表项对齐"),
    ("block sequence entries are not allowed", "这里不能出现以“- ”开头的列表项（缩进不对）"),
    ("unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("expected ',' or ']'", "方括号“[ ]”没有闭合"),
    ("expected ',' or '}'", "花括号“{ }”没有闭合"),
    ("unknown escape character", "双引号内有无效的转义写法（“\\”后的字符不对）"),
    ("cannot start any token", "这一行含有不能出现在这里的字符（如“@”“`”开头）"),
    ("expected a single document", "文件里只能有一份草稿（发现了多个“---”）"),
    ("but found another document", "文件里只能有一份草稿（发现了多个“---”）"),
    ("constructor for the tag", "不支持以“!”开头的类型标记"),
    ("undefined tag handle", "不支持以“!”开头的类型标记"),
    ("alias", "不支持锚点和别名（“&”“*”写法）"),
    ("anchor", "不支持锚点和别名（“&”“*”写法）"),
    ("control characters", "文件中含有不可见的控制字符"),
    ("unhashable key", "键不能是列表或映射"),
)


def yaml_problem(problem: str | None) -> str:
    """A Chinese sentence for a YAML syntax problem."""
    text = (problem or "").lower()
    for fragment, message in _YAML_PROBLEMS:
        if fragment in text:
            return message
    return GENERIC_YAML


def _choices(expected: str) -> str:
    return "、".join(re.findall(r"'([^']*)'", expected)) or expected


def validation_message(error: ErrorDetails) -> str:
    """A Chinese sentence for one pydantic validation error."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "extra_forbidden":
        return "没有这一项（可能是拼写错误，或来自别的程序）"
    if kind == "missing":
        return "缺少这一项"
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return "应为整数，如 12"
    if kind in ("greater_than_equal", "greater_than"):
        return f"不能小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"不能大于 {ctx.get('le', ctx.get('lt'))}"
    if kind.startswith("decimal") or kind in ("finite_number", "float_type", "float_parsing"):
        return "应为数字，如 12.5"
    if kind.startswith("string"):
        return "应为文字"
    if kind.startswith("bool"):
        return "应为 true（是）或 false（否）"
    if kind.startswith("date"):
        return "应为日期，写成 2025-01-22 的样子"
    if kind == "enum":
        return f"应为以下之一：{_choices(str(ctx.get('expected', '')))}"
    if kind in ("list_type", "tuple_type", "set_type"):
        return "应为列表（每项一行，以“- ”开头）"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "应为下一级的“键: 值”"
    if kind == "value_error":
        return str(ctx.get("error", "取值不符合要求"))
    return "取值不符合要求"


def locate(root: Node, loc: Loc) -> tuple[int, int]:
    """(1-based line, parts of ``loc`` found) of the deepest key of ``loc`` present in the file."""
    node = root
    line = root.start_mark.line + 1
    found = 0
    for part in loc:
        if isinstance(node, MappingNode):
            for key, value in mapping_items(node):
                if key.value == part:
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                break
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            items: list[Node] = node.value
            if not 0 <= part < len(items):
                break
            node = items[part]
            line = node.start_mark.line + 1
        else:
            break
        found += 1
    return line, found


def _where(error: ErrorDetails, root: Node, version: int) -> tuple[int, Loc, bool]:
    """(line, the part of the error's loc found in the file, whether all of it was found)."""
    file_loc = loc_in_file(tuple(error["loc"]), version)
    line, found = locate(root, file_loc)
    if error["type"] == "missing":
        found = min(found + 1, len(file_loc))
    return line, file_loc[:found], found == len(file_loc)


def describe_validation(
    errors: list[ErrorDetails], root: Node, version: int
) -> tuple[int, str, str]:
    """(line, dotted field, message) for the first error; the others are counted in the message."""
    line, shown, complete = _where(errors[0], root, version)
    # Only a union (the interview's answers) has loc parts that are not in the file: one per
    # member type that was tried. Naming each type would not help the author.
    message = validation_message(errors[0]) if complete else "取值的类型不对"
    others = {_where(error, root, version)[1] for error in errors[1:]} - {shown}
    if others:
        message += f"（另有 {len(others)} 处问题）"
    return line, ".".join(str(part) for part in shown), message
