"""The flow engine: checklist order, branches, zeros, proposals, and answers never lost."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core import flow
from assistant.core import format as fmt
from assistant.core.answers import AnswerError
from assistant.core.draft import ApplicantCounts, Draft, get_path, set_path
from assistant.core.questions import Kind, Question
from assistant.promptfiles import load_questions

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}

META_ANSWERS = {
    "agency": "某市某局",
    "agency_kind": "1",
    "year": "2024",
    "published": "2025-01-20",
    "portal": "",
    "contact": "",
    "deadline": "",
}


def default_text(question: Question) -> str:
    """A plausible answer for any question (the first option, 0, a sentence)."""
    if question.kind is Kind.YESNO:
        return "否"
    if question.kind in (Kind.COUNT, Kind.AMOUNT):
        return "0"
    if question.kind in (Kind.CHOICE, Kind.MULTICHOICE):
        return "1"
    if question.kind is Kind.DATE:
        return "2025-01-20"
    if question.kind is Kind.YEAR:
        return "2024"
    return "本年度按要求做好相关工作，具体措施如下。"


def answer(draft: Draft, question_id: str, text: str) -> Draft:
    return flow.apply_answer(draft, BY_ID[question_id], text, QUESTIONS)


def walk(
    script: Mapping[str, str],
    draft: Draft | None = None,
    *,
    fallback: Callable[[Question], str] = default_text,
    stop: str | None = None,
) -> tuple[Draft, list[str]]:
    """Answer questions in the engine's order; returns the draft and the ids asked."""
    draft = draft or Draft()
    asked: list[str] = []
    while (question := flow.next_question(draft, QUESTIONS)) is not None:
        if question.id == stop:
            break
        assert question.id not in asked, f"asked twice: {question.id}"
        asked.append(question.id)
        draft = flow.apply_answer(
            draft, question, script.get(question.id, fallback(question)), QUESTIONS
        )
    return draft, asked


def test_meta_questions_come_first_in_order() -> None:
    draft = Draft()
    asked = []
    for _ in META_ANSWERS:
        question = flow.next_question(draft, QUESTIONS)
        assert question is not None
        asked.append(question.id)
        draft = flow.apply_answer(draft, question, META_ANSWERS[question.id], QUESTIONS)
    assert asked == list(META_ANSWERS)
    assert draft.meta.agency == "某市某局"
    assert draft.meta.kind is fmt.AgencyKind.DEPARTMENT
    assert draft.meta.published is not None and draft.meta.published.day == 20
    assert flow.progress(draft, QUESTIONS)["meta"] == (4, 4)


def test_no_applications_means_table3_all_zeros_after_one_answer() -> None:
    draft, asked = walk({**META_ANSWERS, "has_applications": "否"})
    assert [q for q in asked if BY_ID[q].section == "applications"] == ["has_applications"]
    table = draft.table3
    for key, _ in fmt.T3_VALUE_ROWS:
        assert table.row(key).complete
        assert table.row(key).total == 0
    assert flow.progress(draft, QUESTIONS)["applications"] == (1, 1)


def test_no_appeals_and_no_regulations_mean_zeros() -> None:
    draft, asked = walk({**META_ANSWERS, "has_appeals": "否", "makes_regulations": "否"})
    assert [q for q in asked if BY_ID[q].section == "appeals"] == ["has_appeals"]
    for group, _ in fmt.APPEAL_GROUPS:
        assert draft.table4.group(group) == draft.table4.group(group).zeros()
    assert draft.table2.regulations.model_dump() == {"issued": 0, "repealed": 0, "in_force": 0}
    assert "t2_regulations_issued" not in asked


def test_the_zeros_are_remembered_compactly() -> None:
    """162 cells set to 0 are written as a few prefixes, not one by one (issue 20)."""
    draft, _ = walk(
        {**META_ANSWERS, "has_applications": "否", "has_appeals": "否", "makes_regulations": "否"}
    )
    fee = [f"other.fee.{key}" for key in ("notices", "billed_yuan", "collected_yuan")]
    assert draft.interview.zeroed == ["table2.regulations", "table3", "table4", *fee]
    assert not [key for key in draft.interview.answers if key.startswith("_")]
    universe = tuple(q.field for q in QUESTIONS if q.field)
    expanded = flow.expand_zeroed(draft.interview.zeroed, universe)
    assert {p for p in universe if p.startswith(("table3.", "table4."))} <= expanded


