"""The real user's per-user folders, read once when the test session starts (before any test
gave itself a private home): ``tests/conftest.py`` isolates every test from them and
``tests/test_isolation.py`` checks that it did. A module of its own, because several folders
under tests/ have a conftest.py and ``from conftest import`` may find another one."""

from __future__ import annotations

import os

XDG_FOLDERS = {
    "XDG_CONFIG_HOME": ".config",
    "XDG_STATE_HOME": ".local/state",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CACHE_HOME": ".cache",
}
"""Every per-user folder the assistant (or a library under it) may write to."""
REAL_ENV = {var: os.environ.get(var, "") for var in ("HOME", *XDG_FOLDERS)}
"""The real user's folders, as the test session found them."""
