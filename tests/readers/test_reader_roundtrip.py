"""Every format nianbao renders reads back to the draft it was rendered from."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import complete_drafts

from assistant.core.draft import Draft
from assistant.readers import read_bytes
from assistant.readers.convert import to_draft
from assistant.render import render_report

# What a printed report does not carry: the agency kind and a local deadline (never printed), the
# 信息处理费 facts (the report view prints section 六's text, not the fee data), last year's data,
# and the interview state.
NOT_PRINTED: dict[str, Any] = {
    "meta": {"kind", "deadline"},
    "other": {"fee"},
    "prior": True,
    "interview": True,
    "acknowledged": True,
}

FORMATS = [
    "md",
    "html",
    "txt",
    pytest.param(
        "docx",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("assistant.render.docx") is None,
            reason="assistant/render/docx.py does not exist yet",
        ),
    ),
]


def printed(draft: Draft) -> dict[str, Any]:
    return draft.model_dump(exclude=NOT_PRINTED)


def contacts_unambiguous(draft: Draft) -> bool:
    # The report joins contact lines with "；" in one sentence: a line holding "；" itself cannot
    # be told apart from two lines, in any format.
    return not any("；" in line for line in draft.meta.contact_lines)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=complete_drafts())
def test_render_then_import_gives_the_same_draft(fmt: str, draft: Draft) -> None:
    from hypothesis import assume

    assume(contacts_unambiguous(draft))
    output = render_report(draft, fmt, force=True)
    data = output.encode("utf-8") if isinstance(output, str) else output
    report = read_bytes(data, f"report.{fmt}")
    imported, messages = to_draft(report)
    assert messages == []
    assert report.notes == []
    assert printed(imported) == printed(draft)


def test_two_body_paragraphs_are_never_joined_as_a_wrapped_title() -> None:
    """Found by hypothesis: "00" / "信息公开工作年度报告" in 六 looked like a wrapped title."""
    from assistant.core.draft import set_path
    from assistant.store import load_draft
    from tests.example import SEED_PATH

    draft = set_path(load_draft(SEED_PATH), "other.text", "00\n信息公开工作年度报告")
    for fmt_name in ("html", "md", "txt"):
        report = read_bytes(render_report(draft, fmt_name, force=True).encode(), f"r.{fmt_name}")
        imported, _ = to_draft(report)
        assert imported.other.text == "00\n信息公开工作年度报告", fmt_name
