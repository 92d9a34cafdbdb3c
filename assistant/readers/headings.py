"""Recognizing section headings (一、总体情况...) and the sub-headings of 一 ((一)主动公开...).

Mistyped and misnumbered headings are recognized too, by fuzzy comparison, within a budget per
document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from assistant.core import format as fmt
from assistant.readers.normalize import is_value, norm, ratio

MAX_HEADING: Final = 60
"""Longer lines are never headings, titles or sign-offs (and never reach the slower matching)."""
FUZZY_BUDGET: Final = 400
"""Heading-like lines compared fuzzily per document; past it only exact titles count."""

_SECTION_HEAD: Final = re.compile(
    r"^(?:第\s{0,2})?([一二三四五六七八九十]{1,2})\s{0,3}(?:部分)?\s{0,3}[、.．，,：:]?\s{0,3}(\S.{0,58})$"
)
_TOPIC_HEAD: Final = re.compile(
    r"^[（(]\s{0,2}([一二三四五六七八九十]{1,2})\s{0,2}[）)]\s{0,3}(.{1,2000})$"
)
_SECTION_NAMES: Final = [(s, norm(s.name)) for s in fmt.SECTIONS]
_SECTION_BY_NUMBER: Final = {s.number: s for s in fmt.SECTIONS}
_TOPIC_NAMES: Final = [(t, norm(t.name)) for t in fmt.OVERVIEW_TOPICS]
_TOPIC_BY_NUMBER: Final = {t.number: t for t in fmt.OVERVIEW_TOPICS}
TOPIC_PHRASES: Final = {
    "proactive": "主动公开",
    "on_request": "依申请公开",
    "management": "信息管理",
    "platform": "平台建设",
    "oversight": "监督保障",
}
"""What a topic heading says whatever its wording: 平台建设 in "（四）信息公开平台建设方面"."""
_TOPIC_TAIL: Final = re.compile(r"(?:政府信息)?(?:方面|情况|工作|建设)+(?=[。．.：:，,\s\u3000]|$)")
"""Words closing a topic heading ("方面", "情况") when punctuation follows: part of the title."""


@dataclass(slots=True)
class Heading:
    kind: str
    """"section" or "topic"."""
    key: str | None
    title: str
    rest: str = ""
    """For a topic printed inline with its text: the text after the heading."""


def _trailing_values(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 2 and is_value(tokens[-1])


def classify_section(text: str, *, fuzzy: bool = True) -> Heading | None:
    """The section heading this line is, if it is one (mistyped and misnumbered ones included).

    With ``fuzzy`` false only exact titles are recognized (the cheap path, once a document has
    used up its budget of fuzzy comparisons).
    """
    if len(text) > MAX_HEADING or "\t" in text or _trailing_values(text):
        return None
    line = text
    match = _SECTION_HEAD.match(line)
    if match is None:
        n = norm(line)
        for section, name in _SECTION_NAMES:
            if n == name:
                return Heading("section", section.key, line)
        return None
    number, name = match.group(1), norm(match.group(2))
    if not name:
        return None
    own = _SECTION_BY_NUMBER.get(number)
    if own is not None and name == norm(own.name):
        return Heading("section", own.key, line)
    if not fuzzy:
        return None
    best_score, best = 0.0, None
    for section, known in _SECTION_NAMES:
        score = ratio(name, known)
        if score > best_score:
            best_score, best = score, section
    if own is not None and ratio(name, norm(own.name)) >= 0.6:
        return Heading("section", own.key, line)
    if best is not None and best_score >= 0.75:
        return Heading("section", best.key, line)
    return None


def _topic_heading(
    key: str, number: str, rest: str, cut: int, line: str, bracketed: bool
) -> Heading:
    """The topic heading ending at ``cut`` in ``rest``, with the text printed after it."""
    tail = _TOPIC_TAIL.match(rest, cut)
    if tail is not None:
        cut = tail.end()
    remainder = rest[cut:]
    stripped = remainder.lstrip("。．.：:，, \u3000")
    title = f"（{number}）{rest[:cut]}" if bracketed else line
    if not stripped:
        return Heading("topic", key, line)
    return Heading("topic", key, title, stripped)


def classify_topic(text: str, *, fuzzy: bool = True) -> Heading | None:
    """The sub-heading of 一、总体情况 this line starts with, if any."""
    line = text
    match = _TOPIC_HEAD.match(line)
    if match is None:
        return None
    number, rest = match.group(1), match.group(2).strip()
    head = rest[:40]
    bracketed = line.startswith(("（", "("))
    for topic, name in _TOPIC_NAMES:
        if norm(head).startswith(name):
            # Where the name ends in the printed text: after as many word characters.
            count, cut = 0, 0
            for i, ch in enumerate(rest):
                if norm(ch):
                    count += 1
                if count == len(name):
                    cut = i + 1
                    break
            return _topic_heading(topic.key, number, rest, cut, line, bracketed)
    # Real variants name the topic in other words: "（四）信息公开平台建设方面",
    # "（五）政府信息公开监督保障情况。…": the number and the topic's key phrase suffice.
    own = _TOPIC_BY_NUMBER.get(number)
    if own is not None:
        phrase = TOPIC_PHRASES[own.key]
        at = rest.find(phrase, 0, 24)
        if at >= 0:
            return _topic_heading(own.key, number, rest, at + len(phrase), line, bracketed)
    if fuzzy and len(line) <= 24:
        n = norm(rest)
        best_score, best = 0.0, None
        for topic, name in _TOPIC_NAMES:
            score = ratio(n, name) + (0.05 if topic.number == number else 0.0)
            if score > best_score:
                best_score, best = score, topic
        if best is not None and best_score >= 0.6:
            return Heading("topic", best.key, line)
    return None
