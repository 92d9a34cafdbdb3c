"""``nianbao rollup`` over a folder of generated submissions in mixed forms, as an office would."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from rollup_units import GOVERNMENT, YEAR, unit_draft

from assistant.cli import main
from assistant.core.draft import Draft, get_path, set_path
from assistant.core.findings import Finding, Location, Severity
from assistant.render import render_report
from assistant.render.pdf import find_soffice
from assistant.rollup.roster import Roster, RosterUnit
from assistant.rollup.roster_file import save_roster
from assistant.rollup.sums import OWN_CELLS, SUMMED_PATHS
from assistant.store import load_draft, save_draft

GOOD = {
    "某某县教育局": "yaml",
    "某某县民政局": "html",
    "某某县财政局": "docx",
    "某某县城关镇人民政府": "txt",
    "某某县新华街道办事处": "pdf",
}
LATE = "某某县交通运输局"
MISSING = "某某县司法局"
DUPLICATE = "某某县商务局"
WRONG_YEAR = "某某县农业农村局"
UNREADABLE = "某某县文化旅游局"
WITH_ERROR = "某某县水利局"
STRAY = "邻县教育局"
PRINTED_AS = {"某某县民政局": "民政局", "某某县城关镇人民政府": "城关镇政府"}
"""Units whose reports print another form of their name: without the county, or an alias."""


@dataclass
class Office:
    folder: Path
    roster: Path
    drafts: dict[str, Draft]
    """The drafts the summed units' submissions were made from."""


