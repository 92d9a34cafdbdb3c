"""The sidebar shows each section's progress and marks, redrawn as they change."""

from __future__ import annotations

from textual.app import App, ComposeResult

from assistant.core.findings import Severity
from assistant.core.questions import SECTION_KEYS, section_title
from assistant.ui.widgets.section_nav import SectionNav


class OnlyNav(App[None]):
    CSS = "SectionNav { height: 1fr; max-height: 100%; border: none; }"

    def compose(self) -> ComposeResult:
        yield SectionNav(id="nav")


def shown(nav: SectionNav) -> str:
    """The sidebar's lines as a frame takes them (lines not marked dirty come from a cache)."""
    return "\n".join(strip.text.rstrip() for strip in nav.render_lines(nav.size.region))


async def test_the_sidebar_redraws_what_changed_and_keeps_the_rest() -> None:
    app = OnlyNav()
    progress = dict.fromkeys(SECTION_KEYS, (0, 3))
    async with app.run_test(size=(40, 30)) as pilot:
        nav = app.query_one(SectionNav)
        nav.show(progress)
        await pilot.pause()
        before = shown(nav)
        assert before.count("0/3") == len(SECTION_KEYS)
        assert section_title(SECTION_KEYS[0]) in before.replace("\n", "")

        progress[SECTION_KEYS[1]] = (3, 3)
        nav.show(progress, {SECTION_KEYS[2]: Severity.ERROR})
        await pilot.pause()
        after = shown(nav)
    assert "完成 3/3" in after
    assert "有错误" in after
    assert after.count("0/3") == len(SECTION_KEYS) - 1  # the other sections as they were
    assert after.replace("完成 3/3", "0/3").replace(" 有错误", "") == before


async def test_an_unchanged_sidebar_is_not_redrawn() -> None:
    app = OnlyNav()
    progress = dict.fromkeys(SECTION_KEYS, (1, 2))
    async with app.run_test(size=(40, 30)) as pilot:
        nav = app.query_one(SectionNav)
        nav.show(progress)
        await pilot.pause()
        replaced: list[int] = []
        original = nav.replace_option_prompt_at_index

        def spy(index: int, prompt: object) -> SectionNav:
            replaced.append(index)
            return original(index, prompt)  # type: ignore[arg-type]

        nav.replace_option_prompt_at_index = spy  # type: ignore[method-assign]
        nav.show(progress)
        assert replaced == []
        nav.show({**progress, SECTION_KEYS[3]: (2, 2)})
        assert replaced == [3]


async def test_a_complete_section_with_an_error_shows_no_tick() -> None:
    app = OnlyNav()
    async with app.run_test(size=(40, 30)) as pilot:
        nav = app.query_one(SectionNav)
        nav.show(dict.fromkeys(SECTION_KEYS, (2, 2)), {SECTION_KEYS[0]: Severity.ERROR})
        await pilot.pause()
        lines = shown(nav).splitlines()
    assert "2/2 有错误" in lines[1] and "完成" not in lines[1]
    assert "完成 2/2" in lines[3]
