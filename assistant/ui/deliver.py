"""Rendered files offered as downloads when the assistant runs in a browser (``nianbao serve``).

The files are written next to the draft on the serving machine; the person at the browser may
sit at another PC, so the review screen offers each file once more as a download, through
textual's delivery (textual-serve streams it to the browser). In a terminal the files are
already where the author can open them, and nothing is offered.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Button

from assistant.render import FORMATS

MIME_TYPES = {
    "md": "text/markdown",
    "html": "text/html",
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def deliver(app: App[object], name: str, path: Path) -> None:
    """Send the rendered file ``path`` (format ``name``) to the browser as a download."""
    mime_type = MIME_TYPES.get(name, "application/octet-stream")
    if FORMATS[name].binary:
        app.deliver_binary(path, save_filename=path.name, mime_type=mime_type)
    else:
        app.deliver_text(path, save_filename=path.name, encoding="utf-8", mime_type=mime_type)


class Downloads(Horizontal):
    """One button per rendered file; shown only in a browser, once files are written."""

    DEFAULT_CSS = """
    Downloads {
        height: auto;
        display: none;
        margin-bottom: 1;
    }
    Downloads.-shown {
        display: block;
    }
    Downloads Button {
        margin-right: 2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.files: dict[str, tuple[str, Path]] = {}
        """Button id → (format, path) of the file it downloads."""

    async def offer(self, written: list[tuple[str, Path]]) -> None:
        """Show a download button for each file written (in a browser only); focus the first."""
        if not self.app.is_web or not written:
            return
        self.files = {f"download-{name}": (name, path) for name, path in written}
        await self.remove_children()
        await self.mount_all(
            Button(f"下载 {FORMATS[name].label}", id=button_id, tooltip=str(path))
            for button_id, (name, path) in self.files.items()
        )
        self.add_class("-shown")
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name, path = self.files[event.button.id or ""]
        deliver(self.app, name, path)
        self.notify(f"正在下载 {path.name}，请留意浏览器的下载提示。", title="下载")
