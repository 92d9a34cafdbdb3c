"""The roll-up: match each submission to the roster, judge each unit, sum the ones chosen.

Files are read one at a time (``collect``); what is kept of each is small. Then every roster
unit gets a status, and the units chosen (all that could be summed, or only those without
errors) are summed into the government's draft (``sums``).

A unit is never summed twice: when two files are the same unit's report, neither is summed and
the office is told to keep one. A report for another year than the roster's is not summed either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final

from assistant.core.draft import Draft, RollupScope
from assistant.core.findings import Severity
from assistant.rollup.collect import Submission, read_submission, submission_files
from assistant.rollup.names import Match, NameIndex
from assistant.rollup.roster import Roster, RosterUnit
from assistant.rollup.sums import Tally, summary_draft


class Include(StrEnum):
    """Which units' tables are summed."""

    CLEAN = "clean"
    """Only the reports without errors."""
    ALL = "all"
    """Every report that could be read, for the right year."""


class State(StrEnum):
    SUBMITTED = "submitted"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    DUPLICATE = "duplicate"
    WRONG_YEAR = "wrong_year"


STATE_LABEL: Final = {
    State.SUBMITTED: "已报送",
    State.MISSING: "未报送",
    State.UNREADABLE: "无法读取",
    State.DUPLICATE: "重复报送",
    State.WRONG_YEAR: "年度不符",
}


@dataclass
class UnitStatus:
    """One roster unit and what it submitted."""

    unit: RosterUnit
    deadline: dt.date | None
    submissions: list[Submission] = field(default_factory=list)
    state: State = State.MISSING
    message: str = ""
    """Why the unit is not as it should be, in Chinese ("" when all is well)."""
    included: bool = False
    """Whether its tables were summed."""

    @property
    def submission(self) -> Submission | None:
        """The unit's one readable report, when that is what it sent."""
        if self.state in (State.SUBMITTED, State.WRONG_YEAR) and len(self.submissions) == 1:
            return self.submissions[0]
        return None

    @property
    def late(self) -> bool | None:
        """Whether the report is dated after the unit's deadline; None when either is unknown."""
        sub = self.submission
        if sub is None or sub.published is None or self.deadline is None:
            return None
        return sub.published > self.deadline

    def count(self, severity: Severity) -> int:
        sub = self.submission
        return sub.count(severity) if sub is not None else 0

    @property
    def missing_cells(self) -> int | None:
        """Blank cells of the three tables; None when there is no report to tell."""
        sub = self.submission
        if sub is None or sub.values is None:
            return None
        return sum(1 for v in sub.values if v is None)

    @property
    def ok(self) -> bool:
        """Submitted, readable, for the right year, once, and without errors."""
        return self.state is State.SUBMITTED and self.count(Severity.ERROR) == 0


@dataclass
class Stray:
    """A file that belongs to no roster unit (or to which one, cannot be told)."""

    submission: Submission
    message: str


@dataclass
class RollupResult:
    roster: Roster
    roster_path: str
    include: Include
    scope: RollupScope
    units: list[UnitStatus]
    strays: list[Stray]
    tally: Tally
    draft: Draft

    @property
    def ok(self) -> bool:
        """Every expected unit submitted one report of the right year without errors."""
        return all(u.ok for u in self.units)


def _match(index: NameIndex, sub: Submission) -> Match:
    for name in sub.names:
        match = index.match(name)
        if match.found:
            return match
    return index.match_file(Path(sub.path).stem)


def _place(sub: Submission, index: NameIndex, roster: Roster) -> int | str:
    """The roster index of the submission's unit, or why it has none."""
    if sub.summary:
        return "这是一份汇总草稿（nianbao rollup 生成），不是单位的报告，已跳过"
    match = _match(index, sub)
    if match.unique is not None:
        return match.unique
    named = "、".join(sub.names) or "报告中未读到机关名称"
    if match.found:
        candidates = "、".join(roster.units[i].name for i in match.found)
        return f"无法确定是哪个单位的报告（{named}；可能是：{candidates}），请在名单中补充别名"
    if sub.error is not None:
        return f"无法读取，也无法从文件名看出是哪个单位的：{sub.error}"
    return f"不在名单中（{named}）；如是名单中的单位，请在名单中补充别名"


def _judge(status: UnitStatus, year: int, include: Include) -> None:
    subs = status.submissions
    if not subs:
        status.state, status.message = State.MISSING, "未报送"
        return
    if len(subs) > 1:
        files = "、".join(Path(s.path).name for s in subs)
        status.state = State.DUPLICATE
        status.message = f"重复报送：{files} 都是本单位的报告，未计入汇总；请只保留一份后重新汇总"
        return
    sub = subs[0]
    if sub.error is not None:
        status.state, status.message = State.UNREADABLE, f"无法读取：{sub.error}"
        return
    notes: list[str] = []
    if sub.year is None and sub.published is not None and sub.published.year == year + 1:
        # The title or period could not be read, but a report signed early next year is this
        # year's: the office is told the year was presumed.
        notes.append(f"没有读到报告年度，按落款日期 {sub.published.isoformat()} 推定为 {year} 年")
    elif sub.year != year:
        status.state = State.WRONG_YEAR
        status.message = (
            f"年度不符：报告的年度为 {sub.year} 年，应为 {year} 年的报告，未计入汇总"
            if sub.year is not None
            else "没有读到报告的年度（标题、统计期限和落款日期都没有），未计入汇总；请核对文件"
        )
        return
    status.state = State.SUBMITTED
    errors = sub.count(Severity.ERROR)
    if errors and include is Include.CLEAN:
        notes.append(f"有 {errors} 个错误，未计入汇总（改正后重新报送，或用 --include all）")
    else:
        status.included = True
        if errors:
            notes.append(f"有 {errors} 个错误（已按 --include all 计入汇总）")
    status.message = "；".join(notes)


def run_rollup(
    roster: Roster,
    paths: Iterable[Path],
    *,
    roster_path: Path,
    include: Include = Include.CLEAN,
    scope: RollupScope = RollupScope.REGION,
    skip: Iterable[Path] = (),
    progress: Callable[[int, int], None] | None = None,
) -> RollupResult:
    """Read every submission, judge every roster unit, sum the chosen units' tables."""
    files = submission_files(paths, [roster_path, *skip])
    index = NameIndex([u.names for u in roster.units])
    statuses = [UnitStatus(u, roster.deadline_for(u)) for u in roster.units]
    strays: list[Stray] = []
    for number, path in enumerate(files, 1):
        sub = read_submission(path)
        place = _place(sub, index, roster)
        if isinstance(place, int):
            statuses[place].submissions.append(sub)
        else:
            strays.append(Stray(sub, place))
        if progress is not None:
            progress(number, len(files))
    tally = Tally()
    for status in statuses:
        _judge(status, roster.year, include)
        chosen = status.submission
        if status.included and chosen is not None and chosen.values is not None:
            tally.add(status.unit.name, chosen.values, chosen.prior)
    draft = summary_draft(
        tally,
        government=roster.government,
        year=roster.year,
        scope=scope,
        roster=roster_path.name,
    )
    return RollupResult(roster, str(roster_path), include, scope, statuses, strays, tally, draft)
