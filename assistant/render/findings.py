"""How a finding is presented: one line of Chinese, and one JSON shape.

Every front end and command words findings here: the interview, ``--plain``, the review,
``nianbao check`` and the refusal of ``nianbao render``. ``finding_json`` is the one JSON shape
of a finding (``check --json``, ``audit --json``, ``rollup --json``; documented in docs/json.md):

- ``rule``: the reviewers' rule id (``E1``…``E19``; ``REQ`` for a missing answer);
- ``severity`` (``error`` / ``warning`` / ``notice``) and ``severity_label`` (错误 / 警告 / 提示);
- ``key``: stable id of this finding, as recorded when a warning is acknowledged;
- ``location``: where it is, structured (``section``, ``table``, ``row``, ``column``, ``field``,
  ``text``; only the keys that apply);
- ``where``: the same place in Chinese, for people;
- ``message`` and ``fix``: what is wrong and how to fix it, in Chinese.
"""

from __future__ import annotations

from typing import Any, Final

from assistant.core.findings import SEVERITY_LABEL, Finding
from assistant.core.format import SECTION_BY_KEY


def describe_location(finding: Finding) -> str:
    """Where a finding sits, in Chinese, for one-line listings."""
    loc = finding.location
    if loc.text:
        return loc.text
    section = SECTION_BY_KEY.get(loc.section or "")
    parts = [section.title if section else loc.section, loc.table, loc.field]
    return " ".join(p for p in parts if p) or "全文"


_SAME_PLACE: Final = 4
"""A message opening on this many characters of its place's label names the place itself."""


def finding_text(finding: Finding) -> str:
    """``位置：说明``, or the message alone when it already names the place (most do: "发布日期
    2026年2月15日晚于…", "表三“总计”列：…"), so no place is said twice."""
    where = describe_location(finding)
    message = finding.message
    if where == "全文" or where[:_SAME_PLACE] == message[:_SAME_PLACE]:
        return message
    return f"{where}：{message}"


def rule_note(finding: Finding) -> str:
    """The reviewers' rule id as a trailing note ("（审核规则 E16）"); "" for a missing answer
    or an unconfirmed value, whose ids mean nothing to an author."""
    return f"（审核规则 {finding.rule}）" if finding.rule.startswith("E") else ""


def describe_finding(finding: Finding) -> str:
    """``[错误] 位置：说明`` on one line."""
    severity = SEVERITY_LABEL[finding.severity]
    return f"[{severity}] {finding_text(finding)}"


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding as JSON data, in the one shape documented above."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "severity_label": SEVERITY_LABEL[finding.severity],
        "key": finding.key,
        "location": finding.location.model_dump(exclude_none=True),
        "where": describe_location(finding),
        "message": finding.message,
        "fix": finding.fix,
    }
