"""Fixtures for the render tests: the seed draft, loaded as the application loads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.draft import Draft

SEED = Path(__file__).resolve().parents[2] / "examples" / "shenyang-2024.nianbao.yaml"


def load_seed() -> Draft:
    # TODO: switch to assistant.store.load_draft alone once store.py lands.
    try:
        from assistant.store import load_draft
    except ImportError:
        import yaml

        return Draft.model_validate(yaml.safe_load(SEED.read_text(encoding="utf-8")))
    return load_draft(SEED)


@pytest.fixture
def seed() -> Draft:
    return load_seed()
