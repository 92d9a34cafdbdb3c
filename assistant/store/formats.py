"""The output formats an author last chose for each draft, in ``state_dir()/formats.json``.

A convenience, like the recent-drafts list: the review's format picker starts from the last
choice made for the same draft. Reading never fails (a damaged file counts as no choice, and is
set aside as ``formats.json.damaged`` at the next write instead of being silently overwritten),
and failing to write is ignored; the draft file itself stays the report and nothing else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final

from assistant.locations import state_dir
from assistant.store.atomic import write_atomic

KEEP: Final = 50
"""How many drafts' choices are remembered."""


def formats_file() -> Path:
    return state_dir() / "formats.json"


def _choices() -> tuple[dict[str, list[str]], bool]:
    """(the choices by absolute draft path, whether the file exists but could not be read)."""
    try:
        raw = formats_file().read_bytes()
    except OSError:
        return {}, False
    try:
        content: Any = json.loads(raw)
    except ValueError:
        return {}, True
    if not isinstance(content, dict):
        return {}, True
    choices = {
        path: [name for name in names if isinstance(name, str)]
        for path, names in content.items()
        if isinstance(path, str) and isinstance(names, list)
    }
    return choices, False


def chosen_formats(draft: Path) -> list[str] | None:
    """The formats last chosen for ``draft`` (None when never chosen)."""
    return _choices()[0].get(os.path.abspath(draft))


def remember_formats(draft: Path, names: list[str]) -> None:
    """Remember ``names`` as the formats chosen for ``draft`` (never raises)."""
    try:
        choices, damaged = _choices()
        key = os.path.abspath(draft)
        choices.pop(key, None)
        kept = dict(list(choices.items())[-(KEEP - 1) :])
        kept[key] = list(names)
        target = formats_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        if damaged:
            os.replace(target, target.with_name(target.name + ".damaged"))
        data = json.dumps(kept, ensure_ascii=False, indent=2) + "\n"
        write_atomic(target, data.encode("utf-8"))
    except (OSError, ValueError):
        pass
