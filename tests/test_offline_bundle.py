"""The offline bundle: built for this Linux machine, installed into a fresh venv with no network,
and the installed ``nianbao`` checks and renders the example from its own prompts and templates.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import offline_bundle  # noqa: E402  (a script, not a package)

MACHINE = {"x86_64": "manylinux_x86_64", "aarch64": "manylinux_aarch64"}.get(platform.machine())
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def _offline() -> list[str]:
    """A prefix that cuts the network for the command (a network namespace of its own), where
    the machine allows it; pip is told ``--no-index`` in any case."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return [unshare, "--net"]
    return []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if sys.platform != "linux" or MACHINE is None:
        pytest.skip("the Linux bundle is built and installed on Linux x86_64 or aarch64")
    out = tmp_path_factory.mktemp("bundles")
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "offline_bundle.py"),
         "--platform", MACHINE, "--python", PYTHON, "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    (archive,) = out.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="data")
    (root,) = (p for p in out.iterdir() if p.is_dir())
    return root


@pytest.mark.slow  # some 40 s: downloads every wheel of the Linux bundle from PyPI
def test_bundle_installs_offline_and_runs(bundle: Path, tmp_path: Path) -> None:
    wheels = sorted(p.name for p in (bundle / "wheels").iterdir())
    assert any(w.startswith("nianbao-") for w in wheels)
    assert any(w.startswith("textual_serve-") for w in wheels)
    assert all(w.endswith(".whl") for w in wheels), wheels
    assert os.access(bundle / "install.sh", os.X_OK)

    target, bindir = tmp_path / "安装", tmp_path / "bin"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PYTHON": sys.executable,
        "NIANBAO_BIN_DIR": str(bindir),
        # The script must also shut out this machine's pip settings (here a mirror and a
        # wheel folder in /etc/pip.conf would otherwise fill any gap in the bundle).
        "PIP_FIND_LINKS": "/opt/wheels",
    }
    install = subprocess.run(
        [*_offline(), "sh", str(bundle / "install.sh"), str(target)],
        env=env, capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    assert "安装完成" in install.stdout

    nianbao = bindir / "nianbao"
    example = bundle / "示例" / "shenyang-2024.nianbao.yaml"
    check = subprocess.run(
        [str(nianbao), "check", str(example)], env=env, capture_output=True, cwd=tmp_path
    )
    assert check.returncode == 0, check.stderr.decode()
    assert "沈阳市人民政府外事办公室" in check.stdout.decode("utf-8")

    # The questions and the templates come from the installed package, not from a checkout.
    python = target / "venv" / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "from assistant import resources as r\n"
         "print(r.prompts_dir()); print(r.templates_dir())\n"
         "from assistant.serve.server import PAGE; print(PAGE / 'index.html')"],
        env=env, capture_output=True, text=True, cwd=tmp_path, check=True,
    )  # fmt: skip
    for line in where.stdout.splitlines():
        assert Path(line).exists() and Path(line).is_relative_to(target / "venv"), line
    # Everything installed came out of the bundle, at the bundle's versions.
    installed = subprocess.run(
        [str(python), "-c", "from importlib.metadata import distributions as d\n"
         "for x in d(): print(x.metadata['Name'], x.version)"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.split("\n")  # fmt: skip
    shipped = {"-".join(w.split("-")[:2]).lower() for w in wheels}
    for line in filter(None, installed):
        name, version = line.split()
        assert f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}" in shipped, line
    report = tmp_path / "年报.md"
    subprocess.run(
        [str(nianbao), "render", str(example), "--format", "md", "-o", str(report)],
        env=env, capture_output=True, cwd=tmp_path, check=True,
    )  # fmt: skip
    assert report.read_text(encoding="utf-8").startswith("# 沈阳市人民政府外事办公室2024年")


def test_windows_install_script_is_read_by_cmd_in_code_page_936(tmp_path: Path) -> None:
    offline_bundle.write_scripts(offline_bundle.PLATFORMS["win_amd64"], tmp_path)
    raw = (tmp_path / "install.bat").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("gbk")
    assert "安装完成" in text and "--no-index" in text
    guide = (tmp_path / "说明.txt").read_bytes()
    assert guide.startswith(b"\xef\xbb\xbf") and "离线安装包" in guide.decode("utf-8-sig")
    assert (tmp_path / "示例" / "shenyang-2024.nianbao.yaml").is_file()


def test_markers_are_evaluated_for_the_target_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    lock = (
        "colorama==0.4.6 ; sys_platform == 'win32'\n"
        "uvloop==0.21.0 ; sys_platform == 'linux'\n"
        "soupsieve==2.10 ; python_full_version < '3.11.5'\n"
        "soupsieve==4.1.3 ; python_full_version >= '3.11.5'\n"
        "    # via beautifulsoup4\n"
        "rich==15.0.0\n"
    )
    monkeypatch.setattr(offline_bundle, "locked_requirements_text", lambda: lock)
    windows = offline_bundle.requirement_sets(offline_bundle.PLATFORMS["win_amd64"], "3.11")
    assert windows == [
        ("3.11.0", ["colorama==0.4.6", "soupsieve==2.10", "rich==15.0.0"]),
        ("3.11.99", ["soupsieve==4.1.3"]),
    ]
    linux = offline_bundle.requirement_sets(offline_bundle.PLATFORMS["manylinux_aarch64"], "3.12")
    assert linux == [("3.12.0", ["uvloop==0.21.0", "soupsieve==4.1.3", "rich==15.0.0"])]


def test_the_real_lock_gives_pins_only() -> None:
    sets = offline_bundle.requirement_sets(offline_bundle.PLATFORMS["win_amd64"], "3.11")
    names = [pin.split("==")[0] for pin in sets[0][1]]
    assert {"textual-serve", "pydantic-core", "textual"} <= set(names)
    assert all("==" in pin and ";" not in pin for _, pins in sets for pin in pins)
