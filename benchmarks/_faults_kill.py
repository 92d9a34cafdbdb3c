"""Kill real sessions while they save: ``nianbao --plain`` and the TUI through its test driver.

**--plain.** A reference session answers the example report line by line from an empty draft;
after each line it records the draft file as the session left it. Each round then starts a fresh
session, answers up to a random line, sends it and SIGKILLs the session after a random delay
within that line's measured processing time (which is mostly the save). The draft on disk must
be exactly the reference state after the last acknowledged line (its prompt came back) or after
the line in flight; the backup must be an earlier reference state. So every acknowledged answer
is there, and nothing half-written.

**TUI.** Sessions run headless through ``benchmarks/_tui.py`` (the benchmarks' driver): answers
come from a complete corpus draft, and a session reports ``b<n>`` as it submits an answer and
``s<n> <id>`` once the saver reports it saved (what "已保存" shows). Rounds resume the same draft,
as an author reopening after a crash would (the kernel has freed the killed session's lock);
after each kill every acknowledged answer must be in the file with its value.
"""

from __future__ import annotations

import asyncio
import codecs
import os
import random
import select
import time
from pathlib import Path
from typing import Any

from _faults_proc import Json, drain, fork_session, read_some, reap

from assistant.core.draft import Draft
from assistant.errors import NianbaoError
from assistant.store import backup_path, load_draft

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"
PROMPTS = ("> ", "… ")
TURN_TIMEOUT = 30.0


def plain_script() -> list[str]:
    """The stdin lines of an author retelling the example report, up to its review."""
    seed = load_draft(SEED)

    def lines(text: str | None) -> list[str]:
        return [*(text or "无").splitlines(), "."]

    parts = seed.overview
    narrative = [parts.intro, parts.proactive, parts.on_request, parts.management]
    narrative += [parts.platform, parts.oversight]
    return [
        *(seed.meta.agency or "", "1", str(seed.meta.year), "2025年1月22日", "", "", "", ""),
        *(line for text in narrative for line in lines(text)),
        *("否", "0", "0", "0", "0", "0", "0", "0", "否", "否"),
        *lines(seed.problems),
        "否",
        *lines(seed.other.text),
    ]


class PlainSession:
    """A forked ``nianbao --plain PATH`` talked to line by line; its saves reported on a pipe."""

    def __init__(self, folder: Path, path: Path) -> None:
        from _faults_proc import cli_body

        self.saves, saves_w = os.pipe()
        self.pid, self.stdin, self.stdout, self.stderr = fork_session(
            cli_body(["--plain", str(path)], saves_w), cwd=folder
        )
        os.close(saves_w)
        self.output = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def prompt(self) -> str:
        """Wait for the next prompt; the text printed since the last one."""
        start = len(self.output)
        deadline = time.monotonic() + TURN_TIMEOUT
        while len(self.output) == start or not self.output.endswith(PROMPTS):
            chunk = read_some(self.stdout, 0.5)
            if chunk is None and time.monotonic() > deadline:
                raise RuntimeError(f"no prompt within {TURN_TIMEOUT:.0f} s: {self.output[-300:]}")
            if chunk == b"" or (chunk is None and self._ended()):
                raise RuntimeError(f"session ended: {self.output[-300:]}")
            self.output += self._decoder.decode(chunk or b"")
        return self.output[start:]

    def save_started(self, timeout: float) -> bool:
        """Wait for the session to start writing the draft (True), or ``timeout`` to pass."""
        return read_some(self.saves, timeout) not in (None, b"")

    def answer(self, line: str) -> tuple[str, float]:
        """Send ``line`` and wait for the next prompt: (what was said, seconds its save took)."""
        self.send(line)
        start = len(self.output)
        began = ended = 0.0
        deadline = time.monotonic() + TURN_TIMEOUT
        while len(self.output) == start or not self.output.endswith(PROMPTS):
            if time.monotonic() > deadline:
                raise RuntimeError(f"no prompt within {TURN_TIMEOUT:.0f} s: {self.output[-300:]}")
            ready, _, _ = select.select([self.stdout, self.saves], [], [], 0.5)
            if self.saves in ready:
                reported = os.read(self.saves, 64)
                now = time.monotonic()
                began = began or (now if b"[" in reported else 0.0)
                ended = now if b"]" in reported else ended
            if self.stdout in ready:
                chunk = os.read(self.stdout, 65536)
                if not chunk:
                    raise RuntimeError(f"session ended: {self.output[-300:]}")
                self.output += self._decoder.decode(chunk)
        return self.output[start:], max(0.0, ended - began)

    def _ended(self) -> bool:
        pid, _ = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.pid = 0
        return self.pid == 0

    def send(self, line: str) -> None:
        os.write(self.stdin, (line + "\n").encode("utf-8"))

    def kill(self) -> tuple[bool, bool]:
        """SIGKILL it: (whether the kill ended it, whether a save was still under way)."""
        killed = False
        if self.pid:
            _, sig, _ = reap(self.pid, kill=True)
            killed = sig is not None
        reported = drain(self.saves, 0.01)
        for fd in (self.stdin, self.stdout, self.stderr, self.saves):
            os.close(fd)
        return killed, reported.count(b"]") < reported.count(b"[") or reported == b""


