"""E6: numbers stated in the text that differ from the tables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from assistant.core import format as fmt
from assistant.core.checks.places import T2, T3, T4, finding, part_place, quoted, t2_place, t3_place
from assistant.core.facts import ReportFacts
from assistant.core.findings import Finding, Location
from assistant.core.textnumbers import Mention, Quantity, find_mentions

TOTAL = fmt.TOTAL_KEY
_REGS, _NORMS = (label for _, label in fmt.T2_DOCUMENTS.rows)
_IN_FORCE = fmt.T2_DOCUMENTS.columns[-1]


@dataclass(frozen=True)
class _Target:
    """The table value(s) a stated quantity must equal, and how to name them."""

    values: tuple[int, ...]
    place: str
    shown: str
    """The value as the message shows it."""
    table: str
    row: str | None
    column: str | None


@lru_cache(maxsize=512)
def _mentions(text: str, year: int | None) -> tuple[Mention, ...]:
    # The TUI re-checks after every answer while most texts stay the same.
    return tuple(find_mentions(text, year))


def _sum(*values: int | None) -> int | None:
    return None if any(v is None for v in values) else sum(v or 0 for v in values)


def _targets(facts: ReportFacts) -> dict[Quantity, _Target]:
    targets: dict[Quantity, _Target] = {}

    def t3(quantity: Quantity, row: str, extra: tuple[int | None, ...] = ()) -> None:
        value = facts.t3(row, TOTAL)
        if value is None:
            return
        values = (value, *(v for v in extra if v is not None))
        targets[quantity] = _Target(values, t3_place(row, TOTAL), str(value), T3, row, TOTAL)

    new, carried_in = facts.t3("new", TOTAL), facts.t3("carried_in", TOTAL)
    t3(Quantity.NEW, "new")
    t3(Quantity.RECEIVED, "new", (_sum(new, carried_in),))
    t3(Quantity.CARRIED_IN, "carried_in")
    t3(Quantity.CARRIED_OUT, "carried_out")
    t3(Quantity.CLOSED, "results_total")

    groups = {g: facts.t4(g, TOTAL) for g, _ in fmt.APPEAL_GROUPS}
    recon = groups["reconsideration"]
    suits = _sum(groups["direct_suit"], groups["suit_after"])
    everything = _sum(*groups.values())
    recon_name, suits_name = fmt.T4_RECONSIDERATION, fmt.T4_LITIGATION
    if recon is not None:
        place = f"{T4}{quoted(recon_name)}{quoted(fmt.TOTAL)}"
        targets[Quantity.RECONSIDERATION] = _Target(
            (recon,), place, str(recon), T4, "reconsideration", TOTAL
        )
    if suits is not None:
        place = f"{T4}{quoted(suits_name)}两栏{quoted(fmt.TOTAL)}之和"
        targets[Quantity.LITIGATION] = _Target((suits,), place, str(suits), T4, None, TOTAL)
    if everything is not None:
        place = f"{T4}{quoted(recon_name)}与{quoted(suits_name)}{quoted(fmt.TOTAL)}之和"
        targets[Quantity.APPEALS] = _Target((everything,), place, str(everything), T4, None, TOTAL)

    regs = facts.table2.regulations.in_force
    norms = facts.table2.normative_documents.in_force
    for quantity, row, value in (
        (Quantity.IN_FORCE_REGULATIONS, "regulations", regs),
        (Quantity.IN_FORCE_NORMATIVE, "normative_documents", norms),
    ):
        if value is not None:
            place = t2_place(row, "in_force")
            targets[quantity] = _Target((value,), place, str(value), T2, row, "in_force")
    both = _sum(regs, norms)
    if both is not None and regs is not None and norms is not None:
        place = f"{T2}{quoted(_REGS)}与{quoted(_NORMS)}的{quoted(_IN_FORCE)}"
        shown = f"{regs}、{norms}，合计 {both}"
        for quantity, values in (
            (Quantity.IN_FORCE_BOTH, (both,)),
            (Quantity.IN_FORCE_ANY, (regs, norms, both)),
        ):
            targets[quantity] = _Target(values, place, shown, T2, None, "in_force")
    return targets


def check_statements(facts: ReportFacts) -> Iterator[Finding]:
    """E6 for every passage: one finding per passage and quantity, naming each statement."""
    targets = _targets(facts)
    for part in facts.parts:
        wrong: dict[Quantity, list[Mention]] = {}
        for mention in _mentions(part.text, facts.year):
            target = targets.get(mention.quantity)
            if target is not None and mention.value not in target.values:
                wrong.setdefault(mention.quantity, []).append(mention)
        for quantity, mentions in wrong.items():
            target = targets[quantity]
            place = part_place(part)
            said = "、".join(quoted(m.snippet) for m in mentions)
            also = ""
            if quantity is Quantity.RECEIVED and len(target.values) > 1:
                also = f"，也不等于新收与上年结转之和（{target.values[1]}）"
            yield finding(
                "E6",
                Location(
                    section=part.section,
                    table=target.table,
                    row=target.row,
                    column=target.column,
                    field=part.field,
                    text=f"{place}与{target.place}",
                ),
                f"{place}写{said}，但{target.place}为 {target.shown}{also}，两者不一致。",
                "核对后修改正文中的数字或表格，使两者一致。",
            )
