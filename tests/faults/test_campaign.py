"""The fault campaign (benchmarks/faults.py) finds damage when there is some, and none today."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "faults.py"


def _campaign(tmp_path: Path, *extra: str, kills: int = 4) -> dict[str, object]:
    figures = tmp_path / "figures.json"
    command = [sys.executable, str(SCRIPT), "--only", "kills", "--kills", str(kills)]
    run = subprocess.run(
        [*command, "--tui-share", "0", "--json", str(figures), *extra],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,  # a guard against a hung session, not a performance assertion
    )
    assert figures.exists(), run.stderr
    found: dict[str, object] = json.loads(figures.read_text(encoding="utf-8"))["kills"]
    return found


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the campaign forks its sessions")
def test_killed_plain_sessions_lose_nothing(tmp_path: Path) -> None:
    plain = _campaign(tmp_path)["plain"]
    assert isinstance(plain, dict)
    assert plain["kills"] == 4
    assert plain["mid_save"] >= 1  # the kills land inside saves, or they prove nothing
    assert plain["corrupt"] == plain["lost"] == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the campaign forks its sessions")
def test_the_campaign_catches_a_save_that_is_not_atomic(tmp_path: Path) -> None:
    plain = _campaign(tmp_path, "--sabotage", "--seed", "7", kills=8)["plain"]
    assert isinstance(plain, dict)
    assert plain["corrupt"] + plain["lost"] >= 1
