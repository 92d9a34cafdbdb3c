"""Writing a file atomically: a reader (or a crash) sees the old file or the new, never a mix.

The one writer of the project: drafts, the recent list and rendered reports all go through
``write_atomic``. The new content goes to a temporary file in the same folder, is flushed and
fsynced, then put in place (``os.replace``, or a hard link when an existing file must not be
replaced) and the folder is fsynced. Temporary files carry the writer's pid, so the leftovers of a
killed process can be recognised and removed later. Bytes are written as given: no newline
translation on any platform. What differs on Windows lives in ``portable``; what an OSError means
in Chinese, in ``oserrors``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path
from typing import Final

from assistant.store.oserrors import reason
from assistant.store.portable import fsync_folder, os_path, pid_alive, replace_file, set_mode

__all__ = [
    "fsync_folder",
    "open_flags",
    "pid_alive",
    "reason",
    "remove_stale_temps",
    "write_atomic",
]

_NO_HARD_LINKS: Final = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP}


def open_flags(base: int) -> int:
    """``base`` plus the flags every open of ours wants: close-on-exec, and binary on Windows.

    Without ``O_BINARY`` Windows opens in text mode and would write "\\r\\n" for every "\\n".
    """
    return base | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _temp_path(target: Path, kind: str = "") -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{kind}.tmp")


def _temp_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(target.name)}\.(\d+)-[0-9a-f]{{8}}(?:\.bak)?\.tmp$")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _fresh_file(path: Path, mode: int) -> int:
    return os.open(os_path(path), open_flags(os.O_WRONLY | os.O_CREAT | os.O_EXCL), mode)


def _link_aside(target: Path, created: list[Path]) -> Path | None:
    """A temporary second name for the current ``target`` (a hard link, else a copy)."""
    temp = _temp_path(target, ".bak")
    try:
        os.link(os_path(target), os_path(temp))
        created.append(temp)
        return temp
    except FileNotFoundError:
        return None  # gone underneath: nothing to keep
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
    with open(os_path(target), "rb") as source:
        data = source.read()
    fd = _fresh_file(temp, 0o600)
    created.append(temp)
    try:
        set_mode(fd, temp, os.stat(os_path(target)).st_mode & 0o7777)
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return temp


def _put_new(temp: Path, target: Path) -> None:
    """Give ``temp`` the name ``target`` only if nothing has that name, even at the last moment.

    Raises FileExistsError otherwise. A hard link cannot clobber; where the file system has none
    (FAT, some shares) the check just before the rename is the best that can be done.
    """
    try:
        os.link(os_path(temp), os_path(target))
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        if os.path.lexists(os_path(target)):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        replace_file(temp, target)
        return
    os.unlink(os_path(temp))


def write_atomic(
    target: Path,
    data: bytes,
    *,
    aside: Path | None = None,
    mode: int | None = None,
    owner: tuple[int, int] | None = None,
    replace: bool = True,
) -> None:
    """Replace ``target`` with ``data``, keeping the current file at ``aside`` first if given.

    ``mode`` and ``owner`` are given to the new file (default: 0o666 less the umask, the
    caller). With ``replace`` false an existing ``target`` is never touched: FileExistsError.
    On failure the OSError is raised after every temporary file has been removed, and
    ``target`` is as it was.
    """
    temp = _temp_path(target)
    created: list[Path] = []
    try:
        fd = _fresh_file(temp, 0o666 if mode is None else 0o600)
        created.append(temp)
        try:
            if mode is not None:
                set_mode(fd, temp, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if owner is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(temp, *owner)
        kept = _link_aside(target, created) if aside is not None else None
        if replace:
            replace_file(temp, target)
        else:
            _put_new(temp, target)
        created.remove(temp)
        if kept is not None and aside is not None:
            # The new file is in place: failing to update the backup now must not fail the save.
            with contextlib.suppress(OSError):
                replace_file(kept, aside)
                created.remove(kept)
    except BaseException:
        for path in created:
            with contextlib.suppress(OSError):
                os.unlink(os_path(path))
        raise
    for path in created:  # a backup that could not be put in place
        with contextlib.suppress(OSError):
            os.unlink(os_path(path))
    fsync_folder(target.parent)


def remove_stale_temps(target: Path) -> int:
    """Remove temporary files of ``target`` left by processes that no longer run; how many."""
    pattern = _temp_pattern(target)
    removed = 0
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None:
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or pid_alive(pid):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed
