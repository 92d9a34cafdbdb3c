"""The shipped example is a finished draft: opening it leads straight to the review."""

from __future__ import annotations

from assistant.core import flow
from assistant.core.checks import blocking_findings
from assistant.core.draft import Draft
from assistant.promptfiles import load_questions


def test_the_example_has_every_question_answered_or_passed(seed: Draft) -> None:
    draft = seed
    questions = load_questions()
    assert flow.next_question(draft, questions) is None
    assert flow.deferred(draft, questions) == []
    assert flow.missing(draft, questions) == []
    assert blocking_findings(draft) == []
    progress = flow.progress(draft, questions)
    assert all(done == total for done, total in progress.values()), progress
