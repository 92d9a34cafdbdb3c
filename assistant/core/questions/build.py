"""Validating and expanding already-read prompts YAML into questions (``build_questions``).

The file reading lives in ``assistant.promptfiles``; this module gets plain data with line numbers
and reports every mistake as ``prompts/<file>:<line>: 中文``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.core.conditions import ConditionSyntaxError, compile_condition
from assistant.core.draft import Draft, get_path
from assistant.core.questions.labels import DOMAINS, OPTION_SOURCES, _substitute
from assistant.core.questions.model import SECTION_KEYS, Kind, Option, Question, QuestionsError


class _Entry(BaseModel):
    """One YAML entry as written (before expansion)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_{}]*$")
    field: str | None = None
    kind: Kind
    ask: str = Field(min_length=1)
    hint: str = Field(min_length=1)
    example: str = Field(min_length=1)
    why: str = Field(min_length=1)
    default: str | None = None
    condition: str | None = None
    required: bool = True
    options: list[Option] = Field(default_factory=list)
    options_from: str | None = None
    unit: str | None = None
    propose: str | None = None
    compose: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    zero_when_hidden: bool = False
    allow_empty: bool = False
    nothing_is_empty: bool = False
    refuse_nothing: str | None = Field(default=None, min_length=1)
    max_length: int | None = Field(default=None, gt=0)
    repeat: list[str] = Field(default_factory=list)


@dataclass
class RawEntry:
    """A YAML mapping as read by the loader, with the line of the entry and of each key."""

    data: Mapping[str, Any]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class PromptFile:
    """One prompts file: its name ("applications.yaml") and its entries in order."""

    name: str
    entries: list[RawEntry]
    line: int = 1


_TEXT_KEYS = (
    "id",
    "field",
    "ask",
    "hint",
    "example",
    "why",
    "default",
    "condition",
    "refuse_nothing",
    "options_from",
)


def _fail(where: str, message: str) -> QuestionsError:
    return QuestionsError(f"{where}: {message}")


def _entry_error(file: PromptFile, raw: RawEntry, error: ValidationError) -> QuestionsError:
    # A misspelt key also shows up as a missing one: report the misspelling, the cause.
    errors = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc = first["loc"]
    key = str(loc[0]) if loc else ""
    line = raw.key_lines.get(key, raw.line)
    where = f"prompts/{file.name}:{line}"
    if first["type"] == "extra_forbidden":
        known = "、".join(_Entry.model_fields)
        return _fail(where, f"未知的键“{key}”（可用的键：{known}）")
    if first["type"] == "missing":
        return _fail(f"prompts/{file.name}:{raw.line}", f"缺少必填的键“{key}”")
    if key == "kind":
        kinds = "、".join(k.value for k in Kind)
        return _fail(where, f"未知的问题类型 {raw.data.get('kind')!r}（可用：{kinds}）")
    path = ".".join(str(p) for p in loc)
    explained = _PYDANTIC_MESSAGES.get(first["type"], "")
    return _fail(where, f"“{path}”的值不正确：{explained or first['msg']}")


_PYDANTIC_MESSAGES: Final = {
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": '应为文字（数字或日期请加引号，例如 "12"）',
    "list_type": "应为列表，例如 [applicants]",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "greater_than": "应为正整数",
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "只能用小写英文字母、数字和下划线",
    "model_type": "应为一组“键: 值”",
}


def _expand(file: PromptFile, raw: RawEntry, section: str) -> list[Question]:
    where = f"prompts/{file.name}:{raw.line}"
    if not isinstance(raw.data, Mapping):
        raise _fail(where, "每个问题应是一组“键: 值”")
    try:
        entry = _Entry.model_validate(dict(raw.data))
    except ValidationError as error:
        raise _entry_error(file, raw, error) from None
    for name in entry.repeat:
        if name not in DOMAINS:
            line = raw.key_lines.get("repeat", raw.line)
            known = "、".join(DOMAINS)
            raise _fail(
                f"prompts/{file.name}:{line}", f"未知的 repeat 范围“{name}”（可用：{known}）"
            )
    combos: Iterable[tuple[dict[str, str], ...]] = itertools.product(
        *(DOMAINS[n] for n in entry.repeat)
    )
    questions = []
    for combo in combos:
        values: dict[str, str] = {}
        for part in combo:
            values.update(part)
        data = entry.model_dump(exclude={"repeat", "options_from"})
        for key in _TEXT_KEYS:
            text = getattr(entry, key)
            if text is None:
                continue
            try:
                substituted = _substitute(text, values)
            except KeyError as missing:
                line = raw.key_lines.get(key, raw.line)
                raise _fail(
                    f"prompts/{file.name}:{line}", f"“{key}”中的占位符 {{{missing.args[0]}}} 未定义"
                ) from None
            if key == "options_from":
                if substituted not in OPTION_SOURCES:
                    known = "、".join(OPTION_SOURCES)
                    line = raw.key_lines.get(key, raw.line)
                    raise _fail(
                        f"prompts/{file.name}:{line}",
                        f"未知的选项来源“{substituted}”（可用：{known}）",
                    )
                data["options"] = [o.model_dump() for o in OPTION_SOURCES[substituted]]
            else:
                data[key] = substituted
        data["section"] = section
        data["source"] = where
        questions.append(_question(data, raw, file))
    return questions


