"""Questions load from prompts/*.yaml; a mistake in a file is reported with file and line."""

from __future__ import annotations

import textwrap

import pytest

from assistant.core import format as fmt
from assistant.core.conditions import ConditionSyntaxError, compile_condition
from assistant.core.draft import Draft, set_path
from assistant.core.questions import (
    SECTION_KEYS,
    Kind,
    Option,
    QuestionsError,
    build_questions,
)
from assistant.promptfiles import load_questions, read_prompt_file

GOOD = """\
- id: has_things
  kind: yesno
  ask: 有没有？
  hint: 答是或否
  example: 否
  why: 第五十条
- id: agency
  field: meta.agency
  kind: text
  ask: 机关？
  hint: 全称
  example: 某局
  why: 标题
  condition: answers.has_things == true
"""


def load(text: str, name: str = "meta.yaml") -> list[str]:
    questions = build_questions([read_prompt_file(name, textwrap.dedent(text))])
    return [q.id for q in questions]


def test_shipped_questions_load_and_cover_every_section() -> None:
    questions = load_questions()
    assert {q.section for q in questions} == set(SECTION_KEYS)
    assert load_questions() == questions  # cached, same result
    for question in questions:
        assert question.ask and question.hint and question.example and question.why
        assert question.source.startswith("prompts/")


def test_every_table_cell_has_a_question() -> None:
    fields = {q.field for q in load_questions()}
    for row in ("new", "carried_in", "carried_out"):
        for column in fmt.APPLICANT_KEYS:
            assert f"table3.{row}.{column}" in fields
    for outcome in fmt.OUTCOME_KEYS:
        for column in fmt.APPLICANT_KEYS:
            assert f"table3.outcomes.{outcome}.{column}" in fields
    for group, _ in fmt.APPEAL_GROUPS:
        for result in fmt.APPEAL_RESULT_KEYS:
            assert f"table4.{group}.{result}" in fields


def test_labels_come_from_format() -> None:
    by_id = {q.id: q for q in load_questions()}
    assert fmt.T3_NEW in by_id["t3_new_natural"].ask
    assert "1.属于国家秘密" in by_id["t3_withheld_secret_business"].ask
    assert "（三）不予公开" in by_id["t3_withheld_secret_business"].ask
    assert [o.label for o in by_id["agency_kind"].options] == list(fmt.AGENCY_KIND_LABELS.values())
    assert len(by_id["items_other_handling"].options) == 3


def test_good_file_loads() -> None:
    assert load(GOOD) == ["has_things", "agency"]


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (GOOD.replace("  hint: 全称", "  hnt: 全称"), "prompts/meta.yaml:11", "未知的键“hnt”"),
        (GOOD.replace("kind: text", "kind: txt"), "prompts/meta.yaml:9", "未知的问题类型 'txt'"),
        (GOOD.replace("  why: 标题\n", ""), "prompts/meta.yaml:7", "缺少必填的键“why”"),
        (
            GOOD.replace("meta.agency", "meta.agencyy"),
            "prompts/meta.yaml:8",
            "没有字段“meta.agencyy”",
        ),
        (
            GOOD.replace("answers.has_things == true", "answers.has_thing == true"),
            "prompts/meta.yaml:7",
            "answers.has_thing",
        ),
        (
            GOOD.replace("answers.has_things == true", "answers.has_things = true"),
            "prompts/meta.yaml:14",
            "条件",
        ),
        (GOOD.replace("ask: 机关？", "ask: 机关{oops}？"), "prompts/meta.yaml:10", "{oops}"),
        (GOOD.replace("id: agency", "id: has_things"), "prompts/meta.yaml:7", "重复"),
        (GOOD + "  propose: guess\n", "prompts/meta.yaml:7", "未知的 propose"),
        (GOOD + "  repeat: [nothing]\n", "prompts/meta.yaml:15", "未知的 repeat"),
        (GOOD + "  options_from: colours\n", "prompts/meta.yaml:15", "未知的选项来源"),
        (GOOD + "  required: maybe\n", "prompts/meta.yaml:15", "true 或 false"),
        (GOOD.replace("kind: text", "kind: choice"), "prompts/meta.yaml:7", "选择题需要"),
        (GOOD + "  nothing_is_empty: true\n", "prompts/meta.yaml:7", "只能用于选答题"),
        (
            GOOD.replace("kind: yesno", "kind: yesno\n  refuse_nothing: 不行"),
            "prompts/meta.yaml:1",
            "文字题",
        ),
        (GOOD.replace("example: 某局", "example: 12.5"), "prompts/meta.yaml:12", "加引号"),
        ("- id: x\n  kind: [unclosed\n", "prompts/meta.yaml:", "YAML 格式错误"),
        ("id: x\n", "prompts/meta.yaml:1", "列表"),
    ],
)
def test_mistakes_name_file_and_line(text: str, where: str, says: str) -> None:
    with pytest.raises(QuestionsError) as caught:
        load(text)
    message = str(caught.value)
    assert message.startswith(where), message
    assert says in message, message


def test_unknown_section_file_is_refused() -> None:
    with pytest.raises(QuestionsError, match=r"prompts/misc\.yaml"):
        load(GOOD, name="misc.yaml")


