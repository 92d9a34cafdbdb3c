"""Bad answers to every kind of question, and hostile author text in every output format.

**Inputs.** A ``--plain`` session retells the example report up to a question of each kind, then
types a bad value and quits. Nothing may crash; the value is refused with a Chinese reason (the
question asked again) or accepted cleaned; the saved draft never holds a control character or
an escape sequence.

**Outputs.** Hostile text is put into the report's narrative and rendered as md, html, txt and
docx: it must come out as the author's text (escaped where the format needs it), never as
markup, template code or a broken file.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _faults_kill import plain_script
from _faults_proc import first_line, is_clear_chinese, run

from assistant.core.draft import set_path
from assistant.errors import NianbaoError
from assistant.store import dump_draft, load_draft

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"
NAME = "年报.nianbao.yaml"
Goals = list[tuple[str, str, bool]]
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x1b]")

NUMBERS = ["-1", "1.5", "1e9999", "10000000000", "１２", "十二", "约12件", "12件", "1,234"]
NUMBERS += ["0x10", "NaN", "∞", "٣", "𝟙𝟚", "\x1b[31m12\x1b[0m", "12\x00", "   ", "😀", "1/2"]
# (question kind, line of plain_script() that answers it, bad values)
CASES: list[tuple[str, int, list[str]]] = [
    ("text (the agency)", 0, ["\x1b[31m某局\x1b[0m", "某\x00局\x07", "某" * 200_000, "\u202e局某"]),
    ("text (the agency)", 0, ["<script>alert(1)</script>", "{{ 7*7 }}", "😀局", "   "]),
    ("choice", 1, ["0", "4", "99", "-1", "1 2", "县级", "\x1b[2J", "?x"]),
    ("year", 2, NUMBERS[:10]),
    ("date", 3, ["2025-13-45", "2月30日", "明天", "0000-00-00", "9999年99月99日", "\x1b[1m"]),
    ("narrative", 8, ["\x1b[2J清屏", "第一段\x00", "\u202e反向", "a" * 100_000]),
    ("yes / no", 20, ["也许", "yes", "Y", "是否", "不是", "\x07"]),
    ("count", 21, NUMBERS[10:]),
    ("amount (万元)", 27, ["-0.5", "1e3", "约3万", "３.５", "1,234.5", "0.0000001", "1" * 40]),
]


def _bad_input(folder: Path, line: int, value: str) -> list[Any]:
    """One session typing ``value`` where ``plain_script()[line]`` belongs; the table row."""
    script = plain_script()
    folder.mkdir(parents=True)
    answers = [*script[:line], value]
    if line == 8:
        answers.append(".")  # end the narrative
    session = run(["--plain", NAME], "\n".join([*answers, "/quit"]) + "\n", cwd=folder, timeout=60)
    tail = session.out.split("\n问：")[-3:]  # the question answered badly, and what followed
    said = "\n".join(tail)
    refused = "！" in said
    reason = next((ln.split("！", 1)[1] for ln in said.splitlines() if "！" in ln), "")
    stored = ""
    try:
        stored = dump_draft(load_draft(folder / NAME)) if (folder / NAME).exists() else ""
        readable = True
    except NianbaoError:
        readable = False
    clean = readable and CONTROLS.search(stored) is None
    ok = not session.crashed and not session.timed_out and clean
    if refused:
        ok = ok and is_clear_chinese(reason)
    shown = value if len(value) <= 24 else f"{value[:8]}…（{len(value)} 个字符）"
    verdict = "refused" if refused else "accepted (cleaned)" if clean else "accepted RAW"
    return [repr(shown), verdict, first_line(reason, width=70), "ok" if ok else "FAILED"]


def run_inputs(root: Path, table: Callable[..., str]) -> tuple[str, Any, Goals]:
    """The bad-input table."""
    rows: list[list[Any]] = []
    number = 0
    for kind, line, values in CASES:
        for value in values:
            rows.append([kind, *_bad_input(root / f"input-{number}", line, value)])
            number += 1
    failed = [row for row in rows if row[-1] != "ok"]
    text = table(
        "Bad input (--plain, each value where a question of that kind is asked)",
        ["question", "typed", "result", "message", ""],
        rows,
    )
    goals = [
        (
            "bad inputs: crashes or raw control characters kept",
            f"{len(failed)} of {len(rows)}",
            not failed,
        )
    ]
    return text, rows, goals


# ---------------------------------------------------------------- hostile text in outputs

HOSTILE = [
    "<script>alert(1)</script>",
    "</table><tr><td>伪造的单元格</td></tr>",
    "{{ 7*7 }}",
    "{% raw %}原样{% endraw %}",
    "| 伪 | 造 | 表格 |",
    "# 伪造的标题",
    "]]>&amp;&lt;",
    "**不是粗体**",
    "\u202e反向文字\u202c",
    "😀表情",
]


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _md_text(text: str) -> str:
    """Markdown as a reader sees it: backslash escapes of ASCII punctuation undone.

    (An escaped "&" stays a literal "&", so entities are not decoded: the renderer escapes them.)
    """
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def _html_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _inert(fmt: str, data: str | bytes, hostile: str) -> tuple[bool, str]:
    """(whether ``hostile`` came out as text only, how it came out)."""
    if fmt == "docx":
        assert isinstance(data, bytes)
        try:
            shown = _docx_text(data)
        except Exception as error:  # a broken file is exactly what this table looks for
            return False, f"broken docx: {type(error).__name__}"
        return hostile in shown, "literal" if hostile in shown else "altered"
    assert isinstance(data, str)
    if fmt == "html":
        raw_markup = any(tag in data for tag in ("<script>", "<td>伪造", "</table><tr>"))
        literal = hostile in _html_text(data)
        return literal and not raw_markup, "escaped" if literal and not raw_markup else "MARKUP"
    shown = _md_text(data) if fmt == "md" else data
    return hostile in shown, (
        "literal" if hostile in data else "escaped"
    ) if hostile in shown else "altered"


def run_outputs(root: Path, table: Callable[..., str]) -> tuple[str, Any, Goals]:
    """The hostile-text table: each string, each format."""
    from assistant.render import render_report

    root.mkdir(parents=True)
    seed = load_draft(SEED)
    rows: list[list[Any]] = []
    bad = 0
    for hostile in HOSTILE:
        draft = set_path(seed, "problems", f"前文{hostile}后文。")
        row: list[Any] = [repr(hostile)]
        for fmt in ("md", "html", "txt", "docx"):
            try:
                ok, how = _inert(fmt, render_report(draft, fmt, force=True), hostile)
            except NianbaoError as error:
                ok, how = False, f"refused: {error}"
            bad += not ok
            row.append(how)
        rows.append(row)
    text = table("Hostile author text in the outputs", ["text", "md", "html", "txt", "docx"], rows)
    return text, rows, [("hostile text rendered as markup or lost", f"{bad}", bad == 0)]
