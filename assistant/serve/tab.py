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
import time
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


RELOAD_WAIT = 3.0
"""Seconds a tab's process waits for the draft's lock before the interview asks for it."""


def wait_for_previous_tab(draft: Path, seconds: float = RELOAD_WAIT) -> None:
    """Return once nobody holds the draft, or after ``seconds``.

    Reloading the page starts the new tab's process while the old one is still saving and
    quitting: without the wait, a reload could meet its own previous session's lock. A second
    tab still meets the lock (with the same message as a second terminal), a moment later.
    """
    from assistant.errors import NianbaoError
    from assistant.store.lock import DraftInUseError, DraftLock

    deadline = time.monotonic() + seconds
    while True:
        lock = DraftLock(draft)
        try:
            lock.acquire()
        except DraftInUseError:
            if time.monotonic() >= deadline:
                return
            time.sleep(0.1)
            continue
        except NianbaoError:
            return  # no lock can be taken there at all: the interview says so
        lock.release()
        return


def main(argv: list[str]) -> int:
    folder, *rest = argv
    os.environ["XDG_STATE_HOME"] = str(served_state(Path(folder)))
    os.chdir(folder)
    if rest and Path(rest[0]).is_file():
        wait_for_previous_tab(Path(rest[0]))
    from assistant.cli import main as nianbao

    return nianbao(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
