"""Handmade reports, one change each: every E-rule is caught with the right rule and place."""

from __future__ import annotations

from pathlib import Path

import pytest
from printed_samples import example_text, previous_year, variant

from assistant.audit import audit, judge
from assistant.core.findings import Finding
from assistant.readers import read_bytes


def findings_of(text: str) -> list[Finding]:
    return judge(read_bytes(text.encode("utf-8"), "report.txt"))


def places(findings: list[Finding]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(f.rule, f.location.section, f.location.row, f.location.column) for f in findings}


# change, rule, section, row, column (None: any)
CASES = [
    ("row_sum", "E1", "applications", None, "natural"),
    ("row_total", "E2", "applications", "new", None),
    ("column_total", "E3", "applications", "results_total", "natural"),
    ("appeal_total", "E4", "appeals", "reconsideration", None),
    ("text_number", "E6", None, None, None),
    ("mistyped_row", "E7", "applications", "withheld_law", None),
    ("trial_2019", "E7", "applications", "other_handling", None),
    ("trial_2019_table2", "E7", "proactive", None, None),
    ("mistyped_title", "E8", "appeals", None, None),
    ("missing_section", "E8", "problems", None, None),
    ("slash_cell", "E9", "applications", "other_other", "business"),
    ("negative_cell", "E9", "proactive", "regulations", "现行有效件数"),
    ("fee_in_wan", "E10", "other", None, None),
    ("unpaid_fee", "E11", "other", None, None),
    ("bare_problems", "E12", "problems", None, None),
    ("missing_topic", "E13", "overview", "oversight", None),
    ("period_year", "E15", None, None, None),
    ("late", "E16", None, None, None),
    ("enumeration", "E19", "overview", None, None),
]


def matches(finding: Finding, section: str | None, row: str | None, column: str | None) -> bool:
    loc = finding.location
    return (
        (section is None or loc.section == section)
        and (row is None or loc.row == row)
        and (column is None or loc.column == column)
    )


@pytest.mark.parametrize(("change", "rule", "section", "row", "column"), CASES)
def test_rule_is_caught_at_its_place(
    change: str, rule: str, section: str | None, row: str | None, column: str | None
) -> None:
    baseline = {f.rule for f in findings_of(example_text())}
    assert rule not in baseline
    found = [f for f in findings_of(variant(change)) if f.rule == rule]
    assert found, f"{change}: no {rule}"
    assert any(matches(f, section, row, column) for f in found), [f.location for f in found]


def test_mistyped_row_is_read_and_flagged_once() -> None:
    text = variant("mistyped_row")
    report = read_bytes(text.encode("utf-8"), "r.txt")
    assert report.table3.mistyped == {"withheld_law": "2.其他法律行政止公开"}
    assert report.table3.rows["withheld_law"] == ["0"] * 7
    e7 = [f for f in findings_of(text) if f.rule == "E7"]
    assert len(e7) == 1 and "2.其他法律行政止公开" in e7[0].message


def test_trial_2019_table2_is_not_imported_as_2021_columns() -> None:
    from assistant.readers.convert import to_draft

    report = read_bytes(variant("trial_2019_table2").encode("utf-8"), "r.txt")
    assert "政府集中采购" in report.table2.trial_2019
    draft, messages = to_draft(report)
    assert draft.table2.regulations.issued is None
    assert any("2019" in m for m in messages)


def test_one_changed_cell_gives_one_e9_and_nothing_else_new() -> None:
    base = places(findings_of(example_text()))
    new = places(findings_of(variant("slash_cell"))) - base
    assert {p[0] for p in new} <= {"E9", "E1", "E2", "E3"}
    assert ("E9", "applications", "other_other", "business") in new


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cross_year_carried_over_mismatch_is_e5(tmp_path: Path) -> None:
    this = write(tmp_path, "2024.txt", example_text())
    last = write(
        tmp_path, "2023.txt", previous_year(example_text(), carried_out=["2", *["0"] * 5, "2"])
    )
    results = audit([this, last])
    assert results[0].report is not None and results[0].report.year == 2024
    e5 = [f for f in results[0].findings if f.rule == "E5"]
    assert e5 and any(f.location.column == "natural" for f in e5)
    assert not any(f.rule == "E5" for f in results[1].findings)


def test_cross_year_copied_text_is_e17(tmp_path: Path) -> None:
    this = write(tmp_path, "2024.txt", example_text())
    last = write(tmp_path, "2023.txt", previous_year(example_text()))
    results = audit([last, this])
    assert any(f.rule == "E17" for f in results[1].findings)
    assert not any(f.rule == "E17" for f in results[0].findings)


def test_cross_year_documents_in_force_is_e18(tmp_path: Path) -> None:
    this = write(tmp_path, "2024.txt", example_text())
    last = write(tmp_path, "2023.txt", previous_year(example_text(), in_force="5"))
    results = audit([this, last])
    e18 = [f for f in results[0].findings if f.rule == "E18"]
    assert e18 and e18[0].location.row == "regulations"


def test_other_agencies_are_not_compared(tmp_path: Path) -> None:
    other = previous_year(example_text(), carried_out=["2", *["0"] * 5, "2"]).replace(
        "沈阳市人民政府外事办公室", "沈阳市某局"
    )
    results = audit([write(tmp_path, "a.txt", example_text()), write(tmp_path, "b.txt", other)])
    assert not any(f.rule in ("E5", "E17", "E18") for r in results for f in r.findings)