def _question(data: dict[str, Any], raw: RawEntry, file: PromptFile) -> Question:
    where = f"prompts/{file.name}:{raw.line}"
    if data.get("condition") is not None:
        try:
            compile_condition(data["condition"])
        except ConditionSyntaxError as error:
            line = raw.key_lines.get("condition", raw.line)
            raise _fail(
                f"prompts/{file.name}:{line}", f"条件“{data['condition']}”有误：{error}"
            ) from None
    question = Question.model_validate(data)
    if question.field is not None:
        try:
            get_path(Draft(), question.field)
        except KeyError:
            line = raw.key_lines.get("field", raw.line)
            raise _fail(
                f"prompts/{file.name}:{line}", f"草稿中没有字段“{question.field}”"
            ) from None
    if question.kind in (Kind.CHOICE, Kind.MULTICHOICE) and not question.options:
        raise _fail(where, "选择题需要 options 或 options_from")
    if question.compose is not None and question.kind is not Kind.NARRATIVE:
        raise _fail(where, "只有 narrative 类型的问题可以用 compose 起草")
    if question.nothing_is_empty and question.required:
        raise _fail(where, "nothing_is_empty 只能用于选答题（required: false）")
    if (question.nothing_is_empty or question.refuse_nothing) and question.kind not in (
        Kind.TEXT,
        Kind.LINES,
        Kind.NARRATIVE,
    ):
        raise _fail(where, "nothing_is_empty 和 refuse_nothing 只能用于文字题")
    if question.kind is Kind.AMOUNT and question.unit not in ("万元", "元"):
        raise _fail(where, "金额题需要 unit: 万元 或 unit: 元")
    return question


def build_questions(files: Sequence[PromptFile]) -> list[Question]:
    """Validate and expand every prompts file, in interview order; raises QuestionsError."""
    by_name = {f.name: f for f in files}
    unknown = sorted(set(by_name) - {f"{k}.yaml" for k in SECTION_KEYS})
    if unknown:
        raise QuestionsError(
            f"prompts/{unknown[0]}: 未知的章节文件（应为 "
            + "、".join(f"{k}.yaml" for k in SECTION_KEYS)
            + "）"
        )
    questions: list[Question] = []
    for key in SECTION_KEYS:
        file = by_name.get(f"{key}.yaml")
        if file is None:
            continue
        for raw in file.entries:
            questions.extend(_expand(file, raw, key))
    _check_references(questions)
    return questions


def _check_references(questions: list[Question]) -> None:
    seen: dict[str, Question] = {}
    fields: dict[str, Question] = {}
    for q in questions:
        if q.id in seen:
            raise QuestionsError(f"{q.source}: 问题编号“{q.id}”重复（另见 {seen[q.id].source}）")
        seen[q.id] = q
        if q.field is not None:
            if q.field in fields:
                raise QuestionsError(
                    f"{q.source}: 字段“{q.field}”已由 {fields[q.field].source} 的问题填写"
                )
            fields[q.field] = q
    from assistant.core.flow import PROPOSALS  # the registry lives with the flow

    for q in questions:
        condition = q.compiled_condition
        if condition is not None:
            for answer_id in sorted(condition.answer_ids):
                gate = seen.get(answer_id)
                if gate is None or not gate.is_gate:
                    raise QuestionsError(f"{q.source}: 条件引用了不存在的问答“answers.{answer_id}”")
        if q.propose is not None and q.propose not in PROPOSALS:
            known = "、".join(PROPOSALS)
            raise QuestionsError(f"{q.source}: 未知的 propose“{q.propose}”（可用：{known}）")
