"""The consistency checks (勾稽关系) and the reviewers' errors of FORMAT.md §4–§5.

``check_facts`` judges a report as it stands (a draft's facts or a printed report's);
``run_checks`` adds what only a draft can lack (missing answers, unconfirmed carried values).
"""

from __future__ import annotations

from assistant.core.draft import Draft
from assistant.core.facts import ReportFacts, facts_from_draft
from assistant.core.findings import Finding, Severity


def check_facts(facts: ReportFacts) -> list[Finding]:
    """Every rule that applies to a report as it stands, sorted by severity then report order."""
    return []


def run_checks(draft: Draft) -> list[Finding]:
    """All findings for a draft: missing answers, unconfirmed values, then ``check_facts``."""
    return check_facts(facts_from_draft(draft))


def blocking_findings(draft: Draft, findings: list[Finding] | None = None) -> list[Finding]:
    """Errors, and warnings the author has not acknowledged: what stops rendering."""
    if findings is None:
        findings = run_checks(draft)
    return [
        f
        for f in findings
        if f.severity is Severity.ERROR
        or (f.severity is Severity.WARNING and f.key not in draft.acknowledged)
    ]


__all__ = ["blocking_findings", "check_facts", "run_checks"]
