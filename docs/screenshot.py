"""Make docs/screenshot.png, the README's picture: a district part-way through 表三.

Run from the repository root: `uv run python docs/screenshot.py`. It works on a copy of the seed
draft in a temporary folder: the answers before 表三 are given through the flow engine, then the
author's answers are typed into the running app. The PNG needs Debian's chromium and fonts-noto-cjk.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from assistant.core import flow
from assistant.core.draft import Table3
from assistant.promptfiles import load_questions
from assistant.store import load_draft, save_draft
from assistant.ui.app import NianbaoApp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GATES = {"makes_regulations": "否", "has_appeals": "否", "compose_help": "否"}
TYPED = ["y", "1 2", "12"]
SIZE = (100, 32)


def prepared_draft(path: Path) -> None:
    """The seed, renamed, with 表三 empty and every earlier question answered."""
    draft = load_draft(ROOT / "examples" / "shenyang-2024.nianbao.yaml")
    meta = draft.meta.model_copy(update={"agency": "某市某区自然资源局"})
    draft = draft.model_copy(update={"meta": meta, "table3": Table3()})
    questions = load_questions()
    while (question := flow.next_question(draft, questions)) is not None:
        if question.id == "has_applications":
            break
        text = GATES.get(question.id) or flow.current_answer(draft, question)
        draft = flow.apply_answer(draft, question, text or flow.proposal(draft, question) or "")
    save_draft(draft, path)


async def shoot(path: Path) -> Path:
    """The app's own SVG screenshot, saved beside the draft."""
    app = NianbaoApp(path, path.parent)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        for text in TYPED:
            await pilot.press(*("space" if c == " " else c for c in text), "enter")
            await pilot.pause(0.5)
        return Path(app.save_screenshot(filename="screenshot.svg", path=str(path.parent)))


def to_png(svg: Path) -> None:
    """Chromium draws the SVG with a monospace CJK font, so double-width characters line up."""
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not found: docs/screenshot.png not updated")
        return
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "shot.svg"
        # rich sets textLength from the number of characters, not of cells, which squeezes
        # Chinese text to half its width: drop it and let the font's own advances place glyphs.
        text = re.sub(r' textLength="[0-9.]+"', "", svg.read_text(encoding="utf-8"))
        text = text.replace(
            "font-family: Fira Code, monospace;",
            'font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;',
        )
        page.write_text(text, encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", f"--screenshot={DOCS / 'screenshot.png'}",
             "--window-size=1240,860", "--default-background-color=00000000", page.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # A private home and XDG folders: taking the picture leaves the real user's state alone.
        os.environ["HOME"] = tmp
        for var, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
            os.environ[var] = str(Path(tmp) / sub)
        path = Path(tmp) / "某区自然资源局-2024.nianbao.yaml"
        prepared_draft(path)
        to_png(asyncio.run(shoot(path)))


if __name__ == "__main__":
    main()
