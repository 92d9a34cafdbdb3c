"""Whole-process cost of `nianbao check` (2) and `nianbao render` (3) against a baseline.

The baseline is the floor of the stack the product must use: a `python -c` that imports pydantic
and PyYAML, defines one model and validates one dict (``STACK_FLOOR``). The bare
`import pydantic, yaml` of issue 7 stays as an information row: `import pydantic` alone is lazy
and loads none of the model machinery, so it is below anything that validates a draft.

Each command runs on the shipped example draft, exactly as the README shows it, and writes its
report to a scratch file. `nianbao check` must not import textual (nor rich): asserted on the real
process, from the interpreter's own import log (``-X importtime``).
"""

from __future__ import annotations

import sys

from _common import (
    PYTHON,
    REPO,
    Row,
    interleave,
    isolate,
    nianbao,
    ratio_text,
    ratios,
    run_process,
    scratch,
    spread,
    table,
    verdict,
)

SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"
STACK_FLOOR = [
    PYTHON,
    "-c",
    "import pydantic, yaml\n"
    "class M(pydantic.BaseModel):\n    x: int = 0\n    name: str = ''\n"
    "M.model_validate({'x': 1, 'name': 'a'})",
]
"""The baseline: pydantic and PyYAML imported, one model defined, one dict validated."""
BARE_IMPORT = [PYTHON, "-c", "import pydantic, yaml"]
"""Issue 7's baseline, kept as a row: below the floor (no model machinery loaded)."""
FLOOR = [PYTHON, "-c", "import yaml, assistant.core.draft"]
"""What any command reading a draft loads: the draft's pydantic models (built) and PyYAML."""
CHECK_TARGET = 1.15
RENDER_TARGET = 1.3


def commands() -> dict[str, tuple[list[str], float | None]]:
    """figure → (argv, target ratio; None where the issue sets none)."""
    out = scratch("render")
    rows: dict[str, tuple[list[str], float | None]] = {
        "2. `nianbao check`": (nianbao("check", str(SEED)), CHECK_TARGET)
    }
    for fmt, target in (("md", RENDER_TARGET), ("html", RENDER_TARGET), ("docx", None)):
        argv = nianbao("render", str(SEED), "--format", fmt, "-o", str(out / f"seed.{fmt}"))
        rows[f"3. `nianbao render --format {fmt}`"] = (argv, target)
    return rows


_PROBE = """
import runpy, sys
sys.argv = ["nianbao", "check", {seed!r}]
try:
    runpy.run_module("assistant", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
assert "assistant.commands.check" in sys.modules, "the command did not run"
loaded = sorted(m for m in sys.modules if m.partition(".")[0] in ("textual", "rich"))
sys.stderr.write("\\nLOADED:" + ",".join(loaded))
"""


def textual_free(mode: str) -> bool:
    """`nianbao check` imports neither textual nor rich (sys.modules after the command ran)."""
    run = run_process([PYTHON, "-c", _PROBE.format(seed=str(SEED))], mode=mode, ok=(0,))
    loaded = run.stderr.decode("utf-8", "replace").rsplit("LOADED:", 1)[1].strip()
    return loaded == ""


def measure(runs: int, mode: str) -> list[Row]:
    """Figures 2 and 3 in bytecode ``mode``."""
    cmds = commands()
    floors = {
        '2. (below the floor) `python -c "import pydantic, yaml"`': BARE_IMPORT,
        '2. (floor) `python -c "import yaml, assistant.core.draft"`': FLOOR,
    }
    measures = {"baseline": lambda: run_process(STACK_FLOOR, mode=mode).seconds}
    for name, argv in [*floors.items(), *((n, a) for n, (a, _) in cmds.items())]:
        measures[name] = lambda argv=argv: run_process(argv, mode=mode).seconds  # type: ignore[misc]
    samples = interleave(runs, **measures)
    base = samples["baseline"]
    base_text = spread(base) + " stack floor (pydantic + yaml, one model, one dict)"
    rows = [
        Row(
            name,
            mode,
            spread(samples[name]),
            base_text,
            ratio_text(ratios(samples[name], base)),
            "",
            "",
        )
        for name in floors
    ]
    for name, (_, target) in cmds.items():
        ratio = ratios(samples[name], base)
        rows.append(
            Row(
                name,
                mode,
                spread(samples[name]),
                base_text,
                ratio_text(ratio),
                f"≤ {target}×" if target else "—",
                verdict(ratio.median, target),
            )
        )
    clean = textual_free(mode)
    rows.append(
        Row(
            "2. textual or rich imported by `nianbao check`",
            mode,
            "no" if clean else "YES",
            "",
            "",
            "never",
            "OK" if clean else "MISSED",
        )
    )
    return rows


if __name__ == "__main__":
    isolate()
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7, "pyc")
    print(table(result))
    raise SystemExit(0 if all(r.verdict != "MISSED" for r in result) else 1)
