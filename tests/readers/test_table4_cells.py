"""表四's cells are addressed by (group, column) through one accessor on the reader's model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.core import format as fmt
from assistant.readers.convert import to_draft, to_facts
from assistant.readers.deviations import table4_findings
from assistant.readers.model import PrintedReport, PrintedTable4

ASSISTANT = Path(__file__).resolve().parents[2] / "assistant"
GROUPS = [g for g, _ in fmt.APPEAL_GROUPS]


def _numbered() -> PrintedTable4:
    """Each cell printed as its own position, so a misplaced lookup shows."""
    return PrintedTable4(found=True, values=[str(i) for i in range(15)])


def test_cell_by_group_and_column() -> None:
    table = _numbered()
    assert table.complete
    assert table.cell("reconsideration", "upheld") == "0"
    assert table.cell("reconsideration", fmt.TOTAL_KEY) == "4"
    assert table.cell("direct_suit", "upheld") == "5"
    assert table.cell("suit_after", "pending") == "13"
    assert table.cell("suit_after", fmt.TOTAL_KEY) == "14"


def test_a_part_read_row_has_no_cells() -> None:
    table = PrintedTable4(found=True, values=["1"] * 12)
    assert not table.complete
    with pytest.raises(ValueError):
        table.cell("reconsideration", "upheld")


def test_convert_and_deviations_read_the_same_cells() -> None:
    report = PrintedReport(source="<文本>", source_format="text", table4=_numbered())
    draft, _ = to_draft(report)
    facts = to_facts(report)
    for group in GROUPS:
        counts = draft.table4.group(group)
        for column in fmt.T4_COLUMN_KEYS:
            expected = int(report.table4.cell(group, column))
            assert facts.table4[group][column] == expected
            if column != fmt.TOTAL_KEY:
                assert getattr(counts, column) == expected
    # A blank cell is reported where it sits, not one place off.
    values = [str(i) for i in range(15)]
    values[8] = ""
    blank = PrintedReport(
        source="<文本>", source_format="text", table4=PrintedTable4(found=True, values=values)
    )
    findings = table4_findings(blank)
    assert len(findings) == 1
    assert "未经复议直接起诉" in findings[0].message
    assert fmt.APPEAL_RESULT_LABEL["pending"] in findings[0].message


def test_no_module_indexes_table4_by_arithmetic() -> None:
    """Only the model knows where a cell sits in the printed row."""
    arithmetic = re.compile(r"\[\s*\w+\s*\*\s*(5|len\(fmt\.T4_COLUMN\w*\))\s*\+")
    offenders = [
        str(path.relative_to(ASSISTANT))
        for path in ASSISTANT.rglob("*.py")
        if arithmetic.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
