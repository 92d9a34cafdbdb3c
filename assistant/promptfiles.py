"""Reads ``prompts/*.yaml`` (with line numbers) for ``core.questions``, which stays free of I/O."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.core.questions import PromptFile, Question, QuestionsError, RawEntry, build_questions
from assistant.resources import prompts_dir

# libyaml when PyYAML was built with it: parsing the prompts twice in pure Python cost the
# assistant some 35 ms of start-up (BENCHMARKS.md).
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data it stands for, from one parse."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def read_prompt_file(name: str, text: str) -> PromptFile:
    """Parse one prompts file's text; errors name ``prompts/<name>:<line>``."""
    try:
        node, data = _parse(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise QuestionsError(f"prompts/{name}:{line}: YAML 格式错误：{error.problem}") from None
    except yaml.YAMLError as error:
        raise QuestionsError(f"prompts/{name}: YAML 格式错误：{error}") from None
    if node is None:
        return PromptFile(name, [])
    if not isinstance(node, yaml.SequenceNode) or not isinstance(data, list):
        raise QuestionsError(
            f"prompts/{name}:{node.start_mark.line + 1}: 文件应是问题的列表（- id: ...）"
        )
    entries = []
    for item_node, item in zip(node.value, data, strict=True):
        key_lines: dict[str, int] = {}
        if isinstance(item_node, yaml.MappingNode):
            for key_node, _ in item_node.value:
                key_lines[str(key_node.value)] = key_node.start_mark.line + 1
        entries.append(RawEntry(item, item_node.start_mark.line + 1, key_lines))
    return PromptFile(name, entries)


def read_prompts(folder: Path) -> list[Question]:
    """Every question from the YAML files in ``folder``; raises QuestionsError."""
    files = [
        read_prompt_file(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.yaml"))
    ]
    questions = build_questions(files)
    for question in questions:
        if (
            question.compose is not None
            and not (folder / "compose" / f"{question.compose}.j2").is_file()
        ):
            raise QuestionsError(
                f"{question.source}: 找不到起草模板 prompts/compose/{question.compose}.j2"
            )
    return questions


@lru_cache(maxsize=1)
def _cached() -> tuple[Question, ...]:
    return tuple(read_prompts(prompts_dir()))


def load_questions() -> list[Question]:
    """The shipped questions, read once per process."""
    return list(_cached())
