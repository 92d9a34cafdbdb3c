"""The report as PDF: the Word document converted by LibreOffice, when it is installed.

LibreOffice runs headless in a temporary folder with a profile of its own, so it neither
disturbs nor waits for a LibreOffice the user has open. Without it, the user is told in Chinese
how to get it, or to save the Word file as PDF themselves.

The copy LibreOffice converts is made by :mod:`assistant.render.libreoffice_copy`: stand-in
faces for the official ones this machine lacks, and the grid as LibreOffice reads it right.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from assistant.core.draft import Draft
from assistant.errors import NianbaoError
from assistant.render.fonts import FontChoice, machine_plan, substitutions
from assistant.render.libreoffice_copy import for_libreoffice

__all__ = [
    "PdfConversionError",
    "PdfUnavailableError",
    "docx_to_pdf",
    "find_soffice",
    "font_notes",
    "for_libreoffice",
    "render_pdf",
    "windows_locations",
]

TIMEOUT_SECONDS: Final = 180.0
"""A cold LibreOffice start plus a five-page conversion takes a few seconds; this is generous."""

COMMAND_NAMES: Final = ("soffice", "libreoffice")
# Where the installers put it when it is not on PATH (Windows, macOS, LibreOffice's own
# packages for Linux, which 统信 UOS and 麒麟 users install under /opt).
KNOWN_LOCATIONS: Final = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
OPT_PATTERN: Final = "libreoffice*/program/soffice"
_WINDOWS_FOLDERS: Final = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")

SAVE_AS_HINT: Final = "也可以先生成 Word 文件（--format docx），再用 Word 或 WPS 另存为 PDF。"


class PdfUnavailableError(NianbaoError):
    """PDF was asked for but LibreOffice is not installed."""


class PdfConversionError(NianbaoError):
    """LibreOffice was found but did not produce the PDF."""


def windows_locations(env: Mapping[str, str]) -> list[Path]:
    """Where LibreOffice's Windows installer puts ``soffice.exe``: under Program Files (whatever
    drive and language the system uses), or under the user's own programs when it was installed
    without administrator rights."""
    roots = [Path(env[name]) for name in _WINDOWS_FOLDERS if env.get(name)]
    if env.get("LOCALAPPDATA"):
        roots.append(Path(env["LOCALAPPDATA"]) / "Programs")
    found = [root / "LibreOffice" / "program" / "soffice.exe" for root in roots]
    return list(dict.fromkeys(found))


def opt_locations(opt: Path = Path("/opt")) -> list[Path]:
    """LibreOffice installed from its own Linux packages: /opt/libreoffice24.8/program/soffice,
    newest version first."""
    try:
        found = list(opt.glob(OPT_PATTERN))
    except OSError:
        return []
    return sorted(found, key=lambda path: _version(path.parts[-3]), reverse=True)


def _version(folder: str) -> tuple[int, ...]:
    """(24, 8) from ``libreoffice24.8``; () when the name carries no version."""
    digits = folder.removeprefix("libreoffice")
    try:
        return tuple(int(part) for part in digits.split("."))
    except ValueError:
        return ()


def _locations() -> list[Path]:
    if sys.platform == "win32":
        return [*windows_locations(os.environ), *KNOWN_LOCATIONS]
    if sys.platform.startswith("linux"):
        return [*KNOWN_LOCATIONS, *opt_locations()]
    return list(KNOWN_LOCATIONS)


def find_soffice() -> str | None:
    """The LibreOffice command: ``soffice`` or ``libreoffice`` on PATH, else a usual location."""
    for name in COMMAND_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for path in _locations():
        if path.is_file():
            return str(path)
    return None


def _unavailable() -> PdfUnavailableError:
    return PdfUnavailableError(
        "生成 PDF 需要 LibreOffice，但本机没有找到 soffice 命令。"
        "请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer；"
        "Windows 和 macOS：到 https://zh-cn.libreoffice.org/ 下载安装）；"
        "或者先生成 Word 文件（--format docx），再用 Word 或 WPS 另存为 PDF。"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and whatever it started: it ran in a process group of its own."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.communicate()


def _last_line(output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    return lines[-1] if lines else ""


def docx_to_pdf(
    data: bytes, *, soffice: str | None = None, timeout: float = TIMEOUT_SECONDS
) -> bytes:
    """Convert ``.docx`` bytes to PDF bytes with LibreOffice (found by :func:`find_soffice`).

    Raises PdfUnavailableError without LibreOffice, PdfConversionError when it fails or takes
    longer than ``timeout`` seconds.
    """
    command = soffice or find_soffice()
    if command is None:
        raise _unavailable()
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as temp:
        folder = Path(temp)
        source = folder / "report.docx"
        source.write_bytes(data)
        out_dir = folder / "out"
        out_dir.mkdir()
        args = [
            command,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        try:
            process = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                cwd=folder,
                start_new_session=os.name == "posix",
            )
        except OSError as error:
            raise PdfConversionError(
                f"无法启动 LibreOffice（{command}）：{error.strerror or error}。{SAVE_AS_HINT}"
            ) from None
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise PdfConversionError(
                f"LibreOffice 在 {timeout:g} 秒内没有完成 PDF 转换，已停止。{SAVE_AS_HINT}"
            ) from None
        result = out_dir / "report.pdf"
        if process.returncode != 0 or not result.is_file():
            detail = _last_line(output)
            reason = f"退出码 {process.returncode}" + (f"，{detail}" if detail else "")
            raise PdfConversionError(
                f"LibreOffice 没能把报告转换为 PDF（{reason}）。{SAVE_AS_HINT}"
            )
        pdf = result.read_bytes()
    if not pdf.startswith(b"%PDF"):
        raise PdfConversionError(f"LibreOffice 生成的文件不是有效的 PDF。{SAVE_AS_HINT}")
    return pdf


def font_notes(plan: tuple[FontChoice, ...] | None = None) -> list[str]:
    """What the PDF sets in place of the official faces this machine lacks, one Chinese line
    each ("已用 思源宋体（Noto Serif CJK SC）代替 仿宋_GB2312"); empty when it has them all."""
    plan = machine_plan() if plan is None else plan
    return [choice.sentence() for choice in plan if choice.kind != "installed"]


def render_pdf(draft: Draft) -> bytes:
    """The report as PDF bytes, converted from the Word document. No refusal logic here."""
    soffice = find_soffice()
    if soffice is None:
        raise _unavailable()
    from assistant.render.docx import render_docx

    docx = for_libreoffice(render_docx(draft), substitutions(machine_plan()))
    return docx_to_pdf(docx, soffice=soffice)
