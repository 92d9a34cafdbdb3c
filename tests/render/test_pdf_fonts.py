"""The PDF on a machine without the official fonts: Simplified-Chinese faces of the right kind
for each role, 28 characters a line, and the substitutions said."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from assistant.core.draft import Draft
from assistant.render import fonts
from assistant.render.pdf import find_soffice, font_notes, render_pdf
from tests.render import glyphs

NO_OFFICIAL_FONTS = not any(
    c.kind == "installed" for c in fonts.machine_plan() if c.font.name != "宋体"
)
needs_pdf = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdffonts") is None,
    reason="LibreOffice (soffice) or poppler-utils (pdffonts) is not installed",
)
needs_free_faces = pytest.mark.skipif(
    not NO_OFFICIAL_FONTS or {"Noto Serif CJK SC", "Noto Sans CJK SC"} - fonts.installed_families(),
    reason="this test is for a machine with Noto CJK and without the official fonts",
)

KAI = "LXGWWenKai" if "LXGW WenKai" in fonts.installed_families() else "NotoSerifCJK.*-Regular"
"""The 楷 stand-in: 霞鹜文楷 where Debian's fonts-lxgw-wenkai is installed, else the serif face."""

HANGING_MARK = re.compile("(?<=^.{28})[，。、；：？！）》”]$")
"""A closing mark hung in the margin after a line's 28 characters."""

# Characters whose Chinese and Japanese glyphs differ clearly.
TELLING = "直写骨"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.render.conftest import load_seed

    seed = load_seed()
    draft = seed.model_copy(
        update={
            "meta": seed.meta.model_copy(update={"agency": f"{TELLING}市人民政府"}),
            "overview": seed.overview.model_copy(update={"intro": f"{TELLING}。"}),
        }
    )
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render_pdf(Draft.model_validate(draft.model_dump())))
    return path


def _embedded(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    names = [line.split()[0] for line in out.stdout.splitlines()[2:] if line.strip()]
    return [name.split("+", 1)[-1] for name in names]


@needs_pdf
@needs_free_faces
def test_pdffonts_lists_serif_sans_and_kai_faces_and_nothing_else(pdf: Path) -> None:
    embedded = _embedded(pdf)
    families = {re.sub(r"(jp|sc)?-.*$", "", name, flags=re.I) for name in embedded}
    assert families <= {"NotoSerifCJK", "NotoSansCJK", "LXGWWenKai", "LiberationSerif"}, embedded
    assert any(n.startswith("NotoSerifCJK") and "-Bold" in n for n in embedded)  # 小标宋
    assert any(n.startswith("NotoSerifCJK") and "-Regular" in n for n in embedded)  # 仿宋, 宋体
    assert any(n.startswith("NotoSansCJK") for n in embedded)  # 黑体
    assert any(re.match(KAI, n) for n in embedded)  # 楷体


def _font_of(pdf: Path, text: str) -> Counter[str]:
    """The fonts the characters of a line starting with ``text`` are set in."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        for page in document.pages:
            for line in page.extract_text_lines():
                if line["text"].replace(" ", "").startswith(text):
                    return Counter(
                        re.sub(r"^[A-Z]+\+", "", c["fontname"])
                        for c in line["chars"]
                        if not c["text"].isascii()
                    )
    raise AssertionError(f"no line starts with {text}")


@needs_pdf
@needs_free_faces
@pytest.mark.parametrize(
    ("text", "face"),
    [
        (f"{TELLING}市人民政府", "NotoSerifCJK.*-Bold"),  # title
        ("根据《中华人民共和国", "NotoSerifCJK.*-Regular"),  # body
        ("一、总体情况", "NotoSansCJK"),  # heading 1
        ("（一）主动公开", KAI),  # heading 2
        ("信息内容", "NotoSerifCJK.*-Regular"),  # table text
    ],
)
def test_each_role_is_set_in_its_face(pdf: Path, text: str, face: str) -> None:
    used = _font_of(pdf, text)
    assert used and all(re.match(face, name) for name in used), used


@needs_pdf
@needs_free_faces
def test_glyphs_have_simplified_chinese_forms_not_japanese(pdf: Path) -> None:
    """Title, body and table (直 of 未经复议直接起诉) alike."""
    import pdfplumber

    roles: dict[str, list[int]] = {}
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        for page in document.pages:
            for char in page.chars:
                if char["text"] not in TELLING:
                    continue
                bold = "Bold" in char["fontname"]
                weight = "bold" if bold else "regular"
                seen = glyphs.printed(page, char)
                d_sc, d_jp = (
                    glyphs.distance(
                        seen, glyphs.reference(f"Noto Serif CJK {r}:{weight}", char["text"])
                    )
                    for r in ("SC", "JP")
                )
                role = "title" if bold else ("table" if char["size"] < 12 else "body")
                roles.setdefault(role, [0, 0])
                roles[role][0] += d_sc
                roles[role][1] += d_jp
    assert set(roles) == {"title", "body", "table"}
    for role, (d_sc, d_jp) in roles.items():
        assert d_sc < d_jp, (role, d_sc, d_jp)


@needs_pdf
def test_body_lines_hold_28_characters(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        lines = document.pages[0].extract_text_lines()
    widths = [len(line["text"].replace(" ", "")) for line in lines]
    # A full line of Chinese text (no digits) on page 1: the overview's first paragraph.
    full = [
        line["text"]
        for line in lines
        if len(line["text"]) >= 27 and not re.search(r"[0-9A-Za-z]", line["text"])
    ]
    assert full, widths
    # A closing mark that falls just past the 28th character hangs in the margin, printed.
    on_grid = [HANGING_MARK.sub("", text.replace(" ", "")) for text in full]
    assert all(len(text) == 28 for text in on_grid), full


def test_font_notes_name_each_substitution() -> None:
    plan = fonts.font_plan({"Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai", "宋体"})
    notes = font_notes(plan)
    assert "已用 思源宋体（Noto Serif CJK SC）代替 仿宋_GB2312" in notes
    assert "已用 思源黑体（Noto Sans CJK SC）代替 黑体" in notes
    assert "已用 霞鹜文楷（LXGW WenKai）代替 楷体_GB2312" in notes
    assert not any("宋体：" in n or n.endswith("代替 宋体") for n in notes)
    assert font_notes(fonts.font_plan({f.name for f in fonts.OFFICIAL_FONTS})) == []


@needs_pdf
def test_page_number_dash_sits_7_mm_below_the_text_block(pdf: Path) -> None:
    """GB/T 9704: 一字线上距版心下边缘 7 mm (the text block ends 35 mm above the page's foot)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as document:
        page = document.pages[0]
        points_per_mm = 72 / 25.4
        block_bottom = page.height - 35 * points_per_mm
        dashes = [c for c in page.chars if c["text"] == "—" and c["top"] > block_bottom]
    assert len(dashes) == 2
    for dash in dashes:
        middle = (dash["top"] + dash["bottom"]) / 2
        assert 6 <= (middle - block_bottom) / points_per_mm <= 8
