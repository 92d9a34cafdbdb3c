"""A roll-up draft in the interview: each cell's provenance on its question (driver and --plain),
the scope switched with /scope, and the scope stated by the composed 总体情况."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rollup_units import GOVERNMENT, YEAR, unit_draft

from assistant.commands.plain import Console, PlainSession
from assistant.core import flow
from assistant.core.draft import Draft, RollupScope, get_path, set_path
from assistant.interview import Interview, Session, drafting
from assistant.promptfiles import load_questions
from assistant.render import render_report
from assistant.render.compose import REGION_SUBJECT, compose
from assistant.rollup.provenance import provenance_line, scope_statement
from assistant.rollup.scope import GATE_QUESTIONS, with_scope
from assistant.rollup.sums import OWN_CELLS, SUMMED_PATHS, Tally, cell_values, summary_draft

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}
CELL = "table3.new.natural"
"""A summed cell with its own question (t3_new_natural)."""
OWN = "table2.regulations.in_force"


def summary(count: int = 3, scope: RollupScope = RollupScope.REGION) -> Draft:
    tally = Tally()
    for i in range(count):
        unit = unit_draft(100 + i, f"某某县第{i}局")
        tally.add(unit.meta.agency or "", cell_values(unit), None)
    return summary_draft(tally, government=GOVERNMENT, year=YEAR, scope=scope)


def helped(draft: Draft, facts: dict[str, object] | None = None) -> Draft:
    answers = {**draft.interview.answers, "compose_help": True, **(facts or {})}
    return draft.model_copy(
        update={"interview": draft.interview.model_copy(update={"answers": answers})}
    )


def interview_on(draft: Draft, tmp_path: Path) -> Interview:
    return Interview(Session(tmp_path / "汇总.nianbao.yaml", draft), QUESTIONS, keys=False)


def question_of(field: str) -> str:
    question = flow.question_for_field(QUESTIONS, field)
    assert question is not None
    return question.id


# ---------------------------------------------------------------- provenance on the question


def test_a_summed_cells_question_carries_its_provenance(tmp_path: Path) -> None:
    draft = summary()
    interview = interview_on(draft, tmp_path)
    reply = interview.revisit(BY_ID[question_of(CELL)])
    assert reply.asked is not None and reply.asked.field == CELL
    aid = drafting.aid(interview.draft, reply.asked, QUESTIONS)
    assert aid.provenance == provenance_line(draft, CELL)
    assert aid.provenance is not None and aid.provenance.startswith("来自 ")
    assert aid.prefill == str(get_path(draft, CELL))


def test_a_cell_not_summed_is_asked_saying_it_is_the_governments_own(tmp_path: Path) -> None:
    draft = summary()
    interview = interview_on(draft, tmp_path)
    reply = interview.revisit(BY_ID[question_of(OWN)])
    assert reply.asked is not None
    aid = drafting.aid(interview.draft, reply.asked, QUESTIONS)
    assert aid.provenance == f"此格不汇总：{OWN_CELLS[OWN]}。"
    assert aid.prefill == ""  # asked, not summed


def test_no_provenance_on_an_ordinary_draft_nor_on_a_narrative(tmp_path: Path) -> None:
    unit = unit_draft(1, "某某县第1局")
    assert drafting.aid(unit, BY_ID[question_of(CELL)], QUESTIONS).provenance is None
    assert drafting.aid(summary(), BY_ID["problems"], QUESTIONS).provenance is None


def test_plain_shows_the_provenance_and_the_reason_a_cell_is_asked(tmp_path: Path) -> None:
    draft = summary()
    path = tmp_path / "汇总.nianbao.yaml"
    # Into 表二: its first open question is the 规章 gate; after "是", its 规章 cells are open.
    typed = ["/goto 二", "是", "/goto 二"]
    out = io.StringIO()
    console = Console(io.StringIO("".join(t + "\n" for t in typed)), out)
    PlainSession(path, draft, QUESTIONS, console).run()
    text = out.getvalue()
    assert f"【汇总】此格不汇总：{OWN_CELLS['table2.regulations.issued']}。" in text


# ---------------------------------------------------------------- the scope


def test_switching_to_own_empties_the_summed_cells_and_back_restores_the_sums() -> None:
    region = set_path(summary(), OWN, 4)
    own = with_scope(region, RollupScope.OWN)
    assert own.rollup is not None and own.rollup.scope is RollupScope.OWN
    assert all(get_path(own, p) is None for p in SUMMED_PATHS)
    assert get_path(own, OWN) == 4  # the government's own figure stays
    assert not GATE_QUESTIONS & set(own.interview.answers)
    assert own.rollup.sources == region.rollup.sources if region.rollup else False
    back = with_scope(own, RollupScope.REGION)
    assert all(get_path(back, p) == get_path(region, p) for p in SUMMED_PATHS)
    gates = {k: v for k, v in region.interview.answers.items() if k in GATE_QUESTIONS}
    assert {k: v for k, v in back.interview.answers.items() if k in GATE_QUESTIONS} == gates
    assert with_scope(back, RollupScope.REGION) is back
    with pytest.raises(ValueError):
        with_scope(unit_draft(1, "某局"), RollupScope.OWN)


def test_the_scope_command_says_switches_and_refuses(tmp_path: Path) -> None:
    interview = interview_on(summary(), tmp_path)
    greeting = [s.text for s in interview.start().said]
    opening = "这是由各单位年报汇总生成的草稿，统计口径为「本行政区域汇总」"
    assert any(t.startswith(opening) for t in greeting)
    said = interview.command("scope").said[0].text
    assert "本行政区域汇总" in said and "3 个单位的合计" in said
    assert interview.submit("/scope 乱写").refused == (
        "没有「乱写」这种统计口径。输入 /scope 本机关 或 /scope 汇总 可以切换。"
    )
    reply = interview.submit("/口径 本机关")
    assert reply.committed and "已改为「本机关」" in reply.said[0].text
    assert interview.draft.rollup is not None
    assert interview.draft.rollup.scope is RollupScope.OWN
    assert get_path(interview.draft, CELL) is None
    assert "已经是「本机关」" in interview.submit("/scope 本机关").said[0].text
    assert interview.submit("/scope 汇总").committed
    assert get_path(interview.draft, CELL) == interview.draft.rollup.sources[CELL].total


def test_after_the_switch_the_question_is_asked_again_with_the_new_scopes_proposal(
    tmp_path: Path,
) -> None:
    interview = interview_on(helped(summary()), tmp_path)
    interview.revisit(BY_ID["overview_intro"])
    before = drafting.aid(interview.draft, BY_ID["overview_intro"], QUESTIONS).prefill
    assert "本行政区域汇总数据" in before
    reply = interview.submit("/scope 本机关", before)
    assert reply.asked is not None and reply.asked.id == "overview_intro"
    after = drafting.aid(interview.draft, reply.asked, QUESTIONS).prefill
    assert after == scope_statement(interview.draft) and "未计入本报告各表" in after


def test_the_scope_command_on_an_ordinary_draft_says_there_is_none(tmp_path: Path) -> None:
    interview = interview_on(Draft(), tmp_path)
    interview.start()
    reply = interview.submit("/scope 本机关")
    assert "不是由 nianbao rollup 汇总生成的" in reply.said[0].text
    assert not reply.committed


# ---------------------------------------------------------------- the scope in 总体情况


@pytest.mark.parametrize("scope", list(RollupScope))
def test_the_composed_lead_paragraph_states_the_scope_in_the_report(scope: RollupScope) -> None:
    draft = helped(summary(scope=scope))
    composed = compose(draft, BY_ID["overview_intro"], QUESTIONS)
    assert composed is not None and composed == scope_statement(draft)
    expected = "本行政区域汇总数据" if scope is RollupScope.REGION else "未计入本报告各表"
    assert expected in composed
    accepted = flow.apply_answer(draft, BY_ID["overview_intro"], composed, QUESTIONS)
    report = render_report(accepted, "md", force=True)
    assert isinstance(report, str)
    overview = report.split("一、总体情况")[1].split("二、主动公开")[0]
    assert expected in overview


def test_an_ordinary_draft_gets_no_lead_paragraph() -> None:
    assert compose(helped(unit_draft(1, "某局")), BY_ID["overview_intro"], QUESTIONS) is None


def test_the_region_totals_are_the_regions_not_the_agencys() -> None:
    facts = {"f_request_channels": "信函"}
    region = helped(summary(), facts)
    on_request = compose(region, BY_ID["overview_on_request"], QUESTIONS) or ""
    assert f"{YEAR}年，{REGION_SUBJECT}共收到政府信息公开申请" in on_request
    assert f"{REGION_SUBJECT}因政府信息公开被申请行政复议" in on_request
    # 本机关 with the same numbers typed in by the government: they are the agency's own.
    own = with_scope(summary(), RollupScope.OWN)
    for path in SUMMED_PATHS:
        own = set_path(own, path, get_path(region, path))
    on_request = compose(helped(own, facts), BY_ID["overview_on_request"], QUESTIONS) or ""
    assert f"{YEAR}年，本机关共收到政府信息公开申请" in on_request
    assert REGION_SUBJECT not in on_request
