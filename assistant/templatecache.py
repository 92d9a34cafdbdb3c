"""Compiled jinja2 templates kept between runs, as Python keeps compiled modules.

Compiling the report and drafting templates costs a command more than rendering them. The
cache lives in ``locations.template_cache_dir()`` (``~/.cache/nianbao/templates`` on Linux); an
entry is used only for the same template source and the same jinja2 and Python versions. The
cache is an optimisation and nothing more: a folder that cannot be created or written, or a
damaged entry, means compiling as if there were no cache, never an error.
"""

from __future__ import annotations

import contextlib
import pickle

import jinja2
from jinja2.bccache import Bucket

from assistant.locations import template_cache_dir


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A FileSystemBytecodeCache whose failures only cost a compilation."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache() -> QuietBytecodeCache | None:
    """The cache for this user, or None when its folder cannot be made."""
    folder = template_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietBytecodeCache(str(folder))
