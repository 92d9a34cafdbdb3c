"""Draft paragraphs composed from the author's facts, by templates kept as data.

A narrative question with ``compose: <name>`` is drafted by ``prompts/compose/<name>.j2`` once
the author has asked for help (the ``compose_help`` question). The templates see only what the
author answered (``f``: every gate answer by question id, None when not given; ``we``: how the
text names the agency), numbers taken from the draft's own tables (``t3``, ``t4``, ``fee``) and
official wording from ``format.py`` (``labels``) and, for a roll-up draft, what the report
covers (``scope``, ``region``), so composed text cannot contradict the tables and states nothing
the author did not provide. Each non-empty output line is a paragraph.

A fact the template prints but the author has not given (a required fact question skipped) is
never printed as a placeholder: nothing is composed until it is answered (:func:`missing_facts`
names what is still needed).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from assistant.core import flow
from assistant.core import format as fmt
from assistant.core.answers import format_amount, says_nothing
from assistant.core.draft import Draft, RollupScope
from assistant.core.questions import LABELS, Question
from assistant.rollup.provenance import scope_statement

if TYPE_CHECKING:
    import jinja2

HELP_QUESTION = "compose_help"
"""The gate question by which the author asks for drafted paragraphs."""
SHORT_NAME_QUESTION = "f_agency_short"
"""The fact question: how the text names the agency ("市政府外办"); "本机关" when not given."""
DEFAULT_SHORT_NAME = "本机关"

_ENDINGS = "。；;，,、.!！ "
_NUMERALS = "一二三四五六七八九十"


class _MissingFact(Exception):
    """A template printed a fact the author has not given (composing stops)."""


def _given(value: Any) -> Any:
    """Every printed value passes here: a missing fact (None) stops the composition."""
    if value is None:
        raise _MissingFact
    return value


def _clause(text: Any) -> str:
    """The author's phrase without its closing punctuation, to be built into a sentence."""
    return str(_given(text)).strip().rstrip(_ENDINGS)


def _sentence(text: Any) -> str:
    """The author's phrase as one sentence ending in "。"."""
    clause = _clause(text)
    return f"{clause}。" if clause else ""


def _ordinal(number: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 (for 一是、二是 enumerations)."""
    if number <= 10:
        return _NUMERALS[number - 1]
    tens, ones = divmod(number, 10)
    head = "" if tens == 1 else _NUMERALS[tens - 1]
    return head + "十" + (_NUMERALS[ones - 1] if ones else "")


@cache
def environment() -> jinja2.Environment:
    """The composing environment: plain text, every printed value checked by ``_given``."""
    from assistant.render.jinja import make_environment
    from assistant.resources import prompts_dir

    return make_environment(
        prompts_dir() / "compose",
        filters={"clause": _clause, "sentence": _sentence, "ordinal": _ordinal},
        keep_trailing_newline=False,
        finalize=_given,
    )


def _table3(draft: Draft) -> dict[str, Any]:
    table = draft.table3
    rows = [table.new, table.carried_in, table.carried_out, *table.outcomes.values()]
    return {
        "known": all(row.complete for row in rows),
        "new": table.new.total,
        "carried_in": table.carried_in.total,
        "done": table.results_total.total,
        "carried_out": table.carried_out.total,
    }


def _table4(draft: Draft) -> dict[str, Any]:
    groups = {key: draft.table4.group(key) for key, _ in fmt.APPEAL_GROUPS}
    known = all(g.get(r) is not None for g in groups.values() for r in fmt.APPEAL_RESULT_KEYS)
    return {
        "known": known,
        "reconsideration": groups["reconsideration"].total,
        "litigation": groups["direct_suit"].total + groups["suit_after"].total,
    }


def _fee(draft: Draft) -> dict[str, Any]:
    fee = draft.other.fee

    def amount(value: Any) -> str | None:
        return None if value is None else format_amount(value)

    return {
        "charged": fee.charged,
        "notices": fee.notices,
        "billed": amount(fee.billed_yuan),
        "collected": amount(fee.collected_yuan),
    }


def _fact(question: Question, value: Any) -> Any:
    """A fact as templates see it: a bare "无" is no fact (None), never a sentence ("存在不足：
    无。"). Answers are checked as they are typed; this covers drafts saved before that."""
    if not (question.nothing_is_empty or question.refuse_nothing):
        return value
    if isinstance(value, str) and says_nothing(value):
        return None
    if isinstance(value, list):
        kept = [item for item in value if not (isinstance(item, str) and says_nothing(item))]
        return kept or None
    return value


def context(draft: Draft, questions: Sequence[Question]) -> dict[str, Any]:
    """What a template may use; facts not given are None, never guessed."""
    answers = draft.interview.answers
    short_name = answers.get(SHORT_NAME_QUESTION)
    return {
        "f": {q.id: _fact(q, answers.get(q.id)) for q in questions if q.is_gate},
        "we": _clause(short_name)
        if isinstance(short_name, str) and _clause(short_name)
        else DEFAULT_SHORT_NAME,
        "year": draft.meta.year,
        "government": draft.meta.kind is fmt.AgencyKind.GOVERNMENT,
        "t3": _table3(draft),
        "t4": _table4(draft),
        "fee": _fee(draft),
        "labels": LABELS,
        **_scope(draft),
    }


REGION_SUBJECT = "本行政区域各级行政机关"
"""Who received the applications a regional roll-up's tables count."""


def _scope(draft: Draft) -> dict[str, Any]:
    """A roll-up draft's scope: ``scope`` is the sentence stating what the report covers (None
    for any other draft); ``region`` is True when the tables are the region's totals, which the
    paragraphs citing them then attribute to ``REGION_SUBJECT`` rather than to ``we``."""
    rollup = draft.rollup
    region = rollup is not None and rollup.scope is RollupScope.REGION and bool(rollup.units)
    return {"scope": scope_statement(draft), "region": region, "region_subject": REGION_SUBJECT}


@cache
def template_facts(name: str) -> frozenset[str]:
    """The fact question ids that template ``name`` reads (``f.<id>``), from its syntax tree."""
    from jinja2 import nodes

    env = environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, f"{name}.j2")
    return frozenset(
        node.attr
        for node in env.parse(source).find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Name) and node.node.name == "f"
    )


def missing_facts(
    draft: Draft, question: Question, questions: Sequence[Question]
) -> list[Question]:
    """Required fact questions ``question``'s template reads that are not answered yet (skipped)."""
    if question.compose is None or draft.interview.answers.get(HELP_QUESTION) is not True:
        return []
    wanted = template_facts(question.compose)
    return [
        q
        for q in questions
        if q.id in wanted
        and q.required
        and flow.is_visible(draft, q)
        and not flow.is_answered(draft, q)
    ]


def compose(draft: Draft, question: Question, questions: Sequence[Question]) -> str | None:
    """The drafted text for ``question``, or None (no template, help not asked, a required fact
    not given yet, nothing to say)."""
    if question.compose is None or draft.interview.answers.get(HELP_QUESTION) is not True:
        return None
    if missing_facts(draft, question, questions):
        return None
    template = environment().get_template(f"{question.compose}.j2")
    try:
        text = template.render(**context(draft, questions))
    except _MissingFact:
        return None
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(p for p in paragraphs if p) or None
