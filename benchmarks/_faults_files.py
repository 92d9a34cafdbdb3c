"""Bad draft files, and disk or permission faults during a session (benchmarks/faults.py).

Each bad file is given to ``nianbao check`` and to ``nianbao --plain`` (answering ``/quit``):
neither may hang, crash or change a byte (sha256 before and after), and both must say what is
wrong in Chinese. Each fault case runs a real session into the fault and checks that the draft
and its backup are byte-identical afterwards, no temporary file is left and the message is clear.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _faults_proc import Finished, first_line, is_clear_chinese, nobody, run

from assistant.core.draft import Draft, Meta
from assistant.store import load_draft, save_draft

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"
NAME = "年报.nianbao.yaml"
Goals = list[tuple[str, str, bool]]


def sha(path: Path) -> str:
    """The sha256 of the file at ``path`` (short), or what stands there instead."""
    if os.path.islink(path) and not os.path.exists(path):
        return "link:" + os.readlink(path)
    if not path.exists():
        return "-"
    if not path.is_file():
        return "not a file"
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:12]


def _saved(folder: Path, twice: bool = True) -> Path:
    path = folder / NAME
    draft = load_draft(SEED)
    save_draft(draft, path)
    if twice:
        save_draft(draft, path)
    return path


def _unfinished(folder: Path) -> Path:
    """A draft saved twice whose next question is the agency's kind (answered "1")."""
    path = folder / NAME
    draft = Draft(meta=Meta(agency="某市某局"))
    save_draft(draft, path)
    save_draft(draft, path)
    return path


