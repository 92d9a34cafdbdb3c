"""The built wheel carries prompts/ and templates/ inside the package, and they are found there."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tracked(folder: str) -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", folder], cwd=REPO, capture_output=True, text=True, check=True
    )
    return sorted(line for line in out.stdout.splitlines() if line)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    if shutil.which("uv"):
        command = ["uv", "build", "--wheel", "--out-dir", str(out), str(REPO)]
    else:
        command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)]
    subprocess.run(command, cwd=REPO, capture_output=True, check=True)
    (built,) = out.glob("nianbao-*.whl")
    return built


@pytest.mark.parametrize("folder", ["templates", "prompts"])
def test_data_folders_are_inside_the_package(wheel: Path, folder: str) -> None:
    tracked = _tracked(folder)
    if folder == "templates":
        assert {"templates/report.md.j2", "templates/report.html.j2"} <= set(tracked)
    if not tracked:
        pytest.skip(f"{folder}/ has no files yet")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [p for p in tracked if f"assistant/{p}" not in names]
    assert missing == []


def test_installed_layout_finds_templates_and_renders(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "from pathlib import Path\n"
        "import assistant, assistant.resources as r\n"
        "from assistant.store import load_draft\n"
        "from assistant.render import render_report\n"
        "print(Path(assistant.__file__).parent)\n"
        "print(r.templates_dir())\n"
        f"draft = load_draft(Path({str(REPO / 'examples' / 'shenyang-2024.nianbao.yaml')!r}))\n"
        "print(render_report(draft, 'md').splitlines()[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    package, templates, title = out.stdout.splitlines()
    assert Path(package) == site / "assistant"
    assert Path(templates) == site / "assistant" / "templates"
    assert title.startswith("# 沈阳市人民政府外事办公室2024年")
