"""Reading accuracy on the degraded-report corpus (tests/fixtures/reports/corpus/).

For each fixture (a report of a known draft in a real-world form) it prints table cells right /
wrong / missing, the share of the narrative found in the right section, foreign text that landed
in a section, whether agency, year and contact were read, and false findings (what ``audit``
reports that the draft's own checks do not). The scoring is ``tests/readers/scoring.py``.
BENCHMARKS.md keeps the latest table.

    uv run python benchmarks/accuracy.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "readers"))

from scoring import fixtures, score, table


def main() -> int:
    scores = [score(p) for p in fixtures()]
    print(table(scores))
    return 1 if any(s.wrong for s in scores) else 0


if __name__ == "__main__":
    sys.exit(main())
