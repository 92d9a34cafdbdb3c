"""The drafting help says why a computed proposal is missing."""

from __future__ import annotations

from assistant.core.draft import ApplicantCounts, Draft, set_path
from assistant.interview import drafting
from assistant.promptfiles import load_questions

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}


def test_the_aid_of_a_negative_carried_out_has_no_prefill_and_a_note() -> None:
    draft = set_path(Draft(), "table3.new", ApplicantCounts(natural=2).model_dump())
    draft = set_path(draft, "table3.outcomes.disclosed", ApplicantCounts(natural=5).model_dump())
    aid = drafting.aid(draft, BY_ID["t3_carried_out_natural"], QUESTIONS)
    assert aid.prefill == ""
    assert aid.note is not None and "对不上" in aid.note


def test_an_adding_up_column_gets_its_proposal_and_no_note() -> None:
    draft = set_path(Draft(), "table3.new", ApplicantCounts(natural=7).model_dump())
    draft = set_path(draft, "table3.outcomes.disclosed", ApplicantCounts(natural=5).model_dump())
    aid = drafting.aid(draft, BY_ID["t3_carried_out_natural"], QUESTIONS)
    assert (aid.prefill, aid.note) == ("2", None)
