"""Draft ⇄ text: ``dump_draft`` writes the file's text, ``parse_draft`` reads it back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assistant.core.draft import SCHEMA_VERSION, Draft
from assistant.errors import DraftLoadError, SaveError
from assistant.store import layout, messages, yamlio
from assistant.store.migrations import migrate

_NOT_YAML_TEXT: Final = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""Characters YAML does not allow in a file (the C0/C1 controls, DEL, U+FFFE/U+FFFF)."""


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _check_text(text: str, path: Path) -> None:
    bad = _NOT_YAML_TEXT.search(text)
    if bad is not None:
        raise DraftLoadError(
            path,
            f"含有不可见的控制字符（U+{ord(bad.group()):04X}），文件可能已损坏",
            line=_line_of(text, bad.start()),
        )
    if text.lstrip("\ufeff").startswith(layout.HEADER_MARK) and not re.search(
        "^" + re.escape(layout.END_MARK), text, re.MULTILINE
    ):
        raise DraftLoadError(
            path,
            f"草稿文件似乎不完整：缺少年报助手写在最后的一行“{layout.END_MARK}”，"
            "文件可能在保存或复制时被截断了。若只是手工删去了这一行，请把它加回文件末尾",
            line=text.count("\n") + (0 if text.endswith("\n") else 1),
        )


def completeness_notice(text: str) -> str | None:
    """A notice for a draft that loads but cannot be shown complete: it has no end marker.

    Files written by nianbao end with ``END_MARK`` (a file that starts with its header and lacks
    it is refused by ``parse_draft``). A file written by hand, or by another program, has neither;
    it is read, and the author is told that its completeness could not be confirmed.
    """
    if re.search("^" + re.escape(layout.END_MARK), text, re.MULTILINE):
        return None
    return (
        f"这份草稿没有年报助手写在最后的一行“{layout.END_MARK}”（可能是手工编写的），"
        "无法确认文件是否完整，请核对已有的回答；下次保存时会加上这一行，原文件留作 .bak 备份。"
    )


def _tab_indented(text: str, line: int) -> bool:
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return False
    content = lines[line - 1]
    return "\t" in content[: len(content) - len(content.lstrip(" \t"))]


def _compose(text: str, path: Path) -> Node:
    try:
        root = yamlio.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # At the end of the text the reader may stand on a line past the last one.
        line = min(mark.line + 1, _line_of(text, len(text.rstrip("\n")))) if mark else None
        message = messages.yaml_problem(error.problem)
        if line is not None and _tab_indented(text, line):
            message = messages.yaml_problem("tab character")
        raise DraftLoadError(path, message, line=line) from None
    except yaml.YAMLError as error:
        raise DraftLoadError(path, messages.yaml_problem(str(error))) from None
    if root is None:
        raise DraftLoadError(path, "文件是空的，没有任何内容", line=1)
    if not isinstance(root, MappingNode):
        raise DraftLoadError(
            path, "这不是年报草稿：文件顶层应是“键: 值”的形式", line=root.start_mark.line + 1
        )
    return root


def _check_nodes(root: MappingNode, path: Path) -> None:
    """Refuse what YAML allows but a draft never holds: aliases, odd keys, repeated keys."""
    seen: set[int] = set()
    # Depth-first in document order, so that the second visit of a node is the alias.
    stack: list[tuple[Node, str, int]] = [(root, "", 1)]
    while stack:
        node, where, line = stack.pop()
        if id(node) in seen:
            raise DraftLoadError(
                path,
                "不支持锚点和别名（“&”“*”写法），请把内容直接写出",
                line=line,
                field=where or None,
            )
        seen.add(id(node))
        children: list[tuple[Node, str, int]] = []
        if isinstance(node, SequenceNode):
            items: list[Node] = node.value
            children = [
                (item, f"{where}.{i}".lstrip("."), item.start_mark.line + 1)
                for i, item in enumerate(items)
            ]
        elif isinstance(node, MappingNode):
            keys: set[str] = set()
            for key, value in yamlio.mapping_items(node):
                key_line = key.start_mark.line + 1
                if not isinstance(key, ScalarNode) or key.tag != yamlio.STR:
                    raise DraftLoadError(path, "键应为文字", line=key_line, field=where or None)
                name = str(key.value)
                field = f"{where}.{name}".lstrip(".")
                if name in keys:
                    raise DraftLoadError(
                        path, "这一项出现了两次，请删去其中一个", line=key_line, field=field
                    )
                keys.add(name)
                children.append((value, field, key_line))
        stack.extend(reversed(children))


def _version(data: dict[str, Any], root: MappingNode, path: Path) -> int:
    version = data.get("schema_version", 0)
    line, _ = messages.locate(root, ("schema_version",))
    if type(version) is not int or version < 0:
        raise DraftLoadError(path, "文件格式版本应为非负整数", line=line, field="schema_version")
    if version > SCHEMA_VERSION:
        raise DraftLoadError(
            path,
            f"此草稿由更新版本的年报助手创建（版本 {version}），请升级年报助手后再打开",
            line=line,
            field="schema_version",
        )
    return version


def parse_draft(text: str, path: Path) -> Draft:
    """The draft held by ``text`` (the content of the file at ``path``, named in errors).

    Older schema versions are migrated. Raises DraftLoadError "path:line: field: 中文".
    """
    _check_text(text, path)
    root = _compose(text, path)
    assert isinstance(root, MappingNode)
    _check_nodes(root, path)
    try:
        data = yamlio.construct(root)
    except RecursionError:
        raise DraftLoadError(path, "文件的层次嵌套过深，不是年报草稿") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DraftLoadError(path, messages.yaml_problem(error.problem), line=line) from None
    except (ValueError, TypeError, KeyError, OverflowError, yaml.YAMLError):
        # Only explicit "!!" tags reach constructors that can fail this way.
        raise DraftLoadError(path, "有无法识别的取值（以“!!”标记的类型）") from None
    version = _version(data, root, path)
    data = migrate(data, version)
    try:
        return Draft.model_validate(data)
    except ValidationError as error:
        line, field, message = messages.describe_validation(error.errors(), root, version)
        raise DraftLoadError(path, message, line=line, field=field or None) from None


def _plain(draft: Draft) -> dict[str, Any]:
    data = draft.model_dump(mode="python")
    data["schema_version"] = SCHEMA_VERSION
    return data


def dump_draft(draft: Draft) -> str:
    """The text of the draft file: YAML with a Chinese header and a label beside each key.

    The text is checked to read back as an equal draft before it is returned; should the
    decorated form ever fail that check, a plain form with every text quoted is used instead.
    """
    data = _plain(draft)
    body = yamlio.dump_yaml(data)
    root = yamlio.compose(body)
    assert root is not None
    text = layout.decorate(body, root)
    if _reads_back(text, draft):
        return text
    text = layout.HEADER + yamlio.dump_yaml_quoted(data) + layout.FOOTER
    if _reads_back(text, draft):
        return text
    raise SaveError("内部错误：草稿无法无损地写成文件，未保存。请把此情况告诉开发者。")


def _reads_back(text: str, draft: Draft) -> bool:
    expected = draft.model_copy(update={"schema_version": SCHEMA_VERSION})
    try:
        return parse_draft(text, Path("<dump>")) == expected
    except DraftLoadError:
        return False
