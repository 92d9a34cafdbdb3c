"""Switching a roll-up draft between its two scopes (pure).

"本行政区域汇总" puts the units' sums in the tables (as ``nianbao rollup --scope region`` does);
"本机关" leaves the tables to the government's own figures. The sums themselves stay in the draft
(``Draft.rollup.sources``) either way, so switching back and forth loses no unit's number; what
the author typed into a summed cell in the scope being left is replaced.
"""

from __future__ import annotations

from typing import Final

from assistant.core import format as fmt
from assistant.core.draft import Draft, RollupScope
from assistant.rollup.sums import gate_answers

GATE_QUESTIONS: Final = frozenset(
    {
        "has_applications",
        "applicant_kinds",
        "outcome_groups",
        "has_appeals",
        "appeal_kinds",
        *(f"items_{g.key}" for g in fmt.OUTCOME_GROUPS if g.items),
    }
)
"""The interview's gate questions whose answers the summed tables imply (``gate_answers``)."""


def with_scope(draft: Draft, scope: RollupScope) -> Draft:
    """``draft`` in ``scope``: the tables' summed cells filled from the sums (``REGION``, when
    any unit was summed) or emptied for the government to answer (``OWN``), with the gate
    answers to match. ValueError for a draft that is not a roll-up."""
    rollup = draft.rollup
    if rollup is None:
        raise ValueError("not a roll-up draft")
    if rollup.scope is scope:
        return draft
    data = draft.model_dump(mode="python")
    filled = scope is RollupScope.REGION and bool(rollup.units)
    for path, source in rollup.sources.items():
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[part]
        node[last] = None if not filled or source.unknown else source.total
    data["rollup"]["scope"] = scope
    answers = {k: v for k, v in draft.interview.answers.items() if k not in GATE_QUESTIONS}
    data["interview"]["answers"] = answers
    switched = Draft.model_validate(data)
    if not filled:
        return switched
    answers = {**answers, **gate_answers(switched)}
    interview = switched.interview.model_copy(update={"answers": answers})
    return switched.model_copy(update={"interview": interview})
