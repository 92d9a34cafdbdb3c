"""Saving: atomic, with a backup, refusing to clobber, and intact after every kind of failure."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.core.draft import Draft, set_path
from assistant.errors import DraftFolderGoneError, SaveError
from assistant.store import (
    DraftLock,
    atomic,
    backup_path,
    broken_path,
    dump_draft,
    load_draft,
    save_draft,
)

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ROOT_REASON = "root ignores permission bits; the monkeypatched variant covers this case"


def first() -> Draft:
    return load_draft(FIXTURES / "v1-complete.nianbao.yaml")


def second() -> Draft:
    return set_path(first(), "problems", "第二次保存的内容。")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A draft saved twice: the file holds ``second()``, its backup ``first()``."""
    path = tmp_path / "年报.nianbao.yaml"
    save_draft(first(), path)
    save_draft(second(), path)
    return path


def test_save_keeps_the_previous_version_as_backup(saved: Path) -> None:
    assert load_draft(saved) == second()
    assert load_draft(backup_path(saved)) == first()
    assert backup_path(saved).read_text(encoding="utf-8") == dump_draft(first())
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name, saved.name + ".bak"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "新.nianbao.yaml"
    umask = os.umask(0o022)
    try:
        save_draft(first(), path)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_permissions_are_preserved(saved: Path, mode: int) -> None:
    saved.chmod(mode)
    save_draft(first(), saved)
    assert stat.S_IMODE(saved.stat().st_mode) == mode
    assert stat.S_IMODE(backup_path(saved).stat().st_mode) == mode


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "真实" / "年报.nianbao.yaml"
    real.parent.mkdir()
    save_draft(first(), real)
    link = tmp_path / "链接.nianbao.yaml"
    link.symlink_to(real)
    save_draft(second(), link)
    assert link.is_symlink()
    assert load_draft(real) == second()
    assert load_draft(backup_path(real)) == first()


