"""One wording and one JSON shape for findings (render/findings.py)."""

from __future__ import annotations

from assistant.core.findings import Finding, Location, Severity
from assistant.render.findings import describe_finding, finding_json

FINDING = Finding(
    rule="E1",
    severity=Severity.ERROR,
    location=Location(section="applications", table="表三", field="table3.new.natural"),
    message="“总计”列不等于各列之和。",
    fix="请核对各列。",
)


def test_the_json_shape() -> None:
    data = finding_json(FINDING)
    assert list(data) == [
        "rule",
        "severity",
        "severity_label",
        "key",
        "location",
        "where",
        "message",
        "fix",
    ]
    assert data["location"] == {
        "section": "applications",
        "table": "表三",
        "field": "table3.new.natural",
    }
    assert isinstance(data["where"], str) and "表三" in data["where"]
    assert data["severity"] == "error" and data["severity_label"] == "错误"


def test_one_line() -> None:
    assert describe_finding(FINDING).startswith("[错误] ")
