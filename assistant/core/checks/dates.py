"""Years and dates: E15 (title, period, text and sign-off disagree) and E16 (published late)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Final

from assistant.core import format as fmt
from assistant.core.checks.places import editable, finding, part_place, quoted
from assistant.core.facts import ReportFacts
from assistant.core.findings import Finding, Location, Severity
from assistant.core.numerals import parse_integer

_Y: Final = r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年"
_YEAR: Final = re.compile(_Y)
_PERIOD: Final = re.compile(
    _Y
    + r"\s*(?:1|一|01)\s*月\s*(?:1|一|01)\s*日\s*(?:至|到|—+|－|-|~|～)\s*"
    + _Y
    + r"\s*(?:12|十二)\s*月\s*(?:31|三十一)\s*日"
)
# A sentence that opens on a year ("2023年，我办…"): copied from an older report when the year
# is neither the report year nor the next (plans for next year are legitimate).
_LEAD_YEAR: Final = re.compile(r"(?:^|(?<=[。！？\n]))\s*(?:在)?" + _Y + r"(?:度)?\s*[，,]")


def _year(text: str) -> int | None:
    return parse_integer(text)


def check_dates(facts: ReportFacts) -> Iterator[Finding]:
    """E15 and E16."""
    year = facts.year
    if year is not None:
        yield from _title_and_period(facts, year)
        yield from _signoff(facts, year)
        yield from _text_years(facts, year)
    yield from _deadline(facts)


def _title_and_period(facts: ReportFacts, year: int) -> Iterator[Finding]:
    if facts.title:
        found = _YEAR.search(facts.title)
        stated = _year(found.group(1)) if found else None
        if stated is not None and stated != year:
            yield finding(
                "E15",
                Location(
                    section="meta", row="title", field=editable(facts, "meta.year"), text="标题"
                ),
                f"标题{quoted(facts.title)}中的年份 {stated} 与报告年度 {year} 不一致。",
                f"标题应为“{fmt.report_title(facts.agency or '（机关全称）', year)}”。",
            )
    periods: list[tuple[str, str | None, str]] = []
    if facts.period:
        periods.append((facts.period, None, "统计期限"))
    for part in facts.parts:
        periods += [(m.group(0), part.field, part_place(part)) for m in _PERIOD.finditer(part.text)]
    for text, field, place in periods:
        years = {y for y in (_year(t) for t in _YEAR.findall(text)) if y is not None}
        if years and years != {year}:
            where = place if place == "统计期限" else f"{place}（统计期限）"
            yield finding(
                "E15",
                Location(section="meta", row="period", field=field, text=where),
                f"统计期限{quoted(text)}与报告年度 {year} 不一致。",
                f"统计期限应为 {year}年1月1日至{year}年12月31日。",
            )


def _signoff(facts: ReportFacts, year: int) -> Iterator[Finding]:
    published = facts.published
    if published is None or published.year == year + 1:
        return
    if published <= dt.date(year, 12, 31):
        why = f"早于统计期限结束（{fmt.chinese_date(dt.date(year, 12, 31))}）"
    else:
        why = f"不在报告年度的次年（{year + 1}年）"
    yield finding(
        "E15",
        Location(
            section="meta",
            row="published",
            field=editable(facts, "meta.published"),
            text="落款日期",
        ),
        f"落款日期 {fmt.chinese_date(published)} {why}，与报告年度 {year} 不符。",
        f"核对报告年度和落款日期：{year} 年度的报告应在 {year + 1} 年发布。",
    )


def _text_years(facts: ReportFacts, year: int) -> Iterator[Finding]:
    for part in facts.parts:
        if part.section == "problems":
            continue  # 五 may rightly look back at an earlier year's problems
        stale = [
            m.group(0).strip()
            for m in _LEAD_YEAR.finditer(part.text)
            if _year(m.group(1)) not in (year, year + 1)
        ]
        if not stale:
            continue
        place = part_place(part)
        yield finding(
            "E15",
            Location(
                section=part.section, row=part.topic, column="years", field=part.field, text=place
            ),
            f"{place}以{'、'.join(quoted(s) for s in stale)}开头叙述，与报告年度 {year} 不一致，"
            "可能沿用了往年的文字。",
            f"核对年份，改为 {year} 年的情况。",
            severity=Severity.WARNING,  # a guess from wording: the author may acknowledge it
        )


def _deadline(facts: ReportFacts) -> Iterator[Finding]:
    deadline = facts.effective_deadline
    published = facts.published
    if deadline is None or published is None or published <= deadline:
        return
    kind = fmt.AGENCY_KIND_LABELS[facts.kind or fmt.AgencyKind.DEPARTMENT]
    basis = "当地规定的期限" if facts.deadline else f"{kind}的法定期限（条例第四十九条）"
    yield finding(
        "E16",
        Location(
            section="meta",
            row="published",
            field=editable(facts, "meta.published"),
            text="发布日期",
        ),
        f"发布日期 {fmt.chinese_date(published)} 晚于{basis} {fmt.chinese_date(deadline)}，"
        f"逾期 {(published - deadline).days} 天。",
        "按期发布；若当地另有规定的期限，请在基本信息中填写该期限。",
    )
