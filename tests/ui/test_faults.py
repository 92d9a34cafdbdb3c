"""Bad input, a draft in use, a failing disk, a broken file, Ctrl+C, signals, resizing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, answer, interview, make_app, saved, settle, type_text
from textual.widgets import OptionList

from assistant import store
from assistant.core.draft import Draft
from assistant.errors import SaveError
from assistant.ui.screens.choice import ChoiceScreen
from assistant.ui.screens.interview import InterviewScreen
from assistant.ui.screens.launcher import LauncherScreen
from assistant.ui.widgets.status_bar import StatusBar

AGENCY = "沈阳市人民政府外事办公室"


async def test_bad_input_keeps_the_typed_text_and_says_why(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer(pilot, AGENCY)
        await answer(pilot, "1")
        screen = interview(app)
        assert screen.current is not None and screen.current.id == "year"
        await type_text(pilot, "去年")
        await pilot.press("enter")
        await settle(pilot)
        box = screen.answer_box
        assert box.text == "去年", "the refused text stays in the input"
        assert box.message.has_class("-error")
        assert "年" in str(box.message.content) and str(box.message.content) != "去年"
        assert screen.current.id == "year"
        await answer(pilot, "2024")
        await settle(pilot)
        assert not box.message.has_class("-error")
    assert saved(draft_path).meta.year == 2024


HOLDER = """
import sys
from pathlib import Path
from assistant.store import DraftLock
lock = DraftLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def held_draft(draft_path: Path) -> Any:
    """The draft saved with an agency, and locked by another live process."""
    store.save_draft(Draft.model_validate({"meta": {"agency": AGENCY}}), draft_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(draft_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    yield draft_path, holder.pid
    holder.communicate("")


async def test_draft_in_use_offers_read_only(held_draft: tuple[Path, int]) -> None:
    path, pid = held_draft
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choice = app.screen
        assert isinstance(choice, ChoiceScreen)
        assert "正被另一个会话使用" in choice.message and str(pid) in choice.message
        await pilot.press("r")
        await settle(pilot)
        screen = interview(app)
        assert screen.session.read_only
        assert "只读" in str(screen.query_one(StatusBar).save_state)
        await answer(pilot, "1")  # the next question would be 机关类型
        assert "只读" in str(screen.answer_box.message.content)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert path.read_bytes() == before


async def test_draft_in_use_can_be_left(held_draft: tuple[Path, int]) -> None:
    path, _ = held_draft
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 1


async def test_save_failure_keeps_the_answer_and_retries(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = store.save_draft
    failing = True

    def flaky_save(draft: Draft, path: Path) -> None:
        if failing:
            raise SaveError(f"草稿未能保存到 {path}：磁盘已满。原文件没有改动。")
        real_save(draft, path)

    monkeypatch.setattr(InterviewScreen, "RETRY_SECONDS", 0.05)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(store, "save_draft", flaky_save)
        await answer(pilot, AGENCY)
        await settle(pilot)
        screen = interview(app)
        status = screen.query_one(StatusBar)
        assert status.save_state == "未保存：磁盘已满，正在重试..."
        assert status.failing
        warnings = [t for t in screen.transcript.texts if "磁盘已满" in t]
        assert len(warnings) == 1 and "\n" not in warnings[0]
        assert screen.draft.meta.agency == AGENCY, "the answer is kept in memory"
        assert screen.current is not None and screen.current.id == "agency_kind"
        assert saved(draft_path).meta.agency is None
        assert screen.check_action("save_as", ()) is True, "另存为 is offered in the footer"

        failing = False
        for _ in range(100):  # the retry timer fires on its own
            await pilot.pause(0.05)
            if not screen.session.saver.dirty:
                break
        await settle(pilot)
        assert status.save_state.startswith("已保存") and not status.failing
        assert any("重新保存成功" in t for t in screen.transcript.texts)
    assert saved(draft_path).meta.agency == AGENCY


async def test_broken_draft_is_reported_and_its_backup_offered(draft_path: Path) -> None:
    store.save_draft(Draft.model_validate({"meta": {"agency": AGENCY}}), draft_path)
    store.save_draft(Draft.model_validate({"meta": {"agency": AGENCY, "year": 2024}}), draft_path)
    broken = draft_path.read_text(encoding="utf-8").replace("year: 2024", "year: [2024")
    draft_path.write_text(broken, encoding="utf-8")
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choice = app.screen
        assert isinstance(choice, ChoiceScreen)
        assert str(draft_path) in choice.message and "没有被改动" in choice.message
        assert f"{draft_path}:" in choice.message, "the line of the error is named"
        assert "备份" in choice.message
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("enter")  # accept the proposed name for the restored copy
        await settle(pilot)
        screen = interview(app)
        restored = screen.session.path
        assert restored != draft_path and restored.name.endswith(".nianbao.yaml")
    assert draft_path.read_text(encoding="utf-8") == broken, "the broken file is untouched"
    assert saved(restored).meta.agency == AGENCY


async def test_ctrl_c_quits_and_loses_nothing(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer(pilot, AGENCY)
        await pilot.press("ctrl+c")
        await settle(pilot)
    assert app.return_code == 0
    assert saved(draft_path).meta.agency == AGENCY
    assert not store.lock_path(draft_path).exists(), "the lock is released"


async def test_quit_with_typed_text_asks_first(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "沈阳")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("n")
        await settle(pilot)
        assert interview(app).answer_box.text == "沈阳"
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert app.return_code == 0


async def test_sigterm_flushes_and_exits(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer(pilot, AGENCY)
        os.kill(os.getpid(), signal.SIGTERM)
        await settle(pilot)
    assert app.return_code == 128 + signal.SIGTERM
    assert saved(draft_path).meta.agency == AGENCY


async def test_resize_to_tiny_and_back(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for size in ((12, 5), (1, 1), (80, 24), (40, 10), SIZE):
            await pilot.resize_terminal(*size)
            await settle(pilot)
        await answer(pilot, AGENCY)
        await settle(pilot)
        assert interview(app).current is not None
    assert saved(draft_path).meta.agency == AGENCY


async def test_launcher_lists_drafts_and_starts_a_new_one(tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    old = Draft()
    old = old.model_copy(
        update={"meta": old.meta.model_copy(update={"agency": AGENCY, "year": 2024})}
    )
    store.save_draft(old, folder / "旧草稿.nianbao.yaml")
    app = make_app(None, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        launcher = app.screen
        assert isinstance(launcher, LauncherScreen)
        assert [p.name for p in launcher.paths.values()] == ["旧草稿.nianbao.yaml"]
        listed = launcher.query_one(OptionList).get_option("draft-0").prompt
        assert f"{AGENCY} | 2024年" in str(listed) and "旧草稿.nianbao.yaml" in str(listed)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("home", "ctrl+k", "n", "e", "w", "enter")
        await settle(pilot)
        screen = interview(app)
        assert screen.session.path == folder / "new.nianbao.yaml"
        await answer(pilot, AGENCY)
        await settle(pilot)
    assert saved(folder / "new.nianbao.yaml").meta.agency == AGENCY


# ---------------------------------------------------------------- a real terminal, closed


def _read_until(fd: int, deadline: float, done: Any, output: bytes = b"") -> bytes:
    """Everything the terminal shows until ``done(output)`` or the deadline."""
    import select

    while time.monotonic() < deadline and not done(output):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:
                break
    return output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_closed_terminal_loses_no_accepted_answer(draft_path: Path) -> None:
    """SIGHUP (the terminal window closed) right after an answer: it is on disk, no traceback."""
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", str(draft_path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        output = _read_until(master, time.monotonic() + 60, lambda out: draft_path.exists())
        assert draft_path.exists(), output.decode("utf-8", "replace")[-2000:]
        output = _read_until(master, time.monotonic() + 5, lambda out: b"Enter" in out, output)
        os.write(master, AGENCY.encode("utf-8") + b"\r")

        # Accepted = the next question is on the screen; hang up at once, without waiting
        # for the save to be seen on disk.
        next_question = "本机关属于哪一类".encode()
        output = _read_until(
            master, time.monotonic() + 30, lambda out: next_question in out, output
        )
        assert next_question in output
        process.send_signal(signal.SIGHUP)
        code = process.wait(timeout=30)
        output = _read_until(master, time.monotonic() + 1, lambda out: False, output)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    assert code == 128 + signal.SIGHUP
    assert saved(draft_path).meta.agency == AGENCY
    assert b"Traceback" not in output
    assert not store.lock_path(draft_path).exists(), "the lock is released"
