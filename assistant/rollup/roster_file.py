"""The roster file on disk: YAML a person can edit, read with line-numbered errors, written
atomically with the previous version kept as ``<name>.bak`` (the store's atomic writer)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node

from assistant.errors import NianbaoError, SaveError
from assistant.rollup.roster import ROSTER_VERSION, Roster
from assistant.store import atomic, messages

HEADER: Final = (
    "# 年报助手汇总名单（政府信息公开工作年度报告的报送单位）\n"
    "# government：本级人民政府全称；office：主管部门；year：报告年度；deadline：报送截止日期。\n"
    "# units：每个单位一项。name：单位全称；kind：部门、乡镇街道或其他；contact：联系人和电话；\n"
    "# deadline：该单位另有截止日期时填写；aliases：报告中可能使用的其他名称（简称）。\n"
    "# 可以用文本编辑器直接修改；每次用 nianbao roster 保存时，上一版会留作同名的 .bak 文件。\n"
)
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class RosterError(NianbaoError):
    """A roster file could not be read; the file is left untouched."""


def _compose(text: str, path: Path) -> Node:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RosterError(f"{where}: {messages.yaml_problem(error.problem)}") from None
    except yaml.YAMLError as error:
        raise RosterError(f"{path}: {messages.yaml_problem(str(error))}") from None
    if not isinstance(root, MappingNode):
        raise RosterError(f"{path}: 这不是汇总名单：文件顶层应是“键: 值”的形式")
    return root


def parse_roster(text: str, path: Path) -> Roster:
    """The roster held by ``text``; RosterError "path:line: 字段: 说明" otherwise."""
    root = _compose(text, path)
    try:
        data: Any = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise RosterError(f"{path}: {messages.yaml_problem(str(error))}") from None
    version = data.get("schema_version", ROSTER_VERSION)
    if type(version) is not int or version > ROSTER_VERSION:
        raise RosterError(
            f"{path}: schema_version: 此名单由更新版本的年报助手创建（版本 {version}），"
            "请升级年报助手后再打开"
        )
    try:
        return Roster.model_validate(data)
    except ValidationError as error:
        # A misspelt key also shows up as a missing one: name the misspelling, the cause.
        first = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        loc = tuple(first["loc"])
        line, _ = messages.locate(root, loc)
        field = ".".join(str(p) for p in loc)
        prefix = f"{field}: " if field else ""
        raise RosterError(f"{path}:{line}: {prefix}{messages.validation_message(first)}") from None


def load_roster(path: Path) -> Roster:
    """Read the roster at ``path``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RosterError(f"{path}：名单文件不存在。可以用 nianbao roster new 新建。") from None
    except IsADirectoryError:
        raise RosterError(f"{path}：这是一个文件夹，不是名单文件") from None
    except OSError as error:
        raise RosterError(f"{path}：无法读取（{atomic.reason(error)}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(f"{path}：不是 UTF-8 编码的文本文件，请另存为 UTF-8 后再试") from None
    return parse_roster(text, path)


def dump_roster(roster: Roster) -> str:
    """The roster as the file's text: the header, then plain YAML in model order."""
    # Python mode keeps dates as dates (YAML writes them unquoted); kinds become their text.
    data = roster.model_dump(mode="python", exclude_none=True)
    for unit in data["units"]:
        unit["kind"] = str(unit["kind"])
        if not unit.get("aliases"):
            unit.pop("aliases", None)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return HEADER + body


def save_roster(roster: Roster, path: Path) -> None:
    """Write the roster atomically; the previous file (if any) is kept as ``<name>.bak``.

    A file at ``path`` that is not a readable roster is never replaced (RosterError).
    """
    target = Path(os.path.realpath(path))
    exists = target.exists()
    if exists:
        try:
            load_roster(target)
        except RosterError as error:
            raise SaveError(
                f"未保存：{path} 已存在，但不是可以读取的汇总名单（{error}）。"
                "为免覆盖别的文件，请另选文件名。"
            ) from None
    try:
        atomic.write_atomic(
            target,
            dump_roster(roster).encode("utf-8"),
            aside=target.with_name(target.name + ".bak") if exists else None,
        )
    except OSError as error:
        raise SaveError(f"名单未能保存到 {path}：{atomic.reason(error)}。") from None
