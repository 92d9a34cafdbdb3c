"""What next-year says it carried: the items to confirm, not last year's reference figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from example import SEED_PATH as SEED

from assistant.cli import main
from assistant.store import load_draft


def test_next_year_counts_only_what_needs_confirming(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2025.nianbao.yaml"
    assert main(["next-year", str(SEED), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    to_confirm = [p for p in load_draft(out).interview.unconfirmed if not p.startswith("prior.")]
    assert f"共 {len(to_confirm)} 项" in said
    assert "不需要确认" in said
    assert "逐项请您确认" not in said
