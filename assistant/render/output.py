"""Writing a rendered report to a file: atomically, and never over a file the user did not name.

The writing itself is the store's one atomic writer (``assistant.store.atomic``) with its one
table of Chinese reasons; this module adds only what is particular to reports: the default name
beside the draft and the refusal to replace a file that is already there.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import NianbaoError, OutputExistsError
from assistant.locations import DRAFT_SUFFIXES, draft_stem
from assistant.store.atomic import reason, write_atomic

__all__ = ["DRAFT_SUFFIXES", "default_output", "exists_message", "write_output"]


def default_output(draft_path: Path, suffix: str) -> Path:
    """``<stem><suffix>`` beside the draft: ``a.nianbao.yaml`` → ``a.docx``."""
    return draft_path.with_name(draft_stem(draft_path) + suffix)


def write_output(path: Path, data: str | bytes, *, replace: bool) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, rename).

    Text is written as UTF-8 with the line endings it has (no translation on any platform).
    With ``replace`` false an existing file is never touched, even one that appears while
    writing: OutputExistsError. Other failures raise NianbaoError in Chinese; no partial file
    is left behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not replace and path.exists():
        raise OutputExistsError(exists_message(path))
    try:
        write_atomic(path, payload, replace=replace)
    except FileExistsError:
        raise OutputExistsError(exists_message(path)) from None
    except OSError as error:
        raise NianbaoError(f"无法写入 {path}：{reason(error)}") from None


def exists_message(path: Path) -> str:
    """Why nothing was written over ``path``, and what to do instead."""
    return (
        f"{path} 已经存在，为避免覆盖您的文件，没有写入。"
        f"请用 -o 指定输出文件（例如 -o {path.with_stem(path.stem + '-新')}），"
        "或加 --force 覆盖它。"
    )
