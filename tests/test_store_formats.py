"""The formats chosen per draft: remembered by absolute path, a damaged file set aside."""

from __future__ import annotations

from pathlib import Path

from assistant.store import chosen_formats, remember_formats
from assistant.store.formats import formats_file


def test_a_choice_is_remembered_per_draft(tmp_path: Path) -> None:
    one, two = tmp_path / "一.nianbao.yaml", tmp_path / "二.nianbao.yaml"
    assert chosen_formats(one) is None
    remember_formats(one, ["md", "docx"])
    remember_formats(two, ["pdf"])
    assert chosen_formats(one) == ["md", "docx"]
    assert chosen_formats(two) == ["pdf"]


def test_a_damaged_file_counts_as_no_choice_and_is_set_aside(tmp_path: Path) -> None:
    target = formats_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("{不是 JSON", encoding="utf-8")
    draft = tmp_path / "某局.nianbao.yaml"
    assert chosen_formats(draft) is None
    remember_formats(draft, ["txt"])
    assert chosen_formats(draft) == ["txt"]
    assert target.with_name("formats.json.damaged").read_text(encoding="utf-8") == "{不是 JSON"
