"""The draft file on disk: load with precise errors, save atomically with a backup."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Final, TypeVar

from assistant.core.draft import Draft
from assistant.errors import DraftFolderGoneError, DraftLoadError, SaveError
from assistant.store import atomic
from assistant.store.codec import completeness_notice, dump_draft, parse_draft
from assistant.store.paths import inspect_draft_path, not_regular
from assistant.store.portable import os_path

MAX_BYTES: Final = 32 * 1024 * 1024
"""A draft is tens of kilobytes; anything this large is not one (and is not read whole)."""


P = TypeVar("P", bound=PurePath)

_written: dict[Path, tuple[int, int, int, int]] = {}
"""What this process last wrote to each draft file: (device, inode, size, mtime in ns).

An autosave replaces the file the session itself wrote a moment ago; while the file on disk is
still that one, it needs no second reading to know it is a draft (a quarter of a save's CPU on a
large draft). Any other program's change gives it a new inode, size or modification time.
"""


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def backup_path(path: P) -> P:
    """Where the previous good version of the draft at ``path`` is kept: ``<name>.bak``."""
    return path.with_name(path.name + ".bak")


def broken_path(path: P) -> P:
    """Where an unreadable file is kept when a save was told to replace it: ``<name>.broken``."""
    return path.with_name(path.name + ".broken")


def _read(path: Path) -> bytes:
    """The bytes of the draft at ``path``, refusing anything that is not a regular file.

    The path is inspected before it is opened (a named pipe would block the open forever), and
    the open itself does not block, so that a pipe swapped in between is refused too.
    """
    if not inspect_draft_path(path):
        raise DraftLoadError(path, "文件不存在")
    try:
        fd = os.open(os_path(path), atomic.open_flags(os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)))
    except FileNotFoundError:
        raise DraftLoadError(path, "文件不存在") from None
    except OSError as error:
        raise DraftLoadError(path, _read_problem(error)) from None
    try:
        problem = not_regular(os.fstat(fd).st_mode)
        if problem is not None:
            raise DraftLoadError(path, problem)
        with os.fdopen(fd, "rb", closefd=False) as file:
            return file.read(MAX_BYTES + 1)
    except OSError as error:
        raise DraftLoadError(path, _read_problem(error)) from None
    finally:
        os.close(fd)


def _read_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "没有读取这个文件的权限"
    if isinstance(error, IsADirectoryError):
        return "这是一个文件夹，不是草稿文件"
    return f"无法读取文件（{atomic.reason(error, reading=True)}）"


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        text = raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return has_chinese and not any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text)


_NOTEPAD_NAME: Final = {"UTF-16": "（Windows 记事本称为“Unicode”）"}


def utf16_or_32(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when ``raw`` is text in that encoding (with or without a BOM).

    Windows Notepad calls UTF-16 "Unicode"; its text is full of zero bytes, all at even or all
    at odd positions for Latin text and the ASCII of YAML keys, which is what a draft mostly is.
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = raw[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 8:
        return None
    units = len(sample) // 4
    mostly_zero = {i for i in range(4) if sample[i::4].count(0) * 10 >= units * 9}
    if mostly_zero >= {0, 1} or mostly_zero >= {2, 3}:  # the high half of every 4-byte unit
        return "UTF-32"
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return "UTF-16" if min(even, odd) * 10 < max(even, odd) else None


def decode_draft(raw: bytes, path: Path) -> Draft:
    """The draft in the bytes of the file at ``path``; raises DraftLoadError."""
    if len(raw) > MAX_BYTES:
        raise DraftLoadError(path, "文件过大，不是年报草稿")
    wide = utf16_or_32(raw)
    if wide is not None:
        raise DraftLoadError(
            path,
            f"文件是 {wide} 编码{_NOTEPAD_NAME.get(wide, '')}，不是 UTF-8；"
            "请在编辑器中选“另存为”，把编码选为“UTF-8”后保存，再打开",
            line=1,
        )
    if b"\x00" in raw:
        raise DraftLoadError(
            path,
            "这不是文本文件（含有二进制数据），不是年报草稿",
            line=raw.count(b"\n", 0, raw.index(b"\x00")) + 1,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        if _looks_like_gbk(raw):
            message = "文件不是 UTF-8 编码（像是 GBK 编码）；请在编辑器中以 UTF-8 编码另存后再打开"
        else:
            message = "文件不是 UTF-8 编码的文本，可能已损坏，或不是草稿文件"
        raise DraftLoadError(path, message, line=line) from None
    return parse_draft(text, path)


def _load(path: Path) -> Draft:
    return decode_draft(_read(path), path)


def available_backup(path: Path) -> Path | None:
    """The backup of the draft at ``path`` if there is one and it can be read, else None."""
    backup = backup_path(path)
    if not backup.is_file():
        return None
    try:
        _load(backup)
    except DraftLoadError:
        return None
    return backup


def load_draft(path: Path) -> Draft:
    """The draft saved at ``path``; older schema versions are migrated.

    Raises DraftLoadError ("path:line: field: 中文"), naming the backup when a readable one
    exists. The file is never written to, even when it cannot be read.
    """
    return _read_draft(path)[0]


@dataclass(frozen=True)
class OpenedDraft:
    """A draft as a front end opens it: the answers, whether a file held them, and notices."""

    draft: Draft
    existed: bool
    """False when there was no file yet: ``draft`` is then empty and the first save creates it."""
    notices: tuple[str, ...] = ()
    """Chinese sentences to show before the first question (the draft loaded nonetheless)."""


def open_draft(path: Path) -> OpenedDraft:
    """Open the draft at ``path`` for an interview: the one check every front end makes.

    A missing file (in a folder that exists) is a new, empty draft. Anything else that cannot
    be read raises DraftLoadError exactly as ``load_draft`` does: a symbolic link loop, a
    named pipe or other non-regular file (refused before opening it), a truncated file.
    """
    if not inspect_draft_path(path):
        return OpenedDraft(Draft(), existed=False)
    draft, raw = _read_draft(path)
    notice = completeness_notice(raw.decode("utf-8-sig", errors="replace"))
    return OpenedDraft(draft, existed=True, notices=(notice,) if notice else ())


def open_existing_draft(path: Path) -> OpenedDraft:
    """Open the draft at ``path`` for a one-shot command (check, render): unlike
    ``open_draft`` a missing file is an error ("文件不存在", naming a backup if there is one)."""
    opened = open_draft(path)
    if not opened.existed:
        return OpenedDraft(load_draft(path), existed=True)  # raises DraftLoadError
    return opened


def _read_draft(path: Path) -> tuple[Draft, bytes]:
    """(the draft at ``path``, the file's bytes), with the backup named in any error."""
    try:
        raw = _read(path)
        return decode_draft(raw, path), raw
    except DraftLoadError as error:
        backup = available_backup(path)
        if backup is None:
            raise
        raise DraftLoadError(
            path,
            f"{error.detail}；上一次保存的备份 {backup.name} 可以打开",
            line=error.line,
            field=error.field,
        ) from None


def _existing(target: Path, path: Path, overwrite: bool) -> tuple[os.stat_result | None, bool]:
    """(stat of the file now at ``target``, whether it is a readable draft)."""
    try:
        info = os.stat(os_path(target))
    except FileNotFoundError:
        return None, False
    except OSError as error:
        raise SaveError(f"草稿未能保存到 {path}：{atomic.reason(error)}。") from None
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(f"草稿未能保存：{path} 是一个文件夹。")
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(f"草稿未能保存：{path} 不是普通文件。")
    if not os.access(os_path(target), os.W_OK):
        raise SaveError(f"草稿未能保存：{path} 是只读文件。原文件没有改动。")
    if _written.get(target) == _identity(info):
        return info, True
    try:
        decode_draft(_read(target), path)
    except DraftLoadError as error:
        if overwrite:
            return info, False
        raise SaveError(
            f"未保存：{path} 已存在，但不是可以读取的年报草稿（{error.detail}）。"
            "为免覆盖别的文件，请另选文件名。"
        ) from None
    return info, True


def _real_target(path: Path) -> Path:
    """The file to write for ``path`` (links followed); DraftFolderGoneError if its folder is gone.

    A relative path is resolved against the working folder, which may itself have been deleted
    under the running session (``os.getcwd`` then fails).
    """
    try:
        target = Path(os.path.realpath(path))
    except FileNotFoundError:
        raise DraftFolderGoneError(path, None) from None
    try:
        os.stat(os_path(target.parent))
    except FileNotFoundError:
        raise DraftFolderGoneError(path, target.parent) from None
    except OSError:
        pass  # anything else is reported, with its reason, when the file is looked at
    return target


def save_draft(draft: Draft, path: Path, *, overwrite: bool = False) -> None:
    """Write ``draft`` to ``path`` atomically, keeping the previous version as ``<name>.bak``.

    An existing file at ``path`` that is not a readable draft is left alone (SaveError) unless
    ``overwrite`` is true; it is then kept as ``<name>.broken``. The new file gets the old one's
    permissions. Raises SaveError (one Chinese line) when the file cannot be written; the
    previous file is then intact and no temporary file is left behind. A symbolic link is
    followed: the file it points to is replaced, the link is kept.
    """
    text = dump_draft(draft)
    target = _real_target(path)
    info, is_draft = _existing(target, path, overwrite)
    aside = None
    if info is not None:
        aside = backup_path(target) if is_draft else broken_path(target)
    try:
        atomic.write_atomic(
            target,
            text.encode("utf-8"),
            aside=aside,
            mode=stat.S_IMODE(info.st_mode) if info is not None else None,
            owner=(info.st_uid, info.st_gid) if info is not None else None,
        )
    except OSError as error:
        kept = "原文件没有改动。" if info is not None else ""
        raise SaveError(f"草稿未能保存到 {path}：{atomic.reason(error)}。{kept}") from None
    try:
        _written[target] = _identity(os.stat(os_path(target)))
    except OSError:
        _written.pop(target, None)
    atomic.remove_stale_temps(target)
