"""The example report every test retells: one path, one loader (fixtures in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from assistant.core.draft import Draft

REPO = Path(__file__).resolve().parent.parent
SEED_PATH = REPO / "examples" / "shenyang-2024.nianbao.yaml"
"""沈阳市人民政府外事办公室 2024: a bureau with no applications and no appeals."""


def load_seed() -> Draft:
    """The example draft, loaded as the assistant loads it."""
    from assistant.store import load_draft

    return load_draft(SEED_PATH)
