"""`nianbao render` options for where the report goes: the portal's editor (--fragment), a
proportional font (--table-layout list), and what the PDF substituted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from assistant.cli import main
from assistant.core import format as fmt
from assistant.render import render_template
from assistant.render.view import build_view
from tests.render.conftest import SEED, load_seed


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    path = tmp_path / "报告.nianbao.yaml"
    shutil.copy(SEED, path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def _cells_keep_their_look(soup: BeautifulSoup) -> None:
    tables = soup.find_all("table")
    assert len(tables) == 3
    for table in tables:
        assert table.get("border") == "1" and table.get("cellpadding")
        assert "border-collapse:collapse" in table.get("style", "")
        for cell in table.find_all(["th", "td"]):
            style = cell.get("style", "")
            assert "border:1px solid" in style, cell
            assert cell.get("valign") == "middle"
            side = "left" if "label" in cell.get("class", []) else "center"
            assert cell.get("align") == side and f"text-align:{side}" in style, cell


def test_what_a_cms_keeps_of_the_fragment_keeps_table_borders_and_alignment() -> None:
    """A portal editor keeps the body and may drop what is in <head>: the fragment has none,
    and wrapped in a page whose head is then stripped, its tables still have their rules."""
    body = render_template("report.fragment.html.j2", load_seed())
    page = f"<html><head><style>td {{ border: none }}</style></head><body>{body}</body></html>"
    soup = BeautifulSoup(page, "html.parser")
    soup.head.decompose()
    assert not soup.find("style")
    _cells_keep_their_look(soup)


def test_the_page_styles_its_tables_from_its_head() -> None:
    page = render_template("report.html.j2", load_seed())
    assert "th, td {" in page and "border: 1px solid" in page
    assert '<td class="number">0</td>' in page  # plain markup, styled by the sheet


def test_fragment_is_the_body_alone(
    capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "正文.html"
    code, _ = _run(
        capsys, "render", str(seed_path), "--format", "html", "--fragment", "-o", str(out)
    )
    assert code == 0
    text = out.read_text(encoding="utf-8")
    for tag in ("<html", "<head", "<style", "<body", "<!DOCTYPE"):
        assert tag not in text
    soup = BeautifulSoup(text, "html.parser")
    _cells_keep_their_look(soup)
    assert "&#34;" not in text and "&quot;" not in text  # no attribute escaped into text
    assert soup.find("h1").get("style") == "text-align:center"
    assert all(p.get("style") for p in soup.find_all("p"))
    view = build_view(load_seed())
    assert soup.find("h1").get_text() == view.title
    assert [h.get_text() for h in soup.find_all("h2")] == [s.title for s in fmt.SECTIONS]


def test_fragment_is_for_html_only(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, err = _run(capsys, "render", str(seed_path), "--format", "md", "--fragment")
    assert code == 2
    assert "--fragment 只能用于网页格式" in err


def test_table_layout_is_for_text_only(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, err = _run(capsys, "render", str(seed_path), "--format", "md", "--table-layout", "list")
    assert code == 2
    assert "--table-layout 只能用于纯文本格式" in err


def test_list_layout_writes_each_row_with_its_labels(
    capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "报告.txt"
    code, _ = _run(
        capsys,
        "render",
        str(seed_path),
        "--format",
        "txt",
        "--table-layout",
        "list",
        "-o",
        str(out),
    )
    assert code == 0
    lines = [line.strip("\u3000") for line in out.read_text(encoding="utf-8").splitlines()]
    assert "【第二十条第（一）项】" in lines
    assert "规章：本年制发件数 0；本年废止件数 0；现行有效件数 0" in lines
    row = next(line for line in lines if line.startswith("三、本年度办理结果（三）不予公开1."))
    assert row.endswith(
        "：自然人 0；商业企业 0；科研机构 0；社会公益组织 0；法律服务机构 0；其他 0；总计 0"
    )
    appeals = next(line for line in lines if line.startswith("行政复议·结果维持 0"))
    assert "行政诉讼·复议后起诉·总计 0" in appeals
    # No grid: nothing relies on a monospaced font.
    assert not any(set(line) <= {"-", "="} and line for line in lines)


def test_list_records_cover_every_number_of_every_table() -> None:
    view = build_view(load_seed())
    for table in view.tables:
        numbers = [c for row in table.rows for c in row if c.is_number]
        assert sum(len(r.values) for r in table.records()) == len(numbers)


def test_pdf_render_says_which_fonts_it_substituted(
    capsys: pytest.CaptureFixture[str], seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.render import fonts, pdf

    monkeypatch.setattr(pdf, "render_pdf", lambda draft: b"%PDF-1.7 test")
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset({"Noto Serif CJK SC"}))
    code, err = _run(capsys, "render", str(seed_path), "--format", "pdf")
    assert code == 0
    assert "已用 思源宋体（Noto Serif CJK SC）代替 仿宋_GB2312" in err
    assert "黑体：未安装，也没有找到可以代替的中文字体" in err
    assert (seed_path.parent / "报告.pdf").read_bytes() == b"%PDF-1.7 test"
