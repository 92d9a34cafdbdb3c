"""Build the offline bundles: one archive per platform, installable with no network at all.

Each archive holds the project's wheel, the wheel of every locked dependency for that platform
(``pip download --only-binary=:all: --platform …``), pip's own wheel (so a Python without
ensurepip, as on some 信创 desktops, still installs), an install script and a short guide.

    uv run python scripts/offline_bundle.py                  # every platform, Python 3.11-3.14
    uv run python scripts/offline_bundle.py --platform manylinux_x86_64 --python 3.11

The versions are those of ``uv.lock`` (through ``uv export``), so every bundle installs what CI
tested. Needs uv and the network (PyPI) on the building machine only.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "bundle"
EXAMPLE = REPO / "examples" / "shenyang-2024.nianbao.yaml"
PYTHONS = ("3.11", "3.12", "3.13", "3.14")


@dataclass(frozen=True)
class Platform:
    name: str
    pip_platforms: tuple[str, ...]
    """``--platform`` values: the newest glibc listed is that of 统信 UOS 20 and 麒麟 V10 (2.28)."""
    sys_platform: str
    machine: str
    windows: bool = False


PLATFORMS = {
    p.name: p
    for p in (
        Platform("win_amd64", ("win_amd64",), "win32", "AMD64", windows=True),
        Platform(
            "manylinux_x86_64",
            ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"),
            "linux",
            "x86_64",
        ),
        Platform(
            "manylinux_aarch64",
            ("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"),
            "linux",
            "aarch64",
        ),
    )
}


def project_version() -> str:
    import tomllib

    with (REPO / "pyproject.toml").open("rb") as handle:
        version: str = tomllib.load(handle)["project"]["version"]
    return version


@functools.cache
def locked_requirements_text() -> str:
    """``uv export`` of the lock: every runtime dependency pinned, with its marker."""
    return subprocess.run(
        ["uv", "export", "--no-dev", "--no-hashes", "--no-emit-project", "--no-header",
         "--format", "requirements-txt", "--frozen"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def locked_requirements() -> list[Requirement]:
    """Every runtime dependency pinned as in uv.lock, with its environment marker."""
    lines = (line.split("#", 1)[0].strip() for line in locked_requirements_text().splitlines())
    return [Requirement(line) for line in lines if line]


def requirement_sets(platform: Platform, python: str) -> list[tuple[str, list[str]]]:
    """The pins that apply on ``platform`` under ``python``: first those of its first release
    (3.11.0), then any the last one (3.11.x) needs besides.

    pip evaluates markers for the machine it runs on, not for ``--platform``: a bundle for
    Windows built on Linux would miss a ``sys_platform == 'win32'`` dependency. So the markers
    are evaluated here, for the target, and pip downloads exactly these lists (``--no-deps``).
    The lock may pin a package differently before and after a patch release (soupsieve at
    3.11.5); pip refuses two pins of one package in one call, hence two lists, each with the
    full version pip is to check ``Requires-Python`` against.
    """
    sets: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for patch in ("0", "99"):
        environment = {
            "sys_platform": platform.sys_platform,
            "platform_system": "Windows" if platform.windows else "Linux",
            "platform_machine": platform.machine,
            "os_name": "nt" if platform.windows else "posix",
            "python_version": python,
            "python_full_version": f"{python}.{patch}",
            "implementation_name": "cpython",
            "platform_python_implementation": "CPython",
        }
        pins = []
        for requirement in locked_requirements():
            if requirement.marker is None or requirement.marker.evaluate(environment):
                requirement.marker = None
                pins.append(str(requirement))
        if new := [pin for pin in pins if pin not in seen]:
            sets.append((f"{python}.{patch}", new))
            seen.update(new)
    return sets


def pip_download(args: list[str], into: Path) -> None:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*command, "--dest", str(into), *args], check=True)


def download_wheels(platform: Platform, pythons: tuple[str, ...], into: Path) -> None:
    targets = [arg for tag in platform.pip_platforms for arg in ("--platform", tag)]
    for version, pins in (pair for p in pythons for pair in requirement_sets(platform, p)):
        pip_download(
            [
                "--only-binary=:all:",
                "--no-deps",
                *targets,
                "--implementation", "cp",
                "--python-version", version,
                *pins,
            ],
            into,
        )  # fmt: skip
    pip_download(["--only-binary=:all:", "--no-deps", "pip"], into)


def build_project_wheel(into: Path) -> Path:
    subprocess.run(
        ["uv", "build", "--wheel", "--out-dir", str(into), str(REPO)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    (into / ".gitignore").unlink(missing_ok=True)  # uv marks its output folder for git
    (wheel,) = into.glob("nianbao-*.whl")
    return wheel


def write_scripts(platform: Platform, root: Path) -> None:
    """The install script and the guide, in the form each system reads."""
    if platform.windows:
        # cmd.exe reads a batch file in the console's code page: 936 (GBK) on Chinese Windows.
        # Lines end in CRLF, or labels and `goto` misbehave.
        text = (HERE / "install.bat").read_text(encoding="utf-8")
        (root / "install.bat").write_bytes(text.replace("\n", "\r\n").encode("gbk"))
        guide = (HERE / "说明.txt").read_text(encoding="utf-8")
        # Notepad on older Windows 10 needs the BOM to take the guide for UTF-8.
        (root / "说明.txt").write_bytes(b"\xef\xbb\xbf" + guide.replace("\n", "\r\n").encode())
    else:
        script = root / "install.sh"
        shutil.copyfile(HERE / "install.sh", script)
        script.chmod(0o755)
        shutil.copyfile(HERE / "说明.txt", root / "说明.txt")
    (root / "示例").mkdir()
    shutil.copyfile(EXAMPLE, root / "示例" / EXAMPLE.name)


def build(platform: Platform, pythons: tuple[str, ...], out: Path) -> Path:
    """Build the archive for ``platform``; returns its path."""
    name = f"nianbao-{project_version()}-offline-{platform.name}"
    with tempfile.TemporaryDirectory() as work:
        root = Path(work) / name
        wheels = root / "wheels"
        wheels.mkdir(parents=True)
        build_project_wheel(wheels)
        download_wheels(platform, pythons, wheels)
        write_scripts(platform, root)
        out.mkdir(parents=True, exist_ok=True)
        if platform.windows:
            archive = out / f"{name}.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
                for path in sorted(root.rglob("*")):
                    bundle.write(path, path.relative_to(root.parent))
        else:
            archive = out / f"{name}.tar.gz"
            with tarfile.open(archive, "w:gz") as bundle:  # keeps install.sh executable
                bundle.add(root, arcname=name)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--platform", action="append", choices=sorted(PLATFORMS), help="default: all"
    )
    parser.add_argument(
        "--python", action="append", help=f"target CPython version; default: {', '.join(PYTHONS)}"
    )
    parser.add_argument("--out", type=Path, default=REPO / "dist" / "offline")
    args = parser.parse_args(argv)
    pythons = tuple(args.python or PYTHONS)
    for name in args.platform or sorted(PLATFORMS):
        archive = build(PLATFORMS[name], pythons, args.out)
        print(f"{archive}  ({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
