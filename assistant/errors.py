"""The project's one error family. The CLI and the TUI show ``str(error)``: a Chinese sentence."""

from __future__ import annotations

from pathlib import Path


class NianbaoError(Exception):
    """Base of every error nianbao raises on purpose; its message is for the user, in Chinese."""


class DraftLoadError(NianbaoError):
    """A draft file could not be read; the file is left untouched."""

    def __init__(
        self, path: Path, message: str, *, line: int | None = None, field: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.detail = message
        where = f"{path}:{line}" if line is not None else str(path)
        prefix = f"{where}: {field}: " if field else f"{where}: "
        super().__init__(prefix + message)


class DraftLockedError(NianbaoError):
    """Another live session holds the draft."""


class SaveError(NianbaoError):
    """The draft could not be written; the previous file is intact."""


class DraftFolderGoneError(SaveError):
    """The draft's folder no longer exists (deleted or moved while the session ran).

    The store does not recreate it: the front end keeps the answers in memory and offers to
    save them elsewhere (``folder`` is the one that is gone; None: the working folder).
    """

    def __init__(self, path: Path, folder: Path | None) -> None:
        self.path = path
        self.folder = folder
        where = f"它所在的文件夹 {folder} " if folder is not None else "当前所在的文件夹"
        super().__init__(f"草稿未能保存到 {path}：{where}已不存在（可能已被删除或移动）。")


class RenderRefused(NianbaoError):
    """Rendering was asked for while errors or unacknowledged warnings remain."""


class ReaderError(NianbaoError):
    """A published report could not be read at all."""


class OutputExistsError(NianbaoError):
    """Writing would replace a file the user did not name."""
