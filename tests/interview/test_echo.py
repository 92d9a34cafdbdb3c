"""What the conversation echoes after an answer: what the author meant, as they saw it."""

from __future__ import annotations

from pathlib import Path

from assistant.core.draft import Draft
from assistant.interview import Interview, Session
from assistant.promptfiles import load_questions

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}


def echoed(tmp_path: Path, question_id: str, typed: str) -> str:
    interview = Interview(
        Session(tmp_path / "d.nianbao.yaml", Draft(), is_new=True), QUESTIONS, keys=True
    )
    interview.start()
    interview.revisit(BY_ID[question_id])
    reply = interview.answer(typed)
    assert reply.refused is None, reply.refused
    return next(s.text for s in reply.said if s.kind == "author")


def test_enter_on_an_optional_yes_no_echoes_no(tmp_path: Path) -> None:
    assert echoed(tmp_path, "compose_help", "") == "否"


def test_an_optional_text_passed_echoes_not_filled(tmp_path: Path) -> None:
    assert echoed(tmp_path, "f_agency_short", "") == "（不填）"


def test_a_choice_echo_drops_the_item_number_the_list_shows(tmp_path: Path) -> None:
    assert echoed(tmp_path, "items_unavailable", "1、2") == (
        "本机关不掌握相关政府信息、没有现成信息需要另行制作"
    )


def test_a_fresh_next_year_draft_is_greeted_as_new_not_welcomed_back(tmp_path: Path) -> None:
    from assistant.commands.next_year import next_year
    from assistant.core.draft import set_path

    last = set_path(set_path(Draft(), "meta.year", 2024), "meta.agency", "某市某局")
    draft = next_year(last)
    interview = Interview(Session(tmp_path / "d.nianbao.yaml", draft), QUESTIONS, keys=True)
    hello = interview.greeting()
    assert "欢迎回来" not in hello
    assert "2025 年度" in hello and "2024 年" in hello
    interview.start()
    interview.answer("某市某局")
    assert "欢迎回来" in interview.greeting()
