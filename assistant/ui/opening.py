"""Opening a draft: take its lock (or offer read-only), load it (or offer the backup).

Runs inside an app worker, so it can wait for the author's answer to a modal question.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

from textual.app import App

from assistant import store
from assistant.core.draft import Draft
from assistant.errors import DraftLoadError, DraftLockedError, NianbaoError
from assistant.interview.session import Session, draft_stem
from assistant.ui.screens.ask_path import AskPathScreen
from assistant.ui.screens.choice import Choice, ChoiceScreen

READ_ONLY = Choice("read-only", "以只读方式打开", "r", "primary")
QUIT = Choice("quit", "退出", "q")
CONTINUE = Choice("continue", "继续", "c", "primary")


async def _ask(app: App[Any], title: str, message: str, choices: list[Choice]) -> str | None:
    return await app.push_screen_wait(ChoiceScreen(title, message, choices, cancel=QUIT.id))


async def _lock(app: App[Any], path: Path) -> tuple[store.DraftLock | None, bool] | None:
    """(lock, read_only), or None when the author chose to quit."""
    lock = store.DraftLock(path)
    try:
        await asyncio.to_thread(lock.acquire)
    except DraftLockedError as error:
        message = f"{error}\n\n只读方式：能浏览、预览和检查，但回答不会保存。"
        answer = await _ask(app, "草稿正在使用中", message, [READ_ONLY, QUIT])
        return (None, True) if answer == READ_ONLY.id else None
    except NianbaoError as error:
        message = f"无法锁定草稿：{error}\n\n可以以只读方式打开，或退出后检查文件夹权限。"
        answer = await _ask(app, "无法锁定草稿", message, [READ_ONLY, QUIT])
        return (None, True) if answer == READ_ONLY.id else None
    return lock, False


async def _restore(app: App[Any], path: Path, error: DraftLoadError) -> Path | None:
    """Offer the backup of a broken draft as a new file; the broken file is left untouched."""
    backup = store.available_backup(path)
    message = f"无法读取草稿：\n{error}\n\n文件没有被改动。"
    choices = [QUIT]
    if backup is not None:
        message += (
            f"\n找到上一次保存的备份：{backup}\n可以用它另存为一份新草稿继续（原文件保留不动）。"
        )
        choices = [Choice("restore", "用备份新建草稿", "b", "primary"), QUIT]
    else:
        message += "\n没有找到备份。可以用文本编辑器按上面的行号修改后再打开。"
    if await _ask(app, "草稿文件有问题", message, choices) != "restore" or backup is None:
        return None
    try:
        draft = await asyncio.to_thread(store.load_draft, backup)
    except NianbaoError as second:
        await _ask(app, "备份也无法读取", str(second), [QUIT])
        return None
    target = await app.push_screen_wait(
        AskPathScreen(
            "用备份新建草稿",
            "新草稿的文件名：",
            f"{draft_stem(path)}-恢复.nianbao.yaml",
            path.parent,
        )
    )
    if target is None:
        return None
    try:
        await asyncio.to_thread(store.save_draft, draft, target)
    except NianbaoError as third:
        await _ask(app, "无法保存", str(third), [QUIT])
        return None
    return target


async def open_session(app: App[Any], path: Path) -> Session | None:
    """The session for ``path`` (created if missing), or None when the author gave up."""
    path = path.expanduser().absolute()
    if path.is_dir():
        await _ask(app, "这是一个文件夹", f"{path} 是文件夹，请指定草稿文件名。", [QUIT])
        return None
    locked = await _lock(app, path)
    if locked is None:
        return None
    lock, read_only = locked
    is_new = not path.exists()
    draft = Draft()
    notices: tuple[str, ...] = ()
    if not is_new:
        try:
            opened = await asyncio.to_thread(store.open_draft, path)
            draft, notices = opened.draft, opened.notices
        except DraftLoadError as error:
            if lock is not None:
                lock.release()
            restored = await _restore(app, path, error)
            return None if restored is None else await open_session(app, restored)
    elif read_only:
        await _ask(app, "找不到草稿", f"{path} 不存在。", [QUIT])
        return None
    for notice in notices:  # a draft that loaded but may be incomplete (written by hand)
        await app.push_screen_wait(
            ChoiceScreen("请核对草稿", notice, [CONTINUE], cancel=CONTINUE.id)
        )
    session = Session(path, draft, read_only=read_only, lock=lock, is_new=is_new)
    if is_new:
        session.saver.submit(draft)  # the interview screen writes it at once
    with contextlib.suppress(NianbaoError, OSError):  # the recent list is a convenience
        store.remember_draft(path)
    return session
