"""The recent-drafts list: most recent first, kept small, never a source of errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant.store import recent, recent_drafts, remember_draft


def make(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("meta: {}\n", encoding="utf-8")
    return path


def test_state_lives_under_xdg_state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert recent.recent_file() == tmp_path / "state" / "nianbao" / "recent.json"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert recent.state_dir() == Path.home() / ".local" / "state" / "nianbao"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")  # the spec says: ignore it
    assert recent.state_dir() == Path.home() / ".local" / "state" / "nianbao"


def test_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    a, b, c = (make(tmp_path, f"{n}.nianbao.yaml") for n in "abc")
    for path in (a, b, c, a):
        remember_draft(path)
    assert recent_drafts() == [a, c, b]


def test_relative_paths_are_remembered_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(tmp_path, "年报.nianbao.yaml")
    monkeypatch.chdir(tmp_path)
    remember_draft(Path("年报.nianbao.yaml"))
    assert recent_drafts() == [tmp_path / "年报.nianbao.yaml"]


def test_the_list_is_kept_short(tmp_path: Path) -> None:
    paths = [make(tmp_path, f"{i}.nianbao.yaml") for i in range(recent.KEEP + 5)]
    for path in paths:
        remember_draft(path)
    assert recent_drafts() == paths[::-1][: recent.KEEP]


def test_vanished_drafts_are_not_offered(tmp_path: Path) -> None:
    a, b = make(tmp_path, "a.yaml"), make(tmp_path, "b.yaml")
    remember_draft(a)
    remember_draft(b)
    b.unlink()
    assert recent_drafts() == [a]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe", b'{"drafts": 1}', b'[1, null, {"path": 3}, {"x": "y"}]', b""],
    ids=["broken-json", "binary", "not-a-list", "bad-entries", "empty"],
)
def test_a_damaged_state_file_is_ignored_then_set_aside(tmp_path: Path, content: bytes) -> None:
    state = recent.recent_file()
    state.parent.mkdir(parents=True)
    state.write_bytes(content)
    assert recent_drafts() == []
    draft = make(tmp_path, "a.yaml")
    remember_draft(draft)
    assert recent_drafts() == [draft]
    aside = state.with_name("recent.json.damaged")
    if content == b'[1, null, {"path": 3}, {"x": "y"}]':
        assert not aside.exists()  # a list with bad entries is understood: they are dropped
    else:
        assert aside.read_bytes() == content
    assert isinstance(json.loads(state.read_text(encoding="utf-8")), list)


def test_failing_to_write_is_silent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recent, "write_atomic", full)
    remember_draft(make(tmp_path, "a.yaml"))
    assert recent_drafts() == []
    assert [p.name for p in recent.state_dir().iterdir()] == []


def test_state_file_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = make(tmp_path, "a.yaml")
    remember_draft(a)
    real_replace = os.replace

    def crash(*args: object) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "replace", crash)
    remember_draft(make(tmp_path, "b.yaml"))
    monkeypatch.setattr(os, "replace", real_replace)
    assert recent_drafts() == [a]
    assert [p.name for p in recent.state_dir().iterdir()] == ["recent.json"]
