"""Scoring a reading against the draft a fixture was made from (tests/fixtures/reports/corpus/).

Used by the corpus tests and by ``benchmarks/accuracy.py``, which prints the table.

Each fixture is a report of a known draft (``<name>.nianbao.yaml``) in a real-world form
(``<name>.<form>.<ext>``). For each it imports the file and prints: table cells right / wrong /
missing (the draft's 166 answer cells: 表二 10, 表三 24 rows × 6, 表四 12), the share of the
narrative (by characters of its sentences) found in the right section, whether agency, year and
contact were read, and the false findings: what ``audit`` reports that the draft's own checks do
not (reading notes, "READ", are counted apart as unread).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fixtures" / "reports" / "corpus"

NARRATIVE = (
    ("overview", "intro"),
    ("overview", "proactive"),
    ("overview", "on_request"),
    ("overview", "management"),
    ("overview", "platform"),
    ("overview", "oversight"),
    ("problems",),
    ("other", "text"),
)
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_WORD = re.compile(r"[\W_]+")


@dataclass
class Score:
    fixture: str
    form: str
    right: int = 0
    wrong: int = 0
    missing: int = 0
    narrative: float = 0.0
    foreign: int = 0
    meta: str = ""
    false_findings: int = 0
    unread_notes: int = 0
    false_rules: str = ""


def _leaves(data: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(_leaves(value, f"{prefix}{key}."))
    else:
        out[prefix.rstrip(".")] = data
    return out


def _field(data: dict[str, Any], path: tuple[str, ...]) -> str:
    node: Any = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, str) else ""


def _norm(text: str) -> str:
    return _WORD.sub("", text)


def narrative_share(source: dict[str, Any], imported: dict[str, Any]) -> tuple[float, int]:
    """Characters of the source's sentences found in the same field of the import (0..1), and
    characters of the import's sentences that are in no field of the source (foreign text: a
    footer, chrome, a table read as prose)."""
    total = found = 0
    everything = "".join(_norm(_field(source, path)) for path in NARRATIVE)
    foreign = 0
    for path in NARRATIVE:
        original = _field(source, path)
        got = _norm(_field(imported, path))
        for sentence in _SENTENCE.findall(original):
            n = _norm(sentence)
            total += len(n)
            if n and n in got:
                found += len(n)
        for sentence in _SENTENCE.findall(_field(imported, path)):
            n = _norm(sentence)
            if n and n not in everything:
                foreign += len(n)
    return (found / total if total else 1.0), foreign


def score(path: Path) -> Score:
    from assistant.audit import judge
    from assistant.core.checks import run_checks
    from assistant.core.draft import Draft
    from assistant.readers import read_report
    from assistant.readers.convert import to_draft

    name, form = path.name.split(".")[:2]
    source = Draft.model_validate(
        yaml.safe_load((CORPUS / f"{name}.nianbao.yaml").read_text("utf-8"))
    )
    report = read_report(path)
    draft, _ = to_draft(report)
    result = Score(path.name, form)
    a = source.model_dump(mode="json")
    b = draft.model_dump(mode="json")
    for table in ("table2", "table3", "table4"):
        mine = _leaves(b[table])
        for key, value in _leaves(a[table]).items():
            got = mine.get(key)
            if got is None:
                result.missing += 1
            elif str(got) == str(value):
                result.right += 1
            else:
                result.wrong += 1
    result.narrative, result.foreign = narrative_share(a, b)
    meta = [
        "机关" if draft.meta.agency == source.meta.agency else "",
        "年度" if draft.meta.year == source.meta.year else "",
        "联系" if draft.meta.contact_lines == source.meta.contact_lines else "",
    ]
    result.meta = "、".join(m for m in meta if m) or "—"
    own = {f.rule for f in run_checks(source)}
    findings = judge(report)
    false = [f for f in findings if f.rule not in own and f.rule != "READ"]
    result.false_findings = len(false)
    result.false_rules = " ".join(sorted({f.rule for f in false}))
    result.unread_notes = sum(1 for f in findings if f.rule == "READ")
    return result


def fixtures() -> list[Path]:
    return sorted(
        p
        for p in CORPUS.iterdir()
        if p.is_file()
        and p.suffix in (".txt", ".html", ".md", ".docx", ".pdf")
        and (CORPUS / f"{p.name.split('.')[0]}.nianbao.yaml").exists()
    )


def table(scores: list[Score]) -> str:
    """The accuracy table, in Markdown."""
    header = (
        "| fixture | form | cells right | wrong | missing | narrative in place | foreign chars "
        "| meta read | false findings | unread notes |"
    )
    lines = [header, "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"]
    for s in scores:
        false = f"{s.false_findings} ({s.false_rules})" if s.false_findings else "0"
        lines.append(
            f"| {s.fixture} | {s.form} | {s.right} | {s.wrong} | {s.missing} | "
            f"{s.narrative:.0%} | {s.foreign} | {s.meta} | {false} | {s.unread_notes} |"
        )
    right = sum(s.right for s in scores)
    wrong = sum(s.wrong for s in scores)
    missing = sum(s.missing for s in scores)
    cells = right + wrong + missing
    lines.append(
        f"| **all {len(scores)}** | | {right} ({right / cells:.1%}) | {wrong} | {missing} | "
        f"{sum(s.narrative for s in scores) / len(scores):.0%} | "
        f"{sum(s.foreign for s in scores)} | | "
        f"{sum(s.false_findings for s in scores)} | {sum(s.unread_notes for s in scores)} |"
    )
    return "\n".join(lines)
