"""Helpers for driving the terminal assistant with Pilot, by keys (and pastes) only.

A plain module (not a conftest) so that test files can import it by name."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.interview.drafting import proposal
from assistant.store import load_draft
from assistant.ui.app import NianbaoApp
from assistant.ui.screens.interview import InterviewScreen

REPO = Path(__file__).resolve().parents[2]
SIZE = (100, 32)

SEED_GATES = {"makes_regulations": "否", "has_applications": "否", "has_appeals": "否"}
"""The seed report's gate answers (a bureau with no 规章 power, no applications, no appeals)."""


def make_app(path: Path | None, folder: Path | None = None) -> NianbaoApp:
    return NianbaoApp(path, folder or (path.parent if path is not None else Path.cwd()))


def interview(app: NianbaoApp) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), f"expected the interview, got {screen!r}"
    return screen


BACKGROUND = {"save", "check", "preview", "review-check", "review-write", "save-as"}
"""Worker groups that finish by themselves (others may be waiting for the author)."""


async def settle(pilot: Pilot[Any]) -> None:
    """Let messages and background work (saves, checks, renders) run out."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            if worker.group in BACKGROUND and worker.is_running:
                with contextlib.suppress(WorkerCancelled, WorkerFailed):
                    await worker.wait()
    await pilot.pause()


def _key(char: str) -> str:
    return "space" if char == " " else char


def _typeable(char: str) -> bool:
    """Pilot presses letters, digits and ASCII marks; it drops "，" or "、" (no key name)."""
    return char.isalnum() or char.isascii()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (long text, or text with Chinese punctuation, is pasted, as an
    author pastes from Word or an input method commits a phrase)."""
    if len(text) > 40 or "\n" in text or not all(_typeable(c) for c in text):
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()
    else:
        await pilot.press(*(_key(c) for c in text))


async def clear_input(pilot: Pilot[Any]) -> None:
    """Empty the one-line input: Home, then Ctrl+K (delete to the end)."""
    await pilot.press("home", "ctrl+k")


async def answer(pilot: Pilot[Any], text: str) -> None:
    """Replace whatever is in the answer box with ``text`` and submit it."""
    box = interview(pilot.app).answer_box  # type: ignore[arg-type]
    if box.narrative:
        if box.text:
            await pilot.press("f7", "backspace")  # select all, delete
        await type_text(pilot, text)
        await pilot.press("ctrl+s")
    else:
        await clear_input(pilot)
        await type_text(pilot, text)
        await pilot.press("enter")
    await pilot.pause()


def seed_answer(seed: Draft, question: Question) -> str:
    """What the seed author answered to ``question`` (gates from SEED_GATES)."""
    text = flow.current_answer(seed, question)
    if text is None:
        text = SEED_GATES.get(question.id, "")
    return text


def saved(path: Path) -> Draft:
    return load_draft(path)


def answered_until(
    questions: list[Question],
    stop: str | None,
    answers: dict[str, str],
    seed: Draft | None = None,
    skipped: frozenset[str] = frozenset(),
) -> Draft:
    """A new draft answered up to ``stop`` (None: to the end) from ``answers``, else the seed,
    else the proposal; the questions in ``skipped`` are skipped (left for later)."""
    draft = Draft()
    while (question := flow.next_question(draft, questions)) is not None:
        if question.id == stop:
            return draft
        if question.id in skipped:
            draft = flow.skip(draft, question)
            continue
        if question.id in answers:
            reply = answers[question.id]
        elif seed is not None:
            reply = seed_answer(seed, question)
        else:
            reply = proposal(draft, question, questions) or ""  # Enter on what is proposed
        draft = flow.apply_answer(draft, question, reply, questions)
    assert stop is None, f"{stop} is never asked"
    return draft