@pytest.mark.parametrize(
    "content",
    [b"# my shopping list\n- eggs\n", b"\x89PNG\r\n\x1a\n\x00\x00", b"schema_version: 9\n"],
    ids=["other-yaml", "binary", "newer-draft"],
)
def test_refuses_to_overwrite_a_file_that_is_not_a_readable_draft(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "别人的文件.yaml"
    path.write_bytes(content)
    with pytest.raises(SaveError, match="已存在，但不是可以读取的年报草稿") as caught:
        save_draft(first(), path)
    assert "\n" not in str(caught.value)
    assert snapshot(tmp_path) == {path.name: content}


def test_overwrite_when_told_keeps_the_unreadable_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "坏.nianbao.yaml"
    path.write_bytes(b"meta: [\n")
    save_draft(first(), path, overwrite=True)
    assert load_draft(path) == first()
    assert broken_path(path).read_bytes() == b"meta: [\n"
    assert not backup_path(path).exists()


def test_overwriting_a_broken_draft_never_replaces_the_good_backup(saved: Path) -> None:
    good_backup = backup_path(saved).read_bytes()
    saved.write_text("被截断的", encoding="utf-8")
    save_draft(second(), saved, overwrite=True)
    assert backup_path(saved).read_bytes() == good_backup


def test_file_deleted_underneath_is_written_again(saved: Path) -> None:
    backup = backup_path(saved).read_bytes()
    saved.unlink()
    save_draft(second(), saved)
    assert load_draft(saved) == second()
    assert backup_path(saved).read_bytes() == backup


def test_file_replaced_underneath_by_another_draft_is_kept_as_backup(saved: Path) -> None:
    other = set_path(Draft(), "meta.agency", "另一个机关")
    saved.write_text(dump_draft(other), encoding="utf-8")
    save_draft(second(), saved)
    assert load_draft(backup_path(saved)) == other


def test_the_file_this_session_wrote_is_not_read_again(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store import files

    draft = first()  # loaded before counting
    reads: list[Path] = []
    real = files.decode_draft

    def counted(raw: bytes, path: Path) -> Draft:
        reads.append(path)
        return real(raw, path)

    monkeypatch.setattr(files, "decode_draft", counted)
    save_draft(draft, saved)
    assert reads == []
    assert load_draft(backup_path(saved)) == second()


@pytest.mark.parametrize("in_place", [True, False], ids=["rewritten-in-place", "replaced"])
def test_a_file_changed_by_another_program_is_checked_again(saved: Path, in_place: bool) -> None:
    """Same size, so only the inode or the modification time tells the change."""
    garbage = b"x" * saved.stat().st_size
    before = saved.stat()
    if in_place:
        with saved.open("r+b") as f:
            f.write(garbage)
        os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    else:
        other = saved.with_name("other")
        other.write_bytes(garbage)
        os.replace(other, saved)
    with pytest.raises(SaveError, match="不是可以读取的年报草稿"):
        save_draft(first(), saved)
    assert saved.read_bytes() == garbage


def test_folder_gone(tmp_path: Path) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()
    path = folder / "年报.nianbao.yaml"
    save_draft(first(), path)
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    with pytest.raises(DraftFolderGoneError, match="U盘 已不存在"):
        save_draft(second(), path)


def test_a_folder_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "年报.nianbao.yaml").mkdir()
    with pytest.raises(SaveError, match="是一个文件夹"):
        save_draft(first(), tmp_path / "年报.nianbao.yaml")


# ---------------------------------------------------------------- injected OS failures


def failing(code: int, when: Callable[..., bool] = lambda *a: True) -> Callable[..., Any]:
    def install(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        real = getattr(os, name)

        def fake(*args: Any, **kwargs: Any) -> Any:
            if when(*args):
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        monkeypatch.setattr(os, name, fake)

    return install


def _is_temp(path: object, *rest: object) -> bool:
    return str(path).endswith(".tmp")


def _is_file_fd(fd: object) -> bool:
    return isinstance(fd, int) and not stat.S_ISDIR(os.fstat(fd).st_mode)


# (os function, errno, when it fails, Chinese reason in the message)
FAULTS = [
    ("write", errno.ENOSPC, lambda *a: True, "磁盘空间不足"),
    ("write", getattr(errno, "EDQUOT", errno.ENOSPC), lambda *a: True, "磁盘"),
    ("write", errno.EIO, lambda *a: True, "磁盘读写出错"),
    ("fsync", errno.ENOSPC, _is_file_fd, "磁盘空间不足"),
    ("fsync", errno.EIO, _is_file_fd, "磁盘读写出错"),
    ("open", errno.EACCES, _is_temp, "没有写入权限"),
    ("open", errno.EROFS, _is_temp, "只读"),
    ("open", errno.ENOSPC, _is_temp, "磁盘空间不足"),
    ("replace", errno.EACCES, lambda *a: True, "没有写入权限"),
    ("replace", errno.EROFS, lambda *a: True, "只读"),
    ("replace", errno.ENOENT, lambda *a: True, "文件夹不存在"),
    ("replace", errno.EIO, lambda src, dst: str(dst).endswith(".yaml"), "磁盘读写出错"),
    ("link", errno.EACCES, lambda *a: True, "没有写入权限"),
    ("fchmod", errno.EPERM, lambda *a: True, "没有写入权限"),
]


@pytest.mark.parametrize(
    ("name", "code", "when", "reason"),
    FAULTS,
    ids=[f"{name}-{errno.errorcode[code]}-{i}" for i, (name, code, _, _) in enumerate(FAULTS)],
)
def test_a_failed_save_leaves_everything_as_it_was(
    saved: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    code: int,
    when: Callable[..., bool],
    reason: str,
) -> None:
    before = snapshot(saved.parent)
    failing(code, when)(monkeypatch, name)
    with pytest.raises(SaveError) as caught:
        save_draft(set_path(second(), "problems", "不会写入"), saved)
    message = str(caught.value)
    assert reason in message
    assert str(saved) in message
    assert "\n" not in message
    monkeypatch.undo()
    assert snapshot(saved.parent) == before  # no temp file, old file and backup intact


def test_hard_links_unsupported_falls_back_to_a_copy(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = saved.read_bytes()
    failing(errno.EPERM)(monkeypatch, "link")
    save_draft(first(), saved)
    assert backup_path(saved).read_bytes() == previous
    assert load_draft(saved) == first()


def test_a_backup_that_cannot_be_updated_does_not_fail_the_save(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_backup = backup_path(saved).read_bytes()
    failing(errno.EIO, lambda src, dst: str(dst).endswith(".bak"))(monkeypatch, "replace")
    save_draft(first(), saved)
    monkeypatch.undo()
    assert load_draft(saved) == first()
    assert backup_path(saved).read_bytes() == old_backup
    assert sorted(snapshot(saved.parent)) == [saved.name, saved.name + ".bak"]


def test_folder_fsync_refused_is_not_a_failure(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing(errno.EINVAL, lambda fd: not _is_file_fd(fd))(monkeypatch, "fsync")
    save_draft(first(), saved)
    assert load_draft(saved) == first()


def test_interrupted_save_cleans_up_and_reraises(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(saved.parent)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_draft(first(), saved)
    monkeypatch.undo()
    assert snapshot(saved.parent) == before


def test_read_only_folder_simulated(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(saved.parent)
    failing(errno.EROFS, lambda p, *a: Path(p).parent == saved.parent and _is_temp(p))(
        monkeypatch, "open"
    )
    with pytest.raises(SaveError, match="只读"):
        save_draft(first(), saved)
    monkeypatch.undo()
    assert snapshot(saved.parent) == before


@pytest.mark.skipif(AS_ROOT, reason=ROOT_REASON)
def test_read_only_folder_for_real(saved: Path) -> None:
    before = snapshot(saved.parent)
    saved.parent.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="没有写入权限"):
            save_draft(first(), saved)
    finally:
        saved.parent.chmod(0o755)
    assert snapshot(saved.parent) == before


def test_read_only_file_simulated(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(saved.parent)
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: mode != os.W_OK)
    with pytest.raises(SaveError, match="只读文件"):
        save_draft(first(), saved)
    assert snapshot(saved.parent) == before


@pytest.mark.skipif(AS_ROOT, reason=ROOT_REASON)
def test_read_only_file_for_real(saved: Path) -> None:
    saved.chmod(0o444)
    before = snapshot(saved.parent)
    with pytest.raises(SaveError, match="只读文件"):
        save_draft(first(), saved)
    assert snapshot(saved.parent) == before


# ---------------------------------------------------------------- leftovers of killed savers


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temp_files_of_dead_processes_are_removed_by_the_next_save(saved: Path) -> None:
    dead = saved.with_name(f".{saved.name}.{_dead_pid()}-0123abcd.tmp")
    dead_backup = saved.with_name(f".{saved.name}.{_dead_pid()}-89abcdef.bak.tmp")
    alive = saved.with_name(f".{saved.name}.{os.getppid()}-00000000.tmp")
    unrelated = saved.with_name(".other.nianbao.yaml.1-00000000.tmp")
    for path in (dead, dead_backup, alive, unrelated):
        path.write_text("半截", encoding="utf-8")
    save_draft(first(), saved)
    assert not dead.exists()
    assert not dead_backup.exists()
    assert alive.exists()
    assert unrelated.exists()


def test_pid_alive() -> None:
    assert atomic.pid_alive(os.getpid())
    assert not atomic.pid_alive(_dead_pid())
    assert not atomic.pid_alive(0)


# ------------------------------------------------------------ the folder deleted under a session


def test_the_folder_deleted_under_a_session_is_a_typed_error(saved: Path) -> None:
    held = DraftLock(saved)
    held.acquire()
    shutil.rmtree(saved.parent)
    with pytest.raises(DraftFolderGoneError) as caught:
        save_draft(second(), saved)
    assert caught.value.folder == saved.parent
    assert "已不存在" in str(caught.value)
    assert not saved.parent.exists()  # not silently recreated
    held.release()


def test_the_working_folder_deleted_under_a_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "工作"
    work.mkdir()
    monkeypatch.chdir(work)
    save_draft(first(), Path("年报.nianbao.yaml"))
    shutil.rmtree(work)
    with pytest.raises(DraftFolderGoneError, match="当前所在的文件夹已不存在") as caught:
        save_draft(second(), Path("年报.nianbao.yaml"))
    assert caught.value.folder is None
    assert "Errno" not in str(caught.value)
