"""The store's Windows branches, run on Linux: each with the Windows-only piece it needs faked.

``sys.platform`` is set to "win32" where the branch is chosen at call time, so the code path
taken is the one Windows takes; only ``msvcrt`` and ``kernel32`` (absent here) are stand-ins.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

from assistant import locations
from assistant.core.draft import set_path
from assistant.render.output import write_output
from assistant.store import (
    DraftInUseError,
    DraftLock,
    atomic,
    backup_path,
    broken_path,
    load_draft,
    lock,
    portable,
    save_draft,
)

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
GOOD = FIXTURES / "v1-complete.nianbao.yaml"


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to be Windows for the branches chosen at call time."""
    monkeypatch.setattr(sys, "platform", "win32")


class FakeMsvcrt:
    """``msvcrt.locking`` as Windows does it: mandatory byte-range locks, one holder per range."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        self.calls.append((mode, key[2]))
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise OSError(errno.EACCES, "not locked")
            del self.held[key]
        elif key in self.held:
            raise OSError(errno.EACCES, "locked")  # Windows' errno for a lock violation
        else:
            self.held[key] = fd


@pytest.fixture
def msvcrt(windows: None, monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    real = lock._module
    monkeypatch.setattr(lock, "_module", lambda name: fake if name == "msvcrt" else real(name))
    return fake


# ---------------------------------------------------------------- the draft lock


def test_windows_lock_is_one_byte_past_the_note(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    draft = tmp_path / "年报.nianbao.yaml"
    with DraftLock(draft):
        assert [offset for _, offset in msvcrt.calls] == [lock.WINDOWS_LOCK_OFFSET]
        note = lock.read_holder(draft)  # a mandatory lock on the note would make this fail
        assert note is not None and note.pid == os.getpid()
        assert lock.lock_path(draft).stat().st_size < lock.WINDOWS_LOCK_OFFSET
    assert msvcrt.held == {}
    assert not lock.lock_path(draft).exists()


def test_a_second_windows_session_is_told_who_holds_it(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    draft = tmp_path / "年报.nianbao.yaml"
    with DraftLock(draft), pytest.raises(DraftInUseError, match=f"进程 {os.getpid()}"):
        DraftLock(draft).acquire()
    with DraftLock(draft) as again:  # released: free for the next session
        assert again.held


def test_windows_release_unlocks_and_closes_before_removing(
    tmp_path: Path, msvcrt: FakeMsvcrt, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "年报.nianbao.yaml"
    held = DraftLock(draft)
    held.acquire()
    events: list[str] = []
    real_close, real_unlink = os.close, os.unlink

    def close(fd: int) -> None:
        events.append("close")
        real_close(fd)

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        # Windows refuses to remove an open file: the lock must be closed first.
        events.append("unlink")
        assert "close" in events
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "close", close)
    monkeypatch.setattr(os, "unlink", unlink)
    held.release()
    assert events == ["close", "unlink"]
    assert msvcrt.calls[-1] == (FakeMsvcrt.LK_UNLCK, lock.WINDOWS_LOCK_OFFSET)


def test_without_msvcrt_the_note_is_the_lock(tmp_path: Path, windows: None) -> None:
    assert lock.windows_lock(0, None) is None


# ---------------------------------------------------------------- atomic replace and modes


def test_windows_replace_retries_while_another_program_holds_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(portable.time, "sleep", lambda seconds: None)
    attempts: list[tuple[str, str]] = []

    def busy_twice(source: str, target: str) -> None:
        attempts.append((source, target))
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "sharing violation")

    portable.windows_replace("a.tmp", "a.yaml", replace=busy_twice)
    assert attempts == [("a.tmp", "a.yaml")] * 3


def test_windows_replace_gives_up_and_other_errors_are_not_retried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(portable.time, "sleep", lambda seconds: None)
    calls: list[int] = []

    def always_busy(source: str, target: str) -> None:
        calls.append(1)
        raise PermissionError(errno.EACCES, "sharing violation")

    with pytest.raises(PermissionError):
        portable.windows_replace("a", "b", replace=always_busy)
    assert len(calls) == portable.REPLACE_ATTEMPTS

    def full(source: str, target: str) -> None:
        calls.append(2)
        raise OSError(errno.ENOSPC, "disk full")

    with pytest.raises(OSError, match="disk full"):
        portable.windows_replace("a", "b", replace=full)
    assert calls.count(2) == 1


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (0o644, stat.S_IREAD | stat.S_IWRITE),
        (0o600, stat.S_IREAD | stat.S_IWRITE),
        (0o444, stat.S_IREAD),
        (0o400, stat.S_IREAD),
    ],
)
def test_windows_keeps_only_the_read_only_bit(
    monkeypatch: pytest.MonkeyPatch, mode: int, expected: int
) -> None:
    given: list[tuple[str, int]] = []
    monkeypatch.setattr(os, "chmod", lambda path, bits: given.append((path, bits)))
    portable.windows_set_mode("C:\\文档\\年报.nianbao.yaml", mode)
    assert given == [("C:\\文档\\年报.nianbao.yaml", expected)]


def test_a_whole_save_through_the_windows_branches(
    tmp_path: Path, windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fchmod(*args: object) -> None:
        raise AssertionError("os.fchmod does not exist on Windows")

    def no_folder_open(path: Any, flags: int, *args: Any) -> int:
        assert not os.path.isdir(path), "Windows cannot open a folder"
        return real_open(path, flags, *args)

    real_open = os.open
    monkeypatch.setattr(os, "fchmod", no_fchmod)
    monkeypatch.setattr(os, "open", no_folder_open)
    path = tmp_path / "张三的年报.nianbao.yaml"
    first = load_draft(GOOD)
    second = set_path(first, "problems", "第二次保存。\n第二段。")
    save_draft(first, path)
    path.chmod(0o640)
    save_draft(second, path)
    assert load_draft(path) == second
    assert load_draft(backup_path(path)) == first
    assert b"\r\n" not in path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, path.name + ".bak"]


def test_files_are_opened_binary_where_the_platform_has_text_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "O_BINARY", 0x8000, raising=False)
    assert atomic.open_flags(os.O_WRONLY) & 0x8000
    monkeypatch.delattr(os, "O_BINARY")
    assert atomic.open_flags(os.O_WRONLY) == os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)


def test_written_files_keep_lf_whatever_the_platform_line_ending(
    tmp_path: Path, windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "linesep", "\r\n")
    report = tmp_path / "年报.md"
    write_output(report, "# 标题\n\n正文\n", replace=True)
    assert report.read_bytes() == "# 标题\n\n正文\n".encode()


def test_a_draft_saved_by_a_windows_editor_with_crlf_loads(tmp_path: Path) -> None:
    path = tmp_path / "记事本.nianbao.yaml"
    path.write_bytes(GOOD.read_bytes().replace(b"\n", b"\r\n"))
    assert load_draft(path) == load_draft(GOOD)


# ---------------------------------------------------------------- paths


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("C:\\Users\\张三\\年报.nianbao.yaml", "C:\\Users\\张三\\年报.nianbao.yaml"),
        ("C:\\" + "长" * 300, "\\\\?\\C:\\" + "长" * 300),
        ("C:/Users/张三/" + "a" * 300, "\\\\?\\C:\\Users\\张三\\" + "a" * 300),
        ("C:\\x\\..\\" + "b" * 300, "\\\\?\\C:\\" + "b" * 300),
        ("\\\\server\\share\\" + "c" * 300, "\\\\?\\UNC\\server\\share\\" + "c" * 300),
        ("\\\\?\\C:\\" + "d" * 300, "\\\\?\\C:\\" + "d" * 300),
        ("relative\\" + "e" * 300, "relative\\" + "e" * 300),
    ],
)
def test_long_windows_paths_get_the_extended_prefix(given: str, expected: str) -> None:
    assert portable.windows_long_path(given) == expected


def test_names_beside_a_windows_draft() -> None:
    draft = PureWindowsPath("D:\\公开办\\2024年 年报\\年报.nianbao.yaml")
    assert backup_path(draft) == PureWindowsPath("D:\\公开办\\2024年 年报\\年报.nianbao.yaml.bak")
    assert broken_path(draft).name == "年报.nianbao.yaml.broken"
    assert lock.lock_name(draft) == PureWindowsPath(
        "D:\\公开办\\2024年 年报\\.年报.nianbao.yaml.lock"
    )
    assert locations.draft_stem(draft) == "年报"


# ---------------------------------------------------------------- default folders


def test_windows_folders_are_under_local_app_data(
    windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCALAPPDATA", "C:\\Users\\张三\\AppData\\Local")
    monkeypatch.setenv("XDG_STATE_HOME", "/ignored/on/windows")
    assert str(locations.state_dir()) == "C:\\Users\\张三\\AppData\\Local\\nianbao\\State"
    assert str(locations.cache_dir()) == "C:\\Users\\张三\\AppData\\Local\\nianbao\\Cache"
    recent = PureWindowsPath(str(locations.recent_file()))  # Linux joins with "/"; Windows does not
    assert recent.parts[-3:] == ("nianbao", "State", "recent.json")


@pytest.mark.parametrize("value", [None, "", "relative\\dir"])
def test_windows_without_a_usable_local_app_data(value: str | None) -> None:
    environ = {} if value is None else {"LOCALAPPDATA": value}
    base = locations.windows_base(environ, PureWindowsPath("C:\\Users\\李四"))
    assert base == PureWindowsPath("C:\\Users\\李四\\AppData\\Local")


@pytest.mark.parametrize("variable", ["XDG_STATE_HOME", "XDG_CACHE_HOME"])
def test_a_relative_xdg_folder_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(variable, "relative/state")
    folders = {"XDG_STATE_HOME": locations.state_dir, "XDG_CACHE_HOME": locations.cache_dir}
    default = {"XDG_STATE_HOME": ".local/state", "XDG_CACHE_HOME": ".cache"}[variable]
    assert folders[variable]() == tmp_path / default / "nianbao"
    monkeypatch.setenv(variable, str(tmp_path / "绝对"))
    assert folders[variable]() == tmp_path / "绝对" / "nianbao"


# ---------------------------------------------------------------- processes


class FakeKernel32:
    """The three kernel32 calls ``windows_pid_alive`` makes."""

    def __init__(self, handle: int, last_error: int = 0, exit_code: int = 259) -> None:
        self.handle = handle
        self.last_error = last_error
        self.exit_code = exit_code
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        return self.handle

    def GetLastError(self) -> int:
        return self.last_error

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        code._obj.value = self.exit_code
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed.append(handle)
        return 1


@pytest.mark.parametrize(
    ("kernel32", "alive"),
    [
        (FakeKernel32(handle=7, exit_code=259), True),  # STILL_ACTIVE
        (FakeKernel32(handle=7, exit_code=0), False),  # ended, handle still open somewhere
        (FakeKernel32(handle=0, last_error=87), False),  # no such process
        (FakeKernel32(handle=0, last_error=5), True),  # another user's: exists
    ],
)
def test_windows_pid_alive(kernel32: FakeKernel32, alive: bool) -> None:
    assert portable.windows_pid_alive(1234, kernel32) is alive
    assert kernel32.closed == ([7] if kernel32.handle else [])


def test_pid_alive_asks_windows_there(windows: None, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    monkeypatch.setattr(portable, "windows_pid_alive", lambda pid: asked.append(pid) or False)
    assert not portable.pid_alive(4321)
    assert asked == [4321]


def test_rescued_drafts_go_under_the_state_folder_even_with_a_relative_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.interview.session import rescue_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", "state")  # relative: must not land in the cwd
    rescued = rescue_path(Path("年报.nianbao.yaml"))
    assert rescued.parent == tmp_path / ".local" / "state" / "nianbao" / "rescue"
    assert rescued.name.startswith("年报-") and rescued.name.endswith(".nianbao.yaml")
