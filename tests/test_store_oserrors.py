"""Every OS error the store can meet is explained in Chinese, without a raw code."""

from __future__ import annotations

import errno
import re

import pytest

from assistant.store.oserrors import NETWORK_REASON, OTHER_REASON, WINDOWS_REASONS, reason

RAW_CODE = re.compile(r"E[A-Z0-9]{2,}|Errno|\d{2,}")
CHINESE = re.compile("[\u4e00-\u9fff]")


@pytest.mark.parametrize("code", sorted(errno.errorcode), ids=lambda c: errno.errorcode[c])
def test_every_errno_has_a_chinese_sentence(code: int) -> None:
    text = reason(OSError(code, "english text that must not show"))
    assert CHINESE.search(text)
    assert not RAW_CODE.search(text), text
    assert "english" not in text


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ENOSPC", "磁盘空间不足"),
        ("EDQUOT", "配额"),
        ("EROFS", "只读"),
        ("ELOOP", "符号链接形成了循环"),
        ("ENOENT", "不存在"),
        ("ENAMETOOLONG", "太长"),
        ("EIO", "磁盘读写出错"),
        ("EXDEV", "不同的磁盘"),
        ("EBUSY", "占用"),
        ("ENXIO", "不是普通文件"),
        ("EILSEQ", "不支持的字符"),
    ],
)
def test_what_the_store_meets_gets_a_specific_reason(name: str, words: str) -> None:
    if not hasattr(errno, name):
        pytest.skip(f"{name} does not exist here")
    assert words in reason(OSError(getattr(errno, name), "x"))


def test_network_share_codes_are_grouped() -> None:
    assert reason(OSError(errno.ESTALE, "x")) == NETWORK_REASON
    assert reason(OSError(errno.ECONNRESET, "x")) == NETWORK_REASON


def test_unknown_codes_and_no_code_still_read_as_chinese() -> None:
    assert reason(OSError(99999, "x")) == OTHER_REASON
    assert reason(OSError("no errno at all")) == OTHER_REASON


def test_permission_reads_as_reading_or_writing() -> None:
    assert reason(OSError(errno.EACCES, "x")) == "没有写入权限"
    assert reason(OSError(errno.EACCES, "x"), reading=True) == "没有读取权限"


class WindowsError_(OSError):
    """An OSError as Windows raises it: with a ``winerror`` beside the errno."""

    def __init__(self, code: int, winerror: int) -> None:
        super().__init__(code, "english")
        self.winerror = winerror


def test_windows_sharing_violation_is_not_called_a_permission_problem() -> None:
    # Windows maps ERROR_SHARING_VIOLATION (32) to EACCES; the user must close the other program.
    text = reason(WindowsError_(errno.EACCES, 32))
    assert "其他程序" in text and "占用" in text
    assert reason(WindowsError_(errno.EINVAL, 123)).startswith("文件名中含有 Windows 不允许的字符")
    assert reason(WindowsError_(errno.ENOSPC, 112)) == "磁盘空间不足"


def test_an_unlisted_windows_code_falls_back_to_the_errno() -> None:
    assert reason(WindowsError_(errno.ENOSPC, 4242)) == "磁盘空间不足"


@pytest.mark.parametrize("winerror", sorted(WINDOWS_REASONS))
def test_windows_reasons_have_no_raw_codes(winerror: int) -> None:
    text = WINDOWS_REASONS[winerror]
    assert CHINESE.search(text)
    assert not RAW_CODE.search(text)
