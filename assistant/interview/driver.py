"""The interview without a screen: what every front end asks the driver, and what it answers.

A front end passes on what the author typed (``submit``) or the command a key runs
(``command``) and shows the ``Reply``: lines to say, the question to ask now, an answer refused
with its reason, the end of the questions, or a part of a command that only the front end can
do (a preview pane, a file dialog). The driver decides everything else: what a line means (an
answer, a command, ``?``), whether an answer is accepted, where the cursor goes, what is said.

The draft belongs to the session (``session.draft``, changed by ``session.commit``); a reply
with ``committed`` tells the front end to write it (``session.saver.save_pending()``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.findings import Finding
from assistant.core.questions import SECTION_KEYS, Question
from assistant.errors import NianbaoError
from assistant.interview import cursor as moves
from assistant.interview import messages, redrafting
from assistant.interview import scope as scopes
from assistant.interview.commands import (
    COMMAND_BY_ACTION,
    help_lines,
    is_help_request,
    looks_like_command,
    parse_command,
    resolve_section,
    strip_prefill,
)
from assistant.interview.cursor import Cursor, Move
from assistant.interview.session import Session, display_path
from assistant.rollup.scope import with_scope

FRONT_END_ACTIONS = frozenset({"check", "preview", "prior", "render", "save_as", "quit", "editor"})
"""Commands whose work is the front end's own (a pane, a dialog, running the checks, leaving)."""
HELP_TITLE = "可用的命令（在输入框中输入，或按对应的键；Ctrl+P 打开命令面板）："
PLAIN_HELP_TITLE = "可以随时输入这些命令（? 也可以代替 /why）："
ENTER_NOTE = "直接回车：保留当前回答，或采用括号中的建议值。"


@dataclass(frozen=True)
class Said:
    """One thing the assistant says in the conversation."""

    kind: Literal["note", "error", "author"]
    """``author`` echoes an accepted answer; ``error`` is a problem, ``note`` anything else."""
    text: str


@dataclass
class Reply:
    """What a front end shows after one step, in this order: ``said``, then the rest."""

    said: list[Said] = field(default_factory=list)
    asked: Question | None = None
    """The question to show as asked now (again, after a move)."""
    revisit: bool = False
    """With ``asked``: the question is answered, the author came back to it."""
    refused: str | None = None
    """The typed text was not accepted, for this reason; the input keeps the text."""
    why: Question | None = None
    """Show why this question is asked, with its example."""
    similarity: str | None = None
    """The accepted narrative is mostly last year's words (E17): a reminder, not a refusal."""
    answered: Question | None = None
    """The question whose answer was just accepted (new findings about it are said)."""
    committed: bool = False
    """The draft changed: write it."""
    finished: bool = False
    """The questions ran out: the review comes next."""
    front: str | None = None
    """A command for the front end to carry out itself (see ``FRONT_END_ACTIONS``; ``goto``
    without a section: let the author pick one)."""


