"""The conversation without a screen; every front end (the TUI, ``--plain``) is a view over it.

- :mod:`.session`: the open draft, its lock and the saver (the one owner of the draft);
- :mod:`.cursor`: the question asked now, and back / goto / skip / after-an-answer as pure moves;
- :mod:`.commands`: the one command table (names, aliases, keys, footer labels, help);
- :mod:`.drafting`: what a question comes with (prefill, composed paragraph, last year's text);
- :mod:`.messages`: what the interview says, in Chinese, naming keys or slash commands;
- :mod:`.driver`: ``Interview``, which a front end calls with what the author typed and whose
  ``Reply`` it shows.

No textual, no rich here (test-enforced): the TUI lives in ``assistant.ui``.
"""

from __future__ import annotations

from assistant.interview.driver import Interview, Reply, Said
from assistant.interview.session import Session

__all__ = ["Interview", "Reply", "Said", "Session"]
