"""Telling which expected unit a report is from, by its name as printed (pure, no file I/O).

Agencies print their names in several ways: with or without the region in front ("教育局",
"某某县教育局"), "人民政府" or "政府", "街道办事处" or "街道", full-width or half-width
brackets. A roster unit may also list aliases for abbreviations no rule can guess ("县卫健委").
Kept free of the roster model (names in, indices out) so that the audit can share it later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

_NOT_WORD: Final = re.compile(r"[\W_]+", re.UNICODE)
_SHORTER: Final = (("人民政府", "政府"), ("街道办事处", "街道"), ("街道办", "街道"))
_TITLE_TAIL: Final = re.compile(r"(?:\d{4}年度?)?(?:政府信息公开工作)?(?:年度报告|年报)$")
_YEAR: Final = re.compile(r"(?:19|20)\d{2}年?度?")
MIN_PART: Final = 3
"""The shortest name that may match as the end of a longer one ("教育局", not "局")."""


def name_key(name: str) -> str:
    """A name reduced for comparison: NFKC, no spaces or punctuation, usual long forms shortened."""
    key = _NOT_WORD.sub("", unicodedata.normalize("NFKC", name))
    key = _TITLE_TAIL.sub("", key)
    for long, short in _SHORTER:
        key = key.replace(long, short)
    return key


@dataclass(frozen=True)
class Match:
    """The outcome of matching one name: the indices of the names it may be."""

    found: tuple[int, ...]
    how: str
    """"exact", "suffix", "file" (found in the file name) or "" when nothing matched."""

    @property
    def unique(self) -> int | None:
        """The one index matched, or None when none or several did."""
        return self.found[0] if len(self.found) == 1 else None


NO_MATCH: Final = Match((), "")


class NameIndex:
    """Look up which of a list of units a printed name belongs to.

    ``units`` holds, per unit, its name and aliases. A name matches a unit when their keys are
    equal, or when one key ends with the other (the region in front left out) and the shorter
    is at least ``MIN_PART`` characters; an exact match wins over an ending one, and among
    endings the longest wins. Ties are returned together, for the caller to refuse.
    """

    def __init__(self, units: Sequence[Sequence[str]]) -> None:
        self._keys: list[tuple[int, str]] = [
            (i, key) for i, names in enumerate(units) for key in {name_key(n) for n in names} if key
        ]
        self._exact: dict[str, set[int]] = {}
        for i, key in self._keys:
            self._exact.setdefault(key, set()).add(i)

    def match(self, name: str | None) -> Match:
        """The units ``name`` (as printed in a report) may be."""
        if not name:
            return NO_MATCH
        key = name_key(name)
        if not key:
            return NO_MATCH
        if key in self._exact:
            return Match(tuple(sorted(self._exact[key])), "exact")
        best = 0
        found: set[int] = set()
        for i, unit_key in self._keys:
            shorter = min(len(key), len(unit_key))
            if shorter < MIN_PART or not (key.endswith(unit_key) or unit_key.endswith(key)):
                continue
            if shorter > best:
                best, found = shorter, {i}
            elif shorter == best:
                found.add(i)
        return Match(tuple(sorted(found)), "suffix") if found else NO_MATCH

    def match_file(self, stem: str) -> Match:
        """The units whose name appears in a file name ("2024年教育局年报.pdf")."""
        key = _YEAR.sub("", name_key(stem))
        best = 0
        found: set[int] = set()
        for i, unit_key in self._keys:
            if len(unit_key) < MIN_PART or unit_key not in key:
                continue
            if len(unit_key) > best:
                best, found = len(unit_key), {i}
            elif len(unit_key) == best:
                found.add(i)
        return Match(tuple(sorted(found)), "file") if found else NO_MATCH
