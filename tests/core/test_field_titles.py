"""One registry of what each answer outside the tables is called, and one title pattern."""

from __future__ import annotations

from assistant.core import format as fmt
from assistant.core.checks import places
from assistant.core.draft import Draft
from assistant.promptfiles import load_questions


def test_every_answer_outside_the_tables_has_a_title() -> None:
    fields = [
        q.field
        for q in load_questions()
        if q.field is not None and q.field.split(".")[0] in ("meta", "other")
    ]
    assert [f for f in fields if f not in fmt.FIELD_TITLES] == []


def test_the_checks_name_fields_from_the_registry() -> None:
    assert places._META_LABEL is fmt.FIELD_TITLES


def test_the_title_pattern() -> None:
    draft = Draft.model_validate({"meta": {"agency": "某局", "year": 2024}})
    assert draft.title == fmt.report_title("某局", 2024) == "某局2024年政府信息公开工作年度报告"
