"""What the one-shot commands print, and how: shared by every command so none imports another.

Standard library only; the commands import it lazily, inside ``run``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def say(text: str, *, err: bool = False) -> None:
    """Print UTF-8 text whatever the terminal's encoding."""
    stream = sys.stderr if err else sys.stdout
    stream.buffer.write((text + "\n").encode("utf-8"))
    stream.flush()


def exists_message(path: Path) -> str | None:
    """Why writing ``path`` is refused (it exists and --force was not given), or None."""
    if path.exists():
        return f"{path} 已存在，没有覆盖。如确要覆盖，请加 --force；或用 -o 指定另一个文件名。"
    return None


def pdf_progress(done: int, total: int) -> None:
    """Pages read of a long PDF, on stderr every ten pages (a short file says nothing)."""
    if total >= 20 and (done % 10 == 0 or done == total):
        say(f"正在读取 PDF：第 {done}/{total} 页", err=True)
