"""The sidebar: 基本信息 and the six sections, with progress and a mark where a check fails."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.cells import cell_len
from textual import on
from textual.content import Content
from textual.message import Message
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.core import format as fmt
from assistant.core.findings import Severity
from assistant.core.questions import SECTION_KEYS, section_title
from assistant.ui.wrap import wrap_content


class SectionNav(OptionList):
    """Lists the sections; choosing one asks the screen to jump there."""

    @dataclass
    class Selected(Message):
        """The author chose a section in the sidebar."""

        section: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(*(Option(section_title(k), id=k) for k in SECTION_KEYS), id=id)
        self.progress: dict[str, tuple[int, int]] = {}
        self.marks: dict[str, Severity] = {}
        self._shown: dict[str, tuple[str, tuple[object, ...]]] = {}
        self.can_focus = True

    def show(
        self,
        progress: Mapping[str, tuple[int, int]] | None = None,
        marks: Mapping[str, Severity] | None = None,
        current: str | None = None,
    ) -> None:
        """Update the numbers, the marks and the highlighted section."""
        if progress is not None:
            self.progress = dict(progress)
        if marks is not None:
            self.marks = dict(marks)
        for index, key in enumerate(SECTION_KEYS):
            prompt = self._prompt(key)
            # Each replacement renders the whole list again; Content's == ignores its styles.
            shown = (prompt.plain, tuple(prompt.spans))
            if shown != self._shown.get(key):
                self._shown[key] = shown
                self.replace_option_prompt_at_index(index, prompt)
        if current in SECTION_KEYS and not self.has_focus:
            self.highlighted = SECTION_KEYS.index(current)

    def _prompt(self, key: str) -> Content:
        answered, required = self.progress.get(key, (0, 0))
        mark = self.marks.get(key)
        if required and answered >= required and mark is not Severity.ERROR:
            state = Content.styled(f"完成 {answered}/{required}", "$success")
        else:  # all answered but an error to fix is not done: no tick beside the ✖
            state = Content.styled(f"{answered}/{required}", "$text-muted")
        if mark is Severity.ERROR:
            state = Content.assemble(state, " ", Content.styled("有错误", "$error"))
        elif mark is Severity.WARNING:
            state = Content.assemble(state, " ", Content.styled("有警告", "$warning"))
        full = section_title(key)
        width = self.scrollable_content_region.width - 2
        if width > 4 and cell_len(full) > width and key in fmt.SECTION_BY_KEY:
            full = fmt.SECTION_BY_KEY[key].short_title  # "二、主动公开": one line, not two
        title = Content(full)
        if width > 4:
            title = wrap_content(title, width)
        return Content.assemble(title, "\n  ", state)

    def _replace_option_prompt(self, index: int, prompt: VisualType) -> None:
        # textual 8.2 (pinned) forgets how every option was drawn when one prompt changes, and
        # redraws the whole list. The sidebar changes one section's count per answer: only
        # that option is drawn again, and only its lines when it keeps its height.
        option = self.get_option_at_index(index)
        lines = self._line_cache.heights.get(index)
        first = self._line_cache.index_to_line.get(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache  # an LRUCache: no __iter__, hence keys()
        for key in [key for key in cache.keys() if key[0] is option]:  # noqa: SIM118
            cache.discard(key)
        height = str(prompt).count("\n") + 1  # prompts come wrapped to the sidebar's width
        if lines is not None and first is not None and lines == height:
            self.refresh_lines(first, lines)
        else:
            self._line_cache.clear()
            self.refresh()

    def on_resize(self) -> None:
        self.show()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Selected(event.option.id))
