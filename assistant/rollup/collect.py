"""Reading the units' submissions: our drafts, or published reports through the readers.

Each file is read and checked on its own, and only what the roll-up needs is kept (names, year,
date, findings, the numbers of the tables): the draft or printed report itself is dropped before
the next file is read, so memory stays bounded however many units there are.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from assistant.core.findings import Finding, Location, Severity
from assistant.errors import NianbaoError
from assistant.rollup.sums import Values, cell_values, prior_values

DRAFT_SUFFIXES: Final = (".yaml", ".yml")
READ_SUFFIXES: Final = frozenset(
    {*DRAFT_SUFFIXES, ".html", ".htm", ".shtml", ".xhtml", ".docx", ".doc", ".pdf", ".txt", ".md"}
)
"""What a folder is searched for; a file named on the command line is read whatever its name."""
_SKIPPED_ENDINGS: Final = (".bak", ".broken", ".lock", ".tmp")
READ_RULE: Final = "READ"
DRAFT_FORM: Final = "草稿"


@dataclass
class Submission:
    """One file as the roll-up needs it."""

    path: str
    form: str = ""
    """草稿, or the reader's format: html, docx, pdf, text, md."""
    error: str | None = None
    """Why the file could not be read at all."""
    names: list[str] = field(default_factory=list)
    """The agency names the report gives (title first, then the sign-off)."""
    year: int | None = None
    published: dt.date | None = None
    findings: list[Finding] = field(default_factory=list)
    values: Values | None = None
    prior: Values | None = None
    notes: list[str] = field(default_factory=list)
    """What could not be read or imported, in Chinese."""
    summary: bool = False
    """A roll-up draft itself (a previous ``nianbao rollup -o``), not a unit's report."""

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def submission_files(paths: Iterable[Path], skip: Iterable[Path] = ()) -> list[Path]:
    """The files to read: those named, and what folders hold (searched recursively, sorted).

    Hidden files, backups and files in ``skip`` (the roster, the output draft) are left out, and
    a file reached twice is read once. A path that does not exist is refused.
    """
    skipped = {os.path.realpath(p) for p in skip}
    seen: set[str] = set()
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise NianbaoError(f"{path}：文件或文件夹不存在")
        found = [path] if not path.is_dir() else sorted(_folder_files(path))
        for file in found:
            real = os.path.realpath(file)
            if real not in seen and real not in skipped:
                seen.add(real)
                files.append(file)
    return files


def _folder_files(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or name.endswith(_SKIPPED_ENDINGS):
                continue
            if Path(name).suffix.lower() in READ_SUFFIXES:
                yield Path(root, name)


def read_submission(path: Path) -> Submission:
    """Read and check one file; never raises for a file that cannot be read (``error``)."""
    if path.suffix.lower() in DRAFT_SUFFIXES:
        return _read_draft(path)
    return _read_printed(path)


def _read_draft(path: Path) -> Submission:
    from assistant.core.checks import run_checks
    from assistant.store import load_draft

    try:
        draft = load_draft(path)
    except NianbaoError as error:
        return Submission(str(path), DRAFT_FORM, error=str(error))
    meta = draft.meta
    return Submission(
        str(path),
        DRAFT_FORM,
        names=[meta.agency] if meta.agency else [],
        year=meta.year,
        published=meta.published,
        findings=run_checks(draft),
        values=cell_values(draft),
        prior=prior_values(draft),
        summary=draft.rollup is not None,
    )


def _read_printed(path: Path) -> Submission:
    from assistant.core.checks import check_facts
    from assistant.readers import read_report
    from assistant.readers.convert import to_draft, to_facts
    from assistant.readers.deviations import template_findings

    try:
        report = read_report(path)
    except NianbaoError as error:
        return Submission(str(path), error=str(error))
    if not report.readable:
        return Submission(
            str(path),
            report.source_format,
            error="没有读到年报的内容（标题、各部分和表格都没有找到）",
        )
    draft, messages = to_draft(report)
    notes = [n.message for n in report.notes]
    findings = [
        *check_facts(to_facts(report)),
        *template_findings(report),
        *(
            Finding(
                rule=READ_RULE,
                severity=Severity.WARNING,
                location=Location(text="全文"),
                message=f"未能读取：{note}",
                fix="核对原文件；读不到的内容不参与检查和汇总",
            )
            for note in notes
        ),
    ]
    names = list(dict.fromkeys(n for n in (report.agency, report.signoff_agency) if n))
    return Submission(
        str(path),
        report.source_format,
        names=names,
        year=draft.meta.year,
        published=report.published,
        findings=findings,
        values=cell_values(draft),
        prior=None,
        notes=notes + messages,
    )


@dataclass(frozen=True)
class Identity:
    """Who a report is from, for building a roster from last year's submissions."""

    name: str
    year: int | None
    contact: str | None


def read_identity(path: Path) -> Identity | str:
    """The agency, year and contact lines of one file, or why they could not be read."""
    if path.suffix.lower() in DRAFT_SUFFIXES:
        from assistant.store import load_draft

        try:
            draft = load_draft(path)
        except NianbaoError as error:
            return str(error)
        name, year, contacts = draft.meta.agency, draft.meta.year, draft.meta.contact_lines
        if draft.rollup is not None:
            return "这是一份汇总草稿，不是单位的报告"
    else:
        from assistant.readers import read_report

        try:
            report = read_report(path)
        except NianbaoError as error:
            return str(error)
        name = report.agency or report.signoff_agency
        year, contacts = report.year, report.contact_lines
    if not name:
        return "报告中没有读到机关名称"
    return Identity(name, year, "；".join(contacts) or None)
