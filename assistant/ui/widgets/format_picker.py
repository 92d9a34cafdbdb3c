"""The review's format picker: each row says 已选 or 未选 in words, not only in colour.

Textual's SelectionList draws the same "X" box for both states and tells them apart by colour
alone, which a monochrome terminal (or a colour-blind author) cannot see; its glyphs also
differ in width between terminals. The mark here is plain text of fixed width.
"""

from __future__ import annotations

from typing import Final

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

CHOSEN: Final = "[已选] "
NOT_CHOSEN: Final = "[未选] "


class FormatPicker(SelectionList[str]):
    """A SelectionList whose rows start with "[已选]" or "[未选]"."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        index = self.scroll_offset.y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        chosen = selection.value in self.selected
        base = next(iter(line)).style or self.rich_style
        mark = base + Style(bold=chosen, dim=not chosen, meta={"option": index})
        return Strip([Segment(CHOSEN if chosen else NOT_CHOSEN, mark), *line])
