"""Driving the terminal assistant headless: the baseline app, paint detection, a whole interview.

Also a child-process entry point, so start-up and memory are measured on whole processes:

    python benchmarks/_tui.py first minimal            # the baseline: first frame, exit
    python benchmarks/_tui.py first floor              # the same, having loaded draft and store
    python benchmarks/_tui.py first nianbao DRAFT      # `nianbao DRAFT`: first question, exit
    python benchmarks/_tui.py interview DRAFT SEED N   # a whole interview, N answers timed
    python benchmarks/_tui.py interview minimal 0 N    # the baseline: N submits → label repaints

``nianbao`` goes through ``assistant.cli.main`` like the console script; only ``App.run`` is
wrapped, to run headless at a fixed size with an autopilot that exits once the goal is on screen.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Header, Input, Label

SIZE = (100, 32)
TIMEOUT = 30.0
BACKGROUND = ("save", "check", "preview", "review-check", "review-write")
"""Worker groups that finish by themselves (as in tests/ui/pilot_helpers.py)."""


class QuestionLabel(Label):
    """A label that remembers which question it last rendered (for the submit baseline)."""

    asked = 0
    rendered = -1

    def render(self) -> Any:
        self.rendered = self.asked
        return super().render()


class MinimalApp(App[None]):
    """The baseline: a header, a label and an input; submitting puts the next question up."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield QuestionLabel("您好！请问贵机关的全称是什么？", id="question")
        yield Input(placeholder="在这里输入回答，按 Enter 提交")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        label = self.query_one(QuestionLabel)
        label.asked += 1
        label.update(f"第 {label.asked + 1} 个问题：请填写下一项（{event.value}）")
        event.input.clear()


def rss_bytes() -> int:
    """This process's resident memory now (VmRSS), 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


async def minimal_answers(pilot: Pilot[Any], count: int) -> list[tuple[str, float, float]]:
    """The baseline of figure 4: ``count`` answers typed into the minimal app's Input.

    Same clock as ``answer_one``: from the Enter key reaching the app to the first frame in
    which the label shows the next question.
    """
    app = pilot.app
    watch = PaintWatch(app)
    label = app.query_one(QuestionLabel)
    box = app.query_one(Input)
    await watch.until(lambda: on_screen(app, label))
    timings = []
    for index in range(count):
        box.value = f"回答 {index}"
        await asyncio.sleep(0.02)
        await pilot.pause()
        wanted = label.asked + 1
        shown = asyncio.ensure_future(watch.until(lambda w=wanted: label.rendered >= w))
        start = time.perf_counter()
        key = submit_key(False)
        key.set_sender(app)
        app.post_message(key)
        painted = await shown
        timings.append(("minimal", painted - start, painted - start))
    return timings


class PaintWatch:
    """Notices when a condition first holds at a paint (the compositor's update to the driver).

    Headless, textual still lays out and composes every frame; only the write to the terminal is
    skipped. So "on screen" here means: part of a composed frame.
    """

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._waiting: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None and self._waiting:
                self._check()

        app._display = display  # type: ignore[method-assign]

    def _check(self) -> None:
        now = time.perf_counter()
        still = []
        for condition, future in self._waiting:
            if future.done():
                continue
            if condition():
                future.set_result(now)
            else:
                still.append((condition, future))
        self._waiting = still

    async def until(self, condition: Callable[[], bool], timeout: float = TIMEOUT) -> float:
        """The perf_counter time of the first paint at which ``condition()`` held."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting.append((condition, future))
        return await asyncio.wait_for(future, timeout)


def on_screen(app: App[Any], widget: Widget | None) -> bool:
    """``widget`` is part of the current screen's composed frame."""
    if widget is None or widget.screen is not app.screen:
        return False
    return widget in app.screen._compositor.visible_widgets


def question_shown(app: App[Any]) -> bool:
    """The interview asks a question and its bubble (the transcript's newest) is painted."""
    from assistant.ui.screens.interview import InterviewScreen

    screen = app.screen
    if not isinstance(screen, InterviewScreen) or screen.current is None:
        return False
    newest = screen.transcript.newest
    return newest is not None and newest.drawn


# ---------------------------------------------------------------- answering by keys


def answer_text(source: Any, question: Any) -> str:
    """What an author with the draft ``source`` in mind types for ``question``.

    Multiple choices are typed as option numbers (as the hint suggests): the labels of some
    options contain "、" themselves, so a list of labels is ambiguous. The drafting help's fact
    questions get plausible facts.
    """
    from corpus import FACTS

    from assistant.core import flow
    from assistant.core.questions import Kind

    if question.kind is Kind.MULTICHOICE:
        chosen = flow.stored_value(source, question) or []
        numbers = [str(i) for i, o in enumerate(question.options, start=1) if o.value in chosen]
        return " ".join(numbers)
    typed = flow.current_answer(source, question)
    if typed is None and question.field is None:
        typed = FACTS.get(question.kind.value)
    return typed or ""


def submit_key(narrative: bool) -> events.Key:
    """The key event a terminal delivers for submit: Enter, or Ctrl+S in the narrative editor."""
    return events.Key("ctrl+s", "\x13") if narrative else events.Key("enter", "\r")


async def idle(pilot: Pilot[Any]) -> None:
    """The author reads and types: the debounced checks, saves and repaints run out meanwhile."""
    from assistant.ui.screens.interview import InterviewScreen

    screen = pilot.app.screen
    if isinstance(screen, InterviewScreen):
        # Checks start DEBOUNCE_SECONDS after the last answer; a person takes longer than that.
        await asyncio.sleep(screen.DEBOUNCE_SECONDS + 0.01)
    for worker in list(pilot.app.workers):
        if worker.group in BACKGROUND and worker.is_running:
            await worker.wait()
    await pilot.pause()


async def answer_one(pilot: Pilot[Any], watch: PaintWatch, source: Any) -> tuple[str, float, float]:
    """Answer the current question from ``source``: (its id, seconds to the next question
    painted, seconds to that and the answer saved).

    The clock starts as the submit key reaches the app and stops at the first frame showing the
    next question (or the review, after the last one); the second figure also waits for the
    autosave of this answer to be written and reported.
    """
    from assistant.ui.screens.interview import InterviewScreen

    app = pilot.app
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    question = screen.current
    assert question is not None
    box = screen.answer_box
    box.set_text(answer_text(source, question))
    await idle(pilot)
    transcript = screen.transcript
    last = transcript.newest
    saves = screen.session.saver
    saved_before = saves.saved_at

    def next_shown() -> bool:
        # Checked at every frame, so kept cheap: it must not slow what it measures.
        if app.screen is not screen:  # the review, after the last answer
            return True
        if screen.current is question:
            return False
        newest = transcript.newest
        return newest is not last and newest is not None and newest.drawn

    shown = asyncio.ensure_future(watch.until(next_shown))
    start = time.perf_counter()
    key = submit_key(box.narrative)
    key.set_sender(app)  # as the driver delivers it
    app.post_message(key)
    try:
        painted = await shown
    except TimeoutError:
        raise RuntimeError(f"{question.id}: refused: {box.message.content}") from None
    deadline = start + TIMEOUT
    while saves.dirty or saves.saved_at is saved_before:
        if saves.last_error is not None:
            raise RuntimeError(f"save failed: {saves.last_error}")
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{question.id}: the answer was not saved within {TIMEOUT:.0f} s")
        await asyncio.sleep(0.0005)
    saved = time.perf_counter()
    return question.id, painted - start, max(painted, saved) - start


async def interview(
    pilot: Pilot[Any], source: Any, limit: int | None = None, *, watch: PaintWatch | None = None
) -> list[tuple[str, float, float]]:
    """Answer questions from ``source`` until the review (or ``limit`` answers)."""
    from assistant.ui.screens.interview import InterviewScreen

    app = pilot.app
    if watch is None:
        watch = PaintWatch(app)
        await watch.until(lambda: question_shown(app))
    timings = []
    while isinstance(app.screen, InterviewScreen) and app.screen.current is not None:
        if limit is not None and len(timings) >= limit:
            break
        timings.append(await answer_one(pilot, watch, source))
    await idle(pilot)
    return timings


# ---------------------------------------------------------------- child process


def _run_headless(autopilot: Callable[[Pilot[Any]], Any]) -> None:
    """Make every ``App.run`` of this process headless, at SIZE, driven by ``autopilot``."""
    run = App.run

    def headless_run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=SIZE, auto_pilot=autopilot)
        return run(self, *args, **kwargs)

    App.run = headless_run  # type: ignore[method-assign]


