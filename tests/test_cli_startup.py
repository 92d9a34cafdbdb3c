"""What `nianbao check` spends before its own work: no pydantic plugin scan unless asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "examples" / "shenyang-2024.nianbao.yaml"

# Runs the command as the console script does, then reports whether pydantic scanned the
# installed packages' entry points for plugins (its cache stays None when it never looked).
_PROBE = """
import sys
from assistant.cli import main
code = main(["check", sys.argv[1]])
from pydantic.plugin import _loader
print(code, "scanned" if _loader._plugins is not None else "not scanned")
"""


def _probe(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if env_value is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = env_value
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_check_does_not_scan_for_pydantic_plugins() -> None:
    assert _probe(None) == "0 not scanned"


def test_a_plugin_setting_of_the_caller_is_kept() -> None:
    # The caller names one plugin to skip: the others are still looked for.
    assert _probe("some-plugin") == "0 scanned"
