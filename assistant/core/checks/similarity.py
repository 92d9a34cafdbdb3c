"""E17: more than half of this year's text identical to last year's report.

The measure is *coverage*: the share of this year's characters that lie inside some run of
``SHINGLE`` consecutive characters that also occurs in last year's text. It answers the
reviewers' question ("how much of this text was there last year?") directly, unlike a symmetric
measure such as Jaccard, which a long or short prior report would skew. Before comparing, digit
runs become "#" and whitespace and punctuation are dropped, so a copied paragraph whose years and
counts were updated still counts as copied, and re-wrapping lines changes nothing. Ten characters
is about a short Chinese phrase: long enough that common terms (政府信息公开, 依申请公开) do not
match by themselves, short enough that a sentence with a few words changed still partly matches.
The front matter and sign-off are left out: they are fixed wording in every report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from assistant.core.checks.places import finding, section_title
from assistant.core.facts import ReportFacts
from assistant.core.findings import Finding, Location

SHINGLE: Final = 10
THRESHOLD: Final = 0.5
MIN_LENGTH: Final = 100
"""Below this many characters a text is too short to judge."""

_DIGITS: Final = re.compile(r"\d+")
_NOISE: Final = re.compile(r"[^\w#]|_")


def normalize(text: str) -> str:
    """The text as compared: digit runs as "#", no whitespace or punctuation."""
    return _NOISE.sub("", _DIGITS.sub("#", text))


@lru_cache(maxsize=8)
def _shingles(text: str) -> frozenset[str]:
    flat = normalize(text)
    return frozenset(flat[i : i + SHINGLE] for i in range(len(flat) - SHINGLE + 1))


def coverage(text: str, prior: str) -> tuple[int, int]:
    """(characters of ``text`` found in ``prior``, all characters of ``text``), normalized."""
    flat = normalize(text)
    seen = _shingles(prior)
    covered = reach = 0
    for i in range(len(flat) - SHINGLE + 1):
        if flat[i : i + SHINGLE] in seen:
            covered += i + SHINGLE - max(reach, i)
            reach = i + SHINGLE
    return covered, len(flat)


def check_similarity(facts: ReportFacts) -> Iterator[Finding]:
    """E17 when last year's text is known and this year's is long enough to judge."""
    prior = facts.prior.text
    if not prior or not prior.strip():
        return
    per_section: dict[str, tuple[int, int]] = {}
    for part in facts.parts:
        if part.section == "meta":
            continue
        same, size = coverage(part.text, prior)
        old_same, old_size = per_section.get(part.section, (0, 0))
        per_section[part.section] = (old_same + same, old_size + size)
    same = sum(s for s, _ in per_section.values())
    size = sum(n for _, n in per_section.values())
    if size < MIN_LENGTH or same <= THRESHOLD * size:
        return
    worst = [
        f"{section_title(key)} {round(100 * s / n)}%"
        for key, (s, n) in per_section.items()
        if n and s > THRESHOLD * n
    ]
    detail = f"（{'；'.join(worst)}）" if worst else ""
    last = f"{facts.prior.year}年" if facts.prior.year else "上年"
    yield finding(
        "E17",
        Location(text="全文"),
        f"正文约 {size} 字中有约 {round(100 * same / size)}% 与{last}报告相同{detail}；"
        "考核时会因照搬上年内容扣分。",
        "按本年实际工作重写与上年相同的段落，写明本年的新做法、新情况和具体数据。",
    )
