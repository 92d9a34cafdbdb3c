"""The fault campaign: kill real sessions mid-save, feed bad files, bad input and hostile imports.

    uv run python benchmarks/faults.py                 # a modest run (about a minute of CPU)
    uv run python benchmarks/faults.py --kills 1000    # the goal figure (about 15 minutes)
    uv run python benchmarks/faults.py --only kills,files --json figures.json

Sections (``--only``): ``kills`` (benchmarks/_faults_kill.py: ``--plain`` and TUI sessions
SIGKILLed during saves, every acknowledged answer checked), ``files`` (bad draft files and disk
or permission faults: each file's sha256 before and after, the message), ``inputs`` (bad answers
to every kind of question), ``outputs`` (hostile author text in md, html, txt and docx),
``imports`` (hostile published reports: time and memory). It prints the tables in Markdown and a
figures table last; RELIABILITY.md keeps the latest. Exit status 1 when a goal is missed.

Everything runs in a scratch folder under /tmp with a private HOME; sessions are forks of this
process (see _faults_proc.py), so a kill costs milliseconds of CPU, not an interpreter start-up.
Being root, the permission cases run as ``nobody`` and disk-full uses a real 256 KiB tmpfs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

SECTIONS = ("kills", "files", "inputs", "outputs", "imports")


def _prepare(scratch: Path) -> None:
    """A private home and state folder, and the heavy imports done once before any fork."""
    home = scratch / "home"
    home.mkdir()
    os.environ["HOME"] = str(home)
    os.environ["XDG_STATE_HOME"] = str(home / "state")
    os.environ["XDG_CACHE_HOME"] = str(home / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ.pop("NIANBAO_KILLS", None)
    import _tui  # noqa: F401  (textual, the app)
    import corpus  # noqa: F401

    # Loaded now, because the permission cases run as nobody, who may not be allowed to read
    # the checkout (a clone in a 0700 temporary folder) to import them later.
    import assistant.cli
    import assistant.commands.check
    import assistant.commands.plain
    import assistant.commands.render
    import assistant.commands.tui
    import assistant.console
    import assistant.core.checks
    import assistant.render
    import assistant.ui.app  # noqa: F401
    from assistant.promptfiles import load_questions

    load_questions()  # cached: the prompts are read once, here


def table(title: str, header: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table with a heading."""
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |"]
    lines.append("|" + "---|" * len(header))
    for row in rows:
        cells = [str(cell).replace("|", "\\|").replace("\n", " ") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=40, help="sessions to kill (default 40)")
    parser.add_argument("--tui-share", type=float, default=0.25, help="of them, TUI sessions")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument(
        "--sabotage",
        action="store_true",
        help="make the killed sessions save non-atomically: the kills must then find damage",
    )
    args = parser.parse_args()
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    scratch = Path(tempfile.mkdtemp(prefix="nianbao-faults-"))
    scratch.chmod(0o755)  # the permission cases run as nobody
    _prepare(scratch)
    figures: dict[str, Any] = {}
    goals: list[tuple[str, str, bool]] = []
    started = time.monotonic()
    try:
        for name in only:
            print(f"[faults] {name}…", file=sys.stderr, flush=True)
            section_started = time.monotonic()
            text, found, met = _SECTION_RUNNERS[name](scratch / name, args)
            print(text, flush=True)
            figures[name] = found
            goals += met
            print(
                f"[faults] {name}: {time.monotonic() - section_started:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    rows = [[figure, value, "met" if ok else "MISSED"] for figure, value, ok in goals]
    print(table("Figures", ["figure", "value", "goal"], rows))
    print(f"({time.monotonic() - started:.0f} s, seed {args.seed})")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if all(ok for _, _, ok in goals) else 1


def _kills(folder: Path, args: argparse.Namespace) -> tuple[str, Any, list[tuple[str, str, bool]]]:
    import _faults_proc
    from _faults_kill import campaign

    _faults_proc.SABOTAGE = args.sabotage
    folder.mkdir()
    tui = round(args.kills * args.tui_share)
    found = campaign(folder, args.kills - tui, tui, args.seed)
    keys = ("kills", "mid_save", "mid_write", "corrupt", "lost")
    rows = [[kind, *(found[kind][key] for key in keys)] for kind in ("plain", "tui")]
    header = ["session", "kills", "inside a save", "temp file left (mid-write)", "corrupt drafts"]
    text = table("Sessions killed while saving", [*header, "lost answers"], rows)
    if found["problems"]:
        text += "\nProblems:\n" + "\n".join(f"- {p}" for p in found["problems"]) + "\n"
    kills = found["plain"]["kills"] + found["tui"]["kills"]
    corrupt = found["plain"]["corrupt"] + found["tui"]["corrupt"]
    lost = found["plain"]["lost"] + found["tui"]["lost"]
    goals = [
        ("sessions SIGKILLed during saves", f"{kills}", kills >= args.kills),
        ("corrupt drafts / lost acknowledged answers", f"{corrupt} / {lost}", corrupt == lost == 0),
    ]
    return text, found, goals


def _files(folder: Path, args: argparse.Namespace) -> tuple[str, Any, list[tuple[str, str, bool]]]:
    from _faults_files import run_files

    return run_files(folder, table)


def _inputs(folder: Path, args: argparse.Namespace) -> tuple[str, Any, list[tuple[str, str, bool]]]:
    from _faults_inputs import run_inputs

    return run_inputs(folder, table)


def _outputs(
    folder: Path, args: argparse.Namespace
) -> tuple[str, Any, list[tuple[str, str, bool]]]:
    from _faults_inputs import run_outputs

    return run_outputs(folder, table)


def _imports(
    folder: Path, args: argparse.Namespace
) -> tuple[str, Any, list[tuple[str, str, bool]]]:
    from _faults_imports import run_imports

    return run_imports(folder, table)


_SECTION_RUNNERS = {
    "kills": _kills,
    "files": _files,
    "inputs": _inputs,
    "outputs": _outputs,
    "imports": _imports,
}

if __name__ == "__main__":
    sys.exit(main())
