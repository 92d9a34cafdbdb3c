"""Next year's draft, decided in core: what is carried, and what waits for confirmation."""

from __future__ import annotations

import pytest

from assistant.core.draft import Draft
from assistant.core.nextyear import draft_text, next_year
from assistant.errors import NianbaoError


def last_year() -> Draft:
    return Draft.model_validate(
        {
            "meta": {"agency": "某局", "kind": "department", "year": 2024},
            "table2": {"regulations": {"in_force": 4}},
            "table3": {"carried_out": {"natural": 2, "business": 0}},
            "problems": "一是发布不够及时。",
        }
    )


def test_the_year_and_the_carried_values() -> None:
    draft = next_year(last_year())
    assert draft.meta.year == 2025 and draft.meta.agency == "某局"
    assert draft.table3.carried_in.natural == 2
    assert draft.table3.carried_in.business == 0
    assert draft.prior.regulations_in_force == 4
    assert draft.prior.problems == "一是发布不够及时。"
    assert "table3.carried_in.natural" in draft.interview.unconfirmed
    assert "meta.agency" in draft.interview.unconfirmed
    assert draft.problems is None  # this year's text is the author's


def test_last_years_text_keeps_its_headings() -> None:
    text = draft_text(last_year())
    assert "五、存在的主要问题及改进情况" in text and "一是发布不够及时。" in text


def test_a_draft_without_a_year_is_refused() -> None:
    with pytest.raises(NianbaoError, match="没有年份"):
        next_year(Draft())
