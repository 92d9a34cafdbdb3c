"""A complete, consistent draft that every check passes, and helpers to break it.

The check tests import ``good_draft`` from here (pytest puts this folder on sys.path); the tests
below make sure the baseline really is clean, so each failing case fails for its own reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from assistant.core import format as fmt
from assistant.core.checks import check_facts, run_checks
from assistant.core.draft import Draft, FeeFacts, set_path
from assistant.core.facts import ReportFacts, TextPart, facts_from_draft
from assistant.core.findings import Finding

ZERO_ROW = dict.fromkeys(fmt.APPLICANT_KEYS, 0)


def _row(**values: int) -> dict[str, int]:
    return {**ZERO_ROW, **values}


def good_data() -> dict[str, Any]:
    """The good draft as data.

    表三: 自然人 4 new + 1 carried in = 3 disclosed + 1 not held + 1 carried out; 商业企业 1 = 1.
    """
    outcomes: dict[str, dict[str, int]] = {k: _row() for k in fmt.OUTCOME_KEYS}
    outcomes["disclosed"] = _row(natural=3, business=1)
    outcomes["unavailable_not_held"] = _row(natural=1)
    return {
        "meta": {
            "agency": "某市某局",
            "kind": "department",
            "year": 2024,
            "published": dt.date(2025, 1, 20),
        },
        "overview": {
            "proactive": "全年主动公开政府信息120条，重点领域信息及时发布。",
            "on_request": "2024年，本局共收到政府信息公开申请5件，办结5件，结转下年度继续办理1件。",
            "management": "严格执行保密审查制度，规范信息发布流程。",
            "platform": "门户网站政务公开专栏运行平稳，及时更新栏目内容。",
            "oversight": "将政务公开纳入年度工作要点，定期开展监督检查。",
        },
        "table2": {
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"issued": 2, "repealed": 1, "in_force": 10},
            "licensing": 3,
            "punishment": 4,
            "coercion": 0,
            "fees": Decimal("1.5"),
        },
        "table3": {
            "new": _row(natural=4, business=1),
            "carried_in": _row(natural=1),
            "outcomes": outcomes,
            "carried_out": _row(natural=1),
        },
        "table4": {
            "reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0},
            "direct_suit": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0},
            "suit_after": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0},
        },
        "problems": "信息公开的及时性仍有不足。下一步将加强审核把关，完善发布制度。",
        "other": {"text": "本年度未收取信息处理费。", "fee": {"charged": False}},
        "prior": {
            "year": 2023,
            "carried_out": _row(natural=1),
            "regulations_in_force": 0,
            "normative_documents_in_force": 9,
            "report_text": "某市某局2023年政府信息公开工作年度报告。上年度各项工作情况另行说明。",
        },
    }


def good_draft() -> Draft:
    return Draft.model_validate(good_data())


def draft_with(**changes: Any) -> Draft:
    """The good draft with dotted-path changes: ``draft_with(**{"meta.year": 2023})``."""
    draft = good_draft()
    for path, value in changes.items():
        draft = set_path(draft, path, value)
    return draft


def good_facts() -> ReportFacts:
    return facts_from_draft(good_draft())


def of_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


Place = tuple[str | None, str | None, str | None, str | None]
"""(section, row, column, field) of a finding."""


def place(finding: Finding) -> Place:
    loc = finding.location
    return (loc.section, loc.row, loc.column, loc.field)


Checks = Callable[[], list[Finding]]


def assert_fails(checks: Checks, rule: str, places: set[Place]) -> None:
    """``rule`` fires exactly at ``places``, each finding explained and located in words."""
    found = of_rule(checks(), rule)
    assert {place(f) for f in found} == places
    assert all(f.message and f.fix and f.location.text for f in found)


def draft(**changes: Any) -> Checks:
    """run_checks on the good draft with dotted-path changes, deferred for a case table."""
    return lambda: run_checks(draft_with(**changes))


def at(path: str, value: Any, **changes: Any) -> Checks:
    """run_checks on the good draft with ``path`` set to ``value`` (and other changes)."""
    return draft(**{path: value}, **changes)


ALL_TOPICS = "主动公开、依申请公开、政府信息管理、平台建设、监督保障各项工作有序推进。"
PRINTED_TEXT = {
    "overview": ALL_TOPICS,
    "problems": "问题是更新不够及时，下一步将加强审核。",
    "other": "本年度未收取信息处理费。",
}


def printed_facts(section_texts: dict[str, str] | None = None, **update: Any) -> ReportFacts:
    """The good report as printed: text per section (一 not split), fees known only as text."""
    texts = PRINTED_TEXT if section_texts is None else section_texts
    parts = [TextPart(key=k, section=k, text=t) for k, t in texts.items()]
    fields = {"origin": "printed", "parts": parts, "fee": FeeFacts(), **update}
    return good_facts().model_copy(update=fields)


def printed(section_texts: dict[str, str] | None = None, **update: Any) -> Checks:
    """check_facts on ``printed_facts(...)``, deferred for a case table."""
    return lambda: check_facts(printed_facts(section_texts, **update))


def test_good_draft_has_no_findings() -> None:
    assert run_checks(good_draft()) == []


def test_good_facts_printed_have_no_findings() -> None:
    printed = good_facts().model_copy(update={"origin": "printed"})
    assert check_facts(printed) == []
