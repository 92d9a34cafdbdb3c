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


class RenderRefused(NianbaoError):
    """Rendering was asked for while errors or unacknowledged warnings remain."""


class ReaderError(NianbaoError):
    """A published report could not be read at all."""


class OutputExistsError(NianbaoError):
    """Writing would replace a file the user did not name."""
