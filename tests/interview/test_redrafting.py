"""Composed paragraphs follow the numbers they cite: redrafted when kept, flagged when edited."""

from __future__ import annotations

from pathlib import Path

from example import SEED_PATH

from assistant.core.draft import Draft
from assistant.core.flow import apply_answer
from assistant.interview import Interview, Session, drafting, redrafting
from assistant.promptfiles import load_questions
from assistant.store import load_draft, save_draft

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}
PARAGRAPH = BY_ID["overview_on_request"]


def _helped() -> Draft:
    """The seed, with drafting help asked and the facts of 一（二） given."""
    draft = load_draft(SEED_PATH)
    for question_id, typed in (
        ("compose_help", "是"),
        ("f_request_channels", "门户网站、信函"),
        ("f_request_practice", "严格按法定时限答复"),
    ):
        draft = apply_answer(draft, BY_ID[question_id], typed, QUESTIONS)
    return draft


def _interview(tmp_path: Path, draft: Draft) -> Interview:
    interview = Interview(Session(tmp_path / "d.nianbao.yaml", draft), QUESTIONS, keys=False)
    interview.start()
    return interview


def _answer(interview: Interview, question_id: str, typed: str) -> list[str]:
    interview.revisit(BY_ID[question_id])
    reply = interview.answer(typed)
    assert reply.refused is None, reply.refused
    return [s.text for s in reply.said]


def _applications(interview: Interview, new: str, disclosed: str, carried_out: str) -> list[str]:
    """Answer 表三 for natural persons only: 新收, 上年结转 0, 予以公开, 结转."""
    said = _answer(interview, "has_applications", "是")
    for question_id, typed in (
        ("applicant_kinds", "1"),
        ("outcome_groups", "1"),
        ("t3_new_natural", new),
        ("t3_carried_in_natural", "0"),
        ("t3_disclosed_natural", disclosed),
        ("t3_carried_out_natural", carried_out),
    ):
        said += _answer(interview, question_id, typed)
    return said


def _paragraph(interview: Interview) -> str:
    text = interview.draft.overview.on_request
    assert text is not None
    return text


def test_a_kept_paragraph_is_redrafted_when_its_numbers_change(tmp_path: Path) -> None:
    interview = _interview(tmp_path, _helped())
    composed = redrafting._composed(interview.draft, PARAGRAPH, QUESTIONS)
    assert composed is not None and "未收到政府信息公开申请" in composed
    _answer(interview, "overview_on_request", composed)
    said = _applications(interview, "7", "5", "2")
    text = _paragraph(interview)
    assert "共收到政府信息公开申请7件" in text and "办结5件" in text, text
    assert "门户网站、信函" in text
    assert any("已按新的数字重写" in line for line in said)
    assert redrafting.stale(interview.draft, QUESTIONS) == []


def test_an_edited_paragraph_is_flagged_and_rewritten_on_request(tmp_path: Path) -> None:
    interview = _interview(tmp_path, _helped())
    _answer(interview, "overview_on_request", "本机关全年没有收到申请，另有说明。")
    said = _applications(interview, "3", "3", "0")
    assert _paragraph(interview) == "本机关全年没有收到申请，另有说明。"  # the author's text stays
    (stale,) = redrafting.stale(interview.draft, QUESTIONS)
    assert stale.question is PARAGRAPH
    flagged = [line for line in said if "引用的数字变了" in line]
    assert len(flagged) == 1 and "/redraft" in flagged[0]

    interview.revisit(PARAGRAPH)
    reply = interview.command("redraft")
    assert reply.committed
    assert "共收到政府信息公开申请3件" in _paragraph(interview)
    assert redrafting.stale(interview.draft, QUESTIONS) == []


def test_changes_name_the_old_and_new_numbers() -> None:
    assert redrafting.changes("收到申请75件，办结74件。", "收到申请76件，办结74件。") == [
        ("75", "76")
    ]


def test_the_composed_paragraph_is_kept_in_typed_bookkeeping(tmp_path: Path) -> None:
    """The record lives in ``interview.drafted`` (by field path), not among the gate answers,
    and reads back from the saved draft, so the flag survives closing the assistant."""
    interview = _interview(tmp_path, _helped())
    _answer(interview, "overview_on_request", "本机关全年没有收到申请，另有说明。")
    composed = redrafting._composed(interview.draft, PARAGRAPH, QUESTIONS)
    assert interview.draft.interview.drafted == {"overview.on_request": composed}
    assert not any(key.startswith("_") for key in interview.draft.interview.answers)
    _answer(interview, "has_applications", "是")
    _answer(interview, "applicant_kinds", "1")
    _answer(interview, "outcome_groups", "1")
    _answer(interview, "t3_new_natural", "3")
    path = tmp_path / "again.nianbao.yaml"
    save_draft(interview.draft, path)
    again = load_draft(path)
    assert again.interview.drafted == interview.draft.interview.drafted
    (stale,) = redrafting.stale(again, QUESTIONS)
    assert stale.changes == [("无", "2024、3、0")]  # "2024年…收到申请3件，办结0件" came
    note = drafting.aid(again, PARAGRAPH, QUESTIONS).note
    assert note is not None and "->" in note and "/redraft" in note


def test_changes_when_sentences_come_or_go_name_only_the_differing_numbers() -> None:
    old = "2024年，本机关共收到申请3件。"
    new = "2024年，本机关共收到申请3件，办结2件，结转1件。"
    assert redrafting.changes(old, new) == [("无", "2、1")]
