"""The draft file: YAML a person can edit, atomic saves with a backup, a lock, migrations.

- ``codec``: draft ⇄ text (``dump_draft``, ``parse_draft``); ``yamlio`` the YAML dialect,
  ``layout`` the comments that make the file readable, ``messages`` the Chinese errors.
- ``files``: ``load_draft`` and ``save_draft`` on disk, on top of ``atomic``.
- ``migrations``: older schema versions brought forward.
- ``lock``: one writing session per draft (``DraftLock``).
- ``recent``: the recently opened drafts.
"""

from __future__ import annotations

from assistant.store.codec import dump_draft, parse_draft
from assistant.store.files import (
    available_backup,
    backup_path,
    broken_path,
    load_draft,
    save_draft,
)
from assistant.store.lock import DraftInUseError, DraftLock, LockHolder, lock_path, read_holder
from assistant.store.recent import recent_drafts, remember_draft

__all__ = [
    "DraftInUseError",
    "DraftLock",
    "LockHolder",
    "available_backup",
    "backup_path",
    "broken_path",
    "dump_draft",
    "load_draft",
    "lock_path",
    "parse_draft",
    "read_holder",
    "recent_drafts",
    "remember_draft",
    "save_draft",
]
