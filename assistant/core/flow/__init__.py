"""The interview engine: a checklist, not a flowchart. Pure functions of (draft, questions).

The next question is derived, never remembered: the first visible question that is unanswered
and not skipped. Required questions must be answered for a complete report; optional ones are
offered once, and an empty answer passes them (recorded as declined). Going back or jumping only
moves the UI's cursor: no function here deletes an answer.

Table cells that opt in with ``zero_when_hidden`` are set to 0 as soon as their gate answers
say they do not apply ("no applications this year"); the engine remembers which zeros it wrote
(``interview.zeroed``) so that a cell that applies again is asked again, and an answer it had to
overwrite is kept (``interview.kept``) and put back.

- :mod:`.state`: one question's stored value, its text, answered / declined / visible;
- :mod:`.proposals`: what to prefill (computed proposals, carried values) and last year's text;
- :mod:`.applying`: storing answers, skipping, zero-filling cells that no longer apply;
- :mod:`.navigation`: next / previous / following question, section starts, progress.
"""

from __future__ import annotations

from assistant.core.flow.applying import (
    apply_answer,
    compress_zeroed,
    expand_zeroed,
    settle,
    skip,
    unskip,
)
from assistant.core.flow.navigation import (
    deferred,
    following_question,
    missing,
    next_question,
    previous_question,
    progress,
    question_by_id,
    question_for_field,
    section_start,
    visible_questions,
)
from assistant.core.flow.proposals import (
    PROPOSALS,
    Proposal,
    prior_text,
    proposal,
    proposal_note,
    similarity_warning,
)
from assistant.core.flow.state import (
    current_answer,
    format_value,
    is_answered,
    is_declined,
    is_skipped,
    is_visible,
    parse_value,
    stored_value,
)

__all__ = [
    "PROPOSALS",
    "Proposal",
    "apply_answer",
    "compress_zeroed",
    "current_answer",
    "deferred",
    "expand_zeroed",
    "following_question",
    "format_value",
    "is_answered",
    "is_declined",
    "is_skipped",
    "is_visible",
    "missing",
    "next_question",
    "parse_value",
    "previous_question",
    "prior_text",
    "progress",
    "proposal",
    "proposal_note",
    "question_by_id",
    "question_for_field",
    "section_start",
    "settle",
    "similarity_warning",
    "skip",
    "stored_value",
    "unskip",
    "visible_questions",
]