def test_a_zeroed_cell_answered_again_is_taken_out_of_the_prefix() -> None:
    universe = ("t.a.x", "t.a.y", "t.b.x")
    assert flow.compress_zeroed({"t.a.x", "t.a.y", "t.b.x"}, universe) == ["t"]
    assert flow.compress_zeroed({"t.a.x", "t.a.y"}, universe) == ["t.a"]
    assert flow.compress_zeroed({"t.a.y", "t.b.x"}, universe) == ["t.a.y", "t.b"]
    assert flow.compress_zeroed({"gone.z"}, universe) == ["gone.z"]
    assert flow.expand_zeroed(["t.a", "gone.z"], universe) == {"t.a.x", "t.a.y", "gone.z"}


def test_an_answer_a_zero_overwrote_is_kept_and_put_back() -> None:
    draft, _ = walk({**META_ANSWERS, "makes_regulations": "是", "t2_regulations_issued": "3"})
    before = draft.table2.regulations.model_dump()
    assert before["issued"] == 3
    draft = answer(draft, "makes_regulations", "否")
    assert draft.table2.regulations.issued == 0
    assert draft.interview.kept == {f"table2.regulations.{k}": v for k, v in before.items()}
    draft = answer(draft, "makes_regulations", "是")
    assert draft.table2.regulations.model_dump() == before
    assert draft.interview.kept == {}
    assert "table2.regulations" not in " ".join(draft.interview.zeroed)


def test_only_the_selected_applicant_and_outcome_cells_are_asked() -> None:
    script = {
        **META_ANSWERS,
        "has_applications": "是",
        "applicant_kinds": "1、2",
        "outcome_groups": "1、4",
        "items_unavailable": "1",
        "t3_new_natural": "10",
        "t3_new_business": "2",
        "t3_carried_in_natural": "1",
        "t3_carried_in_business": "0",
        "t3_disclosed_natural": "6",
        "t3_disclosed_business": "1",
        "t3_unavailable_not_held_natural": "3",
        "t3_unavailable_not_held_business": "1",
    }
    draft, asked = walk(script, stop="t3_carried_out_natural")
    cells = [q for q in asked if q.startswith("t3_")]
    assert cells == [
        "t3_new_natural",
        "t3_new_business",
        "t3_carried_in_natural",
        "t3_carried_in_business",
        "t3_disclosed_natural",
        "t3_disclosed_business",
        "t3_unavailable_not_held_natural",
        "t3_unavailable_not_held_business",
    ]
    table = draft.table3
    assert table.new == ApplicantCounts(
        natural=10, business=2, research=0, welfare=0, legal=0, other=0
    )
    assert table.outcomes["withheld_secret"] == ApplicantCounts.zeros()
    assert table.outcomes["unavailable_to_create"] == ApplicantCounts.zeros()
    # 四 is proposed as 一 + 二 − （七）: natural 10 + 1 − 9 = 2, business 2 + 0 − 2 = 0.
    assert flow.proposal(draft, BY_ID["t3_carried_out_natural"]) == "2"
    assert flow.proposal(draft, BY_ID["t3_carried_out_business"]) == "0"
    draft = answer(draft, "t3_carried_out_natural", "2")
    draft = answer(draft, "t3_carried_out_business", "0")
    assert table.carried_out.natural is None  # the earlier draft is untouched
    assert draft.table3.carried_out == ApplicantCounts(
        natural=2, business=0, research=0, welfare=0, legal=0, other=0
    )
    assert draft.table3.results_total.natural == 9


def test_carried_in_is_proposed_from_last_year() -> None:
    draft = set_path(Draft(), "prior.carried_out", ApplicantCounts(natural=3).model_dump())
    assert flow.proposal(draft, BY_ID["t3_carried_in_natural"]) == "3"
    assert flow.proposal(draft, BY_ID["t3_carried_in_business"]) is None


def test_in_force_is_proposed_from_last_year() -> None:
    draft = set_path(Draft(), "prior.normative_documents_in_force", 10)
    question = BY_ID["t2_normative_in_force"]
    assert flow.proposal(draft, question) is None  # 制发 and 废止 not known yet
    draft = answer(draft, "t2_normative_issued", "3")
    draft = answer(draft, "t2_normative_repealed", "1")
    assert flow.proposal(draft, question) == "12"


