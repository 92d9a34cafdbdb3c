"""The conversation: assistant and author bubbles, scrolling above the answer box.

One widget draws every bubble line by line (textual's line API), instead of one widget per
bubble: adding a bubble wraps and renders that bubble only, and a frame renders only the lines
on screen, so an answer costs the same at the 300th question as at the first. A bubble's lines
are rendered once per width and kept until the theme or the width changes.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, Final, Literal

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from assistant.ui.wrap import wrap_content

BubbleKind = Literal["assistant", "author", "note", "warning", "error"]

MAX_BUBBLES = 400
"""Older bubbles are dropped past this; the draft, not the transcript, is the record."""

_EDGE: Final[dict[BubbleKind, Literal["left", "right"] | None]] = {
    "assistant": "left",
    "author": "right",
    "note": None,
    "warning": "left",
    "error": "left",
}
_EDGE_GLYPH: Final = {"left": "|", "right": "|"}
_PADDING: Final = 1
"""Blank cells inside a bubble, on either side of its text."""
_AUTHOR_INDENT: Final = (8, 4)
"""Cells left of the author's bubbles: at normal width, and on a narrow screen."""
_ASSISTANT_OUTDENT: Final = 4
"""Cells right of the assistant's bubbles, so the two sides of the conversation stand apart."""
NARROW_WIDTH: Final = 70
"""Below this many cells (an app narrower than about 96 columns) the author indent is smaller."""


class Bubble:
    """One message said in the transcript; also a handle for ``Transcript.say(before=...)``."""

    __slots__ = ("_lines", "_width", "content", "drawn", "kind")

    def __init__(self, content: Content, kind: BubbleKind) -> None:
        self.content = content
        self.kind: BubbleKind = kind
        self.drawn = False
        """Some line of it has been on screen (for benchmarks and tests)."""
        self._width = -1
        self._lines: list[Strip] = []

    def __repr__(self) -> str:
        return f"Bubble({self.kind!r}, {self.content.plain[:20]!r})"


