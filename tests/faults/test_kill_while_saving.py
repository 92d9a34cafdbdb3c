"""SIGKILL a process while it applies answers and saves, 1,000 times: no answer is ever lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("kill_harness.py")
REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("NIANBAO_KILLS", "1000"))
SEED = 20241126


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks its workers")
def test_no_answer_lost_when_killed_while_saving(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, str(HARNESS), "--kills", str(KILLS), "--seed", str(SEED)]
    run = subprocess.run(
        [*command, "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,  # a safety net for a hung worker, not a performance assertion
    )
    assert run.stdout, run.stderr
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    summary = (
        f"kills survived: {figures['kills']}, corrupted: {figures['corrupted']}, "
        f"lost: {figures['lost']} (seed {SEED}; {figures['kills_during_save']} kills mid-save, "
        f"{figures['answers_saved']} answers saved)"
    )
    record_property("reliability", summary)
    print(summary)
    assert figures["problems"] == [], figures["problems"]
    assert figures["kills"] == KILLS
    assert figures["corrupted"] == 0
    assert figures["lost"] == 0
    assert figures["worker_errors"] == 0
    # The kills must land inside saves, or the campaign proves nothing.
    assert figures["kills_during_save"] >= KILLS // 4
    assert figures["answers_saved"] > 0
    assert figures["temp_files_left_at_end"] == 0
    assert run.returncode == 0, run.stderr