def test_carried_values_are_asked_for_confirmation() -> None:
    draft = set_path(Draft(), "meta.agency", "沈阳市人民政府外事办公室")
    draft = set_path(draft, "interview.unconfirmed", ["meta.agency"])
    question = flow.next_question(draft, QUESTIONS)
    assert question is not None and question.id == "agency"
    assert flow.current_answer(draft, question) is None
    assert flow.proposal(draft, question) == "沈阳市人民政府外事办公室"
    draft = flow.apply_answer(draft, question, "沈阳市人民政府外事办公室", QUESTIONS)
    assert draft.interview.unconfirmed == []
    assert flow.current_answer(draft, question) == "沈阳市人民政府外事办公室"
    question = flow.next_question(draft, QUESTIONS)
    assert question is not None and question.id == "agency_kind"


def test_government_gets_the_extra_topics() -> None:
    department, asked_department = walk(META_ANSWERS)
    government, asked_government = walk({**META_ANSWERS, "agency_kind": "2"})
    extra = {"work_points", "proposals"}
    assert extra.isdisjoint(asked_department)
    assert extra <= set(asked_government)
    assert government.other.work_points and department.other.work_points is None


def test_fee_facts_are_asked_only_when_a_fee_was_charged() -> None:
    no_fee, asked = walk(META_ANSWERS)
    assert "fee_notices" not in asked
    assert (no_fee.other.fee.notices, no_fee.other.fee.billed_yuan) == (0, Decimal(0))
    fee, asked = walk(
        {
            **META_ANSWERS,
            "fee_charged": "是",
            "fee_notices": "2",
            "fee_billed": "300",
            "fee_collected": "100",
        }
    )
    assert {"fee_notices", "fee_billed", "fee_collected"} <= set(asked)
    assert fee.other.fee.collected_yuan == Decimal(100)


def test_optional_questions_are_offered_once() -> None:
    draft, _ = walk(META_ANSWERS, stop="overview_intro")
    portal = BY_ID["portal"]
    assert flow.is_answered(draft, portal) and draft.meta.portal is None
    assert flow.current_answer(draft, portal) is None
    draft = answer(draft, "portal", "某局门户网站")
    assert draft.meta.portal == "某局门户网站"


def test_a_refused_answer_changes_nothing() -> None:
    draft = Draft()
    with pytest.raises(AnswerError, match="例如 12"):
        answer(draft, "t2_licensing", "约12件")
    assert draft == Draft()


def test_skip_defers_and_answering_brings_back() -> None:
    draft = flow.skip(Draft(), BY_ID["agency"])
    question = flow.next_question(draft, QUESTIONS)
    assert question is not None and question.id == "agency_kind"
    assert [q.id for q in flow.deferred(draft, QUESTIONS)] == ["agency"]
    draft = answer(draft, "agency", "某局")
    assert draft.interview.skipped == [] and flow.deferred(draft, QUESTIONS) == []


# ---------------------------------------------------------------- navigation never loses answers


def full_draft() -> Draft:
    draft, _ = walk(
        {
            **META_ANSWERS,
            "has_applications": "是",
            "applicant_kinds": "1",
            "outcome_groups": "1",
            "t3_new_natural": "4",
            "t3_carried_in_natural": "0",
            "t3_disclosed_natural": "4",
            "t3_carried_out_natural": "0",
        }
    )
    return draft


def test_back_and_goto_only_move_and_never_change_the_draft() -> None:
    draft = full_draft()
    before = draft.model_dump()
    assert flow.next_question(draft, QUESTIONS) is None
    current = flow.previous_question(draft, QUESTIONS, None)
    assert current is not None and current.id == "other_text"
    seen = []
    while current is not None:
        seen.append(current.id)
        current = flow.previous_question(draft, QUESTIONS, current)
    assert seen[-1] == "agency" and len(seen) == len(flow.visible_questions(draft, QUESTIONS))
    for key in ("meta", *(s.key for s in fmt.SECTIONS)):
        start = flow.section_start(draft, QUESTIONS, key)
        assert start is not None and start.section == key
        if start.required:
            assert flow.current_answer(draft, start) is not None
    assert draft.model_dump() == before


def test_following_walks_forward_through_answered_questions() -> None:
    draft = full_draft()
    question = flow.section_start(draft, QUESTIONS, "applications")
    assert question is not None and question.id == "has_applications"
    nxt = flow.following_question(draft, QUESTIONS, question)
    assert nxt is not None and nxt.id == "applicant_kinds"
    assert flow.current_answer(draft, nxt) == "自然人"


