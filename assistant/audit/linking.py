"""Which reports are the same agency's in other years, across the variants of its name.

An agency's name is not printed the same way every year: with or without its parent's prefix
("沈阳市和平区教育局" / "和平区教育局"), in the title one year and only in the 落款 the next. Two
reports of different years are linked when their names agree once such a prefix is set aside,
when they give the same contact phone number or address, or when their file names differ only in
the year ("waiban-2023.html", "waiban-2024.html").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from assistant.readers.model import PrintedReport
from assistant.readers.normalize import norm

_PARENT: Final = re.compile(r".{1,12}?(?:省|自治区|市|自治州|州|盟|地区|区|县|旗)")
_PHONE: Final = re.compile(r"(?:0\d{2,3}[-－—\s]?)?\d{7,8}")
_ADDRESS: Final = re.compile(r"(?:地址|通讯地址|联系地址)[:：]\s{0,2}([^；;，,。（）()]{4,60})")
_YEAR: Final = re.compile(r"(?:19|20)\d{2}")


def _names(report: PrintedReport) -> set[str]:
    """The report's agency names, normalized: as printed (title and 落款), without the prefix."""
    names: set[str] = set()
    for name in (report.agency, report.signoff_agency, report.intro_agency):
        if not name:
            continue
        n = norm(name)
        names.add(n)
        rest = n
        # Each leading administrative prefix set aside in turn while another follows:
        # 辽宁省沈阳市和平区教育局 → 沈阳市和平区教育局 → 和平区教育局, never down to a bare
        # 教育局 or 人民政府外事办公室, which many agencies share.
        for _ in range(3):
            match = _PARENT.match(rest)
            if match is None:
                break
            shorter = rest[match.end() :]
            if len(shorter) < 4 or _PARENT.match(shorter) is None:
                break
            names.add(shorter)
            rest = shorter
    return names


def _contacts(report: PrintedReport) -> set[str]:
    text = " ".join([*report.contact_lines, report.intro])
    found = {re.sub(r"\D", "", m.group(0)) for m in _PHONE.finditer(text)}
    found |= {norm(m.group(1)) for m in _ADDRESS.finditer(text)}
    return {f for f in found if len(f) >= 7}


def _stem(path: str, year: int | None) -> str:
    """The file name without its year, when the year in it is the report's own."""
    name = Path(path).name
    if year is None or str(year) not in _YEAR.findall(name):
        return ""
    stem = name.replace(str(year), "")
    return stem if len(norm(stem)) >= 3 else ""


def groups(paths: Sequence[str], reports: Sequence[PrintedReport | None]) -> list[int]:
    """For each report, the index of the first report of the same agency (itself if none)."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys: dict[tuple[str, str], int] = {}
    for i, report in enumerate(reports):
        if report is None:
            continue
        marks = [("name", n) for n in _names(report)]
        marks += [("contact", c) for c in _contacts(report)]
        stem = _stem(paths[i], report.year)
        if stem:
            marks.append(("stem", stem))
        for mark in marks:
            j = keys.setdefault(mark, i)
            if j != i:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(reports))]


def prior_years(
    paths: Sequence[str], reports: Sequence[PrintedReport | None]
) -> list[PrintedReport | None]:
    """For each report, the same agency's report of the year before, if it is among them."""
    group = groups(paths, reports)
    by_year: dict[tuple[int, int], PrintedReport] = {}
    for i, report in enumerate(reports):
        if report is not None and report.year is not None:
            by_year.setdefault((group[i], report.year), report)
    return [
        by_year.get((group[i], report.year - 1))
        if report is not None and report.year is not None
        else None
        for i, report in enumerate(reports)
    ]