def _text(folder: Path, text: str | bytes) -> Path:
    path = folder / NAME
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def _cut(folder: Path, *, lines: bool) -> Path:
    path = _saved(folder)
    raw = path.read_bytes()
    if lines:
        parts = raw.split(b"\n")
        path.write_bytes(b"\n".join(parts[: len(parts) // 2]) + b"\n")
    else:
        path.write_bytes(raw[: len(raw) // 2 + 1])  # likely inside a Chinese character
    return path


def _good_text() -> str:
    from assistant.store import dump_draft

    return dump_draft(load_draft(SEED))


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / NAME)
    return folder / NAME


def _link(folder: Path, target: str) -> Path:
    (folder / NAME).symlink_to(target)
    return folder / NAME


def _huge(folder: Path) -> Path:
    path = folder / NAME
    with open(path, "wb") as file:
        file.write(b"schema_version: 1\n")
        file.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    return path


BAD_FILES: list[tuple[str, Callable[[Path], Path], bool]] = [
    # (case, how to make it, run as an unprivileged user)
    ("cut at a line boundary (backup present)", lambda f: _cut(f, lines=True), False),
    ("cut inside a character", lambda f: _cut(f, lines=False), False),
    ("empty", lambda f: _text(f, ""), False),
    ("unclosed quote", lambda f: _text(f, 'schema_version: 1\nmeta:\n  agency: "某局\n'), False),
    ("tab indentation", lambda f: _text(f, "schema_version: 1\nmeta:\n\tagency: 某局\n"), False),
    ("wrong type", lambda f: _text(f, "schema_version: 1\nmeta:\n  year: 二〇二四\n"), False),
    ("unknown key", lambda f: _text(f, "schema_version: 1\nmeta:\n  agnecy: 某局\n"), False),
    ("newer schema_version", lambda f: _text(f, "schema_version: 99\n"), False),
    ("anchors and aliases", lambda f: _text(f, "schema_version: 1\na: &x 1\nb: *x\n"), False),
    ("control character", lambda f: _text(f, "schema_version: 1\nproblems: a\x07b\n"), False),
    ("NUL byte", lambda f: _text(f, b"schema_version: 1\nproblems: a\x00b\n"), False),
    ("binary (PNG)", lambda f: _text(f, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), False),
    ("UTF-16 (Notepad Unicode)", lambda f: _text(f, _good_text().encode("utf-16")), False),
    ("UTF-16 without BOM", lambda f: _text(f, _good_text().encode("utf-16-le")), False),
    ("UTF-32", lambda f: _text(f, _good_text().encode("utf-32")), False),
    ("GBK", lambda f: _text(f, _good_text().encode("gbk", "replace")), False),
    ("40 MB", _huge, False),
    ("a folder named like a draft", lambda f: (f / NAME).mkdir() or f / NAME, False),
    ("named pipe (FIFO)", _fifo, False),
    ("symbolic link loop", lambda f: _link(f, NAME), False),
    ("link to a device (/dev/zero)", lambda f: _link(f, "/dev/zero"), False),
    ("unreadable (mode 000)", lambda f: _text(f, _good_text()), True),
]


def _as_user(folder: Path, path: Path, uid: int | None, mode: int | None) -> None:
    if uid is None:
        return
    for item in (folder, *folder.iterdir()):
        if not item.is_symlink():
            os.chown(item, uid, uid)
    if mode is not None:
        path.chmod(mode)


def bad_files(root: Path) -> tuple[list[list[Any]], Goals]:
    """The bad-file table: each file under ``check`` and ``--plain``."""
    rows: list[list[Any]] = []
    identical = clear = crashes = hangs = 0
    user = nobody()
    for number, (case, make, unprivileged) in enumerate(BAD_FILES):
        folder = root / f"bad-{number}"
        folder.mkdir(parents=True)
        path = make(folder)
        uid = user if unprivileged else None
        if unprivileged and user is None and os.geteuid() == 0:
            continue
        _as_user(folder, path, uid, 0 if unprivileged else None)
        before = {p.name: sha(p) for p in sorted(folder.iterdir())}
        check = run(["check", NAME], cwd=folder, timeout=30, uid=uid)
        plain = run(["--plain", NAME], "/quit\n", cwd=folder, timeout=30, uid=uid)
        after = {p.name: sha(p) for p in sorted(folder.iterdir())}
        same = {k: v for k, v in after.items() if not k.startswith(".") or k in before}
        same_bytes = same == before
        message = first_line(check.err or check.out)
        plain_message = first_line(plain.err) or first_line(plain.out)
        good = all(is_clear_chinese(r.err or r.out) for r in (check, plain))
        identical += same_bytes
        clear += good
        crashes += check.crashed + plain.crashed
        hangs += check.timed_out + plain.timed_out
        if message != plain_message:
            message = f"{message} / --plain: {plain_message}"
        rows.append([case, before.get(NAME, "-"), after.get(NAME, "-"), check.code, plain.code])
        rows[-1].append(message)
    total = len(rows)
    goals = [
        (
            "bad files byte-identical after check and --plain",
            f"{identical}/{total}",
            identical == total,
        ),
        ("bad files with a clear Chinese message", f"{clear}/{total}", clear == total),
        ("bad files: crashes / hangs", f"{crashes} / {hangs}", crashes == hangs == 0),
    ]
    return rows, goals


# ---------------------------------------------------------------- faults during a session


@contextlib.contextmanager
def small_disk(folder: Path) -> Iterator[bool]:
    """``folder`` on a 256 KiB tmpfs (True), or as it is when mounting is not allowed (False)."""
    folder.mkdir(parents=True)
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
        if os.geteuid() == 0
        else False
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "占满磁盘", os.O_WRONLY | os.O_CREAT, 0o644)
    with contextlib.suppress(OSError):
        while os.write(fd, b"\0" * 4096):
            pass
    os.close(fd)


Case = tuple[str, Finished, dict[str, str], dict[str, str], bool]
"""(case, the session, hashes before, hashes after with any temp file, whether it applied)."""


def _hashes(folder: Path, names: list[str] | None = None) -> dict[str, str]:
    if not folder.exists():
        return dict.fromkeys(names or [], "folder gone")
    found = sorted(p.name for p in folder.iterdir())
    return {
        name: sha(folder / name)
        for name in (names if names is not None else found)
        if not name.startswith(".") or names is not None
    } | {name: "temp file" for name in found if name.endswith(".tmp")}


def _session_faults(root: Path) -> list[Case]:
    """Run each fault case into a --plain session that answers once and quits."""
    out: list[Case] = []
    answer = "1\n/quit\n"  # the agency's kind: an answer that is saved at once
    user = nobody()
    with small_disk(root / "disk-full") as mounted:
        folder = root / "disk-full"
        if mounted:
            _unfinished(folder)
            _fill(folder)
            before = _hashes(folder)
            session = run(["--plain", NAME], answer, cwd=folder)
            out.append(("disk full (256 KiB tmpfs)", session, before, _hashes(folder), True))
        else:
            out.append(("disk full (256 KiB tmpfs)", _none(), {}, {}, False))
    for case, mode, folder_mode in (
        ("read-only draft (0444)", 0o444, None),
        ("read-only folder (0555)", None, 0o555),
        ("unreadable draft (000)", 0o000, None),
    ):
        folder = root / case.split(" (")[0].replace(" ", "-")
        folder.mkdir(parents=True)
        path = _unfinished(folder)
        if user is not None:
            _as_user(folder, path, user, mode)
        elif mode is not None:
            path.chmod(mode)
        if folder_mode is not None:
            folder.chmod(folder_mode)
        before = _hashes(folder)
        session = run(["--plain", NAME], answer, cwd=folder, uid=user)
        applies = user is not None or os.geteuid() != 0
        out.append((case, session, before, _hashes(folder), applies))
        folder.chmod(0o755)
    return out


def _none() -> Finished:
    return Finished(None, None, "", "", 0.0, 0)


def _said(session: Finished) -> str:
    """The line of the session's output that reports the fault.

    A warning starts with "！" or "错误：" once the prompt before it ("> ", "另存为…> ") is
    taken off; "欢迎回来！" and the like only contain the mark.
    """
    lines = [line.rpartition("> ")[2].strip() for line in session.text.splitlines()]
    for marks in (("错误：",), ("！",)):
        for line in lines:
            if line.startswith(marks):
                return line
    return first_line(session.text)


def session_faults(root: Path) -> tuple[list[list[Any]], Goals]:
    """The fault table: the draft and its backup byte-identical, a clear message, no temp."""
    rows: list[list[Any]] = []
    intact = clear = applied = failed_saves = reported = 0
    for case, session, before, after, applies in [
        *_session_faults(root),
        _folder_deleted(root),
        _two_front_ends(root),
    ]:
        if not applies:
            rows.append([case, "skipped (needs root for tmpfs, or a non-root user)", "", ""])
            continue
        applied += 1
        same = after == before
        message = _said(session)
        good = is_clear_chinese(message) and not session.crashed
        intact += same
        clear += good
        if "未能保存" in session.text:  # the session's answer could not be saved
            failed_saves += 1
            reported += session.code not in (0, None)
        verdict = "yes" if same else f"NO: {before} → {after}"
        rows.append([case, verdict, session.code, first_line(message, width=110)])
    goals = [
        ("disk and permission faults: files intact", f"{intact}/{applied}", intact == applied),
        ("disk and permission faults: clear message", f"{clear}/{applied}", clear == applied),
        # Issue 17 item 1: a session whose answers were not saved must not exit as a success.
        (
            "sessions ending with unsaved answers that exit non-zero",
            f"{reported}/{failed_saves}",
            reported == failed_saves,
        ),
    ]
    return rows, goals


def _folder_deleted(root: Path) -> tuple[str, Path, Finished, dict[str, str], bool]:
    """The folder removed between two answers of a running session."""
    from _faults_kill import PlainSession
    from _faults_proc import drain, reap

    folder = root / "deleted" / "草稿"
    folder.mkdir(parents=True)
    session = PlainSession(root / "deleted", folder / NAME)
    session.prompt()
    session.answer("某市某局")  # saved
    shutil.rmtree(folder)
    said, _ = session.answer("1")  # cannot be saved: the folder is gone
    session.send("/quit")
    # The session now offers to save elsewhere and reads a path: end the input, as a closed
    # terminal would, so it must give up and say the answers are not saved.
    os.close(session.stdin)
    rest = drain(session.stdout, 5.0).decode("utf-8", "replace")
    errors = drain(session.stderr, 0.5).decode("utf-8", "replace")
    code, _, rss = reap(session.pid)
    for fd in (session.stdout, session.stderr, session.saves):
        os.close(fd)
    finished = Finished(code, None, said + rest, errors, 0.0, rss)
    return ("folder deleted under a running session", finished, {}, {}, True)


def _two_front_ends(root: Path) -> tuple[str, Path, Finished, dict[str, str], bool]:
    """The TUI holds the draft; ``--plain`` on the same draft meanwhile."""
    from _faults_proc import fork_session, read_some, reap

    folder = root / "both"
    folder.mkdir(parents=True)
    path = _unfinished(folder)  # the TUI asks on, holding the lock
    before = _hashes(folder)
    from _faults_kill import tui_body

    report_r, report_w = os.pipe()
    saves_r, saves_w = os.pipe()
    pid, *fds = fork_session(tui_body(path, 1, report_w, saves_w), cwd=folder)
    os.close(report_w)
    os.close(saves_w)
    read_some(report_r, 60.0)  # "b1": the TUI shows its first question and holds the lock
    session = run(["--plain", NAME], "/quit\n", cwd=folder)
    after = _hashes(folder)
    reap(pid, kill=True)
    for fd in (report_r, saves_r, *fds):
        os.close(fd)
    return ("the TUI and --plain on one draft at once", session, before, after, True)


def run_files(root: Path, table: Callable[..., str]) -> tuple[str, Any, Goals]:
    """Both tables, as Markdown, with their figures."""
    root.mkdir(parents=True)
    bad_rows, bad_goals = bad_files(root / "bad")
    fault_rows, fault_goals = session_faults(root / "faults")
    text = table(
        "Bad draft files (check, then --plain answering /quit)",
        ["file", "sha256 before", "sha256 after", "check exit", "--plain exit", "message"],
        bad_rows,
    )
    text += "\n" + table(
        "Disk and permission faults during a --plain session",
        ["case", "draft and backup byte-identical, no temp file", "exit", "message"],
        fault_rows,
    )
    return text, {"bad_files": bad_rows, "faults": fault_rows}, bad_goals + fault_goals
