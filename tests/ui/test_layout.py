"""The layout from 50 to 160 columns: what must stay whole and readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from example import SEED_PATH
from pilot_helpers import make_app, settle
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Label

from assistant.core import format as fmt
from assistant.core.questions import SECTION_KEYS, section_title
from assistant.ui.app import NianbaoApp
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.wrap import line_breaks, terminal_safe


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "d.nianbao.yaml"
    path.write_bytes(SEED_PATH.read_bytes())
    return path


def nav_lines(nav: SectionNav) -> list[str]:
    return [str(nav.get_option_at_index(i).prompt) for i in range(len(SECTION_KEYS))]


async def _in_the_conversation(pilot: Pilot[NianbaoApp]) -> None:
    """The seed opens on its review: back to the conversation, with the sidebar."""
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def test_the_sidebar_shows_whole_titles_on_a_wide_screen(tmp_path: Path) -> None:
    app = make_app(_copy(tmp_path))
    async with app.run_test(size=(160, 40)) as pilot:
        await _in_the_conversation(pilot)
        prompts = nav_lines(app.screen.query_one(SectionNav))
        for key, prompt in zip(SECTION_KEYS, prompts, strict=True):
            assert prompt.split("\n")[0] == section_title(key), prompt


@pytest.mark.parametrize("width", [80, 100])
async def test_the_sidebar_shortens_titles_rather_than_wrap_them(
    tmp_path: Path, width: int
) -> None:
    app = make_app(_copy(tmp_path))
    async with app.run_test(size=(width, 30)) as pilot:
        await _in_the_conversation(pilot)
        prompts = nav_lines(app.screen.query_one(SectionNav))
        assert prompts[SECTION_KEYS.index("proactive")].split("\n")[0] == "二、主动公开"
        for prompt in prompts:
            assert len(prompt.split("\n")) == 2, prompt  # the title on one line, then 4/4


async def test_the_header_keeps_the_year_at_50_columns(tmp_path: Path) -> None:
    app = make_app(_copy(tmp_path))
    async with app.run_test(size=(50, 20)) as pilot:
        await _in_the_conversation(pilot)
        title = app.screen.query_one("#status-title", Label)
        shown = title.render_line(0).text
        assert "2024年" in shown


@pytest.mark.parametrize("width", range(6, 64))
def test_5_15_is_never_split(width: int) -> None:
    text = "深入开展“5·15”政务公开日活动，组织机关干部学习《条例》全文。"
    for cut in line_breaks(text, width):
        assert "5·15" not in (text[:cut][-3:], text[cut:][:3]) and text[cut - 1 : cut + 1] not in (
            "5·",
            "·1",
        )


def test_emoji_presentation_selectors_are_dropped_on_screen() -> None:
    typed = "测试局❤️⚠️👍"
    shown = terminal_safe(typed)
    assert shown == "测试局❤⚠👍"
    assert cell_len(shown) == 6 + 1 + 1 + 2


def test_every_short_title_fits_the_narrow_sidebar() -> None:
    for section in fmt.SECTIONS:
        assert cell_len(section.short_title) <= 22 - 2


@pytest.mark.parametrize(("width", "palette"), [(60, False), (100, True)])
async def test_the_footer_leaves_out_the_palette_key_when_narrow(
    tmp_path: Path, width: int, palette: bool
) -> None:
    from assistant.ui.widgets.footer import Footer

    app = make_app(_copy(tmp_path))
    async with app.run_test(size=(width, 24)) as pilot:
        await _in_the_conversation(pilot)
        footer = app.screen.query_one(Footer)
        assert footer.show_command_palette is palette
        assert footer.compact is (width < Footer.ROOMY)
