"""One session per draft: a lock file beside the draft, ``.<name>.lock``.

The lock itself is the operating system's on that file (``flock`` on POSIX, ``msvcrt.locking``
of one byte far past the content on Windows): the kernel drops it when the holding process ends,
however it ends, so a lock left by a killed session is free at once and taking it over needs no
guessing about pids and no race between two takers. The file's content (pid, host, since when)
only tells a second session who holds the draft.

Where the filesystem has no ``flock`` (some network shares) the content is the lock: a lock of a
process that is no longer running on this machine is taken over; this is best effort.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import importlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path, PurePath
from types import ModuleType, TracebackType
from typing import Final, TypeVar

from assistant.errors import DraftLockedError
from assistant.store.atomic import open_flags, pid_alive, reason
from assistant.store.paths import inspect_draft_path
from assistant.store.portable import is_windows

_RETRIES: Final = 20
WINDOWS_LOCK_OFFSET: Final = 1 << 30
"""Where the locked byte sits on Windows: past any content, so that reading the note works
(Windows locks are mandatory: a locked range cannot be read by anyone else)."""
_BUSY: Final = {errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


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


P = TypeVar("P", bound=PurePath)


def lock_name(path: P) -> P:
    """``.<name>.lock`` beside ``path``, a path of any flavour (Windows ones too)."""
    return path.with_name(f".{path.name}.lock")


def lock_path(path: Path) -> Path:
    """The lock file of the draft at ``path``: ``.<name>.lock`` beside the file a link names."""
    return lock_name(Path(os.path.realpath(path)))


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


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def posix_lock(fd: int, fcntl: ModuleType | None) -> bool | None:
    """``flock`` the file: True if taken, False if another holds it, None if not supported."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        return False if error.errno in _BUSY else None
    return True


def windows_lock(fd: int, msvcrt: ModuleType | None) -> bool | None:
    """Lock one byte at WINDOWS_LOCK_OFFSET without waiting: True, False if held, None if no
    locking. ``msvcrt.locking`` locks from the current position, which is put back at 0."""
    if msvcrt is None:
        return None
    os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as error:
        return False if error.errno in _BUSY else None
    finally:
        os.lseek(fd, 0, os.SEEK_SET)
    return True


def windows_unlock(fd: int, msvcrt: ModuleType | None) -> None:
    """Give the Windows byte lock back (closing the file would too, but only eventually)."""
    if msvcrt is None:
        return
    os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
    with contextlib.suppress(OSError):  # not held: nothing to give back
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _os_lock(fd: int) -> bool | None:
    """Take the OS lock: True if taken, False if another holds it, None if not supported here."""
    if is_windows():
        return windows_lock(fd, _module("msvcrt"))
    return posix_lock(fd, _module("fcntl"))


class DraftLock:
    """The right to write the draft at ``path``; a read-only session simply does not take it.

    Use as a context manager, or ``acquire()`` / ``release()``. ``acquire`` raises
    DraftInUseError (with the holder's pid and since when) while another session holds it,
    DraftLockedError when no lock file can be made there (a read-only folder), and
    DraftLoadError when the path cannot hold a draft at all (``paths.inspect_draft_path``).
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
        # Every writing session passes here: a path that cannot hold a draft (a link loop, a
        # named pipe, a missing folder) is refused before a lock file is made beside it.
        inspect_draft_path(self.path)
        for _ in range(_RETRIES):
            try:
                fd = os.open(self.lock_file, open_flags(os.O_RDWR | os.O_CREAT), 0o644)
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
        if is_windows():
            self._release_windows(fd)
            return
        try:
            if self._still_the_lock_file(fd):
                os.unlink(self.lock_file)
        except OSError:
            pass
        finally:
            os.close(fd)

    def _release_windows(self, fd: int) -> None:
        """Windows cannot remove a file that is open: unlock, close, then remove it."""
        try:
            mine = self._still_the_lock_file(fd)
            windows_unlock(fd, _module("msvcrt"))
        finally:
            os.close(fd)
        if mine:
            with contextlib.suppress(OSError):  # another session opened it meanwhile: theirs now
                os.unlink(self.lock_file)

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
