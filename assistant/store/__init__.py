"""The draft file: YAML a person can edit, atomic saves with a backup, a lock, migrations.

- ``codec``: draft ⇄ text (``dump_draft``, ``parse_draft``); ``yamlio`` the YAML dialect,
  ``layout`` the comments that make the file readable, ``messages`` the Chinese errors.
- ``files``: ``open_draft`` (what a front end calls; ``open_existing_draft`` what a command
  calls), ``load_draft`` and ``save_draft`` on disk, on top of ``atomic`` (the one writer;
  ``portable`` holds the Windows branches, ``oserrors`` the Chinese reasons); ``paths`` is the
  one check of a path before anything opens it.
- ``migrations``: older schema versions brought forward.
- ``lock``: one writing session per draft (``DraftLock``).
- ``recent``: the recently opened drafts; ``formats``: the output formats chosen per draft.
"""

from __future__ import annotations

from assistant.store.codec import dump_draft, parse_draft
from assistant.store.files import (
    OpenedDraft,
    available_backup,
    backup_path,
    broken_path,
    load_draft,
    open_draft,
    open_existing_draft,
    save_draft,
)
from assistant.store.formats import chosen_formats, remember_formats
from assistant.store.lock import DraftInUseError, DraftLock, LockHolder, lock_path, read_holder
from assistant.store.paths import inspect_draft_path
from assistant.store.recent import recent_drafts, remember_draft

__all__ = [
    "DraftInUseError",
    "DraftLock",
    "LockHolder",
    "OpenedDraft",
    "available_backup",
    "backup_path",
    "broken_path",
    "chosen_formats",
    "dump_draft",
    "inspect_draft_path",
    "load_draft",
    "lock_path",
    "open_draft",
    "open_existing_draft",
    "parse_draft",
    "read_holder",
    "recent_drafts",
    "remember_draft",
    "remember_formats",
    "save_draft",
]
