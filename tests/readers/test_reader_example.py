"""The shared example (a real published report) reads with every number right and audits clean."""

from __future__ import annotations

import pytest
from printed_samples import EXAMPLE, SHARED_EXAMPLE, example_text, seed_draft

from assistant.audit import judge
from assistant.core import format as fmt
from assistant.readers import read_bytes, read_report
from assistant.readers.convert import to_draft

NOT_PRINTED = {
    "meta": {"kind", "deadline"},
    "other": {"fee"},
    "interview": True,
    "acknowledged": True,
}


def test_fixture_is_the_shared_example() -> None:
    if not SHARED_EXAMPLE.exists():
        pytest.skip("shared/reference/examples is not beside the repository")
    assert EXAMPLE.read_bytes() == SHARED_EXAMPLE.read_bytes()


def test_every_part_is_read() -> None:
    report = read_report(EXAMPLE)
    assert report.notes == []
    assert report.agency == "沈阳市人民政府外事办公室"
    assert report.year == 2024
    assert report.period_years == [2024]
    assert str(report.published) == "2025-01-22"
    assert report.signoff_agency == "沈阳市人民政府外事办公室"
    assert [s.key for s in report.sections] == [s.key for s in fmt.SECTIONS]
    overview = report.section("overview")
    assert overview is not None
    assert [t.key for t in overview.topics] == [t.key for t in fmt.OVERVIEW_TOPICS]
    assert set(report.table3.rows) == set(fmt.T3_ROW_KEYS)
    assert all(values == ["0"] * 7 for values in report.table3.rows.values())
    assert report.table4.values == ["0"] * 15
    assert report.table2.rows == {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["0", "0", "0"],
        "licensing": ["0"],
        "punishment": ["0"],
        "coercion": ["0"],
        "fees": ["0"],
    }


def test_imports_as_the_seed_draft() -> None:
    draft, messages = to_draft(read_report(EXAMPLE))
    assert messages == []
    seed = seed_draft()
    got = draft.model_dump(exclude=NOT_PRINTED)
    want = seed.model_dump(exclude=NOT_PRINTED)
    # The page split one paragraph of 主动公开 across two lines ("…领事保护工" / "作的认知度。").
    got["overview"]["proactive"] = got["overview"]["proactive"].replace("\n", "")
    assert got == want


def test_audits_with_only_the_missing_fee_statement() -> None:
    findings = judge(read_bytes(example_text().encode("utf-8"), "example.txt"))
    assert [(f.rule, f.location.section) for f in findings] == [("E14", "other")]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_encodings(encoding: str) -> None:
    report = read_bytes(example_text().encode(encoding), "example.txt")
    assert report.agency == "沈阳市人民政府外事办公室"
    assert len(report.table3.rows) == len(fmt.T3_ROW_KEYS)
