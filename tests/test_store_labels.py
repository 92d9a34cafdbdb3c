"""The draft file's comments name the answers as the checks and messages do: ``FIELD_TITLES``."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core import format as fmt
from assistant.store import dump_draft, load_draft
from assistant.store.layout import label_for

SEED = Path(__file__).resolve().parent.parent / "examples" / "shenyang-2024.nianbao.yaml"


@pytest.mark.parametrize("path", sorted(fmt.FIELD_TITLES))
def test_each_answer_is_labelled_from_the_registry(path: str) -> None:
    label = label_for(tuple(path.split(".")))
    assert label is not None and label.startswith(fmt.FIELD_TITLES[path])


def test_the_file_uses_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Renaming a field in the registry renames it in the file: no second copy in the store."""
    monkeypatch.setitem(fmt.FIELD_TITLES, "other.proposals", "建议提案（改名）")
    text = dump_draft(load_draft(SEED))
    (line,) = [line for line in text.splitlines() if line.lstrip().startswith("proposals:")]
    assert line.endswith("# 建议提案（改名）")
    (line,) = [line for line in text.splitlines() if line.lstrip().startswith("published:")]
    assert line.endswith(f"# {fmt.FIELD_TITLES['meta.published']}，如 2025-01-22")
