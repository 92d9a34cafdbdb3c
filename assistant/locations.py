"""Where nianbao keeps its own files, and what a draft file is called.

One module for every folder the program chooses by itself (the recent list, rescued drafts, the
template cache) and for the draft's file name suffix, so that the conventions are decided once.

- Linux and 信创 desktops follow the XDG base directory convention: ``$XDG_STATE_HOME`` (default
  ``~/.local/state``) and ``$XDG_CACHE_HOME`` (default ``~/.cache``). A relative value is ignored,
  as the specification requires (it would otherwise name a different folder in every working
  directory).
- Windows follows its own: ``%LOCALAPPDATA%\\nianbao\\…`` (default ``~\\AppData\\Local``).
  The branch is a separate function so that it can be tested on Linux.

Standard library only: ``cli.py`` reads the suffixes before it imports anything heavy.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PureWindowsPath
from typing import Final

APP: Final = "nianbao"

DRAFT_SUFFIX: Final = ".nianbao.yaml"
"""The suffix nianbao gives a new draft."""

DRAFT_SUFFIXES: Final = (DRAFT_SUFFIX, ".nianbao.yml", ".yaml", ".yml")
"""Names a draft may have (longest first, so that ``draft_stem`` strips the whole suffix)."""


def is_draft_name(name: str) -> bool:
    """Whether ``name`` ends like a draft file (``.yaml`` or ``.yml``, any case)."""
    lowered = name.lower()
    return any(lowered.endswith(suffix) and len(lowered) > len(suffix) for suffix in DRAFT_SUFFIXES)


def draft_stem(path: PurePath) -> str:
    """The name of the draft without its suffix: ``年报.nianbao.yaml`` → ``年报``."""
    name = path.name
    lowered = name.lower()
    for suffix in DRAFT_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def with_draft_suffix(path: Path) -> Path:
    """``path`` named as a draft: ``年报`` and ``年报.yaml`` become ``年报.nianbao.yaml``."""
    if path.name.lower().endswith((DRAFT_SUFFIX, ".nianbao.yml")):
        return path
    return path.with_name(draft_stem(path) + DRAFT_SUFFIX)


def _xdg_base(environ: Mapping[str, str], variable: str, default: tuple[str, ...]) -> Path:
    """The XDG base folder named by ``variable``; ``~/<default>`` when unset, empty or relative."""
    value = environ.get(variable, "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home().joinpath(*default)


def windows_base(environ: Mapping[str, str], home: PurePath) -> PureWindowsPath:
    """Where Windows keeps per-user program data: ``%LOCALAPPDATA%`` (not roamed).

    ``%LOCALAPPDATA%`` is set on every supported Windows; ``~\\AppData\\Local`` is its default
    when a stripped-down environment lacks it. A relative value is ignored like XDG's.
    """
    value = environ.get("LOCALAPPDATA", "")
    if value and PureWindowsPath(value).is_absolute():
        return PureWindowsPath(value)
    return PureWindowsPath(home) / "AppData" / "Local"


def _folder(kind: str, variable: str, default: tuple[str, ...]) -> Path:
    if sys.platform == "win32":
        base = windows_base(os.environ, Path.home())
        return Path(str(base / APP / ("Cache" if kind == "cache" else "State")))
    return _xdg_base(os.environ, variable, default) / APP


def state_dir() -> Path:
    """Program state (the recent list, rescued drafts): ``~/.local/state/nianbao`` on Linux."""
    return _folder("state", "XDG_STATE_HOME", (".local", "state"))


def cache_dir() -> Path:
    """Files safe to delete at any time (compiled templates): ``~/.cache/nianbao`` on Linux."""
    return _folder("cache", "XDG_CACHE_HOME", (".cache",))


def recent_file() -> Path:
    """The recent-drafts list."""
    return state_dir() / "recent.json"


def rescue_dir() -> Path:
    """Where a draft goes when its own folder cannot be written at exit."""
    return state_dir() / "rescue"


def template_cache_dir() -> Path:
    """Compiled jinja2 templates."""
    return cache_dir() / "templates"
