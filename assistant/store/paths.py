"""The one check of a draft's path, made before anything opens it, for every command.

``inspect_draft_path`` tells "no draft there yet" (a new draft may be started) apart from every
way a path can be unusable: a symbolic link loop, a folder, a named pipe (opening one would wait
forever for a writer), a device, a missing folder, no permission. Each gets its own Chinese
sentence; the file itself is never opened here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

from assistant.errors import DraftLoadError
from assistant.store.oserrors import reason
from assistant.store.portable import os_path

_KINDS: Final = (
    (stat.S_ISDIR, "这是一个文件夹，不是草稿文件"),
    (stat.S_ISFIFO, "这是一个命名管道（FIFO），不是普通文件；年报助手只打开普通的草稿文件"),
    (stat.S_ISSOCK, "这是一个套接字，不是普通文件；年报助手只打开普通的草稿文件"),
    (stat.S_ISCHR, "这是一个设备，不是普通文件；年报助手只打开普通的草稿文件"),
    (stat.S_ISBLK, "这是一个磁盘设备，不是普通文件；年报助手只打开普通的草稿文件"),
)


def not_regular(mode: int) -> str | None:
    """Why a file of ``mode`` (``st_mode``) cannot be a draft, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, message in _KINDS:
        if test(mode):
            return message
    return "这不是普通文件；年报助手只打开普通的草稿文件"


def inspect_draft_path(path: Path) -> bool:
    """Whether a draft file is at ``path`` (False: none yet, and one can be created there).

    Raises DraftLoadError, in Chinese and without opening anything, when ``path`` cannot hold a
    draft: a link loop, something that is not a regular file, a folder that does not exist, a
    path through a file, no permission to look. A symbolic link to a file not yet created
    counts as "none yet": saving creates the file it points to.
    """
    try:
        info = os.stat(os_path(path))
    except FileNotFoundError:
        _check_folder(path)
        return False
    except OSError as error:
        raise DraftLoadError(path, _stat_problem(error)) from None
    problem = not_regular(info.st_mode)
    if problem is not None:
        raise DraftLoadError(path, problem)
    return True


def _stat_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "符号链接形成了循环（链接指向自己或相互指向），找不到真正的草稿文件"
    if error.errno == errno.ENOTDIR:
        return "路径中有一级不是文件夹，这里不能有草稿文件"
    return f"无法查看这个文件（{reason(error, reading=True)}）"


def _check_folder(path: Path) -> None:
    """A new draft's folder must exist (and be a folder): say so now, not at the first save."""
    target = Path(os.path.realpath(path))  # a dangling link's target is what will be created
    folder = target.parent
    try:
        info = os.stat(os_path(folder))
    except OSError as error:
        if error.errno == errno.ENOENT:
            raise DraftLoadError(path, f"文件夹 {folder} 不存在，无法在那里新建草稿") from None
        raise DraftLoadError(path, _stat_problem(error)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise DraftLoadError(path, f"{folder} 不是文件夹，无法在那里新建草稿")
