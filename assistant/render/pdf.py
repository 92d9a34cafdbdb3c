"""The report as PDF: the Word document converted by LibreOffice, when it is installed.

LibreOffice runs headless in a temporary folder with a profile of its own, so it neither
disturbs nor waits for a LibreOffice the user has open. Without it, the user is told in Chinese
how to get it, or to save the Word file as PDF themselves.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from assistant.core.draft import Draft
from assistant.errors import NianbaoError

__all__ = [
    "PdfConversionError",
    "PdfUnavailableError",
    "docx_to_pdf",
    "find_soffice",
    "render_pdf",
]

TIMEOUT_SECONDS: Final = 180.0
"""A cold LibreOffice start plus a five-page conversion takes a few seconds; this is generous."""

COMMAND_NAMES: Final = ("soffice", "libreoffice")
# Where the installers put it when it is not on PATH (Windows, macOS).
KNOWN_LOCATIONS: Final = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)

SAVE_AS_HINT: Final = "也可以先生成 Word 文件（--format docx），再用 Word 或 WPS 另存为 PDF。"


class PdfUnavailableError(NianbaoError):
    """PDF was asked for but LibreOffice is not installed."""


class PdfConversionError(NianbaoError):
    """LibreOffice was found but did not produce the PDF."""


def find_soffice() -> str | None:
    """The LibreOffice command: ``soffice`` or ``libreoffice`` on PATH, else a usual location."""
    for name in COMMAND_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for path in KNOWN_LOCATIONS:
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


def render_pdf(draft: Draft) -> bytes:
    """The report as PDF bytes, converted from the Word document. No refusal logic here."""
    soffice = find_soffice()
    if soffice is None:
        raise _unavailable()
    from assistant.render.docx import render_docx

    return docx_to_pdf(render_docx(draft), soffice=soffice)