def _state(path: Path) -> Draft | None:
    return load_draft(path) if path.exists() else None


def plain_reference(folder: Path, script: list[str]) -> tuple[list[Draft | None], list[float]]:
    """(draft after each line, 0 = before any; seconds each line's save took, 0 = no save)."""
    folder.mkdir(parents=True)
    path = folder / "参照.nianbao.yaml"
    session = PlainSession(folder, path)
    states: list[Draft | None] = []
    seconds: list[float] = []
    try:
        session.prompt()
        states.append(_state(path))
        for line in script:
            said, took = session.answer(line)
            seconds.append(took)
            if "！" in said:  # a refused answer or a failed save would spoil the reference
                raise RuntimeError(f"reference session refused {line!r}: {said[-300:]}")
            states.append(_state(path))
    finally:
        session.kill()
    return states, seconds


def plain_round(
    folder: Path, script: list[str], states: list[Draft | None], seconds: list[float], rng: Any
) -> Json:
    """One fresh session killed inside the save of a random answer; what was found."""
    folder.mkdir(parents=True)
    path = folder / "年报.nianbao.yaml"
    saving = [number for number, took in enumerate(seconds, start=1) if took > 0]
    target = rng.choice(saving)  # the line in flight, 1-based
    session = PlainSession(folder, path)
    session.prompt()
    for line in script[: target - 1]:
        session.answer(line)
    drain(session.saves, 0.0)  # reports of earlier saves must not be taken for this one
    session.send(script[target - 1])
    if session.save_started(TURN_TIMEOUT):
        # Half the kills in the first milliseconds (the temporary file being written), half
        # anywhere in the save (mostly its fsyncs).
        late = rng.random() < 0.5
        time.sleep(rng.uniform(0.0, seconds[target - 1] * 1.5 if late else 0.002))
    killed, mid_save = session.kill()
    temps = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    found: Json = {"killed": killed, "mid_save": mid_save, "mid_write": bool(temps)}
    found["problems"] = []
    try:
        draft = _state(path)
    except NianbaoError as error:
        found["corrupt"] = True
        found["problems"].append(f"line {target}: draft unreadable: {error}")
        return found
    acked = target - 1
    if draft not in (states[acked], states[target]):
        found["lost"] = True
        found["problems"].append(f"line {target}: the draft is not the state after line {acked}")
    backup = backup_path(path)
    if backup.exists():
        try:
            older = load_draft(backup)
        except NianbaoError as error:
            found["corrupt"] = True
            found["problems"].append(f"line {target}: backup unreadable: {error}")
        else:
            if older not in states[: target + 1]:
                found["lost"] = True
                found["problems"].append(f"line {target}: the backup is no earlier state")
    return found


# ---------------------------------------------------------------- the TUI


def tui_body(path: Path, seed: int, report: int, saves: int) -> Any:
    """The child's work: the TUI on ``path``, answering from corpus draft ``seed``."""

    def body() -> int:
        from _faults_proc import report_saves

        report_saves(saves)
        from _tui import PaintWatch, _run_headless, answer_text, question_shown, submit_key
        from corpus import complete_draft

        from assistant.cli import main
        from assistant.ui.screens.interview import InterviewScreen

        source = complete_draft(seed)

        async def autopilot(pilot: Any) -> None:
            app = pilot.app
            watch = PaintWatch(app)
            await watch.until(lambda: question_shown(app))
            number = 0
            while isinstance(app.screen, InterviewScreen) and app.screen.current is not None:
                screen = app.screen
                question = screen.current
                screen.answer_box.set_text(answer_text(source, question))
                await pilot.pause()  # no reading pause: the kills want saves, not checks
                saver = screen.session.saver
                before = saver.saved_at
                number += 1
                os.write(report, f"b{number}\n".encode())
                key = submit_key(screen.answer_box.narrative)
                key.set_sender(app)
                app.post_message(key)
                while saver.dirty or saver.saved_at is before:
                    if saver.last_error is not None:
                        raise RuntimeError(f"save failed: {saver.last_error}")
                    await asyncio.sleep(0.001)
                os.write(report, f"s{number} {question.id}\n".encode())
            os.write(report, b"done\n")
            app.exit(0)

        _run_headless(autopilot)
        return main([str(path)])

    return body


