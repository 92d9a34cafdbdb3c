"""Fixtures for the terminal assistant tests."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from assistant.core.questions import Question
from assistant.promptfiles import load_questions


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder / "年报.nianbao.yaml"


@pytest.fixture(scope="session")
def questions() -> list[Question]:
    return load_questions()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives the app (an async Pilot journey or a real terminal) is ``slow``:
    ``pytest -m "not slow"`` is the quick set a developer runs between changes."""
    here = Path(__file__).parent
    for item in items:
        function = getattr(item, "function", None)
        if item.path.is_relative_to(here) and (
            inspect.iscoroutinefunction(function) or "terminal" in item.name
        ):
            item.add_marker(pytest.mark.slow)
