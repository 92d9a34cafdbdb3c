"""``nianbao serve`` in a real browser: headless Chromium driven through Playwright.

The system's Chromium is used (``executable_path``): Playwright's own browser download is never
needed, only its driver. The terminal is drawn on a canvas, so what the page shows is read from
the websocket stream the page receives (the escape codes stripped).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Download, Page, WebSocket, sync_playwright

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ESCAPES = re.compile(
    r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])"
)
TIMEOUT = 30.0
AGENCY = "沈阳市人民政府外事办公室"
SCREENSHOT = os.environ.get("NIANBAO_SCREENSHOT")
"""Where to save a screenshot of the review page (for the README), when set."""

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="没有安装 Chromium（Debian: apt-get install chromium）"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The example draft less three answers, served on a free port: (url, draft)."""
    draft = tmp_path / "沈阳 2024.nianbao.yaml"
    text = SEED.read_text(encoding="utf-8")
    for line in ("  agency: ", "  published: ", "  licensing: "):
        text = re.sub(rf"(?m)^{line}.*$", f"{line}null", text)
    draft.write_text(text, encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", str(draft), "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert server.poll() is None, server.communicate()[0].decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/", draft
    finally:
        server.terminate()
        out = server.communicate(timeout=TIMEOUT)[0].decode("utf-8", "replace")
        assert "Traceback" not in out, out


class Screen:
    """What one page's terminal received, as plain text."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.frames: list[bytes] = []
        page.on("websocket", self._opened)

    def _opened(self, websocket: WebSocket) -> None:
        self.frames = []  # a reload opens a new websocket: only the new session counts
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.frames.append(payload)

    def text(self) -> str:
        return ESCAPES.sub("", b"".join(self.frames).decode("utf-8", "replace"))

    def wait_for(self, *needles: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not all(n in self.text() for n in needles):
            assert time.monotonic() < deadline, f"never shown: {needles}\n{self.text()[-3000:]}"
            self.page.wait_for_timeout(100)

    def mark(self) -> None:
        """Forget what was shown so far: the next wait_for looks at new output only."""
        self.frames = []


def test_interview_in_a_browser(served: tuple[str, Path], tmp_path: Path) -> None:
    url, draft = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        downloads: list[Download] = []
        # textual-serve opens each download in a new tab.
        context.on("page", lambda tab: tab.on("download", lambda d: downloads.append(d)))
        page = context.new_page()
        screen = Screen(page)
        page.goto(url)
        page.focus(".xterm-helper-textarea")

        screen.wait_for("请填写本机关的全称")
        page.keyboard.insert_text(AGENCY)  # as an input method delivers it
        page.keyboard.press("Enter")
        screen.wait_for("发布")
        page.keyboard.type("2025-01-22")
        page.keyboard.press("Enter")
        screen.wait_for("行政许可")
        screen.mark()
        page.keyboard.type("0")
        page.keyboard.press("Enter")
        screen.wait_for("审阅与生成", "检查通过")

        saved = yaml.safe_load(draft.read_text(encoding="utf-8"))
        assert saved["meta"]["agency"] == AGENCY
        assert str(saved["meta"]["published"]) == "2025-01-22"
        assert saved["table2"]["licensing"] == 0

        # A second tab on the same draft meets the lock, as a second terminal would.
        other = context.new_page()
        other_screen = Screen(other)
        other.goto(url)
        other_screen.wait_for("草稿正在使用中")
        other.close()

        # Reloading starts a new session on the saved draft: the answers are all there.
        page.reload()
        page.focus(".xterm-helper-textarea")
        screen.wait_for("审阅与生成", f"请填写本机关的全称  {AGENCY}", "检查通过")

        page.keyboard.press("Tab")  # from the formats to the 生成报告 button
        screen.mark()
        page.keyboard.press("Enter")
        screen.wait_for("下载 Word 文档")
        if SCREENSHOT:
            page.screenshot(path=SCREENSHOT)
        # The first download (Markdown) has the focus; Word is the fourth (md, html, txt, docx:
        # every format is chosen at first).
        for _ in range(3):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        deadline = time.monotonic() + TIMEOUT
        while not downloads:
            assert time.monotonic() < deadline, "no download started"
            page.wait_for_timeout(100)
        download = downloads[0]
        saved_docx = tmp_path / "downloaded.docx"
        download.save_as(saved_docx)
        assert download.suggested_filename == "沈阳 2024.docx"
        browser.close()

    import docx

    document = docx.Document(str(saved_docx))
    body = "\n".join(p.text for p in document.paragraphs)
    assert AGENCY in body
    assert (draft.parent / "沈阳 2024.docx").read_bytes() == saved_docx.read_bytes()
    # Everything the page loaded came from this server.
    assert requests and all(r.startswith(url) for r in requests), requests
