"""What the drafting help adds to a question on screen, taken from the core as it stands.

For a narrative: the text to prefill and whether it is a paragraph composed from the author's
facts, or which skipped facts keep it from being composed. For a narrative and for the fact
questions that feed it: last year's text of that part (a draft started with ``nianbao
next-year``). No textual here: each front end decides how to show it.

Composing is rendering (jinja2 templates, ``assistant.render.compose``), which core may not
import: :func:`proposal` is the one place that puts the composed paragraph before core's own
proposals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.rollup.provenance import provenance_line


@dataclass(frozen=True)
class Aid:
    """The drafting help for one question."""

    prefill: str
    """What goes in the input: the current answer, else the proposal (maybe a composed draft)."""
    composed: bool = False
    """True when ``prefill`` is a paragraph the assistant drafted from the author's facts."""
    missing: list[Question] = field(default_factory=list)
    """Required facts the author skipped, without which nothing is composed."""
    prior: str | None = None
    """Last year's text of this part, when known."""
    provenance: str | None = None
    """On a roll-up draft's table cell: where its number came from ("来自 12 个单位，最大：
    某某局 35"), or why the cell is the government's own figure and asked, not summed."""
    note: str | None = None
    """A warning to show with the prefill: why nothing is proposed (the numbers it comes from do
    not add up), or an edited composed paragraph whose numbers changed."""


def shown_provenance(line: str) -> str:
    """How every front end shows ``Aid.provenance`` under the question."""
    return f"【汇总】{line}"


def _part_of(question: Question, questions: Sequence[Question]) -> Question:
    """The narrative a fact question feeds (the question itself for anything else)."""
    if question.field is not None or question.compose is not None:
        return question
    from assistant.render.compose import template_facts

    for candidate in questions:
        if candidate.compose is not None and question.id in template_facts(candidate.compose):
            return candidate
    return question


def _prior(draft: Draft, question: Question, questions: Sequence[Question]) -> str | None:
    if not (draft.prior.report_text or draft.prior.problems):
        return None  # most drafts: no need to look further (nor to load the templates)
    return flow.prior_text(draft, _part_of(question, questions))


def proposal(draft: Draft, question: Question, questions: Sequence[Question]) -> str | None:
    """What to prefill: the paragraph composed from the author's facts, else core's proposal."""
    if question.compose is not None:
        from assistant.render.compose import compose

        composed = compose(draft, question, questions)
        if composed is not None:
            return composed
    return flow.proposal(draft, question)


def _stale_note(draft: Draft, question: Question, questions: Sequence[Question]) -> str | None:
    """An edited composed paragraph whose numbers changed: which ones (see ``redrafting``)."""
    if question.compose is None:
        return None
    from assistant.interview import messages, redrafting

    stale = [s for s in redrafting.stale(draft, questions) if s.question.id == question.id]
    if not stale:
        return None
    note = redrafting.stale_note(stale[0], messages.part_title(question))
    return f"{note}可以输入 /redraft（终端界面中按 F8）按新数字重写。"


def aid(draft: Draft, question: Question, questions: Sequence[Question]) -> Aid:
    """What to show with ``question``: the prefill, whether it is composed, last year's text,
    and on a roll-up draft where a cell's number came from."""
    prior = _prior(draft, question, questions)
    provenance = provenance_line(draft, question.field)
    current = flow.current_answer(draft, question)
    if current is not None:
        note = _stale_note(draft, question, questions)
        return Aid(prefill=current, prior=prior, provenance=provenance, note=note)
    if question.compose is None:
        proposed = flow.proposal(draft, question) or ""
        note = flow.proposal_note(draft, question)
        return Aid(prefill=proposed, prior=prior, provenance=provenance, note=note)
    from assistant.render.compose import compose, missing_facts

    composed = compose(draft, question, questions)
    proposed = composed if composed is not None else flow.proposal(draft, question) or ""
    return Aid(
        prefill=proposed,
        composed=composed is not None,
        missing=missing_facts(draft, question, questions),
        prior=prior,
    )
