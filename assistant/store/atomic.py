"""Replacing a file atomically: a reader (or a crash) sees the old file or the new, never a mix.

The new content goes to a temporary file in the same folder, is flushed and fsynced, then
``os.replace`` puts it in place and the folder is fsynced. Temporary files carry the writer's pid,
so the leftovers of a killed process can be recognised and removed later.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sys
from pathlib import Path
from typing import Final

_O_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)
_NO_HARD_LINKS: Final = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP}

_REASONS: Final = {
    errno.ENOSPC: "磁盘空间不足",
    getattr(errno, "EDQUOT", -1): "磁盘配额已用完",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在磁盘或文件夹是只读的",
    errno.ENOENT: "文件夹不存在（可能已被删除或移动）",
    errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.EISDIR: "这个名字是一个文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "磁盘读写出错",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.EFBIG: "文件太大",
}


def reason(error: OSError) -> str:
    """What went wrong, in Chinese, for an OSError from reading or writing a file."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    code = errno.errorcode.get(error.errno or 0, str(error.errno))
    return f"系统错误 {code}"


def _temp_path(target: Path, kind: str = "") -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{kind}.tmp")


def _temp_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(target.name)}\.(\d+)-[0-9a-f]{{8}}(?:\.bak)?\.tmp$")


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` on this machine is still running (True when unsure)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate it there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    try:  # a zombie has exited; only its parent has not collected it yet
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _fresh_file(path: Path, mode: int) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_CLOEXEC, mode)


def _link_aside(target: Path, created: list[Path]) -> Path | None:
    """A temporary second name for the current ``target`` (a hard link, else a copy)."""
    temp = _temp_path(target, ".bak")
    try:
        os.link(target, temp)
        created.append(temp)
        return temp
    except FileNotFoundError:
        return None  # gone underneath: nothing to keep
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
    data = target.read_bytes()
    fd = _fresh_file(temp, 0o600)
    created.append(temp)
    try:
        os.fchmod(fd, os.stat(target).st_mode & 0o7777)
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return temp


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; best effort (some filesystems refuse it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the rename has happened; only its durability across a power cut is unconfirmed
    finally:
        os.close(fd)


def write_atomic(
    target: Path,
    data: bytes,
    *,
    aside: Path | None = None,
    mode: int | None = None,
    owner: tuple[int, int] | None = None,
) -> None:
    """Replace ``target`` with ``data``, keeping the current file at ``aside`` first if given.

    ``mode`` and ``owner`` are given to the new file (default: 0o666 less the umask, the
    caller). On failure the OSError is raised after every temporary file has been removed, and
    ``target`` is as it was.
    """
    temp = _temp_path(target)
    created: list[Path] = []
    try:
        fd = _fresh_file(temp, 0o666 if mode is None else 0o600)
        created.append(temp)
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if owner is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(temp, *owner)
        kept = _link_aside(target, created) if aside is not None else None
        os.replace(temp, target)
        created.remove(temp)
        if kept is not None and aside is not None:
            # The new file is in place: failing to update the backup now must not fail the save.
            with contextlib.suppress(OSError):
                os.replace(kept, aside)
                created.remove(kept)
    except BaseException:
        for path in created:
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise
    for path in created:  # a backup that could not be put in place
        with contextlib.suppress(OSError):
            os.unlink(path)
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
