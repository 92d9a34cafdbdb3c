"""Real nianbao sessions in forked children, for the fault campaign (benchmarks/faults.py).

The parent imports the program once; each session is a fork that runs ``assistant.cli.main``
with its standard streams on pipes, exactly as the console script does after start-up. A fork
costs milliseconds where a fresh interpreter costs most of a second of CPU, which is what lets a
thousand kills run on a shared machine. The parent never starts a thread or an event loop, so
forking it is safe.
"""

from __future__ import annotations

import contextlib
import io
import os
import select
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CRASH = "程序遇到了意外问题"
"""What ``cli.main`` prints when an unexpected exception reached it (a crash)."""


@dataclass
class Finished:
    """A child that ran to its end (or was stopped)."""

    code: int | None
    """Exit status; None when killed by a signal."""
    signal: int | None
    out: str
    err: str
    seconds: float
    max_rss_kb: int
    """Peak resident memory of the child (kilobytes)."""
    timed_out: bool = False

    @property
    def text(self) -> str:
        return self.out + self.err

    @property
    def crashed(self) -> bool:
        return "Traceback" in self.text or CRASH in self.text or self.code == 70


def _child_streams(stdin_fd: int, stdout_fd: int, stderr_fd: int) -> None:
    for fd, target in ((stdin_fd, 0), (stdout_fd, 1), (stderr_fd, 2)):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = io.TextIOWrapper(os.fdopen(0, "rb", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(
        os.fdopen(1, "wb", closefd=False), encoding="utf-8", write_through=True
    )
    sys.stderr = io.TextIOWrapper(
        os.fdopen(2, "wb", closefd=False), encoding="utf-8", write_through=True
    )


def fork_session(
    body: Callable[[], int], *, cwd: Path | None = None, uid: int | None = None
) -> tuple[int, int, int, int]:
    """Fork a child running ``body``; (pid, its stdin to write, its stdout, its stderr)."""
    in_r, in_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 70
        try:
            os.close(in_w)
            os.close(out_r)
            os.close(err_r)
            os.setsid()  # its own group: a kill never reaches the campaign
            if cwd is not None:
                os.chdir(cwd)
                tempfile.tempdir = str(cwd)  # crash logs stay in the scratch folder
            if uid is not None:
                os.setgid(uid)
                os.setuid(uid)
            _child_streams(in_r, out_w, err_w)
            code = body()
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException as error:  # reported as a crash to the parent
            os.write(2, f"Traceback (harness): {type(error).__name__}: {error}\n".encode())
        os._exit(code)
    os.close(in_r)
    os.close(out_w)
    os.close(err_w)
    return pid, in_w, out_r, err_r


def cli_body(argv: list[str], saves: int | None = None) -> Callable[[], int]:
    """The child's work: ``nianbao ARGV`` (reporting each save to ``saves``, see below)."""

    def body() -> int:
        from assistant.cli import main

        if saves is not None:
            report_saves(saves)
        return main(argv)

    return body


SABOTAGE = False
"""Set by ``faults.py --sabotage``: sessions save non-atomically (the campaign must notice)."""


def naive_write(target: Path, data: bytes, **_: Any) -> None:
    """What the atomic writer prevents: the draft truncated, then written in two halves."""
    with open(target, "wb") as file:
        file.write(data[: len(data) // 2])
        file.flush()
        os.fsync(file.fileno())
        file.write(data[len(data) // 2 :])


def report_saves(fd: int) -> None:
    """Write "[" to ``fd`` as each atomic write starts and "]" once it has returned.

    The only instrumentation of the sessions: it tells the parent when a save is under way, so
    that kills land inside saves rather than while the program waits for the author.
    """
    from assistant.store import atomic

    write = naive_write if SABOTAGE else atomic.write_atomic

    def reported(*args: Any, **kwargs: Any) -> None:
        os.write(fd, b"[")
        write(*args, **kwargs)
        os.write(fd, b"]")

    atomic.write_atomic = reported  # type: ignore[assignment]


def drain(fd: int, timeout: float) -> bytes:
    """What ``fd`` offers within ``timeout`` seconds (until it closes or falls silent)."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def read_some(fd: int, timeout: float) -> bytes | None:
    """One read of what ``fd`` has within ``timeout`` seconds: b"" at its end, None if silent."""
    ready, _, _ = select.select([fd], [], [], timeout)
    return os.read(fd, 65536) if ready else None


def reap(pid: int, *, kill: bool = False) -> tuple[int | None, int | None, int]:
    """(exit code, signal, peak memory in KB) of child ``pid``, killing it first if asked."""
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    if os.WIFSIGNALED(status):
        return None, os.WTERMSIG(status), int(usage.ru_maxrss)
    return os.WEXITSTATUS(status), None, int(usage.ru_maxrss)


def run(
    argv: list[str],
    stdin: str = "",
    *,
    cwd: Path,
    timeout: float = 60.0,
    uid: int | None = None,
    body: Callable[[], int] | None = None,
) -> Finished:
    """Run ``nianbao ARGV`` (or ``body``) to its end with ``stdin``; killed after ``timeout``."""
    start = time.monotonic()
    pid, to_child, out, err = fork_session(body or cli_body(argv), cwd=cwd, uid=uid)
    pending = memoryview(stdin.encode("utf-8"))
    os.set_blocking(to_child, False)
    writing = [to_child]
    if not pending:
        os.close(to_child)
        writing = []
    outputs: dict[int, list[bytes]] = {out: [], err: []}
    open_fds = [out, err]
    deadline = start + timeout
    timed_out = False
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        # Written as the child reads, while its output is read: a long input cannot deadlock.
        readable, writable, _ = select.select(open_fds, writing, [], left)
        if writable:
            try:
                pending = pending[os.write(to_child, pending[:65536]) :]
            except (BrokenPipeError, BlockingIOError) as error:
                if isinstance(error, BrokenPipeError):
                    pending = pending[:0]
            if not pending:
                os.close(to_child)
                writing = []
        for fd in readable:
            chunk = os.read(fd, 65536)
            if chunk:
                outputs[fd].append(chunk)
            else:
                open_fds.remove(fd)
    if writing:
        os.close(to_child)
    code, sig, rss = reap(pid, kill=timed_out)
    os.close(out)
    os.close(err)
    return Finished(
        code,
        sig,
        b"".join(outputs[out]).decode("utf-8", "replace"),
        b"".join(outputs[err]).decode("utf-8", "replace"),
        time.monotonic() - start,
        rss,
        timed_out,
    )


def nobody() -> int | None:
    """A uid without privileges to run permission cases as, when we are root (else None)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        return 65534


def first_line(text: str, *, width: int = 90) -> str:
    """The message a user sees first, shortened for a table."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= width else line[: width - 1] + "…"
    return ""


def is_clear_chinese(text: str) -> bool:
    """Chinese, without a traceback, a Python class name or a raw errno code."""
    import re

    if not re.search("[\u4e00-\u9fff]", text) or "Traceback" in text or CRASH in text:
        return False
    return re.search(r"\bE[A-Z]{3,}\b|Errno|Error\b|Exception\b", text) is None


Json = dict[str, Any]