class Interview:
    """One interview over one session: the driver every front end calls.

    ``keys`` is True for a front end with keys (the TUI): messages then name a command's key
    ("按 Ctrl+N") rather than its slash command.
    """

    def __init__(self, session: Session, questions: list[Question], *, keys: bool) -> None:
        self.session = session
        self.questions = questions
        self.keys = keys
        self.cursor = Cursor()

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def current(self) -> Question | None:
        return self.cursor.current

    @property
    def revisiting(self) -> bool:
        return self.cursor.revisiting

    # ------------------------------------------------------------ starting, asking

    def greeting(self) -> str:
        session = self.session
        return messages.greeting(
            display_path(session.path),
            self.draft,
            self.questions,
            is_new=session.is_new,
            read_only=session.read_only,
            keys=self.keys,
        )

    def start(self) -> Reply:
        """The first question (where the author left off), after the greeting."""
        reply = Reply([Said("note", self.greeting())])
        if self.draft.rollup is not None:
            reply.said.append(Said("note", scopes.greeting(self.draft)))
        return self._moved(moves.go_on(self.draft, self.questions, self.cursor, None), reply)

    def revisit(self, question: Question) -> Reply:
        """Ask ``question`` again (a jump from a finding): answering it walks on through the
        answered questions that follow, as after /back."""
        return self._moved(moves.ask(self.cursor, question, revisit=True), Reply())

    def question_for_finding(self, finding: Finding) -> Question | None:
        """The question where ``finding`` is fixed: its field's, else its section's start."""
        location = finding.location
        if location.field is not None:
            question = flow.question_for_field(self.questions, location.field)
            if question is not None and flow.is_visible(self.draft, question):
                return question
        if location.section in SECTION_KEYS:
            return flow.section_start(self.draft, self.questions, location.section)
        return None

    def acknowledge(self, key: str, acknowledged: bool = True) -> Reply:
        """Record (or withdraw) the author's acknowledgement of the warning ``key``."""
        keys = [k for k in self.draft.acknowledged if k != key]
        if acknowledged:
            keys.append(key)
        self.session.commit(self.draft.model_copy(update={"acknowledged": keys}))
        return Reply(committed=not self.session.read_only)

    def confirm_carried(self, paths: Collection[str]) -> Reply:
        """全部确认: the values carried over from last year at ``paths`` are this year's answers
        as they stand (no longer unconfirmed)."""
        if self.session.read_only:
            return Reply(refused=messages.read_only_refused(keys=self.keys))
        left = [p for p in self.draft.interview.unconfirmed if p not in set(paths)]
        interview = self.draft.interview.model_copy(update={"unconfirmed": left})
        self.session.commit(self.draft.model_copy(update={"interview": interview}))
        return Reply(committed=True)

    # ------------------------------------------------------------ what the author typed

    def submit(self, typed: str, prefill: str = "") -> Reply:
        """A line (or lines) the author submitted: ``?``, a command, or an answer.

        ``prefill`` is what the input held before the author typed (a command typed beside
        it still counts as the command).
        """
        if is_help_request(typed):
            return self.command("why")
        text = strip_prefill(typed, prefill)
        command = parse_command(text)
        if command is not None:
            return self.command(command.spec.action, command.argument)
        if looks_like_command(text):
            return Reply(refused=messages.unknown_command(text.strip()))
        return self.answer(typed)

    def answer(self, typed: str) -> Reply:
        """Apply ``typed`` to the current question and move on; a refusal says why."""
        question = self.current
        if question is None:
            return Reply(refused=messages.nothing_to_answer(keys=self.keys))
        if self.session.read_only:
            return Reply(refused=messages.read_only_refused(keys=self.keys))
        try:
            new = flow.apply_answer(self.draft, question, typed, self.questions)
        except NianbaoError as error:
            return Reply(refused=str(error))
        shown = flow.current_answer(new, question)
        reply = Reply(
            [Said("author", messages.echo(new, question))],
            similarity=flow.similarity_warning(new, question, shown) if shown else None,
            answered=question,
            committed=True,
        )
        new, said = self._follow_numbers(
            self.draft, redrafting.record(new, question, self.questions)
        )
        reply.said += said
        self.session.commit(new)
        return self._moved(moves.go_on(self.draft, self.questions, self.cursor, question), reply)

    def _follow_numbers(self, before: Draft, draft: Draft) -> tuple[Draft, list[Said]]:
        """Composed paragraphs after an answer: redrafted when kept as composed, flagged (once)
        when edited; returns the draft and what to say about them."""
        draft, redrafted = redrafting.redraft(draft, self.questions)
        said = [Said("note", messages.redrafted(q)) for q in redrafted]
        known = {s.question.id for s in redrafting.stale(before, self.questions)}
        for item in redrafting.stale(draft, self.questions):
            if item.question.id not in known:
                note = redrafting.stale_note(item, messages.part_title(item.question))
                said.append(Said("note", f"{note}{messages.redraft_hint(keys=self.keys)}"))
        return draft, said

    def _redraft(self, _: str) -> Reply:
        question = self.current
        stale = {s.question.id for s in redrafting.stale(self.draft, self.questions)}
        if question is None or question.id not in stale:
            return Reply([Said("note", messages.NOTHING_TO_REDRAFT)])
        if self.session.read_only:
            return Reply(refused=messages.read_only_refused(keys=self.keys))
        self.session.commit(redrafting.rewrite(self.draft, question, self.questions))
        reply = Reply([Said("note", messages.redrafted(question))], committed=True)
        return self._moved(moves.ask(self.cursor, question, revisit=True), reply)

    # ------------------------------------------------------------ commands

    def command(self, action: str, argument: str = "") -> Reply:
        """Run the command ``action`` (as named in the command table), with its argument."""
        if action not in COMMAND_BY_ACTION:
            raise ValueError(action)
        if action in FRONT_END_ACTIONS:
            return Reply(front=action)
        handler = getattr(self, f"_{action}")
        reply: Reply = handler(argument)
        return reply

    def _why(self, _: str) -> Reply:
        if self.current is None:
            return Reply([Said("note", messages.nothing_to_answer(keys=self.keys))])
        return Reply(why=self.current)

    def _help(self, _: str) -> Reply:
        if self.keys:
            return Reply([Said("note", "\n".join([HELP_TITLE, *help_lines(keys=True)]))])
        lines = [PLAIN_HELP_TITLE, *(f"  {line}" for line in help_lines(keys=False)), ENTER_NOTE]
        return Reply([Said("note", "\n".join(lines))])

    def _back(self, _: str) -> Reply:
        return self._moved(moves.back(self.draft, self.questions, self.cursor), Reply())

    def _resume(self, _: str) -> Reply:
        return self._moved(moves.resume(self.draft, self.questions, self.cursor), Reply())

    def _goto(self, argument: str) -> Reply:
        if not argument.strip():
            return Reply([Said("note", messages.goto_hint(keys=self.keys))], front="goto")
        section = resolve_section(argument)
        if section is None:
            return Reply(refused=messages.unknown_section(argument.strip()))
        return self.goto_section(section)

    def goto_section(self, section: str) -> Reply:
        """The section's first open required question (a section picked in a list)."""
        return self._moved(moves.goto(self.draft, self.questions, self.cursor, section), Reply())

    def _skip(self, _: str) -> Reply:
        question = self.current
        if question is None:
            return Reply([Said("note", messages.nothing_to_answer(keys=self.keys))])
        reply = Reply()
        if flow.is_answered(self.draft, question):
            reply.said.append(Said("note", messages.KEPT))
        elif not self.session.read_only:
            reply.said.append(Said("note", messages.SKIPPED))
            self.session.commit(flow.skip(self.draft, question))
            reply.committed = True
        return self._moved(moves.go_on(self.draft, self.questions, self.cursor, question), reply)

    def _scope(self, argument: str) -> Reply:
        """A roll-up draft's scope: said without an argument, switched with one."""
        draft = self.draft
        if draft.rollup is None:
            return Reply([Said("note", scopes.NOT_A_ROLLUP)])
        if not argument.strip():
            return Reply([Said("note", scopes.current(draft))])
        scope = scopes.parse_scope(argument)
        if scope is None:
            return Reply(refused=scopes.unknown(argument))
        if scope is draft.rollup.scope:
            return Reply([Said("note", scopes.unchanged(draft))])
        if self.session.read_only:
            return Reply(refused=messages.read_only_refused(keys=self.keys))
        switched = with_scope(draft, scope)
        self.session.commit(switched)
        reply = Reply([Said("note", scopes.switched(switched))], committed=True)
        current = self.current
        if current is not None and flow.is_visible(self.draft, current):
            # Asked again, so what is proposed (a cell's sum, the composed 总体情况) is the new
            # scope's.
            return self._moved(moves.ask(self.cursor, current, revisit=self.revisiting), reply)
        return self._moved(moves.resume(self.draft, self.questions, self.cursor), reply)

    # ------------------------------------------------------------ moves

    def _moved(self, move: Move, reply: Reply) -> Reply:
        """Take ``move`` and say what it means, after what ``reply`` already says."""
        self.cursor = move.cursor
        say = reply.said.append
        if move.at_start:
            say(Said("note", messages.AT_START))
        if move.already_there:
            say(Said("note", messages.ALREADY_THERE))
        if move.empty_section is not None:
            say(Said("note", messages.section_empty(move.empty_section)))
        if move.announce_deferred:
            say(Said("note", messages.deferred_list(move.announce_deferred, keys=self.keys)))
        if move.asked:
            reply.asked = move.cursor.current
            reply.revisit = move.cursor.revisiting
        if move.finished:
            left = move.deferred_left
            say(
                Said(
                    "note",
                    messages.deferred_left(left, keys=self.keys)
                    if left
                    else messages.all_done(keys=self.keys),
                )
            )
            reply.finished = True
        return reply
