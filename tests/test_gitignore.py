"""Opening, saving or repairing the shipped example leaves ``git status`` clean."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.store import backup_path, broken_path, lock_path
from assistant.store.atomic import _temp_path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "shenyang-2024.nianbao.yaml"


def _ignored(path: Path) -> bool:
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", str(path.relative_to(REPO))],
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


@pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(), reason="not a git checkout"
)
@pytest.mark.parametrize(
    "beside",
    [lock_path, backup_path, broken_path, _temp_path, lambda p: _temp_path(p, ".bak")],
    ids=["lock", "backup", "broken", "temp", "temp-backup"],
)
def test_files_written_beside_a_draft_are_ignored(beside: Callable[[Path], Path]) -> None:
    written = beside(EXAMPLE)
    assert written.parent == EXAMPLE.parent
    assert _ignored(written), written.name
    assert not _ignored(EXAMPLE)
