"""Next year's draft from last year's: what is carried over, and what waits for confirmation.

The new draft carries the agency's data, sets 二、上年结转 from last year's 四、结转下年度,
and keeps what the cross-year rules need (last year's carried-out row, 现行有效件数, section
五 and whole text). Every carried value is listed as unconfirmed, so the interview asks the
author to confirm it. This year's text is empty. Pure: the command reads the source and writes
the draft.
"""

from __future__ import annotations

from assistant.core import format as fmt
from assistant.core.draft import ApplicantCounts, Draft, Meta, PriorYear, Table3
from assistant.errors import NianbaoError


def draft_text(draft: Draft) -> str:
    """A draft's whole text as it would be printed, one paragraph a line (for E17).

    The section and topic headings are kept, so that each part of last year's text can be shown
    beside this year's question (``flow.prior_text``).
    """
    from assistant.core.facts import facts_from_draft

    lines = [draft.title] if draft.meta.agency and draft.meta.year else []
    section = None
    for part in facts_from_draft(draft).parts:
        if part.section != section:
            section = part.section
            lines.append(fmt.SECTION_BY_KEY[section].title)
        if part.topic is not None:
            lines.append(fmt.OVERVIEW_TOPIC_BY_KEY[part.topic].title)
        lines.append(part.text)
    return "\n".join(line for line in lines if line.strip())


def next_year(last: Draft, report_text: str | None = None) -> Draft:
    """The draft for the year after ``last``: agency data and last year's facts carried."""
    if last.meta.year is None:
        raise NianbaoError("上一年的草稿或年报中没有年份，无法确定新草稿的年度。")
    carried_out = last.table3.carried_out
    unconfirmed: list[str] = []
    meta = Meta(
        agency=last.meta.agency,
        kind=last.meta.kind,
        year=last.meta.year + 1,
        portal=last.meta.portal,
        contact_lines=list(last.meta.contact_lines),
    )
    for path, value in (
        ("meta.agency", meta.agency),
        ("meta.kind", meta.kind),
        ("meta.portal", meta.portal),
        ("meta.contact_lines", meta.contact_lines),
    ):
        if value:
            unconfirmed.append(path)
    carried_in = ApplicantCounts(**{k: carried_out.get(k) for k in fmt.APPLICANT_KEYS})
    unconfirmed += [
        f"table3.carried_in.{k}" for k in fmt.APPLICANT_KEYS if carried_in.get(k) is not None
    ]
    prior = PriorYear(
        year=last.meta.year,
        carried_out=carried_out if any(v is not None for v in carried_out.values) else None,
        regulations_in_force=last.table2.regulations.in_force,
        normative_documents_in_force=last.table2.normative_documents.in_force,
        problems=last.problems,
        report_text=report_text if report_text is not None else (draft_text(last) or None),
    )
    for field in PriorYear.model_fields:
        if getattr(prior, field) is not None:
            unconfirmed.append(f"prior.{field}")
    draft = Draft(meta=meta, table3=Table3(carried_in=carried_in), prior=prior)
    draft.interview.unconfirmed.extend(unconfirmed)
    return draft
