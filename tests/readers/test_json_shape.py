"""``check --json`` and ``audit --json`` list findings in the one shape docs/json.md documents."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from printed_samples import variant

from assistant.cli import main

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "json.md"
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"


def documented(heading: str) -> set[str]:
    """The keys of the first table after the line starting with ``heading`` in docs/json.md."""
    text = DOC.read_text(encoding="utf-8")
    rest = text[text.index(heading) :]
    table = re.search(r"(^\|.*\|\n)+", rest, re.MULTILINE)
    assert table is not None, heading
    return set(re.findall(r"^\| `(\w+)` \|", table.group(0), re.MULTILINE))


FINDING = documented("## 一条问题")
LOCATION = documented("`location` 的键")


def _check_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    draft = tmp_path / "broken.nianbao.yaml"
    text = SEED.read_text(encoding="utf-8").replace("  new: {natural: 0,", "  new: {natural: 3,", 1)
    draft.write_text(text, encoding="utf-8")
    assert main(["check", str(draft), "--json"]) == 1
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def _audit_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    report = tmp_path / "b.txt"
    report.write_text(variant("mistyped_row"), encoding="utf-8")
    assert main(["audit", str(report), "--json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    findings: list[dict[str, Any]] = entry["findings"]
    return findings


def test_the_document_lists_the_shape() -> None:
    assert {"rule", "severity", "key", "location", "where", "message", "fix"} <= FINDING
    assert {"section", "table", "field", "text"} <= LOCATION


def test_both_commands_use_the_documented_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checked = _check_findings(tmp_path, capsys)
    audited = _audit_findings(tmp_path, capsys)
    assert checked and audited
    for finding in audited:
        assert set(finding) == FINDING
    for finding in checked:
        assert set(finding) == FINDING | {"blocking", "acknowledged"}
    for finding in [*checked, *audited]:
        assert isinstance(finding["location"], dict)
        assert set(finding["location"]) <= LOCATION
        assert isinstance(finding["where"], str) and finding["where"]


def test_location_means_the_same_in_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 表三 finding is placed in section ``applications``, table 表三, by either command."""
    e1 = [f for f in _check_findings(tmp_path, capsys) if f["rule"] == "E1"]
    e7 = [f for f in _audit_findings(tmp_path, capsys) if f["rule"] == "E7"]
    for finding in (e1[0], e7[0]):
        assert finding["location"]["section"] == "applications"
        assert finding["location"]["table"] == "表三"
