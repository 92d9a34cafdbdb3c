"""Fixtures for the terminal assistant tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import SEED_PATH

from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.promptfiles import load_questions
from assistant.store import load_draft


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder / "年报.nianbao.yaml"


@pytest.fixture(scope="session")
def seed() -> Draft:
    return load_draft(SEED_PATH)


@pytest.fixture(scope="session")
def questions() -> list[Question]:
    return load_questions()
