"""One writing session per draft: the second is told who holds it; dead holders are taken over."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import DraftLockedError
from assistant.store import DraftInUseError, DraftLock, LockHolder, lock, lock_path, read_holder

REPO = Path(__file__).resolve().parent.parent
HOLDER = """
import sys
from pathlib import Path
from assistant.errors import DraftLockedError
from assistant.store import DraftLock
lock = DraftLock(Path(sys.argv[1]))
sys.stdin.readline()  # wait for "go"
try:
    lock.acquire()
except DraftLockedError:
    print("busy", flush=True)
else:
    print("got", flush=True)
sys.stdin.read()  # hold until the parent closes stdin
"""


def start_holders(path: Path, count: int) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return [
        subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(count)
    ]


def go(holders: list[subprocess.Popen[str]]) -> list[str]:
    for holder in holders:
        assert holder.stdin is not None
        holder.stdin.write("go\n")
        holder.stdin.flush()
    results = []
    for holder in holders:
        assert holder.stdout is not None
        results.append(holder.stdout.readline().strip())
    return results


def stop(holders: list[subprocess.Popen[str]]) -> None:
    for holder in holders:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return tmp_path / "年报.nianbao.yaml"


@pytest.fixture
def other_session(draft: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the draft's lock."""
    holders = start_holders(draft, 1)
    assert go(holders) == ["got"]
    yield holders[0]
    if holders[0].poll() is None:
        stop(holders)


def test_lock_file_beside_the_draft_says_who_holds_it(draft: Path) -> None:
    with DraftLock(draft) as held:
        assert held.held
        assert lock_path(draft) == draft.with_name(f".{draft.name}.lock")
        content = json.loads(lock_path(draft).read_text(encoding="utf-8"))
        assert content["pid"] == os.getpid()
        assert content["host"] == socket.gethostname()
        holder = read_holder(draft)
        assert holder is not None
        assert holder.pid == os.getpid()
        assert abs(dt.datetime.now().astimezone() - holder.since) < dt.timedelta(minutes=5)
    assert not lock_path(draft).exists()


def test_second_session_is_told_pid_and_since(
    draft: Path, other_session: subprocess.Popen[str]
) -> None:
    with pytest.raises(DraftInUseError) as caught:
        DraftLock(draft).acquire()
    error = caught.value
    assert error.holder is not None
    assert error.holder.pid == other_session.pid
    message = str(error)
    assert f"此草稿正被另一个会话使用（进程 {other_session.pid}，自 " in message
    assert message.endswith("请先关闭那个会话再试。")
    assert "只读" not in message  # only the terminal UI offers read-only; it says so itself
    assert isinstance(error, DraftLockedError)


def test_second_lock_in_the_same_process_is_refused(draft: Path) -> None:
    with DraftLock(draft), pytest.raises(DraftInUseError, match=f"进程 {os.getpid()}"):
        DraftLock(draft).acquire()


def test_lock_of_a_killed_session_is_taken_over(
    draft: Path, other_session: subprocess.Popen[str]
) -> None:
    other_session.send_signal(signal.SIGKILL)
    other_session.wait()
    holder = read_holder(draft)
    assert holder is not None and holder.pid == other_session.pid  # the stale note is still there
    with DraftLock(draft):
        holder = read_holder(draft)
        assert holder is not None and holder.pid == os.getpid()


@pytest.mark.parametrize(
    "content",
    [
        None,  # filled with a dead pid below
        b"",
        b"\x00garbage",
        json.dumps({"pid": 1, "host": "another-machine", "since": "2024-11-26T18:42:00"}).encode(),
    ],
    ids=["dead-pid", "empty", "garbage", "no-one-holds-it"],
)
def test_stale_lock_file_is_taken_over(draft: Path, content: bytes | None) -> None:
    if content is None:
        child = subprocess.Popen([sys.executable, "-c", "pass"])
        child.wait()
        since = dt.datetime(2024, 11, 26, 18, 42).astimezone().isoformat()
        note = {"pid": child.pid, "host": socket.gethostname(), "since": since}
        content = json.dumps(note).encode()
    lock_path(draft).write_bytes(content)
    with DraftLock(draft):
        holder = read_holder(draft)
        assert holder is not None and holder.pid == os.getpid()


def test_only_one_of_many_simultaneous_sessions_gets_the_lock(draft: Path) -> None:
    for stale in (False, True):
        if stale:
            lock_path(draft).write_text('{"pid": 999999999, "host": "x", "since": "y"}')
        holders = start_holders(draft, 4)
        try:
            results = go(holders)
        finally:
            stop(holders)
        assert sorted(results) == ["busy"] * 3 + ["got"]


def test_read_only_folder_means_read_only_session(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(DraftLockedError, match="不能在这里编辑此草稿") as caught:
        DraftLock(draft).acquire()
    assert "只读方式" not in str(caught.value)


def test_release_is_idempotent_and_spares_a_newer_lock_file(draft: Path) -> None:
    first = DraftLock(draft)
    first.acquire()
    first.release()
    first.release()
    with DraftLock(draft):
        first.release()  # not held: must not remove the other's file
        assert lock_path(draft).exists()


def test_context_manager_releases_on_error(draft: Path) -> None:
    with pytest.raises(ValueError), DraftLock(draft):
        raise ValueError
    DraftLock(draft).acquire()


@pytest.mark.parametrize(
    ("since", "host", "expected"),
    [
        (dt.datetime(2099, 11, 26, 18, 42), None, "进程 1234，自 2099年11月26日 18:42 起"),
        (None, None, "进程 1234，自 {month}月{day}日 08:05 起"),
        (None, "办公室电脑", "计算机 办公室电脑 上的进程 1234，自 {month}月{day}日 08:05 起"),
    ],
)
def test_holder_description(since: dt.datetime | None, host: str | None, expected: str) -> None:
    today = dt.datetime.now().replace(hour=8, minute=5)
    when = (since or today).astimezone()
    holder = LockHolder(1234, host or socket.gethostname(), when)
    assert holder.describe() == expected.format(month=today.month, day=today.day)


def test_without_os_locks_the_note_is_the_lock(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "_os_lock", lambda fd: None)
    since = dt.datetime.now().astimezone().isoformat()
    alive = {"pid": os.getppid(), "host": socket.gethostname(), "since": since}
    lock_path(draft).write_text(json.dumps(alive), encoding="utf-8")
    with pytest.raises(DraftInUseError):
        DraftLock(draft).acquire()
    elsewhere = {**alive, "host": "另一台电脑"}
    lock_path(draft).write_text(json.dumps(elsewhere), encoding="utf-8")
    with pytest.raises(DraftInUseError, match="另一台电脑"):
        DraftLock(draft).acquire()
    dead = {**alive, "pid": 999_999_999}
    lock_path(draft).write_text(json.dumps(dead), encoding="utf-8")
    with DraftLock(draft):
        holder = read_holder(draft)
        assert holder is not None and holder.pid == os.getpid()
