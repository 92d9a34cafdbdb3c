"""Closing a session whose draft could not be written: one rescue copy, however often closed."""

from __future__ import annotations

from pathlib import Path

from assistant.core.draft import Draft
from assistant.interview import Session
from assistant.locations import rescue_dir


def test_closing_twice_writes_one_rescue_copy_and_says_the_same(tmp_path: Path) -> None:
    path = tmp_path / "已删除的文件夹" / "d.nianbao.yaml"  # its folder does not exist
    session = Session(path, Draft.model_validate({"meta": {"agency": "某局"}}))
    session.saver.submit(session.draft)
    first = session.close()
    assert first is not None and "回答没有保存到草稿中" in first and session.unsaved
    assert session.close() == first
    assert len(list(rescue_dir().iterdir())) == 1