def child(argv: list[str]) -> int:
    """The process measured by bench_tui: see the module docstring."""
    action, target, *rest = argv

    if action == "first" and target in ("minimal", "floor"):
        if target == "floor":  # what any app holding a draft loads: the model and the store
            import assistant.core.draft
            import assistant.store  # noqa: F401

        async def first_paint(pilot: Pilot[Any]) -> None:
            app = pilot.app
            await PaintWatch(app).until(lambda: on_screen(app, app.query_one("#question")))
            app.exit()

        MinimalApp().run(headless=True, size=SIZE, auto_pilot=first_paint)
        return 0

    if action == "first" and target == "nianbao":

        async def first_question(pilot: Pilot[Any]) -> None:
            app = pilot.app
            await PaintWatch(app).until(lambda: question_shown(app))
            app.exit(0)

        _run_headless(first_question)
        from assistant.cli import main

        return main([rest[0]])

    if action == "interview" and target == "minimal":
        limit = int(rest[1])
        result: dict[str, Any] = {}

        async def submits(pilot: Pilot[Any]) -> None:
            result["rss_first"] = rss_bytes()
            result["timings"] = await minimal_answers(pilot, limit)
            result["rss_after"] = rss_bytes()
            pilot.app.exit()

        MinimalApp().run(headless=True, size=SIZE, auto_pilot=submits)
        json.dump(result, sys.stdout)
        return 0

    if action == "interview":
        seed, limit = int(rest[0]), int(rest[1])
        measured: dict[str, Any] = {}

        async def whole_interview(pilot: Pilot[Any]) -> None:
            from corpus import complete_draft

            app = pilot.app
            source = complete_draft(seed)
            watch = PaintWatch(app)
            await watch.until(lambda: question_shown(app))
            measured["rss_first"] = rss_bytes()
            # ``limit`` answers timed; the memory is read right after them.
            measured["timings"] = await interview(pilot, source, limit, watch=watch)
            measured["rss_after"] = rss_bytes()
            pilot.app.exit(0)

        _run_headless(whole_interview)
        from assistant.cli import main

        code = main([target])
        json.dump(measured, sys.stdout)
        return code

    raise SystemExit(f"unknown: {argv}")


if __name__ == "__main__":
    sys.exit(child(sys.argv[1:]))
