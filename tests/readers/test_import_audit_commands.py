"""``nianbao import``, ``next-year`` and ``audit`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from printed_samples import EXAMPLE, example_text, previous_year, variant

from assistant.cli import main
from assistant.core import format as fmt
from assistant.store import load_draft


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- import


def test_import_writes_the_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.nianbao.yaml"
    assert main(["import", str(EXAMPLE), "-o", str(out)]) == 0
    draft = load_draft(out)
    assert draft.meta.agency == "沈阳市人民政府外事办公室"
    assert draft.meta.year == 2024
    assert draft.table3.new.natural == 0
    assert draft.prior.year is None and draft.prior.carried_out is None
    said = capsys.readouterr().out
    assert "已从" in said and "沈阳市人民政府外事办公室" in said


def test_import_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.nianbao.yaml"
    assert main(["import", str(EXAMPLE), "-o", str(out)]) == 0
    before = out.read_bytes()
    other = write(tmp_path, "r.txt", variant("row_total"))
    assert main(["import", str(other), "-o", str(out)]) == 1
    assert out.read_bytes() == before
    assert "--force" in capsys.readouterr().err
    assert main(["import", str(other), "-o", str(out), "--force"]) == 0
    assert load_draft(out).table3.new.natural == 3


def test_import_never_replaces_a_file_that_is_no_draft(tmp_path: Path) -> None:
    out = write(tmp_path, "notes.yaml", "mine")
    assert main(["import", str(EXAMPLE), "-o", str(out)]) == 1
    assert main(["import", str(EXAMPLE), "-o", str(out), "--force"]) == 2
    assert out.read_text(encoding="utf-8") == "mine"


def test_import_reports_contradicting_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "r.txt", variant("row_total"))
    out = tmp_path / "d.nianbao.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "合计与各项之和不符" in said and "E2" in said
    # The leaf is kept as printed; the total is computed by the draft, not copied.
    draft = load_draft(out)
    assert draft.table3.new.natural == 3
    assert draft.table3.new.total == 3


def test_import_says_what_was_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "r.txt", variant("slash_cell"))
    out = tmp_path / "d.nianbao.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "「/」" in said and "3.其他" in said
    assert load_draft(out).table3.outcomes["other_other"].business is None


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary\x00"])
def test_import_of_unreadable_file_is_exit_2(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    assert main(["import", str(source), "-o", str(tmp_path / "d.yaml")]) == 2
    assert "错误" in capsys.readouterr().err
    assert not (tmp_path / "d.yaml").exists()


# ---------------------------------------------------------------- next-year


def test_next_year_from_a_report(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "2023.txt",
        previous_year(
            example_text(), carried_out=["2", "0", "1", "0", "0", "0", "3"], in_force="4"
        ),
    )
    out = tmp_path / "2024.nianbao.yaml"
    assert main(["next-year", str(source), "-o", str(out)]) == 0
    draft = load_draft(out)
    assert draft.meta.year == 2024
    assert draft.meta.agency == "沈阳市人民政府外事办公室"
    assert draft.table3.carried_in.natural == 2 and draft.table3.carried_in.research == 1
    prior = draft.prior
    assert prior.year == 2023
    assert prior.carried_out is not None and prior.carried_out.natural == 2
    assert prior.regulations_in_force == 4 and prior.normative_documents_in_force == 0
    assert prior.problems and "下一步" in prior.problems
    assert prior.report_text and "2023" in prior.report_text
    assert draft.overview.proactive is None and draft.problems is None and draft.other.text is None
    assert draft.table3.new.natural is None
    unconfirmed = set(draft.interview.unconfirmed)
    assert {f"table3.carried_in.{k}" for k in fmt.APPLICANT_KEYS} <= unconfirmed
    assert {
        "meta.agency",
        "prior.carried_out",
        "prior.report_text",
        "prior.problems",
    } <= unconfirmed


def test_next_year_from_a_draft(tmp_path: Path) -> None:
    imported = tmp_path / "2024.nianbao.yaml"
    assert main(["import", str(EXAMPLE), "-o", str(imported)]) == 0
    out = tmp_path / "2025.nianbao.yaml"
    assert main(["next-year", str(imported), "-o", str(out)]) == 0
    draft = load_draft(out)
    assert draft.meta.year == 2025 and draft.prior.year == 2024
    assert draft.table3.carried_in.natural == 0
    assert draft.prior.report_text and "认真贯彻落实" in draft.prior.report_text
    assert draft.meta.published is None


def test_next_year_never_overwrites_without_force(tmp_path: Path) -> None:
    out = write(tmp_path, "x.yaml", "mine")
    assert main(["next-year", str(EXAMPLE), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "mine"


# ---------------------------------------------------------------- audit


def test_audit_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = write(tmp_path, "ok.txt", example_text())
    broken = write(tmp_path, "bad.txt", variant("mistyped_row"))
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["audit", str(clean)]) == 0  # a warning (E14) is no error
    assert main(["audit", str(clean), str(broken)]) == 1
    assert main(["audit", str(junk)]) == 2
    assert main(["audit", str(junk), str(clean)]) == 3  # some files could not be read
    capsys.readouterr()


def test_audit_lines_and_summaries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path, "bad.txt", variant("mistyped_title"))
    main(["audit", str(broken)])
    lines = capsys.readouterr().out.splitlines()
    finding = [line.split("\t") for line in lines if "\t" in line]
    assert [str(broken), "E8", "错误"] == finding[0][:3]
    assert "行政法复议" in finding[0][4]
    assert any(line.startswith(f"== {broken}") and "错误 1" in line for line in lines)
    assert lines[-1].startswith("== 共审查 1 个文件")


def test_audit_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = write(tmp_path, "ok.txt", example_text())
    assert main(["audit", str(clean), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"files": 1, "unreadable": 0, "error": 0, "warning": 1, "notice": 0}
    (entry,) = data["files"]
    assert entry["agency"] == "沈阳市人民政府外事办公室" and entry["year"] == 2024
    assert [f["rule"] for f in entry["findings"]] == ["E14"]
    assert entry["findings"][0]["severity_label"] == "警告"


def test_audit_html_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = variant("mistyped_row").replace("沈阳市人民政府外事办公室", "<b>某局</b>")
    files = [write(tmp_path, "a.txt", example_text()), write(tmp_path, "b.txt", hostile)]
    page = tmp_path / "review.html"
    assert main(["audit", *map(str, files), "--html", str(page)]) == 1
    html = page.read_text(encoding="utf-8")
    assert "<b>某局</b>" not in html and "&lt;b&gt;某局&lt;/b&gt;" in html
    assert html.count('data-severity="error"') == 1
    assert html.count('data-severity="warning"') == 2
    assert "severity-filter" in html and "aria-sort" in html
    assert "http" not in html.replace('lang="zh-CN"', "")  # self-contained
    assert str(page) in capsys.readouterr().out