def test_changing_a_gate_keeps_the_answers_it_hides() -> None:
    draft = full_draft()
    assert draft.table3.new.natural == 4
    draft = answer(draft, "has_applications", "否")
    assert draft.table3.new.natural == 0  # the report now says: no applications
    draft = answer(draft, "has_applications", "是")
    assert draft.table3.new.natural == 4  # and the earlier answer is back
    assert draft.table3.outcomes["disclosed"].natural == 4
    assert draft.table3.new.business == 0


def test_a_cell_that_applies_again_is_asked_again() -> None:
    draft = full_draft()
    assert draft.table3.new.business == 0
    draft = answer(draft, "applicant_kinds", "1、2")
    assert draft.table3.new.business is None
    question = flow.next_question(draft, QUESTIONS)
    assert question is not None and question.id == "t3_new_business"
    draft = answer(draft, "applicant_kinds", "1")
    assert draft.table3.new.business == 0
    assert flow.next_question(draft, QUESTIONS) is None


def test_progress_counts_visible_required_questions() -> None:
    progress = flow.progress(Draft(), QUESTIONS)
    assert set(progress) == {"meta", *(s.key for s in fmt.SECTIONS)}
    assert progress["meta"] == (0, 4)
    assert progress["applications"] == (0, 1)
    done = flow.progress(full_draft(), QUESTIONS)
    assert all(answered == required for answered, required in done.values())


def test_question_for_field() -> None:
    question = flow.question_for_field(QUESTIONS, "table3.outcomes.withheld_secret.natural")
    assert question is not None and question.id == "t3_withheld_secret_natural"
    assert flow.question_for_field(QUESTIONS, "nowhere") is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from([q.id for q in QUESTIONS if not q.zero_when_hidden]),
            st.text(max_size=8),
        ),
        max_size=15,
    )
)
def test_answering_one_question_never_changes_another_answer(steps: list[tuple[str, str]]) -> None:
    draft = full_draft()
    for question_id, text in steps:
        question = BY_ID[question_id]
        try:
            updated = flow.apply_answer(draft, question, text or default_text(question), QUESTIONS)
        except AnswerError:
            continue
        for other in QUESTIONS:
            if other.field is None or other.field == question.field or other.zero_when_hidden:
                continue
            assert get_path(updated, other.field) == get_path(draft, other.field), other.id
        draft = updated


# ---------------------------------------------------------------- last year's text

LAST_YEAR = """某局2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开
全年共发布信息30条，开设政务公开专栏。
（二）依申请公开
全年未收到申请。
五、存在的主要问题及改进情况
栏目更新不够及时。下一步将建立台账。
六、其他需要报告的事项
无
"""


@pytest.mark.parametrize(
    ("question_id", "expected"),
    [
        ("overview_proactive", "全年共发布信息30条，开设政务公开专栏。"),
        ("overview_on_request", "全年未收到申请。"),
        ("problems", "栏目更新不够及时。下一步将建立台账。"),
        ("other_text", "无"),
        ("overview_platform", None),
        ("agency", None),
    ],
)
def test_prior_text_finds_last_years_part(question_id: str, expected: str | None) -> None:
    draft = set_path(Draft(), "prior.report_text", LAST_YEAR)
    assert flow.prior_text(draft, BY_ID[question_id]) == expected


def test_prior_text_of_the_lead_paragraph() -> None:
    """The lead paragraph is what comes between 一、总体情况 and （一）; none when absent."""
    with_lead = LAST_YEAR.replace("一、总体情况\n", "一、总体情况\n本年度较好地完成了各项任务。\n")
    draft = set_path(Draft(), "prior.report_text", with_lead)
    assert flow.prior_text(draft, BY_ID["overview_intro"]) == "本年度较好地完成了各项任务。"
    draft = set_path(Draft(), "prior.report_text", LAST_YEAR)
    assert flow.prior_text(draft, BY_ID["overview_intro"]) is None


def test_prior_problems_are_preferred_for_section_five() -> None:
    draft = set_path(Draft(), "prior.problems", "去年的问题。")
    assert flow.prior_text(draft, BY_ID["problems"]) == "去年的问题。"
    assert flow.prior_text(Draft(), BY_ID["problems"]) is None


