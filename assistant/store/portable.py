"""The file-system calls whose behaviour differs between POSIX systems and Windows.

Each Windows branch is its own small function, chosen by ``sys.platform`` at call time, so that a
test on Linux can run it (with the Windows-only module it needs monkeypatched) and the branch
taken in production is the one tested.
"""

from __future__ import annotations

import ntpath
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

WINDOWS_MAX_PATH: Final = 260
"""Paths this long need the ``\\\\?\\`` prefix on Windows (unless long paths are enabled)."""
REPLACE_ATTEMPTS: Final = 10
"""How often Windows is asked to replace a file that another program holds open."""
REPLACE_PAUSE: Final = 0.05
"""Seconds between those attempts (half a second in all: an indexer or a virus scanner)."""


def is_windows() -> bool:
    """Whether this process runs on Windows (read at call time, so tests can pretend)."""
    return sys.platform == "win32"


# ------------------------------------------------------------------ paths


def windows_long_path(path: str) -> str:
    """``path`` with the ``\\\\?\\`` prefix when it is absolute and too long for Windows' MAX_PATH.

    The prefix lifts the 260-character limit of the Win32 file functions; it needs an absolute
    path with backslashes and no ``.`` or ``..`` parts, which ``ntpath.normpath`` gives.
    """
    if len(path) < WINDOWS_MAX_PATH - 12 or path.startswith("\\\\?\\"):
        # 12: room for the temporary name's suffix added beside the file
        return path
    normal = ntpath.normpath(path)
    if not ntpath.isabs(normal) or not ntpath.splitdrive(normal)[0]:
        return path
    if normal.startswith("\\\\"):  # \\server\share\... → \\?\UNC\server\share\...
        return "\\\\?\\UNC\\" + normal[2:]
    return "\\\\?\\" + normal


def os_path(path: Path) -> str:
    """The string to hand to the operating system for ``path``."""
    return windows_long_path(str(path)) if is_windows() else str(path)


# ------------------------------------------------------------------ replacing


def windows_replace(
    source: str, target: str, *, replace: Callable[[str, str], None] = os.replace
) -> None:
    """``os.replace`` on Windows, retried while another program holds the target open.

    Windows refuses to replace a file that any process has open without delete sharing (virus
    scanners and search indexers open new files briefly); POSIX never does. Other errors, and
    the last refusal, are raised.
    """
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE)


def replace_file(source: Path, target: Path) -> None:
    """Atomically put ``source`` in place of ``target``."""
    if is_windows():
        windows_replace(os_path(source), os_path(target))
    else:
        os.replace(source, target)


# ------------------------------------------------------------------ modes


def windows_set_mode(path: str, mode: int) -> None:
    """Windows keeps one permission bit, "read-only": give it when ``mode`` allows no writing.

    The other bits have no meaning there (access is governed by the folder's ACL), and
    ``os.fchmod`` does not exist on Windows before Python 3.13.
    """
    os.chmod(path, stat.S_IREAD if not mode & stat.S_IWUSR else stat.S_IREAD | stat.S_IWRITE)


def set_mode(fd: int, path: Path, mode: int) -> None:
    """Give the open file ``fd`` (at ``path``) the permission bits ``mode``."""
    if is_windows():
        windows_set_mode(os_path(path), mode)
    else:
        os.fchmod(fd, mode)


# ------------------------------------------------------------------ folders


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; best effort (some file systems refuse it).

    Windows cannot open a folder as a file: there NTFS journals the rename itself, and there is
    nothing to do.
    """
    if is_windows():
        return
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


# ------------------------------------------------------------------ processes

_STILL_ACTIVE: Final = 259
_QUERY_LIMITED_INFORMATION: Final = 0x1000
_ERROR_ACCESS_DENIED: Final = 5


def windows_pid_alive(pid: int, kernel32: Any = None) -> bool:
    """Whether process ``pid`` runs, asked of Windows (``os.kill`` would terminate it there).

    ``kernel32`` is ``ctypes.windll.kernel32`` (given by tests). A process that exists but
    that we may not query (another user's) counts as alive; so does any doubt.
    """
    if kernel32 is None:  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        get_last_error: Callable[[], int] = ctypes.GetLastError  # type: ignore[attr-defined]
    else:
        get_last_error = kernel32.GetLastError
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return bool(get_last_error() == _ERROR_ACCESS_DENIED)
    try:
        import ctypes

        code = ctypes.c_ulong(0)
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def posix_pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this POSIX machine (a zombie has ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    try:  # a zombie has exited; only its parent has not collected it yet
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return stat_line.rpartition(")")[2].split()[:1] != ["Z"]


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` on this machine is still running (True when unsure)."""
    if pid <= 0:
        return False
    if is_windows():
        return windows_pid_alive(pid)
    return posix_pid_alive(pid)
