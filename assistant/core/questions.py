"""The interview's questions, as data from ``prompts/*.yaml``, validated and expanded.

Each YAML file is one section (``meta.yaml`` for 基本信息, then one per key of
``format.SECTIONS``) and holds a list of entries. An entry is one question, or, with ``repeat``,
one question per table cell: ``repeat: [outcomes, applicants]`` makes a question for every
outcome row × applicant column, with ``{outcome}``, ``{outcome_label}``, ``{applicant}``,
``{applicant_label}``... substituted in every text. Official labels are never typed in YAML:
texts say ``{label.t3.new}`` or use the repeat variables, and both come from ``format.py``.

This module is pure: it receives already-read YAML (plain data plus line numbers) from
``assistant.promptfiles``, which does the file reading. ``load_questions()`` is re-exported here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from assistant.core import format as fmt
from assistant.core.conditions import Condition, ConditionSyntaxError, compile_condition
from assistant.core.draft import Draft, get_path
from assistant.errors import NianbaoError

META: Final = "meta"
META_TITLE: Final = "基本信息"
SECTION_KEYS: Final = (META, *(s.key for s in fmt.SECTIONS))
"""Every section key in interview order: 基本信息 first, then 一 … 六."""


def section_title(key: str) -> str:
    """ "基本信息" or the official section title ("三、收到和处理政府信息公开申请情况")."""
    return META_TITLE if key == META else fmt.SECTION_BY_KEY[key].title


class QuestionsError(NianbaoError):
    """A prompts file is wrong; the message starts with ``file:line``."""


class Kind(StrEnum):
    """What sort of answer a question takes (decides the parser in ``answers.py``)."""

    TEXT = "text"
    """One line of text (the agency name)."""
    NARRATIVE = "narrative"
    """Several paragraphs; each non-empty line is one paragraph."""
    LINES = "lines"
    """Several short lines stored as a list (contact lines)."""
    COUNT = "count"
    """A whole number ≥ 0."""
    AMOUNT = "amount"
    """A decimal amount ≥ 0 in ``unit`` (万元 or 元)."""
    YEAR = "year"
    DATE = "date"
    YESNO = "yesno"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"


_ITEM_NUMBER: Final = re.compile(r"^\d+[.．、]\s*")


class Option(BaseModel):
    """One choice: the stored value and the label shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str
    label: str

    @property
    def list_label(self) -> str:
        """The label in a numbered list: without the item's own number, which the list repeats
        ("1.本机关不掌握相关政府信息" → "本机关不掌握相关政府信息"); elsewhere ``label`` is shown
        verbatim."""
        return _ITEM_NUMBER.sub("", self.label, count=1) or self.label


class Question(BaseModel):
    """One question of the interview, after expansion: what the UIs show and the flow uses."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    """Unique; a gate question's answer is stored under it in ``draft.interview.answers``."""
    section: str
    """"meta" or a key of ``format.SECTIONS``."""
    field: str | None = None
    """Dotted draft path the answer fills; None for a gate question."""
    kind: Kind
    ask: str
    """The question, in friendly Chinese."""
    hint: str
    """One line: how to answer."""
    example: str
    """An answer from a real report."""
    why: str
    """Why it is asked: the article of the 条例 or the line of the format."""
    default: str | None = None
    """Text proposed when nothing better is known."""
    condition: str | None = None
    """Shown only when this is true (see ``conditions.py``); None = always."""
    required: bool = True
    """Needed for a complete report. Optional questions are offered once; an empty answer skips."""
    options: tuple[Option, ...] = ()
    """For choice and multichoice."""
    unit: str | None = None
    """For amounts: "万元" or "元"."""
    propose: str | None = None
    """Name of a computed proposal in ``flow.PROPOSALS`` (四 = 一 + 二 − （七） ...)."""
    compose: str | None = None
    """For a narrative: the template ``prompts/compose/<name>.j2`` that drafts it from facts."""
    zero_when_hidden: bool = False
    """A table cell set to 0 once its gate answers say it does not apply."""
    allow_empty: bool = False
    """A multichoice that may be answered "无" (none)."""
    nothing_is_empty: bool = False
    """An optional question where a bare "否"/"无"/"没有" means there is nothing to say: taken
    as an empty answer, so no sentence is drafted from it."""
    refuse_nothing: str | None = None
    """Refuse a bare "无"/"没有"/"暂无" (or such a line of a lines answer) with this message:
    reviewers flag it, so the author is asked again and told what to write instead."""
    max_length: int | None = None
    source: str = ""
    """``prompts/<file>:<line>`` of the YAML entry, for error messages."""

    _condition: Condition | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        if self.condition is not None:
            self._condition = compile_condition(self.condition)

    @property
    def compiled_condition(self) -> Condition | None:
        return self._condition

    @property
    def is_gate(self) -> bool:
        return self.field is None

    def option_label(self, value: str) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return value


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


# ---------------------------------------------------------------- labels and repeat domains

