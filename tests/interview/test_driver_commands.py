"""The command table (``tests/command_table.py``) run against the driver and ``--plain``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from command_table import IDS, TABLE, Row

from assistant.commands.plain import Console, PlainSession
from assistant.core.draft import Draft
from assistant.interview import Interview, Reply, Session, drafting
from assistant.promptfiles import load_questions

QUESTIONS = load_questions()


# ---------------------------------------------------------------- the driver


def said(reply: Reply) -> list[str]:
    lines = [s.text for s in reply.said]
    if reply.refused:
        lines.append(reply.refused)
    if reply.why is not None:
        lines.append(f"为什么问：{reply.why.why}")
    return lines


def drive(path: Path, typed: tuple[str, ...]) -> tuple[str | None, str]:
    interview = Interview(Session(path, Draft(), is_new=True), QUESTIONS, keys=False)
    out = said(interview.start())
    for line in typed:
        prefill = ""
        if interview.current is not None:
            prefill = drafting.aid(interview.draft, interview.current, QUESTIONS).prefill
        out += said(interview.submit(line or prefill, prefill))
    current = interview.current
    return (current.id if current else None), "\n".join(out)


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_the_driver(row: Row, tmp_path: Path) -> None:
    lands_on, out = drive(tmp_path / "d.nianbao.yaml", row.typed)
    assert lands_on == row.lands_on
    assert row.says in out


# ---------------------------------------------------------------- --plain


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_plain(row: Row, tmp_path: Path) -> None:
    out = io.StringIO()
    console = Console(io.StringIO("".join(line + "\n" for line in row.typed)), out)
    plain = PlainSession(tmp_path / "d.nianbao.yaml", Draft(), QUESTIONS, console)
    assert plain.run() == 0
    current = plain.interview.current
    assert (current.id if current else None) == row.lands_on
    assert row.says in out.getvalue()
