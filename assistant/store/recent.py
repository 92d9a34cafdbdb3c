"""The list of recently opened drafts, kept in ``locations.recent_file()``
(``$XDG_STATE_HOME/nianbao/recent.json`` on Linux).

It is a convenience: reading it never fails (a damaged file counts as an empty list and is set
aside as ``recent.json.damaged`` at the next write instead of being silently overwritten), and
failing to write it is ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any, Final

from assistant.locations import recent_file, state_dir
from assistant.store.atomic import write_atomic

__all__ = ["KEEP", "recent_drafts", "recent_file", "remember_draft", "state_dir"]

KEEP: Final = 20
"""How many drafts the list remembers."""


def _entries() -> tuple[list[dict[str, str]], bool]:
    """(the valid entries, whether the file exists but could not be understood)."""
    try:
        raw = recent_file().read_bytes()
    except OSError:
        return [], False
    try:
        content: Any = json.loads(raw)
    except ValueError:
        return [], True
    if not isinstance(content, list):
        return [], True
    entries = [
        {"path": item["path"], "opened": str(item.get("opened", ""))}
        for item in content
        if isinstance(item, dict) and isinstance(item.get("path"), str) and item["path"]
    ]
    return entries, False


def recent_drafts() -> list[Path]:
    """Drafts opened lately that still exist, most recent first."""
    paths: list[Path] = []
    for entry in _entries()[0]:
        path = Path(entry["path"])
        if path.is_file() and path not in paths:
            paths.append(path)
    return paths


def remember_draft(path: Path) -> None:
    """Put ``path`` at the top of the recent list (never raises)."""
    try:
        absolute = str(Path(os.path.abspath(path)))
        entries, damaged = _entries()
        entries = [e for e in entries if e["path"] != absolute]
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        entries.insert(0, {"path": absolute, "opened": now})
        target = recent_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        if damaged:
            os.replace(target, target.with_name(target.name + ".damaged"))
        data = json.dumps(entries[:KEEP], ensure_ascii=False, indent=2) + "\n"
        write_atomic(target, data.encode("utf-8"))
    except (OSError, ValueError):
        pass
