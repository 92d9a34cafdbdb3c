"""The one path check: what is not a regular draft file is refused before it is opened."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from assistant.core.draft import Draft
from assistant.errors import DraftLoadError, SaveError
from assistant.store import (
    DraftLock,
    backup_path,
    files,
    inspect_draft_path,
    load_draft,
    open_draft,
    save_draft,
)
from assistant.store.layout import END_MARK

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
GOOD = FIXTURES / "v1-complete.nianbao.yaml"
REPO = Path(__file__).resolve().parents[1]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _in_thread(call: Any) -> BaseException | None:
    """Run ``call`` in a thread; the error it raised. Fails (not hangs) if it never returns."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:  # handed to the test
            caught.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)  # a guard against a hang, not a performance assertion
    assert not thread.is_alive(), "blocked: the file was opened as if it were a regular file"
    return caught[0] if caught else None


@needs_fifo
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "管道.nianbao.yaml"
    os.mkfifo(fifo)
    error = _in_thread(lambda: load_draft(fifo))
    assert isinstance(error, DraftLoadError)
    assert "命名管道" in str(error)
    error = _in_thread(lambda: open_draft(fifo))
    assert isinstance(error, DraftLoadError)
    error = _in_thread(lambda: save_draft(Draft(), fifo))
    assert isinstance(error, SaveError)
    assert "不是普通文件" in str(error)


@needs_fifo
def test_a_pipe_swapped_in_after_the_check_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "管道.nianbao.yaml"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "inspect_draft_path", lambda path: True)
    error = _in_thread(lambda: load_draft(fifo))
    assert isinstance(error, DraftLoadError)
    assert "命名管道" in str(error)


@needs_fifo
def test_check_on_a_named_pipe_exits_with_a_message(tmp_path: Path) -> None:
    fifo = tmp_path / "管道.nianbao.yaml"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "check", str(fifo)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,  # a guard against the old hang, not a performance assertion
    )
    assert run.returncode == 2
    assert "命名管道" in run.stderr + run.stdout
    assert "Traceback" not in run.stderr


def test_a_symlink_loop_is_an_error_not_a_new_draft(tmp_path: Path) -> None:
    loop = tmp_path / "循环.nianbao.yaml"
    loop.symlink_to(loop.name)
    for call in (inspect_draft_path, open_draft, load_draft):
        with pytest.raises(DraftLoadError) as caught:
            call(loop)
        assert "符号链接形成了循环" in str(caught.value)
        assert "ELOOP" not in str(caught.value)
    with pytest.raises(SaveError) as saving:
        save_draft(Draft(), loop)
    assert "符号链接形成了循环" in str(saving.value)
    assert "ELOOP" not in str(saving.value)


def test_two_links_pointing_at_each_other(tmp_path: Path) -> None:
    (tmp_path / "甲.nianbao.yaml").symlink_to("乙.nianbao.yaml")
    (tmp_path / "乙.nianbao.yaml").symlink_to("甲.nianbao.yaml")
    with pytest.raises(DraftLoadError, match="循环"):
        open_draft(tmp_path / "甲.nianbao.yaml")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_refused() -> None:
    with pytest.raises(DraftLoadError, match="设备"):
        open_draft(Path("/dev/null"))


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DraftLoadError, match="文件夹"):
        open_draft(tmp_path)


def test_a_new_draft_needs_an_existing_folder(tmp_path: Path) -> None:
    with pytest.raises(DraftLoadError, match=r"文件夹 .* 不存在"):
        open_draft(tmp_path / "没有" / "年报.nianbao.yaml")
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    with pytest.raises(DraftLoadError, match="不是文件夹"):
        open_draft(tmp_path / "文件" / "年报.nianbao.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["文件"]


def test_a_missing_file_is_a_new_empty_draft(tmp_path: Path) -> None:
    opened = open_draft(tmp_path / "新.nianbao.yaml")
    assert opened == files.OpenedDraft(Draft(), existed=False)
    assert list(tmp_path.iterdir()) == []


def test_a_dangling_link_is_a_new_draft_saved_where_it_points(tmp_path: Path) -> None:
    link = tmp_path / "链接.nianbao.yaml"
    link.symlink_to("真实.nianbao.yaml")
    assert not open_draft(link).existed
    save_draft(Draft(), link)
    assert (tmp_path / "真实.nianbao.yaml").is_file()
    assert link.is_symlink()


def test_permission_to_look_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "年报.nianbao.yaml"

    def denied(*args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "stat", denied)
    with pytest.raises(DraftLoadError, match="没有读取权限"):
        open_draft(path)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permission bits"
)
def test_an_unreadable_draft_for_real(tmp_path: Path) -> None:
    path = tmp_path / "年报.nianbao.yaml"
    path.write_bytes(GOOD.read_bytes())
    path.chmod(0)
    try:
        with pytest.raises(DraftLoadError, match="没有读取这个文件的权限"):
            open_draft(path)
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == GOOD.read_bytes()


