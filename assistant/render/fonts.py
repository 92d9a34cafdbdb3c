"""The official fonts of the printed report, what stands in for them, and what this machine has.

The Word file always names the official faces (方正小标宋简体, 仿宋_GB2312, 黑体,
楷体_GB2312, 宋体): an office PC that has them uses them. Where they are missing, Word falls
back on the font table's alternative name (the same design under another name: 仿宋 for
仿宋_GB2312), and the PDF, made here, names a free face of the same kind in its converted copy
— a serif Simplified-Chinese face for the 宋/仿宋 faces, a sans one for 黑体, a 楷 face for
楷体 — so no glyph comes out in another language's forms. :func:`font_plan` says which face
each official one gets on this machine; the ``render --format pdf`` message and
``nianbao doctor`` read it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final, Literal


@dataclass(frozen=True)
class Substitute:
    """A face that can stand in for an official one."""

    family: str
    """The family name as fontconfig and LibreOffice know it."""
    label: str
    """What users call it, for messages: 思源宋体（Noto Serif CJK SC）."""
    bold: bool = False
    """Set in bold to come near a heavy official face (小标宋 is much darker than a regular 宋)."""


@dataclass(frozen=True)
class OfficialFont:
    """One official face of the report and its stand-ins, best first."""

    name: str
    """The name written in the Word file."""
    alt_names: tuple[str, ...]
    """The same design under the names Windows installs it by (仿宋 / FangSong)."""
    family: Literal["roman", "modern", "swiss", "script"]
    """The font table's generic family: how Word picks a look-alike when nothing matches."""
    substitutes: tuple[Substitute, ...]
    role: str
    """What it sets, in Chinese: 标题, 正文…"""


GB2312_CHARSET: Final = "86"
"""The font table's charset for Simplified Chinese (GB2312)."""

_SERIF_SC: Final = (
    Substitute("Noto Serif CJK SC", "思源宋体（Noto Serif CJK SC）"),
    Substitute("Source Han Serif SC", "思源宋体（Source Han Serif SC）"),
    Substitute("Source Han Serif CN", "思源宋体（Source Han Serif CN）"),
    Substitute("AR PL SungtiL GB", "文鼎宋体（AR PL SungtiL GB）"),
)
_SANS_SC: Final = (
    Substitute("Noto Sans CJK SC", "思源黑体（Noto Sans CJK SC）"),
    Substitute("Source Han Sans SC", "思源黑体（Source Han Sans SC）"),
    Substitute("Source Han Sans CN", "思源黑体（Source Han Sans CN）"),
    Substitute("WenQuanYi Zen Hei", "文泉驿正黑（WenQuanYi Zen Hei）"),
)
_KAI: Final = (
    Substitute("LXGW WenKai", "霞鹜文楷（LXGW WenKai）"),
    Substitute("AR PL UKai CN", "文鼎楷体（AR PL UKai CN）"),
    Substitute("AR PL KaitiM GB", "文鼎楷体（AR PL KaitiM GB）"),
)


def _stock(family: str, bold: bool = False) -> Substitute:
    """A face every Chinese Windows PC has."""
    return Substitute(family, family, bold)


OFFICIAL_FONTS: Final = (
    OfficialFont(
        "方正小标宋简体",
        ("方正小标宋_GBK", "FZXiaoBiaoSong-B05S"),
        "script",
        (
            *(Substitute(s.family, s.label, bold=True) for s in _SERIF_SC),
            _stock("宋体", bold=True),
        ),
        "标题",
    ),
    OfficialFont(
        "仿宋_GB2312",
        ("仿宋", "FangSong"),
        "modern",
        (*_SERIF_SC, _stock("宋体")),
        "正文",
    ),
    OfficialFont("黑体", ("SimHei",), "modern", (*_SANS_SC, _stock("微软雅黑")), "一级标题"),
    OfficialFont(
        "楷体_GB2312",
        ("楷体", "KaiTi"),
        "modern",
        (*_KAI, *_SERIF_SC, _stock("宋体")),
        "二级标题",
    ),
    OfficialFont("宋体", ("SimSun", "NSimSun", "新宋体"), "roman", _SERIF_SC, "表格文字和页码"),
)
FONT_BY_NAME: Final = {font.name: font for font in OFFICIAL_FONTS}