def test_repeat_expands_with_placeholders() -> None:
    text = """\
    - id: cell_{applicant}
      repeat: [applicants]
      field: table3.new.{applicant}
      kind: count
      ask: "“{applicant_label}”{label.t3.new}"
      hint: 填整数
      example: "1"
      why: 表三
    """
    ids = load(text, name="applications.yaml")
    assert ids == [f"cell_{k}" for k in fmt.APPLICANT_KEYS]


def test_repeat_without_placeholder_in_id_is_a_duplicate() -> None:
    text = """\
    - id: cell
      repeat: [applicants]
      field: table3.new.{applicant}
      kind: count
      ask: 问
      hint: 填整数
      example: "1"
      why: 表三
    """
    with pytest.raises(QuestionsError, match="问题编号“cell”重复"):
        load(text, name="applications.yaml")


# ---------------------------------------------------------------- the condition language


def draft_with(**answers: object) -> Draft:
    draft = Draft()
    return set_path(draft, "interview.answers", answers)


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ("answers.a == true", {}, None),
        ("answers.a == true", {"a": True}, True),
        ("answers.a == true", {"a": False}, False),
        ("answers.a", {"a": True}, True),
        ("not answers.a", {"a": True}, False),
        ("not answers.a", {}, None),
        ('"x" in answers.k', {"k": ["x", "y"]}, True),
        ('"z" in answers.k', {"k": ["x", "y"]}, False),
        ('"z" not in answers.k', {"k": ["x", "y"]}, True),
        ('"z" in answers.k', {}, None),
        ("answers.a == true and answers.b == true", {"a": False}, False),
        ("answers.a == true and answers.b == true", {"a": True}, None),
        ("answers.a == true or answers.b == true", {"b": True}, True),
        ("answers.a == true or answers.b == true", {"b": False}, None),
        ("(answers.a == true or answers.b == true) and answers.c == 3", {"a": True, "c": 3}, True),
        ("answers.n != 2", {"n": 3}, True),
        ("answers.s == 'x'", {"s": "x"}, True),
    ],
)
def test_conditions_are_three_valued(
    source: str, answers: dict[str, object], expected: object
) -> None:
    assert compile_condition(source).evaluate(draft_with(**answers)) is expected


def test_conditions_read_the_draft() -> None:
    condition = compile_condition('meta.kind == "government"')
    draft = Draft()
    assert condition.evaluate(draft) is None
    assert condition.evaluate(set_path(draft, "meta.kind", "government")) is True
    assert condition.evaluate(set_path(draft, "meta.kind", "department")) is False


@pytest.mark.parametrize(
    "source",
    [
        "answers.a = 1",
        "answers.a ==",
        "(answers.a == 1",
        "answers.a == 1)",
        "__import__('os')",
        "meta.nope == 1",
        "secrets.x == 1",
        "answers == 1",
        "answers.a.b == 1",
        "answers.a == 1 answers.b",
        "answers.a @ 1",
        "",
    ],
)
def test_bad_conditions_are_refused(source: str) -> None:
    with pytest.raises(ConditionSyntaxError):
        compile_condition(source)


def test_kinds_are_the_documented_ones() -> None:
    assert {k.value for k in Kind} >= {
        "text",
        "narrative",
        "count",
        "amount",
        "date",
        "yesno",
        "choice",
        "multichoice",
    }


@pytest.mark.parametrize(
    ("label", "listed"),
    [
        ("1.本机关不掌握相关政府信息", "本机关不掌握相关政府信息"),
        ("3.危及“三安全一稳定”", "危及“三安全一稳定”"),
        ("（一）予以公开", "（一）予以公开"),
        ("行政复议", "行政复议"),
        ("2025年", "2025年"),
    ],
)
def test_an_option_in_a_numbered_list_drops_its_own_number(label: str, listed: str) -> None:
    option = Option(value="x", label=label)
    assert option.list_label == listed
    assert option.label == label


def test_no_question_repeats_a_word_in_brackets() -> None:
    """Not "行政复议（行政复议）中……": a group named like its kind is named once."""
    import re

    doubled = re.compile(r"([\u4e00-\u9fff]{2,})（\1）")
    asks = [q.ask for q in load_questions() if doubled.search(q.ask)]
    assert asks == []
    asks = {q.ask for q in load_questions() if q.id.startswith("t4_") and q.id.endswith("_upheld")}
    assert "行政诉讼（复议后起诉）中，“结果维持”的有多少件？" in asks


def test_every_choice_answer_reads_back_as_it_is_prefilled() -> None:
    """Going back to a choice question prefills its answer; pressing Enter must keep it."""
    from itertools import combinations

    from assistant.core.flow import parse_value
    from assistant.core.flow.state import format_value

    checked = 0
    for question in load_questions():
        values = [option.value for option in question.options]
        if question.kind is Kind.CHOICE:
            picks: list[object] = values
        elif question.kind is Kind.MULTICHOICE:
            picks = [list(c) for n in range(1, len(values) + 1) for c in combinations(values, n)]
        else:
            continue
        for value in picks:
            assert parse_value(question, format_value(question, value)) == value, question.id
            checked += 1
    assert checked > 50
