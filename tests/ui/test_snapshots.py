"""A few SVG snapshots at 100×32 (textual is pinned, so they are stable): update with
``uv run pytest tests/ui/test_snapshots.py --snapshot-update`` after a deliberate change."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, answer, make_app, seed_answer, settle

from assistant import store
from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.interview.session import DraftSaver
from assistant.ui.screens import review

FIXED = dt.datetime(2025, 1, 20, 18, 42)


@pytest.fixture(autouse=True)
def _same_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock, and PDF (which depends on LibreOffice being installed), held fixed."""
    monkeypatch.setattr(DraftSaver, "clock", staticmethod(lambda: FIXED))
    monkeypatch.setattr(review, "format_available", lambda name: name != "pdf")


@pytest.fixture
def home_folder() -> Path:
    """A folder under the (isolated) home, shown as ~/年报 whatever the temp path is."""
    folder = Path.home() / "年报"
    folder.mkdir()
    return folder


def test_launcher(snap_compare: Any, home_folder: Path) -> None:
    for name in ("2023年报.nianbao.yaml", "2024年报.nianbao.yaml"):
        store.save_draft(Draft(), home_folder / name)
    for day, name in enumerate(("2023年报.nianbao.yaml", "2024年报.nianbao.yaml"), start=1):
        stamp = dt.datetime(2025, 1, day, 9, 30).timestamp()
        os.utime(home_folder / name, (stamp, stamp))
    assert snap_compare(make_app(None, home_folder), terminal_size=SIZE)


def test_a_question_with_a_refused_answer(snap_compare: Any, home_folder: Path) -> None:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await answer(pilot, "沈阳市人民政府外事办公室")
        await answer(pilot, "9")
        await settle(pilot)

    app = make_app(home_folder / "2024年报.nianbao.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_review(
    snap_compare: Any, home_folder: Path, seed: Draft, questions: list[Question]
) -> None:
    draft = Draft()
    while (question := flow.next_question(draft, questions)) is not None:
        if question.id == "other_text":
            break
        draft = flow.apply_answer(draft, question, seed_answer(seed, question), questions)
    path = home_folder / "2024年报.nianbao.yaml"
    store.save_draft(draft, path)

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await answer(pilot, "无")
        await settle(pilot)

    assert snap_compare(make_app(path), terminal_size=SIZE, run_before=run_before)
