"""The shipped example is a finished draft: opening it leads straight to the review."""

from __future__ import annotations

from pathlib import Path

from assistant.core import flow
from assistant.core.checks import blocking_findings
from assistant.promptfiles import load_questions
from assistant.store import load_draft

SEED = Path(__file__).resolve().parents[2] / "examples" / "shenyang-2024.nianbao.yaml"


def test_the_example_has_every_question_answered_or_passed() -> None:
    draft = load_draft(SEED)
    questions = load_questions()
    assert flow.next_question(draft, questions) is None
    assert flow.deferred(draft, questions) == []
    assert flow.missing(draft, questions) == []
    assert blocking_findings(draft) == []
    progress = flow.progress(draft, questions)
    assert all(done == total for done, total in progress.values()), progress
