"""Rendered reports go through the store's one atomic writer; one flag name to overwrite."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import NianbaoError, OutputExistsError
from assistant.render.output import default_output, exists_message, write_output
from assistant.store import atomic

SEED = Path(__file__).resolve().parent.parent / "examples" / "shenyang-2024.nianbao.yaml"


def test_a_file_that_appears_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "报告.md"
    target.write_text("别人的文件", encoding="utf-8")
    with pytest.raises(FileExistsError):  # the hard link refuses, whatever was checked before
        atomic.write_atomic(target, b"new", replace=False)
    assert target.read_text(encoding="utf-8") == "别人的文件"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_without_hard_links_a_new_file_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(os, "link", no_links)
    write_output(tmp_path / "报告.md", "正文\n", replace=False)
    assert (tmp_path / "报告.md").read_bytes() == "正文\n".encode()
    with pytest.raises(OutputExistsError):
        write_output(tmp_path / "报告.md", "别的\n", replace=False)


def test_a_failed_report_write_is_chinese_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write

    def full(fd: int, data: object) -> int:
        if isinstance(data, memoryview) and bytes(data[:3]) == "报告".encode()[:3]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(NianbaoError, match="磁盘空间不足") as caught:
        write_output(tmp_path / "a.md", "报告正文", replace=True)
    assert "Errno" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_the_default_name_strips_every_draft_suffix() -> None:
    for name in ("年报.nianbao.yaml", "年报.nianbao.yml", "年报.yaml", "年报.YML"):
        assert default_output(Path(name), ".docx") == Path("年报.docx")


def test_the_refusal_names_the_one_flag() -> None:
    message = exists_message(Path("年报.docx"))
    assert "--force" in message and "--force-overwrite" not in message


def test_the_old_flag_spelling_still_works_but_is_not_advertised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "seed.nianbao.yaml"
    shutil.copy(SEED, draft)
    beside = tmp_path / "seed.docx"
    beside.write_bytes(b"the user's own file")
    assert main(["render", str(draft), "-f", "docx", "--force-overwrite"]) == 0
    assert beside.read_bytes()[:2] == b"PK"
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    shown = capsys.readouterr().out
    assert "--force" in shown and "--force-overwrite" not in shown