def test_similarity_warning_when_copied_from_last_year() -> None:
    old = (
        "本机关高度重视政务公开工作，将政务公开工作列入年度重点工作，"
        "定期召开办公会专题研究，确保各项工作任务落实到位。"
    )
    draft = set_path(Draft(), "prior.report_text", f"（五）监督保障\n{old}\n")
    question = BY_ID["overview_oversight"]
    warning = flow.similarity_warning(draft, question, old.replace("年度", "本年度"))
    assert warning is not None and "E17" in warning and "%" in warning
    fresh = (
        "本年度组织全员培训两次，邀请专家讲解条例修订要点，"
        "并对门户网站开展季度自查，整改问题十二处，全部按期完成整改。"
    )
    assert flow.similarity_warning(draft, question, fresh) is None
    assert flow.similarity_warning(Draft(), question, old) is None


def test_a_carried_out_that_would_be_negative_says_the_column_does_not_add_up() -> None:
    draft = set_path(Draft(), "table3.new", ApplicantCounts(natural=2).model_dump())
    draft = set_path(draft, "table3.carried_in", ApplicantCounts(natural=1).model_dump())
    draft = set_path(draft, "table3.outcomes.disclosed", ApplicantCounts(natural=5).model_dump())
    question = BY_ID["t3_carried_out_natural"]
    assert flow.proposal(draft, question) is None  # not a silent 0
    note = flow.proposal_note(draft, question)
    assert note is not None
    assert "对不上" in note and "−2" not in note and "-2" in note
    for label in (fmt.T3_NEW, fmt.T3_CARRIED_IN, fmt.T3_RESULTS_TOTAL):
        assert label in note
    assert "2 件" in note and "1 件" in note and "5 件" in note
    assert flow.proposal_note(draft, BY_ID["t3_carried_out_business"]) is None


def test_an_in_force_that_would_be_negative_is_not_proposed_as_zero() -> None:
    draft = set_path(Draft(), "prior.normative_documents_in_force", 1)
    draft = answer(draft, "t2_normative_issued", "0")
    draft = answer(draft, "t2_normative_repealed", "3")
    question = BY_ID["t2_normative_in_force"]
    assert flow.proposal(draft, question) is None
    assert "本年废止 3 件" in (flow.proposal_note(draft, question) or "")


def test_carried_cells_the_no_applications_branch_zeroes_need_no_confirmation() -> None:
    carried = ApplicantCounts.zeros().model_dump()
    draft = set_path(Draft(), "table3.carried_in", carried)
    cells = [f"table3.carried_in.{k}" for k in carried]
    draft = set_path(draft, "interview.unconfirmed", ["meta.agency", *cells])
    draft = answer(draft, "has_applications", "否")
    assert draft.interview.unconfirmed == ["meta.agency"]


@pytest.mark.parametrize("typed", ["是", "是的。", "有", "否", "不是"])
def test_a_bare_yes_or_no_is_not_a_practice(typed: str) -> None:
    """It would be copied into the drafted paragraph ("…32条。是。")."""
    with pytest.raises(AnswerError) as caught:
        answer(Draft(), "f_proactive_key_work", typed)
    assert "具体内容" in str(caught.value)
    assert "。。" not in str(caught.value)


def test_a_yes_as_one_line_of_a_lines_answer_is_refused() -> None:
    lines = next(q for q in QUESTIONS if q.kind is Kind.LINES and q.refuse_nothing is None)
    with pytest.raises(AnswerError):
        answer(Draft(), lines.id, "第一条具体做法\n是")


def test_a_sentence_starting_with_yes_is_an_answer() -> None:
    draft = answer(Draft(), "f_proactive_key_work", "是在门户网站开设了专栏。")
    assert flow.current_answer(draft, BY_ID["f_proactive_key_work"]) == "是在门户网站开设了专栏。"


@pytest.mark.parametrize(
    ("question_id", "typed", "kept"),
    [
        ("other_text", "无", "无"),  # 六 accepts a bare 无 as its whole text
        ("other_text", "没有", "没有"),
        ("f_other_matters", "否", None),  # nothing_is_empty: answered, with nothing to add
        ("f_other_matters", "无", None),
    ],
)
def test_a_bare_nothing_is_still_the_authors_to_give(
    question_id: str, typed: str, kept: str | None
) -> None:
    question = BY_ID[question_id]
    draft = answer(Draft(), question_id, typed)
    assert flow.is_answered(draft, question)
    assert flow.current_answer(draft, question) == kept


def test_a_bare_nothing_is_still_refused_where_reviewers_flag_it() -> None:
    with pytest.raises(AnswerError) as caught:
        answer(Draft(), "f_problems", "无")
    assert "具体内容" not in str(caught.value)  # refuse_nothing's own reason, not the yes/no one