# ---------------------------------------------------------------- truncation


def _saved_twice(folder: Path) -> Path:
    path = folder / "年报.nianbao.yaml"
    draft = load_draft(GOOD)
    save_draft(draft, path)
    save_draft(draft, path)
    return path


def test_a_draft_cut_at_a_line_boundary_is_refused_and_the_backup_offered(
    tmp_path: Path,
) -> None:
    path = _saved_twice(tmp_path)
    lines = path.read_bytes().split(b"\n")
    cut = b"\n".join(lines[: len(lines) // 2]) + b"\n"
    path.write_bytes(cut)
    with pytest.raises(DraftLoadError) as caught:
        open_draft(path)
    message = str(caught.value)
    assert "草稿文件似乎不完整" in message
    assert f"{path.name}.bak 可以打开" in message
    with pytest.raises(SaveError):  # the next answer must not replace it silently
        save_draft(load_draft(GOOD), path)
    assert path.read_bytes() == cut
    assert load_draft(backup_path(path)) == load_draft(GOOD)


@pytest.mark.parametrize("keep", [1, 5, 40, 120, 200, -2])
def test_every_line_boundary_cut_of_a_saved_draft_is_detected(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "年报.nianbao.yaml"
    save_draft(load_draft(GOOD), path)
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:keep]) + "\n", encoding="utf-8")
    with pytest.raises(DraftLoadError, match="似乎不完整"):
        load_draft(path)


def test_a_hand_written_draft_without_the_marker_loads_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "手写.nianbao.yaml"
    path.write_text("schema_version: 1\nmeta:\n  agency: 某市某局\n", encoding="utf-8")
    opened = open_draft(path)
    assert opened.existed
    assert opened.draft.meta.agency == "某市某局"
    assert len(opened.notices) == 1
    assert "无法确认文件是否完整" in opened.notices[0]
    save_draft(opened.draft, path)
    assert END_MARK in path.read_text(encoding="utf-8")
    assert open_draft(path).notices == ()


def test_a_saved_draft_opens_without_notices(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    assert open_draft(path).notices == ()


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_draft_is_called_the_wrong_encoding_not_binary(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "记事本.nianbao.yaml"
    raw = GOOD.read_text(encoding="utf-8").encode(encoding)
    path.write_bytes(raw)
    with pytest.raises(DraftLoadError) as caught:
        load_draft(path)
    message = str(caught.value)
    assert "UTF-16 编码" in message
    assert "UTF-8" in message and "另存为" in message
    assert "二进制" not in message
    assert path.read_bytes() == raw


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_utf32_draft_is_named_too(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "宽.nianbao.yaml"
    path.write_bytes(GOOD.read_text(encoding="utf-8").encode(encoding))
    with pytest.raises(DraftLoadError, match="UTF-32 编码"):
        load_draft(path)


def test_real_binary_is_still_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "图片.nianbao.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(DraftLoadError, match="二进制"):
        load_draft(path)


def test_the_lock_refuses_a_path_that_cannot_hold_a_draft(tmp_path: Path) -> None:
    # Every writing session takes the lock first: --plain and the TUI refuse here too.
    loop = tmp_path / "循环.nianbao.yaml"
    loop.symlink_to(loop.name)
    with pytest.raises(DraftLoadError, match="符号链接形成了循环"):
        DraftLock(loop).acquire()
    with pytest.raises(DraftLoadError, match="不存在"):
        DraftLock(tmp_path / "没有" / "年报.nianbao.yaml").acquire()
    assert sorted(p.name for p in tmp_path.iterdir()) == [loop.name]


def test_plain_refuses_a_symlink_loop_instead_of_starting_blank(tmp_path: Path) -> None:
    loop = tmp_path / "循环.nianbao.yaml"
    loop.symlink_to(loop.name)
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", str(loop)],
        input="某市某局\n/quit\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert run.returncode != 0
    assert "符号链接形成了循环" in run.stderr
    assert "ELOOP" not in run.stderr + run.stdout
    assert "问：" not in run.stdout  # no blank interview whose answers could never be saved


def test_check_shows_the_notice_on_stderr_and_keeps_json_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from assistant.cli import main

    path = tmp_path / "手写.nianbao.yaml"
    path.write_text("schema_version: 1\nmeta:\n  agency: 某市某局\n", encoding="utf-8")
    main(["check", str(path), "--json"])
    out, err = capsys.readouterr()
    assert "无法确认文件是否完整" in err
    json.loads(out)
