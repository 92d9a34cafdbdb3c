"""Writing a long answer in the author's own editor (Notepad, gedit, nano…) instead of the box.

Long narrative answers (一、总体情况, 五、存在的主要问题) are easier to write where the author
usually writes. The text goes to a file, the editor opens it, and when the editor is closed the
file is read back. Every front end calls ``edit_text``; none of this knows about textual.

Which editor: ``$VISUAL``, then ``$EDITOR``, then Notepad on Windows, then the first of a short
list found on the PATH. The file is written as UTF-8 (with a BOM on Windows, which old Notepad
needs to recognise it); it is read back as UTF-8 with or without a BOM, or as GBK, which is what
Notepad's "ANSI" saves on a Chinese Windows.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from assistant.errors import NianbaoError
from assistant.locations import cache_dir

DESKTOP_EDITORS: Final = (("gedit", "--wait"), ("kate", "--block"))
"""Tried first on a desktop (a display is set), with the option that makes them wait until
the file is closed (without it they hand the file to a running window and return at once)."""
TERMINAL_EDITORS: Final = (("nano",), ("vi",))
"""Tried next, in the terminal itself."""


NOT_A_TEXT_QUESTION: Final = "只有要写一段文字的问题可以在编辑器中写；这一题请直接在输入框中回答。"
OPENING: Final = "正在打开编辑器：写好后保存并关闭编辑器，文字会交回这里。"
EMPTY: Final = "编辑器中没有写任何内容，回答没有改动。"
IN_BROWSER: Final = "在浏览器中不能打开本机的编辑器；请直接在输入框中填写，或把写好的文字粘贴进来。"
BACK_IN_BOX: Final = "已取回编辑器中的文字，请检查后提交。"


class EditorError(NianbaoError):
    """The editor could not be started or its text could not be read back; the answer is kept."""


def editor_command(
    environ: Mapping[str, str] | None = None, *, windows: bool | None = None
) -> list[str] | None:
    """The command that opens a file in the author's editor (the file's path goes last)."""
    environ = os.environ if environ is None else environ
    windows = sys.platform == "win32" if windows is None else windows
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            words = shlex.split(value, posix=not windows)
            if words:
                return [word.strip('"') for word in words] if windows else words
    if windows:
        return ["notepad.exe"]
    desktop = bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))
    for name, *options in (*(DESKTOP_EDITORS if desktop else ()), *TERMINAL_EDITORS):
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return [found, *options]
    return None


def decode(data: bytes) -> str:
    """The text an editor saved: UTF-8 (BOM or not), UTF-16 with its BOM (Notepad's
    "Unicode") or GBK; line ends made ``\\n``."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise EditorError(
        "编辑器保存的文件既不是 UTF-8 也不是 GBK 编码，无法读回。请以 UTF-8 编码保存。"
    )


def _scratch(text: str, windows: bool) -> Path:
    """A new file holding ``text``, in nianbao's cache folder (found again if something fails)."""
    folder = cache_dir() / "editing"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, 1000):
        path = folder / f"回答-{os.getpid()}-{number}.txt"
        try:
            with path.open("x", encoding="utf-8-sig" if windows else "utf-8", newline="") as f:
                f.write(text.replace("\n", "\r\n") if windows else text)
        except FileExistsError:
            continue
        return path
    raise EditorError(f"无法在 {folder} 中创建临时文件，不能打开编辑器。")


def edit_text(
    text: str, command: Sequence[str] | None = None, *, windows: bool | None = None
) -> str:
    """``text`` as the author left it in the editor, once the editor is closed.

    Raises ``EditorError`` (a Chinese sentence) when there is no editor, it cannot be started,
    it fails, or its file cannot be read; the scratch file is then kept and named, so nothing
    the author typed there is lost.
    """
    windows = sys.platform == "win32" if windows is None else windows
    command = list(command) if command is not None else editor_command(windows=windows)
    if not command:
        raise EditorError(
            "没有找到可用的文本编辑器。请设置环境变量 EDITOR（例如 EDITOR=gedit），"
            "或直接在输入框中填写。"
        )
    try:
        path = _scratch(text, windows)
    except OSError as error:
        raise EditorError(f"无法创建临时文件，不能打开编辑器（{error.strerror}）。") from None
    try:
        finished = subprocess.run([*command, str(path)], check=False)
    except OSError:
        path.unlink(missing_ok=True)
        raise EditorError(
            f"无法启动编辑器“{command[0]}”。请检查环境变量 EDITOR 是否写对，或直接在输入框中填写。"
        ) from None
    if finished.returncode != 0:
        raise EditorError(
            f"编辑器“{command[0]}”异常退出（代码 {finished.returncode}），回答没有改动。"
            f"在编辑器中写的内容如有需要，可在 {path} 找到。"
        )
    try:
        data = path.read_bytes()
    except OSError:
        raise EditorError(f"无法读回编辑器保存的文件 {path}，回答没有改动。") from None
    try:
        edited = decode(data)
    except EditorError as error:
        raise EditorError(f"{error}文件保留在 {path}。") from None
    path.unlink(missing_ok=True)
    return edited.rstrip("\n")


def edit_answer(text: str, command: Sequence[str] | None = None) -> str:
    """``text`` as written in the editor, for an answer: nothing written is an ``EditorError``."""
    edited = edit_text(text, command)
    if not edited.strip():
        raise EditorError(EMPTY)
    return edited
