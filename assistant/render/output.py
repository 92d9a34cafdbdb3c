"""Writing a rendered report to a file: atomically, and never over a file the user did not name."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from assistant.errors import NianbaoError, OutputExistsError

DRAFT_SUFFIXES = (".nianbao.yaml", ".nianbao.yml", ".yaml", ".yml")


def default_output(draft_path: Path, suffix: str) -> Path:
    """``<stem><suffix>`` beside the draft: ``a.nianbao.yaml`` → ``a.docx``."""
    name = draft_path.name
    for ending in DRAFT_SUFFIXES:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    else:
        name = draft_path.stem or name
    return draft_path.with_name(name + suffix)


def write_output(path: Path, data: str | bytes, *, replace: bool) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, rename).

    With ``replace`` false an existing file is never touched: OutputExistsError. Other failures
    raise NianbaoError in Chinese; no partial file is left behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if not replace and path.exists():
        raise OutputExistsError(exists_message(path))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise NianbaoError(f"无法写入 {path}：{_reason(error)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if replace:
            os.replace(tmp, path)
        else:
            _link_without_clobber(tmp, path)
        _fsync_dir(folder)
    except OSError as error:
        raise NianbaoError(f"无法写入 {path}：{_reason(error)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _link_without_clobber(tmp: Path, path: Path) -> None:
    """Put ``tmp`` at ``path`` only if nothing is there, even if a file appears meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError(exists_message(path)) from None
    except OSError:
        # No hard links on this file system: the check above is the best we can do.
        if path.exists():
            raise OutputExistsError(exists_message(path)) from None
        os.replace(tmp, path)


def exists_message(path: Path) -> str:
    """Why nothing was written over ``path``, and what to do instead."""
    return (
        f"{path} 已经存在，为避免覆盖您的文件，没有写入。"
        f"请用 -o 指定输出文件（例如 -o {path.with_stem(path.stem + '-新')}），"
        "或加 --force-overwrite 覆盖它。"
    )


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _reason(error: OSError) -> str:
    reasons = {
        "ENOSPC": "磁盘空间不足",
        "EACCES": "没有写入权限",
        "EPERM": "没有写入权限",
        "EROFS": "该位置是只读的",
        "ENOENT": "文件夹不存在",
        "EISDIR": "这是一个文件夹",
        "ENOTDIR": "路径中有一段不是文件夹",
    }
    name = errno.errorcode.get(error.errno or 0, "")
    return reasons.get(name, error.strerror or str(error))
