"""Shared helpers for the benchmark scripts: run, repeat, summarise, print.

Every figure is compared with a baseline measured in the same run, because machines here are shared
and noisy: a ratio survives a busy neighbour far better than a number of milliseconds. Baseline and
subject are measured in alternation, and the ratio is taken round by round (median, min–max).

Two bytecode modes, since start-up cost is mostly compiling imports:

- ``pyc``: as a user gets it. Bytecode is cached (in a private ``PYTHONPYCACHEPREFIX`` folder, so
  neither the checkout nor the virtualenv is touched) and warmed by an uncounted first run.
- ``nopyc``: as this environment runs, with ``PYTHONDONTWRITEBYTECODE=1`` and no cached bytecode
  for the packages, so every process compiles every module it imports (stdlib excepted).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
NIANBAO = Path(PYTHON).parent / "nianbao"
"""The console script a user runs (``python -m assistant`` when not installed as one)."""
MODES = ("pyc", "nopyc")
MODE_LABEL = {"pyc": "cached bytecode", "nopyc": "no bytecode (PYTHONDONTWRITEBYTECODE=1)"}
_SCRATCH = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))


def nianbao(*args: str) -> list[str]:
    """argv running ``nianbao ARGS`` the way a user does."""
    if NIANBAO.exists():
        return [str(NIANBAO), *args]
    return [PYTHON, "-m", "assistant", *args]


def scratch(name: str) -> Path:
    """A folder under this run's scratch directory (removed by nothing: it is in /tmp)."""
    path = _SCRATCH / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def child_env(mode: str) -> dict[str, str]:
    """The environment of a measured process: bytecode mode, and a private home and state dir."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if mode == "pyc":
        env["PYTHONPYCACHEPREFIX"] = str(scratch("pycache"))
    elif mode == "nopyc":
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        raise ValueError(mode)
    env.update(private_home())
    return env


_XDG = (
    ("XDG_STATE_HOME", "state"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_DATA_HOME", "data"),
)


def private_home() -> dict[str, str]:
    """HOME and XDG folders for a benchmark: under this run's scratch folder, never the user's."""
    home = scratch("home")
    env = {"HOME": str(home)}
    for var, sub in _XDG:
        (home / sub).mkdir(exist_ok=True)
        env[var] = str(home / sub)
    return env


def isolate() -> None:
    """Give this process (and so LibreOffice and every child) the private HOME and XDG folders.

    Called first by every benchmark entry point: corpus rendering runs in-process and starts
    LibreOffice, which keeps a profile under HOME.
    """
    os.environ.update(private_home())


# Also on import, so that a benchmark whose entry point forgets isolate() (or a script that only
# imports a helper from here) still never writes into the real user's state.
isolate()


@dataclass
class Sample:
    """Repeated measurements of one thing (seconds, bytes, or a ratio)."""

    name: str
    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def quantile(self, q: float) -> float:
        """Nearest-rank quantile (``q`` in 0..1)."""
        ordered = sorted(self.values)
        index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
        return ordered[index]


@dataclass
class Run:
    """One child process: wall time and peak resident memory."""

    seconds: float
    peak_rss_bytes: int
    returncode: int
    stdout: bytes
    stderr: bytes


class ChildFailed(RuntimeError):
    """A measured process exited with an unexpected code: its figure would mean nothing."""


def run_process(argv: Sequence[str], *, mode: str, ok: Sequence[int] = (0,)) -> Run:
    """Run ``argv`` to completion; wall time from spawn to exit, and the child's peak RSS (wait4).

    Output goes to pipes that are drained, never to the terminal; raises ChildFailed when the exit
    code is not in ``ok``.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            cwd=scratch("cwd"),  # not the checkout: only installed code and given paths count
            env=child_env(mode),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = Run(seconds, usage.ru_maxrss * 1024, code, out.read(), err.read())
    if code not in ok:
        detail = run.stderr.decode("utf-8", "replace")[-3000:]
        raise ChildFailed(f"{' '.join(argv)[:200]} exited {code}:\n{detail}")
    return run


def in_child(script: str, *args: str) -> str:
    """Run ``benchmarks/SCRIPT ARGS`` in its own process and return its standard output.

    Work that loads the product (rendering a corpus, timing saves) runs there, never in the
    driver: Linux counts the memory a process had when it started another program in that
    program's peak RSS, so a driver grown by the product would inflate every figure it measures.
    """
    done = subprocess.run(
        [PYTHON, str(HERE / script), *args],
        env={**os.environ, **private_home()},
        stdout=subprocess.PIPE,
        check=True,
    )
    return done.stdout.decode("utf-8")


def interleave(times: int, **measures: Callable[[], float]) -> dict[str, Sample]:
    """Measure several things in alternation, after one uncounted warm-up round.

    A slow moment of the machine then hits them alike; the warm-up fills the bytecode cache and the
    page cache.
    """
    samples = {name: Sample(name) for name in measures}
    for measure in measures.values():
        measure()
    for _ in range(times):
        for name, measure in measures.items():
            samples[name].values.append(measure())
    return samples


def ratios(subject: Sample, baseline: Sample) -> Sample:
    """Round-by-round ratios of two interleaved samples."""
    return Sample(
        f"{subject.name}/{baseline.name}",
        [s / b for s, b in zip(subject.values, baseline.values, strict=True)],
    )


def ratio_text(sample: Sample) -> str:
    """``median× (min×–max×), n = N``: how every ratio of the table is given."""
    return f"{spread(sample, times)}, n = {len(sample.values)}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def mib(size: float) -> str:
    return f"{size / 2**20:.1f} MiB"


def times(value: float) -> str:
    return f"{value:.2f}×"


def per_second(value: float) -> str:
    return f"{value:.0f}/s"


def spread(sample: Sample, unit: Callable[[float], str] = ms) -> str:
    """``median (min–max)`` in ``unit``."""
    return f"{unit(sample.median)} ({unit(sample.low)}–{unit(sample.high)})"


@dataclass
class Row:
    """One line of the results table."""

    figure: str
    mode: str
    value: str
    baseline: str
    ratio: str
    target: str
    verdict: str


def verdict(value: float, target: float | None, *, at_least: bool = False) -> str:
    if target is None:
        return ""
    ok = value >= target if at_least else value <= target
    return "OK" if ok else "MISSED"


HEADER = ("figure", "bytecode", "median (min–max)", "baseline", "ratio", "target", "")


def table(rows: Sequence[Row]) -> str:
    """A Markdown table, so the same text goes to the terminal and to BENCHMARKS.md."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        cells = (row.figure, row.mode, row.value, row.baseline, row.ratio, row.target, row.verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def note(text: str) -> None:
    """Progress on stderr, so stdout stays the table."""
    print(text, file=sys.stderr, flush=True)
