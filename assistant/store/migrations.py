"""Schema migrations: each older draft layout is brought forward one version at a time.

A migration is a small named function from the data of version N to the data of version N + 1,
applied to the plain values read from YAML before validation. It moves what it knows and leaves
anything else in place, so that validation reports it with the field and line where it sits.

Version history:

- 0: the first drafts (files without ``schema_version`` are read as 0). Gate answers and
  deferred questions were top-level ``answers`` and ``skipped`` (there was no ``interview``
  section); 表三's 21 result rows were ``table3.results``; the contact lines were one text
  ``meta.contact``.
- 1: the interview's bookkeeping hid among the gate answers as string keys: ``_zeroed`` (every
  cell set to 0, one by one: 162 entries after "no applications, no appeals") and
  ``_kept:<path>`` (an author's value a 0 overwrote).
- 2: today's layout (``assistant.core.draft``): typed ``interview.zeroed`` (compact: a prefix
  such as ``table3`` stands for every such cell under it, written so at the next answer) and
  ``interview.kept``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from assistant.core.draft import SCHEMA_VERSION

Data = dict[str, Any]
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Migration:
    """One step, from ``source`` to ``source + 1``."""

    source: int
    apply: Callable[[Data], Data]
    moved: tuple[tuple[str, str], ...] = ()
    """(old dotted path, new dotted path) of what it moves, to point errors at the old place."""


def _move(data: Data, old: str, new: str) -> None:
    """Move the value at dotted ``old`` to dotted ``new`` when ``new`` is still free."""
    *old_parents, old_key = old.split(".")
    source: Any = data
    for part in old_parents:
        source = source.get(part) if isinstance(source, dict) else None
    if not isinstance(source, dict) or old_key not in source:
        return
    *new_parents, new_key = new.split(".")
    target: Any = data
    for part in new_parents:
        if not isinstance(target, dict):
            return
        target = target.setdefault(part, {})
    if isinstance(target, dict) and new_key not in target:
        target[new_key] = source.pop(old_key)


def v0_to_v1(data: Data) -> Data:
    """Version 0 → 1: the ``interview`` section, ``table3.outcomes``, ``meta.contact_lines``."""
    _move(data, "table3.results", "table3.outcomes")
    _move(data, "answers", "interview.answers")
    _move(data, "skipped", "interview.skipped")
    meta = data.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("contact"), str):
        if "contact_lines" not in meta:
            contact: str = meta.pop("contact")
            meta["contact_lines"] = [line.strip() for line in contact.splitlines() if line.strip()]
    elif isinstance(meta, dict) and meta.get("contact", "") is None:
        meta.pop("contact")
    return data


_ZEROED_KEY: Final = "_zeroed"
_KEPT_PREFIX: Final = "_kept:"


def v1_to_v2(data: Data) -> Data:
    """Version 1 → 2: ``interview.answers._zeroed`` and ``_kept:<path>`` become typed fields."""
    interview = data.get("interview")
    answers = interview.get("answers") if isinstance(interview, dict) else None
    if not isinstance(interview, dict) or not isinstance(answers, dict):
        return data
    _move(data, f"interview.answers.{_ZEROED_KEY}", "interview.zeroed")
    kept = {
        key[len(_KEPT_PREFIX) :]: answers.pop(key)
        for key in list(answers)
        if isinstance(key, str) and key.startswith(_KEPT_PREFIX)
    }
    if kept and "kept" not in interview:
        interview["kept"] = kept
    return data


MIGRATIONS: Final = (
    Migration(
        0,
        v0_to_v1,
        moved=(
            ("table3.results", "table3.outcomes"),
            ("answers", "interview.answers"),
            ("skipped", "interview.skipped"),
            ("meta.contact", "meta.contact_lines"),
        ),
    ),
    Migration(1, v1_to_v2, moved=((f"interview.answers.{_ZEROED_KEY}", "interview.zeroed"),)),
)
assert [m.source for m in MIGRATIONS] == list(range(SCHEMA_VERSION))


def migrate(data: Data, version: int) -> Data:
    """``data`` of schema ``version`` in today's layout (``version`` ≤ SCHEMA_VERSION)."""
    for step in MIGRATIONS[version:]:
        data = step.apply(data)
        data["schema_version"] = step.source + 1
    return data


def loc_in_file(loc: Loc, version: int) -> Loc:
    """Where a value that today's layout has at ``loc`` sits in a file of ``version``."""
    for step in reversed(MIGRATIONS[version:]):
        for old, new in step.moved:
            new_parts = tuple(new.split("."))
            if loc[: len(new_parts)] == new_parts:
                loc = (*old.split("."), *loc[len(new_parts) :])
                break
    return loc