def _write(draft: Draft, path: Path, form: str) -> Path:
    if form == "yaml":
        path = path.with_suffix(".nianbao.yaml")
        save_draft(draft, path)
        return path
    if form == "pdf" and find_soffice() is None:
        form = "html"
    data = render_report(draft, form, force=True)
    path = path.with_suffix(f".{form}")
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    root = tmp_path_factory.mktemp("office")
    folder = root / "报送"
    folder.mkdir()
    drafts: dict[str, Draft] = {}
    for i, (name, form) in enumerate(GOOD.items()):
        drafts[name] = unit_draft(i, name)
        printed = set_path(drafts[name], "meta.agency", PRINTED_AS.get(name, name))
        _write(printed, folder / f"u{i}", form)
    drafts[LATE] = unit_draft(10, LATE, published=dt.date(YEAR + 1, 3, 1))
    _write(drafts[LATE], folder / "late", "html")
    _write(unit_draft(11, DUPLICATE), folder / "dup-a", "yaml")
    _write(unit_draft(12, DUPLICATE), folder / "dup-b", "docx")
    _write(unit_draft(13, WRONG_YEAR, year=YEAR - 1), folder / "old", "yaml")
    (folder / f"{UNREADABLE}.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    broken = unit_draft(14, WITH_ERROR)
    broken = set_path(broken, "table3.new.natural", (broken.table3.new.natural or 0) + 5)
    drafts[WITH_ERROR] = broken
    _write(broken, folder / "err", "yaml")
    _write(unit_draft(15, STRAY), folder / "stray", "html")
    (folder / "说明.txt.bak").write_text("备份", "utf-8")
    (folder / "scan-0001.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    names = [*GOOD, LATE, MISSING, DUPLICATE, WRONG_YEAR, UNREADABLE, WITH_ERROR]
    units = [RosterUnit(name=n, contact="王五 0123-1" if n == MISSING else None) for n in names]
    # The township files its report under its short name; the roster knows the alias.
    units[3] = RosterUnit(name="某某县城关镇人民政府", aliases=["城关镇政府"])
    roster = root / "名单.yaml"
    save_roster(
        Roster(government=GOVERNMENT, year=YEAR, deadline=dt.date(YEAR + 1, 2, 20), units=units),
        roster,
    )
    return Office(folder, roster, drafts)


def _json(office: Office, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["rollup", str(office.roster), str(office.folder), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_each_unit_gets_its_status_and_message(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = _json(office, capsys)
    assert code == 1
    units = {u["name"]: u for u in data["units"]}
    for name, form in GOOD.items():
        unit = units[name]
        assert unit["state"] == "submitted" and unit["included"], name
        assert unit["late"] is False and unit["late_label"] == "按时"
        assert unit["counts"]["error"] == 0 and unit["tables_complete"] is True
        assert unit["form"] == ("草稿" if form == "yaml" else unit["form"])
    for name, printed in PRINTED_AS.items():
        assert units[name]["agency"] == printed
    assert units[LATE]["late"] is True and units[LATE]["included"]
    assert units[MISSING]["state"] == "missing" and units[MISSING]["message"] == "未报送"
    assert units[DUPLICATE]["state"] == "duplicate" and not units[DUPLICATE]["included"]
    assert "dup-a.nianbao.yaml、dup-b.docx 都是本单位的报告" in units[DUPLICATE]["message"]
    assert units[WRONG_YEAR]["state"] == "wrong_year"
    assert f"报告的年度为 {YEAR - 1} 年，应为 {YEAR} 年" in units[WRONG_YEAR]["message"]
    assert units[UNREADABLE]["state"] == "unreadable"
    assert units[UNREADABLE]["message"].startswith("无法读取：")
    assert units[WITH_ERROR]["state"] == "submitted" and not units[WITH_ERROR]["included"]
    assert units[WITH_ERROR]["counts"]["error"] >= 1
    assert "未计入汇总" in units[WITH_ERROR]["message"]
    assert any(f["rule"] == "E1" for f in units[WITH_ERROR]["findings"])
    strays = {Path(s["file"]).name: s for s in data["strays"]}
    assert sorted(strays) == ["scan-0001.pdf", "stray.html"]
    assert strays["stray.html"]["names"] == [STRAY]
    assert "不在名单中" in strays["stray.html"]["message"]
    assert strays["scan-0001.pdf"]["message"].startswith("无法读取，也无法从文件名看出是哪个单位的")
    summary = data["summary"]
    assert summary["expected"] == 11 and summary["submitted"] == 7 and summary["late"] == 1
    assert summary["summed"] == len(GOOD) + 1 and summary["strays"] == 2


def test_sums_with_provenance_over_the_mixed_forms(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    _, data = _json(office, capsys)
    summed = [office.drafts[n] for n in [*GOOD, LATE]]
    cells = {c["field"]: c for c in data["cells"]}
    for path in SUMMED_PATHS:
        hand = sum(get_path(d, path) for d in summed)
        assert cells[path]["total"] == hand, path
        assert sum(c["value"] for c in cells[path]["contributions"]) == hand
    for path in OWN_CELLS:
        assert cells[path]["summed"] is False and cells[path]["reason"]
    code, everything = _json(office, capsys, "--include", "all")
    assert code == 1
    with_error = [*summed, office.drafts[WITH_ERROR]]
    totals = {c["field"]: c["total"] for c in everything["cells"]}
    assert totals["table3.new.natural"] == sum(d.table3.new.natural or 0 for d in with_error)


def test_the_summary_draft_continues_renders_and_rolls_into_next_year(
    office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.commands.next_year import next_year
    from assistant.core.checks import run_checks
    from assistant.core.findings import Severity
    from assistant.rollup.provenance import provenance_line

    out = tmp_path / "汇总.nianbao.yaml"
    assert main(["rollup", str(office.roster), str(office.folder), "-o", str(out)]) == 1
    said = capsys.readouterr().out
    assert f"汇总草稿已保存：{out}（本行政区域汇总，计入 6 个单位）" in said
    draft = load_draft(out)
    assert draft.meta.agency == GOVERNMENT and draft.meta.year == YEAR
    summed = [office.drafts[n] for n in [*GOOD, LATE]]
    assert draft.table3.new.total == sum(d.table3.new.total for d in summed)
    line = provenance_line(draft, "table3.new.natural")
    assert line is not None and line.startswith("来自 6 个单位，最大：")
    # What the interview would still ask: the narrative, the date, and the government's own cells.
    missing = {f.location.field for f in run_checks(draft) if f.rule == "REQ"}
    assert set(OWN_CELLS) <= missing
    assert not missing & set(SUMMED_PATHS)
    example = load_draft(Path(__file__).parents[2] / "examples" / "shenyang-2024.nianbao.yaml")
    filled = draft.model_copy(
        update={"overview": example.overview, "problems": example.problems, "other": example.other}
    )
    filled = set_path(filled, "meta.published", dt.date(YEAR + 1, 3, 20))
    for path in OWN_CELLS:
        filled = set_path(filled, path, 0)
    errors = [f for f in run_checks(filled) if f.severity is Severity.ERROR]
    assert errors == []
    warnings = [f.key for f in run_checks(filled) if f.severity is Severity.WARNING]
    html = render_report(filled.model_copy(update={"acknowledged": warnings}), "html")
    assert isinstance(html, str)
    assert f"{GOVERNMENT}{YEAR}年政府信息公开工作年度报告" in html
    assert str(draft.table3.new.total) in html
    following = next_year(filled)
    assert following.meta.year == YEAR + 1 and following.rollup is None
    assert following.table3.carried_in == filled.table3.carried_out
    # Writing over the summary again needs --force; the file is untouched without it.
    before = out.read_bytes()
    assert main(["rollup", str(office.roster), str(office.folder), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_a_summary_draft_in_the_folder_is_not_counted_as_a_unit(
    office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "报送"
    folder.mkdir()
    for path in office.folder.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    out = folder / "汇总.nianbao.yaml"
    assert main(["rollup", str(office.roster), str(folder), "-o", str(out)]) == 1
    capsys.readouterr()
    copy = folder / "汇总-副本.nianbao.yaml"
    copy.write_bytes(out.read_bytes())
    code = main(["rollup", str(office.roster), str(folder), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["summary"]["summed"] == len(GOOD) + 1
    assert any("汇总草稿" in s["message"] for s in data["strays"])


def test_the_office_page_links_every_unit_to_its_findings(
    office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "汇总.html"
    assert main(["rollup", str(office.roster), str(office.folder), "--html", str(page)]) == 1
    text = capsys.readouterr().out
    assert f"报送情况网页已生成：{page}" in text
    assert f"{MISSING}\t未报送\t联系人：王五 0123-1" in text
    html = page.read_text("utf-8")
    for number in range(1, 12):
        assert f'href="#unit-{number}"' in html and f'id="unit-{number}"' in html
    assert html.count('class="sortable"') >= 10
    assert "@media print" in html
    assert "重复报送" in html and "年度不符" in html and "迟报" in html
    assert STRAY in html
    assert "来自 6 个单位" in html


def test_exit_status_is_zero_when_every_unit_submitted_without_errors(
    office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "名单.yaml"
    units = [RosterUnit(name=n, aliases=["城关镇政府"] if "城关镇" in n else []) for n in GOOD]
    save_roster(Roster(government=GOVERNMENT, year=YEAR, units=units), roster)
    files = [str(p) for p in sorted(office.folder.iterdir()) if p.name.startswith("u")]
    assert main(["rollup", str(roster), *files]) == 0
    assert "计入汇总 5 个" in capsys.readouterr().out
    # The same file reached twice (named, and inside a folder) is one submission, not two.
    assert main(["rollup", str(roster), *files, files[0]]) == 0
    assert "重复" not in capsys.readouterr().out
    assert main(["rollup", str(roster), str(tmp_path / "没有")]) == 2
    assert "文件或文件夹不存在" in capsys.readouterr().err
    assert main(["rollup", str(tmp_path / "无名单.yaml"), *files]) == 2
    assert "名单文件不存在" in capsys.readouterr().err


def test_own_scope_leaves_the_tables_to_the_government(
    office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.core.draft import RollupScope
    from assistant.rollup.sums import TABLE_PATHS

    out = tmp_path / "本机关.nianbao.yaml"
    main(["rollup", str(office.roster), str(office.folder), "--scope", "own", "-o", str(out)])
    assert "（本机关，计入 6 个单位）" in capsys.readouterr().out
    draft = load_draft(out)
    assert draft.rollup is not None and draft.rollup.scope is RollupScope.OWN
    assert all(get_path(draft, p) is None for p in TABLE_PATHS)
    assert "has_applications" not in draft.interview.answers


def test_findings_in_the_one_json_shape(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    """A unit's findings read like ``check --json``'s and ``audit --json``'s (docs/json.md)."""
    from assistant.render.findings import finding_json

    _, data = _json(office, capsys)
    (unit,) = [u for u in data["units"] if u["name"] == WITH_ERROR]
    shape = set(
        finding_json(
            Finding(rule="E1", severity=Severity.ERROR, location=Location(), message="m", fix="f")
        )
    )
    for finding in unit["findings"]:
        assert set(finding) == shape
        assert isinstance(finding["location"], dict) and finding["where"]
