"""The draft file on disk: load with precise errors, save atomically with a backup."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from assistant.core.draft import Draft
from assistant.errors import DraftLoadError, SaveError
from assistant.store import atomic
from assistant.store.codec import dump_draft, parse_draft

MAX_BYTES: Final = 32 * 1024 * 1024
"""A draft is tens of kilobytes; anything this large is not one (and is not read whole)."""


def backup_path(path: Path) -> Path:
    """Where the previous good version of the draft at ``path`` is kept: ``<name>.bak``."""
    return path.with_name(path.name + ".bak")


def broken_path(path: Path) -> Path:
    """Where an unreadable file is kept when a save was told to replace it: ``<name>.broken``."""
    return path.with_name(path.name + ".broken")


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DraftLoadError(path, "文件不存在") from None
    except IsADirectoryError:
        raise DraftLoadError(path, "这是一个文件夹，不是草稿文件") from None
    except PermissionError:
        raise DraftLoadError(path, "没有读取这个文件的权限") from None
    except OSError as error:
        raise DraftLoadError(path, f"无法读取文件（{atomic.reason(error)}）") from None


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        text = raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return has_chinese and not any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text)


def decode_draft(raw: bytes, path: Path) -> Draft:
    """The draft in the bytes of the file at ``path``; raises DraftLoadError."""
    if len(raw) > MAX_BYTES:
        raise DraftLoadError(path, "文件过大，不是年报草稿")
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
    try:
        return _load(path)
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
        info = os.stat(target)
    except FileNotFoundError:
        return None, False
    except OSError as error:
        raise SaveError(f"草稿未能保存到 {path}：{atomic.reason(error)}。") from None
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(f"草稿未能保存：{path} 是一个文件夹。")
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(f"草稿未能保存：{path} 不是普通文件。")
    if not os.access(target, os.W_OK):
        raise SaveError(f"草稿未能保存：{path} 是只读文件。原文件没有改动。")
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


def save_draft(draft: Draft, path: Path, *, overwrite: bool = False) -> None:
    """Write ``draft`` to ``path`` atomically, keeping the previous version as ``<name>.bak``.

    An existing file at ``path`` that is not a readable draft is left alone (SaveError) unless
    ``overwrite`` is true; it is then kept as ``<name>.broken``. The new file gets the old one's
    permissions. Raises SaveError (one Chinese line) when the file cannot be written; the
    previous file is then intact and no temporary file is left behind. A symbolic link is
    followed: the file it points to is replaced, the link is kept.
    """
    text = dump_draft(draft)
    target = Path(os.path.realpath(path))
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
    atomic.remove_stale_temps(target)
