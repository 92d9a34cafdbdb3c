"""What YAML texts may refer to: official labels, repeat domains, option lists from ``format.py``.

Texts say ``{label.t3.new}`` or use a repeat domain's variables (``{outcome_label}``...); both are
substituted here, so no official label is ever typed in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from assistant.core import format as fmt
from assistant.core.questions.model import Option

LABELS: Final[dict[str, str]] = {
    "regulation": fmt.REGULATION,
    "fee_measure": fmt.FEE_MEASURE,
    "format": fmt.FORMAT_NAME,
    **{f"section.{s.key}": s.title for s in fmt.SECTIONS},
    **{f"topic.{t.key}": t.title for t in fmt.OVERVIEW_TOPICS},
    **{f"t2.block.{b.key}": b.title for b in fmt.TABLE2_BLOCKS},
    **{f"t2.{key}": label for b in fmt.TABLE2_BLOCKS for key, label in b.rows},
    **{
        f"t2.col.{key}": label
        for key, label in zip(fmt.DOC_COUNT_FIELDS, fmt.T2_DOCUMENTS.columns, strict=True)
    },
    "t2.col.decisions": fmt.T2_LICENSING.columns[0],
    "t2.col.fees": fmt.T2_FEES.columns[0],
    **{f"t3.{key}": label for key, label in fmt.T3_VALUE_ROWS if key not in fmt.OUTCOME_LABEL},
    "t3.results": fmt.T3_RESULTS,
    "t3.legal_persons": fmt.T3_LEGAL_PERSONS,
    "t4.reconsideration": fmt.T4_RECONSIDERATION,
    "t4.litigation": fmt.T4_LITIGATION,
    **{f"agency_kind.{k.value}": label for k, label in fmt.AGENCY_KIND_LABELS.items()},
}
"""Official wording usable in YAML texts as ``{label.<key>}``."""


def applicant_title(key: str) -> str:
    """The applicant column's label, made unambiguous: 其他 → 其他（法人或其他组织）."""
    label = fmt.APPLICANT_LABEL[key]
    return f"{label}（{fmt.T3_LEGAL_PERSONS}）" if key == "other" else label


def _outcome_vars() -> list[dict[str, str]]:
    rows = []
    for group in fmt.OUTCOME_GROUPS:
        for key, label in group.leaves:
            rows.append(
                {
                    "outcome": key,
                    "outcome_label": label,
                    "outcome_title": label if not group.items else f"{group.label} {label}",
                    "group": group.key,
                    "group_label": group.label,
                    "outcome_gate": "outcome_groups" if not group.items else f"items_{group.key}",
                }
            )
    return rows


DOMAINS: Final[dict[str, list[dict[str, str]]]] = {
    "applicants": [
        {"applicant": k, "applicant_label": applicant_title(k)} for k in fmt.APPLICANT_KEYS
    ],
    "outcomes": _outcome_vars(),
    "outcome_groups": [
        {"group": g.key, "group_label": g.label} for g in fmt.OUTCOME_GROUPS if g.items
    ],
    "appeal_groups": [
        {
            "appeal": k,
            "appeal_label": label,
            "appeal_kind": _kind,
            # 行政复议 is both the kind and the group: not "行政复议（行政复议）".
            "appeal_title": _kind if label == _kind else f"{_kind}（{label}）",
        }
        for (k, label), _kind in zip(
            fmt.APPEAL_GROUPS,
            (fmt.T4_RECONSIDERATION, fmt.T4_LITIGATION, fmt.T4_LITIGATION),
            strict=True,
        )
    ],
    "appeal_results": [{"result": k, "result_label": label} for k, label in fmt.APPEAL_RESULTS],
    "doc_columns": [
        {"column": k, "column_label": label}
        for k, label in zip(fmt.DOC_COUNT_FIELDS, fmt.T2_DOCUMENTS.columns, strict=True)
    ],
}
"""Repeat domains: each a list of placeholder values, one dict per repetition."""

OPTION_SOURCES: Final[dict[str, tuple[Option, ...]]] = {
    "agency_kinds": tuple(
        Option(value=k.value, label=v) for k, v in fmt.AGENCY_KIND_LABELS.items()
    ),
    "applicants": tuple(Option(value=k, label=applicant_title(k)) for k in fmt.APPLICANT_KEYS),
    "outcome_groups": tuple(Option(value=g.key, label=g.label) for g in fmt.OUTCOME_GROUPS),
    **{
        f"items_{g.key}": tuple(Option(value=k, label=v) for k, v in g.items)
        for g in fmt.OUTCOME_GROUPS
        if g.items
    },
    "appeal_groups": tuple(
        Option(value=k, label=f"{fmt.T4_LITIGATION}（{v}）" if k != "reconsideration" else v)
        for k, v in fmt.APPEAL_GROUPS
    ),
}
"""Option lists built from ``format.py`` (``options_from:`` in YAML)."""

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


def _substitute(text: str, values: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("label."):
            key = name.removeprefix("label.")
            if key not in LABELS:
                raise KeyError(name)
            return LABELS[key]
        if name not in values:
            raise KeyError(name)
        return values[name]

    return _PLACEHOLDER.sub(replace, text)