def tui_check(path: Path, acked: list[str], seed: int) -> list[str]:
    """Problems with the draft at ``path`` after a kill: every acked answer must be in it."""
    from corpus import complete_draft

    from assistant.core import flow
    from assistant.promptfiles import load_questions

    try:
        draft = load_draft(path)
    except NianbaoError as error:
        return [f"corrupt: {error}"]
    source = complete_draft(seed)
    questions = {q.id: q for q in load_questions()}
    problems = []
    for question_id in acked:
        question = questions[question_id]
        if not flow.is_answered(draft, question):
            problems.append(f"lost: {question_id} is not answered")
        elif question.field is not None and flow.stored_value(draft, question) != (
            flow.stored_value(source, question)
        ):
            problems.append(f"lost: {question_id} holds {flow.stored_value(draft, question)!r}")
    return problems


def tui_round(folder: Path, path: Path, seed: int, acked: list[str], rng: Any) -> Json:
    """One TUI session on ``path`` killed at a random instant during a random answer's save."""
    read_end, write_end = os.pipe()
    saves, saves_w = os.pipe()
    body = tui_body(path, seed, write_end, saves_w)
    pid, stdin, stdout, stderr = fork_session(body, cwd=folder)
    os.close(write_end)
    os.close(saves_w)
    os.close(stdin)
    target = rng.randint(1, 6)
    buffer = b""
    done = False
    deadline = time.monotonic() + TURN_TIMEOUT * 4
    while time.monotonic() < deadline:
        chunk = drain(read_end, 0.2)
        buffer += chunk
        lines = buffer.decode("utf-8", "replace").split("\n")
        if f"b{target}" in lines or "done" in lines:
            done = "done" in lines
            break
        if not chunk and os.waitpid(pid, os.WNOHANG)[0]:
            pid = 0
            break
    mid_save = False
    if not done and read_some(saves, 5.0) not in (None, b""):
        time.sleep(rng.uniform(0.0, 0.045))
        mid_save = True
    if pid:
        reap(pid, kill=True)
    if b"]" in drain(saves, 0.01):
        mid_save = False
    buffer += drain(read_end, 0.05)
    errors = drain(stderr, 0.05).decode("utf-8", "replace")
    for fd in (read_end, stdout, stderr, saves):
        os.close(fd)
    said = buffer.decode("utf-8", "replace").split("\n")
    acked.extend(line.split(" ", 1)[1] for line in said if line.startswith("s") and " " in line)
    temps = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    found: Json = {"killed": not done, "mid_save": mid_save, "mid_write": bool(temps)}
    found.update(done=done, problems=[])
    if "Traceback" in errors:
        found["problems"].append(f"session error: {errors.strip()[-300:]}")
    problems = tui_check(path, acked, seed) if path.exists() else []
    found["problems"] += problems
    found["corrupt"] = any(p.startswith("corrupt") for p in problems)
    found["lost"] = any(p.startswith("lost") for p in problems)
    return found


def campaign(scratch: Path, plain_kills: int, tui_kills: int, seed: int) -> Json:
    """Run both campaigns; the figures."""
    rng = random.Random(seed)
    figures: Json = {"seed": seed, "plain": {}, "tui": {}, "problems": []}
    script = plain_script()
    states, seconds = plain_reference(scratch / "plain-ref", script)
    rounds = [
        plain_round(scratch / f"plain-{i}", script, states, seconds, rng)
        for i in range(plain_kills)
    ]
    figures["plain"] = _sum(rounds)
    tui_rounds: list[Json] = []
    draft_number = 0
    acked: list[str] = []
    path = scratch / "tui" / "年报-0.nianbao.yaml"
    path.parent.mkdir(parents=True)
    while len([r for r in tui_rounds if r["killed"]]) < tui_kills:
        found = tui_round(path.parent, path, seed + draft_number, acked, rng)
        tui_rounds.append(found)
        if found["done"] or len(tui_rounds) > tui_kills * 3:
            if len(tui_rounds) > tui_kills * 3:
                figures["problems"].append("the TUI sessions ended before they could be killed")
                break
            draft_number += 1  # the interview is complete: the next rounds start a new draft
            acked = []
            path = path.with_name(f"年报-{draft_number}.nianbao.yaml")
    figures["tui"] = _sum(tui_rounds)
    figures["problems"] = (
        figures["problems"] + figures["plain"].pop("problems") + figures["tui"].pop("problems")
    )[:20]
    return figures


def _sum(rounds: list[Json]) -> Json:
    return {
        "kills": sum(bool(r["killed"]) for r in rounds),
        "mid_save": sum(bool(r["mid_save"]) for r in rounds),
        "mid_write": sum(bool(r["mid_write"]) for r in rounds),
        "corrupt": sum(bool(r.get("corrupt")) for r in rounds),
        "lost": sum(bool(r.get("lost")) for r in rounds),
        "problems": [p for r in rounds for p in r["problems"]],
    }
