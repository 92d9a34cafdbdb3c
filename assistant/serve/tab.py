"""One browser tab's process: the terminal assistant, started by textual-serve in the served folder.

textual-serve starts every tab with a shell command line and no working directory of its own, so
the folder travels as the first argument and the process moves into it: the launcher then lists
that folder's drafts, exactly as ``nianbao`` does in a terminal opened there.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import sys
from pathlib import Path


def command_line(folder: Path, draft: Path | None, *, windows: bool | None = None) -> str:
    """The shell command line that starts one tab's process."""
    argv = [sys.executable, "-m", "assistant.serve.tab", str(folder)]
    if draft is not None:
        argv.append(str(draft))
    if windows if windows is not None else os.name == "nt":
        return windows_command_line(argv)
    return shlex.join(argv)


def windows_command_line(argv: list[str]) -> str:
    """For cmd.exe, which knows double quotes only: every argument quoted, so that a space, ``&``
    or ``^`` in a folder's name stays part of it (Windows names cannot hold ``"``); a trailing
    backslash (``C:\\``) is doubled, or it would escape the closing quote."""
    quoted = []
    for arg in argv:
        stripped = arg.rstrip("\\")
        trailing = arg[len(stripped) :]
        quoted.append(f'"{stripped}{trailing * 2}"')
    return " ".join(quoted)


def served_state(folder: Path) -> Path:
    """The state folder of the tabs serving ``folder``: one per served folder.

    The launcher lists the drafts opened recently; a page served to colleagues must not list
    (and open) the drafts this machine's user opened elsewhere, so the tabs keep a list of
    their own, beside the user's.
    """
    from assistant.store.recent import state_dir

    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return state_dir() / "serve" / digest


def main(argv: list[str]) -> int:
    folder, *rest = argv
    os.environ["XDG_STATE_HOME"] = str(served_state(Path(folder)))
    os.chdir(folder)
    from assistant.cli import main as nianbao

    return nianbao(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
