"""Compiled templates are kept between runs; a broken or unwritable cache only costs time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from assistant.templatecache import QuietBytecodeCache, template_cache

SOURCE = "{% for n in numbers %}{{ n }}、{% endfor %}共 {{ numbers | length }} 项"


def render(cache: QuietBytecodeCache | None) -> str:
    env = Environment(loader=DictLoader({"t.j2": SOURCE}), bytecode_cache=cache)
    return env.get_template("t.j2").render(numbers=[1, 2, 3])


def test_a_compiled_template_is_stored_and_used_again(tmp_path: Path) -> None:
    cache = QuietBytecodeCache(str(tmp_path))
    assert render(cache) == "1、2、3、共 3 项"
    stored = list(tmp_path.iterdir())
    assert len(stored) == 1 and stored[0].stat().st_size > 0
    stored[0].write_bytes(stored[0].read_bytes())  # same entry, read back by a new environment
    assert render(cache) == "1、2、3、共 3 项"


@pytest.mark.parametrize("garbage", [b"", b"nonsense", b"j2" + b"\x00" * 40])
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, garbage: bytes) -> None:
    cache = QuietBytecodeCache(str(tmp_path))
    render(cache)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(garbage)
    assert render(cache) == "1、2、3、共 3 项"


def test_an_entry_damaged_after_its_header_is_compiled_again(tmp_path: Path) -> None:
    from jinja2.bccache import bc_magic

    cache = QuietBytecodeCache(str(tmp_path))
    render(cache)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(bc_magic + b"\x80\x04not a pickle")
    assert render(cache) == "1、2、3、共 3 项"


def test_an_unwritable_or_vanished_folder_costs_only_time(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    cache = QuietBytecodeCache(str(folder))
    folder.rmdir()
    assert render(cache) == "1、2、3、共 3 项"


def test_the_cache_lives_under_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache = template_cache()
    assert cache is not None
    assert Path(cache.directory) == tmp_path / "cache" / "nianbao" / "templates"
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert template_cache() is None
    assert os.path.isfile(blocked)
