"""Where the shipped data folders are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``prompts`` or ``templates``: in the package once installed, beside it in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到程序自带的 {name} 目录，请重新安装 nianbao。")


def prompts_dir() -> Path:
    return data_dir("prompts")


def templates_dir() -> Path:
    return data_dir("templates")
