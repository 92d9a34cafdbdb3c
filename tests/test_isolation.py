"""No test and no benchmark writes into the real user's home or XDG folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from example import REPO
from real_env import REAL_ENV, XDG_FOLDERS

from assistant.store import recent_drafts, remember_draft
from assistant.store.recent import recent_file

WRITE_STATE = (
    "import sys; sys.path.insert(0, sys.argv[1]); import _common; "
    "from pathlib import Path; from assistant.store import remember_draft; "
    "remember_draft(Path(sys.argv[2])); print(_common.child_env('pyc')['XDG_CACHE_HOME'])"
)


def _real_state_file() -> Path:
    state = REAL_ENV["XDG_STATE_HOME"] or str(Path(REAL_ENV["HOME"]) / ".local" / "state")
    return Path(state) / "nianbao" / "recent.json"


def test_every_per_user_folder_is_a_temporary_one(tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    assert str(home) != REAL_ENV["HOME"]
    for var, sub in XDG_FOLDERS.items():
        assert os.environ[var] == str(home / sub), var
        assert os.environ[var] != REAL_ENV[var], var


def test_a_test_opening_a_draft_leaves_the_real_recent_list_alone(tmp_path: Path) -> None:
    real = _real_state_file()
    before = real.read_bytes() if real.exists() else None
    draft = tmp_path / "测试市测试局-2024.nianbao.yaml"
    draft.write_text("x", encoding="utf-8")
    remember_draft(draft)
    subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from assistant.store import remember_draft; remember_draft(Path(sys.argv[1]))",
         str(draft)],
        check=True, cwd=REPO,
    )  # fmt: skip
    assert recent_drafts() == [draft]
    assert recent_file() != real
    assert (real.read_bytes() if real.exists() else None) == before


def test_benchmarks_run_with_a_private_home(tmp_path: Path) -> None:
    """A benchmark process (in-process work and its children) never sees the caller's home."""
    caller = tmp_path / "caller-home"
    env = dict(os.environ, HOME=str(caller))
    env.update({var: str(caller / sub) for var, sub in XDG_FOLDERS.items()})
    draft = tmp_path / "测试市测试局-2024.nianbao.yaml"
    draft.write_text("x", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", WRITE_STATE, str(REPO / "benchmarks"), str(draft)],
        check=True, cwd=REPO, env=env, capture_output=True, text=True,
    )  # fmt: skip
    child_cache = Path(out.stdout.strip())
    assert not caller.exists(), sorted(str(p) for p in caller.rglob("*"))
    assert caller not in child_cache.parents
    assert child_cache.name == "cache"
    written = list(child_cache.parent.rglob("recent.json"))
    assert [json.loads(p.read_text())[0]["path"] for p in written] == [str(draft)]