class Transcript(ScrollView, can_focus=False):
    """The scrolling transcript; stays at the bottom while new bubbles arrive."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "transcript--assistant",
        "transcript--assistant-edge",
        "transcript--author",
        "transcript--author-edge",
        "transcript--note",
        "transcript--warning",
        "transcript--warning-edge",
        "transcript--error",
        "transcript--error-edge",
    }

    DEFAULT_CSS = """
    Transcript {
        height: 1fr;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        & > .transcript--assistant { background: $boost; }
        & > .transcript--assistant-edge { color: $accent; }
        & > .transcript--author { background: $success-muted; }
        & > .transcript--author-edge { color: $success; }
        & > .transcript--note { color: $text-muted; }
        & > .transcript--warning { color: $text-warning; }
        & > .transcript--warning-edge { color: $warning; }
        & > .transcript--error { color: $text-error; }
        & > .transcript--error-edge { color: $error; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._bubbles: list[Bubble] = []
        self._starts: list[int] = []
        """The first line of each bubble; ``_height`` after the last."""
        self._height = 0
        self._width = 0

    def on_mount(self) -> None:
        self.anchor()

    # ------------------------------------------------------------ what is said

    def say(
        self,
        content: Content | str,
        kind: BubbleKind = "assistant",
        *,
        before: Bubble | None = None,
    ) -> Bubble:
        """Append a bubble (or put it ``before`` one still shown) and keep the end in view."""
        if isinstance(content, str):
            content = Content(content)
        bubble = Bubble(content, kind)
        if before is not None and before in self._bubbles:
            self._bubbles.insert(self._bubbles.index(before), bubble)
            self._relayout()
        else:
            self._bubbles.append(bubble)
            self._starts.append(self._height)
            self._height += len(self._lines_of(bubble))
        excess = len(self._bubbles) - MAX_BUBBLES
        if excess > 0:
            del self._bubbles[:excess]
            self._relayout()
        self._update_size()
        return bubble

    @property
    def newest(self) -> Bubble | None:
        """The bubble said last (at the end of the transcript), if any."""
        return self._bubbles[-1] if self._bubbles else None

    @property
    def texts(self) -> list[str]:
        """The plain text of every bubble, oldest first (for tests and accessibility)."""
        return [bubble.content.plain for bubble in self._bubbles]

    # ------------------------------------------------------------ layout

    def _update_size(self) -> None:
        self.virtual_size = Size(self._width, self._height)
        self.follow()
        self.refresh()

    def follow(self) -> None:
        """Show the end and keep it in view as bubbles arrive.

        Whatever the author scrolled back to read, what is said next (or the answer they just
        gave) is what they need. Scrolled now, not when the compositor next lays out, so the
        frame that shows a new bubble is the next one, not the one after.
        """
        self._anchor_released = False
        self.scroll_end(animate=False, immediate=True, x_axis=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # ScrollView's watcher skips this: back at the end by hand, follow the end again.
        self._check_anchor()

    def _relayout(self) -> None:
        """Every bubble's first line again (after an insertion, a pruning or a new width)."""
        self._starts = []
        line = 0
        for bubble in self._bubbles:
            self._starts.append(line)
            line += len(self._lines_of(bubble))
        self._height = line

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Called by the compositor as it lays the screen out (textual 8.2): wrapping here, not
        # in on_resize, lets the frame that gives the transcript its size draw the bubbles too.
        width = size.width - self.styles.gutter.width - self.scrollbar_size_vertical
        if width != self._width:
            self._width = width
            self._relayout()
            self.set_reactive(Transcript.virtual_size, Size(width, self._height))
        resized = super()._size_updated(size, self.virtual_size, container_size, layout)
        if self.is_anchored and not self._anchor_released and self.scroll_y != self.max_scroll_y:
            # textual anchors a line-API widget to its end with the height it had in the last
            # frame; when the answer box below has changed height, that is a few lines short.
            end = self.max_scroll_y
            self.set_reactive(Transcript.scroll_y, end)
            self.set_reactive(Transcript.scroll_target_y, end)
            self.vertical_scrollbar.position = end
        return resized

    def notify_style_update(self) -> None:
        super().notify_style_update()
        for bubble in self._bubbles:
            bubble._width = -1

    # ------------------------------------------------------------ drawing

    def _lines_of(self, bubble: Bubble) -> list[Strip]:
        """The bubble's lines at the current width (rendered once, then kept)."""
        width = self._width
        if bubble._width != width:
            bubble._lines = self._render_bubble(bubble, width) if width > 0 else []
            bubble._width = width
        return bubble._lines

    def _render_bubble(self, bubble: Bubble, width: int) -> list[Strip]:
        kind = bubble.kind
        edge = _EDGE[kind]
        outside = self.rich_style
        left = right = 0
        if kind == "author":
            left = _AUTHOR_INDENT[width < NARROW_WIDTH]
        elif kind == "assistant":
            right = _ASSISTANT_OUTDENT
        text_width = width - left - right - (edge is not None) - 2 * _PADDING
        if text_width < 4:  # too narrow for margins: text only
            left = right = 0
            edge = None
            text_width = max(1, width - 2 * _PADDING)
        style = self.get_visual_style(f"transcript--{kind}")
        inside = style.rich_style
        text = Visual.to_strips(
            self,
            wrap_content(bubble.content, text_width),
            text_width,
            None,
            style,
            apply_selection=False,
            pad=True,
        )
        before = [Segment(" " * left, outside)]
        after = [Segment(" " * right, outside)]
        if edge is not None:
            color = self.get_visual_style(f"transcript--{kind}-edge").rich_style.color
            glyph = Segment(_EDGE_GLYPH[edge], outside + RichStyle(color=color))
            if edge == "left":
                before.append(glyph)
            else:
                after.insert(0, glyph)
        pad = Segment(" " * _PADDING, inside)
        lines = [
            Strip([*before, pad, *line, pad, *after]).simplify().adjust_cell_length(width, outside)
            for line in text
        ]
        if kind == "note":  # no edge or background to set it apart: a blank line does
            lines.insert(0, Strip.blank(width, outside))
        return lines

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= line < self._height:
            return Strip.blank(width, self.rich_style)
        index = bisect_right(self._starts, line) - 1
        bubble = self._bubbles[index]
        lines = self._lines_of(bubble)
        offset = line - self._starts[index]
        if offset >= len(lines):  # cannot happen: the layout follows every change of width
            return Strip.blank(width, self.rich_style)
        bubble.drawn = True
        return lines[offset].apply_style(self.rich_style)
