"""Form 9: every format ``render`` writes imports back to the draft it came from, over drafts with
nonzero tables (the corpus sources) and the shipped example."""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest
from scoring import CORPUS
from test_reader_roundtrip import printed

from assistant.core.draft import Draft
from assistant.readers import read_bytes
from assistant.readers.convert import to_draft
from assistant.render import render_report
from assistant.store import load_draft

SOURCES = sorted(p.name.split(".")[0] for p in CORPUS.glob("*.nianbao.yaml"))
NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="no LibreOffice")
CASES = [
    *(pytest.param(n, f, id=f"{n}-{f}") for f in ("md", "html", "txt", "docx") for n in SOURCES),
    # A PDF takes LibreOffice ~10 s: a draft with nonzero tables and the example suffice.
    pytest.param("gen1", "pdf", id="gen1-pdf", marks=NEEDS_SOFFICE),
    pytest.param("shenyang", "pdf", id="shenyang-pdf", marks=NEEDS_SOFFICE),
]
_PDF_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff，。、；：（）《》“”])[ \t]+(?=[0-9])|(?<=[0-9])[ \t]+(?=[\u4e00-\u9fff])"
)


def _source(name: str) -> Draft:
    return load_draft(CORPUS / f"{name}.nianbao.yaml")  # migrated to today's schema


def _without_pdf_spaces(data: Any) -> Any:
    """A PDF cannot tell "2024 年" (as the author typed it) from the space extraction puts there."""
    if isinstance(data, dict):
        return {k: _without_pdf_spaces(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_pdf_spaces(v) for v in data]
    return _PDF_SPACE.sub("", data) if isinstance(data, str) else data


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_own_output_imports_back(name: str, fmt: str) -> None:
    draft = _source(name)
    output = render_report(draft, fmt, force=True)
    data = output.encode("utf-8") if isinstance(output, str) else output
    report = read_bytes(data, f"report.{fmt}")
    imported, messages = to_draft(report)
    assert messages == [] and report.notes == []
    assert report.title is not None and report.year == draft.meta.year
    want, got = printed(draft), printed(imported)
    if fmt == "pdf":
        want, got = _without_pdf_spaces(want), _without_pdf_spaces(got)
    assert got == want