LABELS: Final[dict[str, str]] = {
    "regulation": fmt.REGULATION,
    "fee_measure": fmt.FEE_MEASURE,
    "format": fmt.FORMAT_NAME,
    **{f"section.{s.key}": s.title for s in fmt.SECTIONS},
    **{f"topic.{t.key}": t.title for t in fmt.OVERVIEW_TOPICS},
    **{f"t2.block.{b.key}": b.title for b in fmt.TABLE2_BLOCKS},
    **{f"t2.{key}": label for b in fmt.TABLE2_BLOCKS for key, label in b.rows},
    **{
        f"t2.col.{key}": label
        for key, label in zip(fmt.DOC_COUNT_FIELDS, fmt.T2_DOCUMENTS.columns, strict=True)
    },
    "t2.col.decisions": fmt.T2_LICENSING.columns[0],
    "t2.col.fees": fmt.T2_FEES.columns[0],
    **{f"t3.{key}": label for key, label in fmt.T3_VALUE_ROWS if key not in fmt.OUTCOME_LABEL},
    "t3.results": fmt.T3_RESULTS,
    "t3.legal_persons": fmt.T3_LEGAL_PERSONS,
    "t4.reconsideration": fmt.T4_RECONSIDERATION,
    "t4.litigation": fmt.T4_LITIGATION,
    **{f"agency_kind.{k.value}": label for k, label in fmt.AGENCY_KIND_LABELS.items()},
}
"""Official wording usable in YAML texts as ``{label.<key>}``."""


def applicant_title(key: str) -> str:
    """The applicant column's label, made unambiguous: 其他 → 其他（法人或其他组织）."""
    label = fmt.APPLICANT_LABEL[key]
    return f"{label}（{fmt.T3_LEGAL_PERSONS}）" if key == "other" else label


def _outcome_vars() -> list[dict[str, str]]:
    rows = []
    for group in fmt.OUTCOME_GROUPS:
        for key, label in group.leaves:
            rows.append(
                {
                    "outcome": key,
                    "outcome_label": label,
                    "outcome_title": label if not group.items else f"{group.label} {label}",
                    "group": group.key,
                    "group_label": group.label,
                    "outcome_gate": "outcome_groups" if not group.items else f"items_{group.key}",
                }
            )
    return rows


DOMAINS: Final[dict[str, list[dict[str, str]]]] = {
    "applicants": [
        {"applicant": k, "applicant_label": applicant_title(k)} for k in fmt.APPLICANT_KEYS
    ],
    "outcomes": _outcome_vars(),
    "outcome_groups": [
        {"group": g.key, "group_label": g.label} for g in fmt.OUTCOME_GROUPS if g.items
    ],
    "appeal_groups": [
        {
            "appeal": k,
            "appeal_label": label,
            "appeal_kind": _kind,
            # 行政复议 is both the kind and the group: not "行政复议（行政复议）".
            "appeal_title": _kind if label == _kind else f"{_kind}（{label}）",
        }
        for (k, label), _kind in zip(
            fmt.APPEAL_GROUPS,
            (fmt.T4_RECONSIDERATION, fmt.T4_LITIGATION, fmt.T4_LITIGATION),
            strict=True,
        )
    ],
    "appeal_results": [{"result": k, "result_label": label} for k, label in fmt.APPEAL_RESULTS],
    "doc_columns": [
        {"column": k, "column_label": label}
        for k, label in zip(fmt.DOC_COUNT_FIELDS, fmt.T2_DOCUMENTS.columns, strict=True)
    ],
}
"""Repeat domains: each a list of placeholder values, one dict per repetition."""

OPTION_SOURCES: Final[dict[str, tuple[Option, ...]]] = {
    "agency_kinds": tuple(
        Option(value=k.value, label=v) for k, v in fmt.AGENCY_KIND_LABELS.items()
    ),
    "applicants": tuple(Option(value=k, label=applicant_title(k)) for k in fmt.APPLICANT_KEYS),
    "outcome_groups": tuple(Option(value=g.key, label=g.label) for g in fmt.OUTCOME_GROUPS),
    **{
        f"items_{g.key}": tuple(Option(value=k, label=v) for k, v in g.items)
        for g in fmt.OUTCOME_GROUPS
        if g.items
    },
    "appeal_groups": tuple(
        Option(value=k, label=f"{fmt.T4_LITIGATION}（{v}）" if k != "reconsideration" else v)
        for k, v in fmt.APPEAL_GROUPS
    ),
}
"""Option lists built from ``format.py`` (``options_from:`` in YAML)."""

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
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


def _substitute(text: str, values: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("label."):
            key = name.removeprefix("label.")
            if key not in LABELS:
                raise KeyError(name)
            return LABELS[key]
        if name not in values:
            raise KeyError(name)
        return values[name]

    return _PLACEHOLDER.sub(replace, text)


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


def load_questions() -> list[Question]:
    """Every question from the shipped ``prompts/*.yaml``, cached; raises QuestionsError.

    The file reading lives in ``assistant.promptfiles`` so that ``core`` stays free of I/O.
    """
    from assistant.promptfiles import load_questions as load

    return load()
