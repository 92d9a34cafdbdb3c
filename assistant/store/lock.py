"""One session per draft: a lock file beside the draft, ``.<name>.lock``.

The lock itself is the operating system's (``flock``) on that file: the kernel drops it when the
holding process ends, however it ends, so a lock left by a killed session is free at once and
taking it over needs no guessing about pids and no race between two takers. The file's content
(pid, host, since when) only tells a second session who holds the draft.

Where the filesystem has no ``flock`` (some network shares) the content is the lock: a lock of a
process that is no longer running on this machine is taken over; this is best effort.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final

from assistant.errors import DraftLockedError
from assistant.store.atomic import pid_alive, reason

try:
    import fcntl

    HAVE_FLOCK: Final = True
except ImportError:  # pragma: no cover - Windows
    HAVE_FLOCK = False  # type: ignore[misc]

_O_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)
_RETRIES: Final = 20


@dataclass(frozen=True)
class LockHolder:
    """Who holds a draft: the content of its lock file."""

    pid: int
    host: str
    since: dt.datetime

    def describe(self) -> str:
        """``进程 1234，自 11月26日 18:42 起`` (with the host when it is another machine)."""
        local = self.since.astimezone()
        when = f"{local.month}月{local.day}日 {local:%H:%M}"
        if local.year != dt.datetime.now().year:
            when = f"{local.year}年{when}"
        who = f"进程 {self.pid}"
        if self.host != socket.gethostname():
            who = f"计算机 {self.host} 上的{who}"
        return f"{who}，自 {when} 起"


class DraftInUseError(DraftLockedError):
    """Another live session holds the draft; ``holder`` says which, when the lock file tells."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        who = f"（{holder.describe()}）" if holder is not None else ""
        super().__init__(f"此草稿正被另一个会话使用{who}：{path}。请先关闭那个会话再试。")


def lock_path(path: Path) -> Path:
    """The lock file of the draft at ``path``: ``.<name>.lock`` in the same folder."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


def read_holder(path: Path) -> LockHolder | None:
    """What the lock file of the draft at ``path`` says, or None when absent or unreadable."""
    try:
        with open(lock_path(path), "rb") as file:
            content = json.loads(file.read(4096))
        pid, host, since = content["pid"], content["host"], content["since"]
        if type(pid) is not int or not isinstance(host, str) or not isinstance(since, str):
            return None
        return LockHolder(pid, host, dt.datetime.fromisoformat(since))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _holder_bytes() -> bytes:
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    content = {"pid": os.getpid(), "host": socket.gethostname(), "since": now, "program": "nianbao"}
    return json.dumps(content, ensure_ascii=False).encode("utf-8")


def _os_lock(fd: int) -> bool | None:
    """Take the OS lock: True if taken, False if another holds it, None if not supported here."""
    if not HAVE_FLOCK:  # pragma: no cover
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES):
            return False
        return None
    return True


class DraftLock:
    """The right to write the draft at ``path``; a read-only session simply does not take it.

    Use as a context manager, or ``acquire()`` / ``release()``. ``acquire`` raises
    DraftInUseError (with the holder's pid and since when) while another session holds it, and
    DraftLockedError when no lock file can be made there (a read-only folder).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_file = lock_path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock (a no-op if this object already holds it)."""
        if self._fd is not None:
            return
        for _ in range(_RETRIES):
            try:
                fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT | _O_CLOEXEC, 0o644)
            except OSError as error:
                raise DraftLockedError(
                    f"无法在 {self.lock_file.parent} 中创建锁文件（{reason(error)}），"
                    "不能在这里编辑此草稿。"
                ) from None
            taken = _os_lock(fd)
            if taken is None:
                taken = self._content_lock()
            if not taken:
                os.close(fd)
                raise DraftInUseError(self.path, read_holder(self.path))
            if not self._still_the_lock_file(fd):
                # The holder released (and removed) it between our open and our lock: retry.
                os.close(fd)
                continue
            try:
                os.ftruncate(fd, 0)
                os.write(fd, _holder_bytes())
            except OSError:
                pass  # the lock is held; only the note for other sessions is missing
            self._fd = fd
            return
        raise DraftLockedError("无法锁定此草稿（锁文件一直在被改动），请稍后再试。")

    def _still_the_lock_file(self, fd: int) -> bool:
        try:
            current = os.stat(self.lock_file)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (mine.st_dev, mine.st_ino) == (current.st_dev, current.st_ino)

    def _content_lock(self) -> bool:
        """Without an OS lock: free unless the file names a live process (or another host)."""
        holder = read_holder(self.path)
        if holder is None:
            return True
        if holder.host != socket.gethostname():
            return False
        return holder.pid == os.getpid() or not pid_alive(holder.pid)

    def release(self) -> None:
        """Give the lock back and remove the lock file; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self._still_the_lock_file(fd):
                os.unlink(self.lock_file)
        except OSError:
            pass
        finally:
            os.close(fd)

    def __enter__(self) -> DraftLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
