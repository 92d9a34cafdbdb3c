"""Show the fault campaigns' figures at the end of the run (without ``-s``)."""

from __future__ import annotations

import pytest

FIGURES = "reliability"
"""Name of the ``record_property`` entries printed in the terminal summary."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = [
        str(value)
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        for name, value in getattr(report, "user_properties", [])
        if name == FIGURES
    ]
    if lines:
        terminalreporter.section("reliability")
        for line in lines:
            terminalreporter.write_line(line)
