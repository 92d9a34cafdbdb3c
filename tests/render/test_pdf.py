"""PDF through LibreOffice: the real conversion where it is installed, the wrapper everywhere."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from assistant.core.draft import Draft
from assistant.errors import NianbaoError
from assistant.render import pdf
from assistant.render.pdf import (
    PdfConversionError,
    PdfUnavailableError,
    docx_to_pdf,
    find_soffice,
    render_pdf,
)

SOFFICE = find_soffice()

posix_only = pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")


# ---------------------------------------------------------------- the real thing


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_seed_converts_to_a_pdf_with_its_title(seed: Draft) -> None:
    import pdfplumber

    data = render_pdf(seed)
    assert data.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(data)) as document:
        assert len(document.pages) >= 3
        first = "".join((document.pages[0].extract_text() or "").split())
        last = "".join((document.pages[-1].extract_text() or "").split())
    assert "沈阳市人民政府外事办公室2024年政府信息公开工作年度报告" in first
    assert first.endswith("—1—")
    assert "2025年1月22日" in last


# ---------------------------------------------------------------- without LibreOffice


def test_missing_libreoffice_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed: Draft
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf, "KNOWN_LOCATIONS", ())
    assert find_soffice() is None
    with pytest.raises(PdfUnavailableError) as caught:
        render_pdf(seed)
    message = str(caught.value)
    assert isinstance(caught.value, NianbaoError)
    assert "LibreOffice" in message
    assert "sudo apt-get install libreoffice-writer" in message
    assert "另存为 PDF" in message


def test_libreoffice_is_found_under_either_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pdf, "KNOWN_LOCATIONS", ())
    monkeypatch.setenv("PATH", str(tmp_path))
    suffix = ".exe" if os.name == "nt" else ""
    program = tmp_path / f"libreoffice{suffix}"
    program.write_text("")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    assert find_soffice() == str(program)


# ---------------------------------------------------------------- the wrapper, with a fake soffice


def _fake(tmp_path: Path, body: str) -> str:
    """A stand-in soffice: records its arguments, then runs ``body`` (sh)."""
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/args"\n'
        "for last; do :; done\n"  # $last = the input document
        'outdir=""; prev=""\n'
        'for a; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a"; done\n'
        f"{body}\n"
    )
    script.chmod(0o755)
    return str(script)


@posix_only
def test_conversion_runs_headless_with_its_own_profile(tmp_path: Path) -> None:
    soffice = _fake(tmp_path, 'printf "%%PDF-1.7 fake" > "$outdir/report.pdf"')
    assert docx_to_pdf(b"PK docx", soffice=soffice) == b"%PDF-1.7 fake"
    args = (tmp_path / "args").read_text().splitlines()
    assert "--headless" in args
    assert args[args.index("--convert-to") + 1].startswith("pdf")
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    outdir = Path(args[args.index("--outdir") + 1])
    # The profile and the output live in the same private temporary folder, removed afterwards.
    assert profile.removeprefix("-env:UserInstallation=file://").startswith(str(outdir.parent))
    assert not outdir.parent.exists()


@posix_only
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('echo "Error: source file could not be loaded" >&2; exit 1', "退出码 1"),
        ("exit 0", "退出码 0"),
        ('printf "not a pdf" > "$outdir/report.pdf"', "不是有效的 PDF"),
    ],
    ids=["fails", "writes-nothing", "writes-garbage"],
)
def test_conversion_failures_are_chinese_errors(tmp_path: Path, body: str, expected: str) -> None:
    with pytest.raises(PdfConversionError) as caught:
        docx_to_pdf(b"PK docx", soffice=_fake(tmp_path, body))
    assert expected in str(caught.value)
    assert "另存为 PDF" in str(caught.value)


@posix_only
def test_failure_message_carries_libreoffices_last_words(tmp_path: Path) -> None:
    body = 'echo "Error: source file could not be loaded" >&2; exit 1'
    with pytest.raises(PdfConversionError, match="source file could not be loaded"):
        docx_to_pdf(b"PK docx", soffice=_fake(tmp_path, body))


@posix_only
def test_a_hanging_libreoffice_is_stopped(tmp_path: Path) -> None:
    with pytest.raises(PdfConversionError, match="秒内没有完成"):
        docx_to_pdf(b"PK docx", soffice=_fake(tmp_path, "exec sleep 600"), timeout=0.5)


def test_an_unstartable_program_is_a_chinese_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-soffice"
    with pytest.raises(PdfConversionError, match="无法启动 LibreOffice"):
        docx_to_pdf(b"PK docx", soffice=str(missing))


def test_errors_belong_to_the_project_family() -> None:
    assert issubclass(PdfUnavailableError, NianbaoError)
    assert issubclass(PdfConversionError, NianbaoError)


# ---------------------------------------------------------------- where LibreOffice is looked for


def test_windows_locations_follow_program_files_wherever_it_is() -> None:
    env = {
        "ProgramFiles": "D:\\Programme",
        "ProgramFiles(x86)": "D:\\Programme (x86)",
        "LOCALAPPDATA": "C:\\Users\\张三\\AppData\\Local",
    }
    found = [str(p).replace("\\", "/") for p in pdf.windows_locations(env)]
    assert found == [
        "D:/Programme/LibreOffice/program/soffice.exe",
        "D:/Programme (x86)/LibreOffice/program/soffice.exe",
        "C:/Users/张三/AppData/Local/Programs/LibreOffice/program/soffice.exe",
    ]
    assert pdf.windows_locations({}) == []


def test_on_windows_soffice_exe_under_program_files_is_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    monkeypatch.setattr(pdf.sys, "platform", "win32")
    monkeypatch.setattr(pdf, "KNOWN_LOCATIONS", ())
    assert find_soffice() == str(program)


def test_libreoffice_under_opt_is_found_newest_first(tmp_path: Path) -> None:
    for version in ("7.6", "24.8"):
        program = tmp_path / f"libreoffice{version}" / "program" / "soffice"
        program.parent.mkdir(parents=True)
        program.write_bytes(b"")
    found = pdf.opt_locations(tmp_path)
    assert [p.parts[-3] for p in found] == ["libreoffice24.8", "libreoffice7.6"]
