"""One open draft: its path, its lock and the saver that keeps every accepted answer on disk.

The session is the one owner of the draft: the driver and every front end read
``session.draft`` and change it only through ``session.commit``.

Nothing here imports textual: the session outlives the app, so the CLI can flush a pending save
after the app has stopped (quit, Ctrl+C, a closed terminal) and release the lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from assistant import store
from assistant.core.draft import Draft
from assistant.errors import NianbaoError, SaveError
from assistant.locations import DRAFT_SUFFIX as DRAFT_SUFFIX  # the screens import it from here
from assistant.locations import draft_stem as draft_stem
from assistant.locations import rescue_dir


def display_path(path: Path) -> str:
    """``path`` for people: under the home folder written as ``~/…``."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def free_name(path: Path) -> Path:
    """``report.md`` → the first of ``report-2.md``, ``report-3.md``… that does not exist."""
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


@dataclass(frozen=True)
class SaveOutcome:
    """What one save attempt did: ``saved_at`` on success, ``error`` on failure, neither if idle."""

    saved_at: dt.datetime | None = None
    error: NianbaoError | None = None


class DraftSaver:
    """Holds the newest accepted draft until it is on disk.

    ``clock`` gives the time shown as "已保存 18:42" (replaceable in tests).

    ``submit`` is called on the UI thread and returns at once; ``save_pending`` does the write and
    may run on any thread (a worker, or the main thread at exit). Writes are serialised, and a
    failed write keeps the draft pending, so a later call (a retry, the next answer, the exit flush)
    writes it.
    """

    clock = staticmethod(dt.datetime.now)

    def __init__(self, path: Path) -> None:
        self.path = path
        self._state = threading.Lock()
        self._io = threading.Lock()
        self._pending: Draft | None = None
        self.last_error: NianbaoError | None = None
        """The error of the latest failed write, cleared by a successful one."""
        self.saved_at: dt.datetime | None = None

    @property
    def dirty(self) -> bool:
        """True while an accepted draft is not yet on disk."""
        with self._state:
            return self._pending is not None

    def pending(self) -> Draft | None:
        """The accepted draft not yet on disk, if any."""
        with self._state:
            return self._pending

    def submit(self, draft: Draft) -> None:
        """Remember ``draft`` as the one to write next (replacing an older pending one)."""
        with self._state:
            self._pending = draft

    def retarget(self, path: Path) -> None:
        """Write to ``path`` from now on (after a 另存为)."""
        with self._io:
            self.path = path

    def save_pending(self) -> SaveOutcome:
        """Write the pending draft, if any; never raises a NianbaoError."""
        with self._io:
            with self._state:
                draft = self._pending
            if draft is None:
                return SaveOutcome()
            try:
                # Looked up at call time so tests can replace it.
                store.save_draft(draft, self.path)
            except NianbaoError as error:
                self.last_error = error
                return SaveOutcome(error=error)
            except OSError as error:  # the store should wrap these; never let one escape
                wrapped = SaveError(f"无法保存草稿 {self.path}：{error.strerror or error}")
                self.last_error = wrapped
                return SaveOutcome(error=wrapped)
            with self._state:
                if self._pending is draft:
                    self._pending = None
            self.last_error = None
            self.saved_at = self.clock()
            return SaveOutcome(saved_at=self.saved_at)


def rescue_path(path: Path) -> Path:
    """Where a draft goes when its own folder cannot be written at exit (state dir)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return rescue_dir() / f"{draft_stem(path)}-{stamp}{DRAFT_SUFFIX}"


@dataclass
class Session:
    """An open draft: where it lives, whether we hold its lock, and its saver."""

    path: Path
    draft: Draft
    read_only: bool = False
    lock: store.DraftLock | None = None
    saver: DraftSaver = field(init=False)
    is_new: bool = False
    """True when the file did not exist before this session."""
    written: set[Path] = field(default_factory=set)
    """Report files this session wrote (rewritten without asking)."""
    unsaved: bool = False
    """True once closing could not write the draft where it belongs (see ``close``)."""
    _closed: bool = field(default=False, init=False, repr=False)
    _close_note: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.saver = DraftSaver(self.path)

    def commit(self, draft: Draft) -> None:
        """Make ``draft`` the session's draft and, unless read-only, the one to write next.

        The write itself is the front end's to schedule (a worker in the TUI, at once in
        --plain): ``saver.save_pending()``.
        """
        self.draft = draft
        if not self.read_only:
            self.saver.submit(draft)

    def move_to(self, path: Path) -> None:
        """Keep the draft at ``path`` from now on (另存为): lock it, write there next.

        Raises NianbaoError when ``path`` cannot be locked (then nothing changed). A read-only
        session becomes writable: the copy is the author's own.
        """
        lock = store.DraftLock(path)
        lock.acquire()
        old = self.lock
        self.lock = lock
        self.path = path
        self.read_only = False
        self.saver.retarget(path)
        self.saver.submit(self.draft)
        if old is not None:
            with contextlib.suppress(NianbaoError, OSError):
                old.release()
        with contextlib.suppress(NianbaoError, OSError):  # the recent list is a convenience
            store.remember_draft(path)

    def close(self) -> str | None:
        """Flush the pending save and release the lock; returns a Chinese note for the terminal.

        The note is only ever bad news: the draft could not be written where it belongs
        (``unsaved`` is then True, and the front end must exit non-zero). It is then written to
        the rescue folder, so nothing accepted is lost, and the note says plainly that the
        answers are not saved in the draft and where the copy is.
        """
        if self._closed:
            return self._close_note  # closing twice must not write a second rescue copy
        self._closed = True
        note: str | None = None
        if not self.read_only and self.saver.dirty:
            outcome = self.saver.save_pending()
            if outcome.error is not None:
                self.unsaved = True
                note = self._rescue(outcome.error)
        if self.lock is not None:
            with contextlib.suppress(NianbaoError, OSError):
                self.lock.release()
            self.lock = None
        self._close_note = note
        return note

    def _rescue(self, error: NianbaoError) -> str:
        lead = f"回答没有保存到草稿中。{error}"
        draft = self.saver.pending()
        if draft is None:
            return lead
        target = rescue_path(self.path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            store.save_draft(draft, target)
        except (NianbaoError, OSError) as second:
            return f"{lead}\n备用位置也无法写入（{second}），这次的回答已经丢失。"
        return (
            f"{lead}\n为免丢失，回答已另存到 {target}。"
            "请把这个文件复制到可以写入的文件夹，再用它继续。"
        )