@dataclass(frozen=True)
class FontChoice:
    """What an official face gets on this machine."""

    font: OfficialFont
    used: str | None
    """The family that will be used; None when nothing suitable is installed."""
    label: str
    """How to name ``used`` in a message."""
    kind: Literal["installed", "alternative", "substitute", "missing"]
    bold: bool = False

    @property
    def substituted(self) -> bool:
        return self.kind in ("alternative", "substitute")

    def sentence(self) -> str:
        """One Chinese line: 已用 思源宋体（Noto Serif CJK SC）代替 仿宋_GB2312."""
        name = self.font.name
        if self.kind == "installed":
            return f"{name}：已安装"
        if self.kind == "missing":
            return f"{name}：未安装，也没有找到可以代替的中文字体"
        gap = "" if self.label.endswith("）") else " "
        return f"已用 {self.label}{gap}代替 {name}"


def _normal(name: str) -> str:
    return name.casefold().replace(" ", "")


def font_plan(families: Iterable[str]) -> tuple[FontChoice, ...]:
    """The face each official font gets, given the installed ``families``."""
    have = {_normal(f) for f in families}
    plan: list[FontChoice] = []
    for font in OFFICIAL_FONTS:
        if _normal(font.name) in have:
            plan.append(FontChoice(font, font.name, font.name, "installed"))
            continue
        alternative = next((a for a in font.alt_names if _normal(a) in have), None)
        if alternative is not None:
            plan.append(FontChoice(font, alternative, alternative, "alternative"))
            continue
        sub = next((s for s in font.substitutes if _normal(s.family) in have), None)
        if sub is not None:
            plan.append(FontChoice(font, sub.family, sub.label, "substitute", sub.bold))
        else:
            plan.append(FontChoice(font, None, "", "missing"))
    return tuple(plan)


def substitutions(plan: Iterable[FontChoice]) -> dict[str, FontChoice]:
    """Official name → the choice, for the faces that need another one."""
    return {c.font.name: c for c in plan if c.substituted}


# ---------------------------------------------------------------- what this machine has

WINDOWS_FONT_FILES: Final[Mapping[str, tuple[str, ...]]] = {
    "simsun.ttc": ("宋体", "SimSun", "新宋体", "NSimSun"),
    "simfang.ttf": ("仿宋", "FangSong"),
    "simkai.ttf": ("楷体", "KaiTi"),
    "simhei.ttf": ("黑体", "SimHei"),
    "msyh.ttc": ("微软雅黑", "Microsoft YaHei"),
    "fzxbsjw.ttf": ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
    "方正小标宋简体.ttf": ("方正小标宋简体",),
    "fs_gb2312.ttf": ("仿宋_GB2312",),
    "仿宋_gb2312.ttf": ("仿宋_GB2312",),
    "kai_gb2312.ttf": ("楷体_GB2312",),
    "楷体_gb2312.ttf": ("楷体_GB2312",),
}
"""File names (lower case) of the Chinese faces on Windows PCs, and the families they hold."""


def windows_font_folders(env: Mapping[str, str]) -> list[Path]:
    """Where Windows keeps fonts: the system folder and the user's own (installed without
    administrator rights)."""
    folders = [Path(env.get("WINDIR") or env.get("SystemRoot") or "C:\\Windows") / "Fonts"]
    local = env.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


def windows_families(folders: Iterable[Path]) -> frozenset[str]:
    """The Chinese families found, by file name, in ``folders``."""
    found: set[str] = set()
    for folder in folders:
        try:
            names = [entry.name.lower() for entry in folder.iterdir()]
        except OSError:
            continue
        for name in names:
            found.update(WINDOWS_FONT_FILES.get(name, ()))
    return frozenset(found)


def parse_fc_list(output: str) -> frozenset[str]:
    """Families from ``fc-list : family`` lines (each a comma-separated list of names)."""
    found: set[str] = set()
    for line in output.splitlines():
        found.update(name.strip() for name in line.split(",") if name.strip())
    return frozenset(found)


def fontconfig_families() -> frozenset[str] | None:
    """The families fontconfig knows; None when fc-list is not there or fails."""
    command = shutil.which("fc-list")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, ":", "family"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return parse_fc_list(done.stdout.decode("utf-8", "replace"))


@cache
def installed_families() -> frozenset[str]:
    """The font families installed on this machine (empty when they cannot be listed)."""
    if sys.platform == "win32":
        return windows_families(windows_font_folders(os.environ))
    return fontconfig_families() or frozenset()


def machine_plan() -> tuple[FontChoice, ...]:
    """:func:`font_plan` for this machine's fonts."""
    return font_plan(installed_families())
