"""Fixtures for the render tests: the seed draft, loaded as the application loads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.draft import Draft
from assistant.store import load_draft

SEED = Path(__file__).resolve().parents[2] / "examples" / "shenyang-2024.nianbao.yaml"


def load_seed() -> Draft:
    return load_draft(SEED)


@pytest.fixture
def seed() -> Draft:
    return load_seed()
