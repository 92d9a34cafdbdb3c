"""The consistency checks (勾稽关系) and the reviewers' errors of FORMAT.md §4–§5.

``check_facts`` judges a report as it stands, a draft's facts or a printed report's, so drafts and
``nianbao audit`` share every rule. ``run_checks`` adds what only a draft can lack: missing answers
(REQ) and values carried from last year and not yet confirmed (CONFIRM). Rules and their modules:

- E1–E5, E18 (FORMAT.md §4 rules 1–6): ``tables``
- E6 (numbers in the text vs the tables): ``statements``
- E10, E11, E14 (万元/元, unpaid fee notices, section 六): ``fees``
- E12, E13, E19 (section 五, 一's topics, enumerations): ``narrative``
- E15, E16 (years, deadline): ``dates``; E17 (copied from last year): ``similarity``
- REQ, CONFIRM: ``required``

E7–E9 concern how a printed report was typeset (template, titles, blank cells) and belong to the
readers.
"""

from __future__ import annotations

from itertools import chain

from assistant.core.checks.dates import check_dates
from assistant.core.checks.fees import check_fees
from assistant.core.checks.narrative import check_enumerations, check_problems, check_topics
from assistant.core.checks.places import sort_key
from assistant.core.checks.required import missing_answers, unconfirmed_values
from assistant.core.checks.similarity import check_similarity
from assistant.core.checks.statements import check_statements
from assistant.core.checks.tables import check_tables
from assistant.core.draft import Draft
from assistant.core.facts import ReportFacts, facts_from_draft
from assistant.core.findings import Finding, Severity


def _unique_sorted(findings: list[Finding]) -> list[Finding]:
    seen: set[str] = set()
    unique = []
    for item in findings:
        if item.key not in seen:
            seen.add(item.key)
            unique.append(item)
    return sorted(unique, key=sort_key)


def check_facts(facts: ReportFacts) -> list[Finding]:
    """Every rule that applies to a report as it stands, sorted by severity then report order."""
    return _unique_sorted(
        list(
            chain(
                check_dates(facts),
                check_topics(facts),
                check_tables(facts),
                check_statements(facts),
                check_problems(facts),
                check_fees(facts),
                check_similarity(facts),
                check_enumerations(facts),
            )
        )
    )


def run_checks(draft: Draft) -> list[Finding]:
    """All findings for a draft: missing answers, unconfirmed values, then ``check_facts``.

    A rule whose place is still unanswered stays quiet: the REQ finding already asks for it.
    """
    required = list(missing_answers(draft))
    missing = {item.location.field for item in required}
    judged = [f for f in check_facts(facts_from_draft(draft)) if f.location.field not in missing]
    return _unique_sorted(required + list(unconfirmed_values(draft)) + judged)


def blocking_findings(draft: Draft, findings: list[Finding] | None = None) -> list[Finding]:
    """Errors, and warnings the author has not acknowledged: what stops rendering."""
    if findings is None:
        findings = run_checks(draft)
    acknowledged = set(draft.acknowledged)
    return [
        f
        for f in findings
        if f.severity is Severity.ERROR
        or (f.severity is Severity.WARNING and f.key not in acknowledged)
    ]


__all__ = ["ReportFacts", "blocking_findings", "check_facts", "facts_from_draft", "run_checks"]
