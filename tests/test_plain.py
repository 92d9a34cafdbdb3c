"""``nianbao --plain``: the interview on stdin/stdout, from an empty draft to the report."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from example import SEED_PATH as SEED

from assistant.commands.plain import Console, PlainSession
from assistant.core.draft import Draft
from assistant.interview.commands import resolve_section
from assistant.promptfiles import load_questions
from assistant.render import render_report
from assistant.store import DraftLock, load_draft, save_draft

REPO = Path(__file__).resolve().parent.parent


def seed_answers() -> list[str]:
    """The stdin lines that retell the seed report (a bureau with no applications)."""
    seed = load_draft(SEED)

    def narrative(text: str | None) -> list[str]:
        assert text
        return [*text.splitlines(), "."]

    overview = seed.overview
    return [
        seed.meta.agency or "",
        "1",  # 县级以上人民政府部门
        str(seed.meta.year),
        "2025年1月22日",
        "",  # no portal sentence
        "",  # no contact lines
        "",  # no local deadline
        "",  # no drafting help: the seed's own text is typed
        *narrative(overview.intro),
        *narrative(overview.proactive),
        *narrative(overview.on_request),
        *narrative(overview.management),
        *narrative(overview.platform),
        *narrative(overview.oversight),
        "否",  # no power to make 规章
        "0",
        "0",
        "0",  # 行政规范性文件
        "0",
        "0",
        "0",  # 许可, 处罚, 强制
        "0",  # 收费 (万元)
        "否",  # no applications
        "否",  # no reconsideration or lawsuit
        *narrative(seed.problems),
        "否",  # no 信息处理费
        *narrative(seed.other.text),
        "是",  # acknowledge the E14 warning ("无" says nothing of fees), as the seed does
        "",  # md
        "",  # next to the draft
    ]


def run_plain(
    draft: Path, lines: list[str], *, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", str(draft)],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.mark.slow
def test_journey_from_empty_draft_to_the_seed_report(tmp_path: Path) -> None:
    draft_path = tmp_path / "shenyang-2024.nianbao.yaml"
    result = run_plain(draft_path, seed_answers())
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "已生成 Markdown 文本" in result.stdout
    written = (tmp_path / "shenyang-2024.md").read_text(encoding="utf-8")
    expected = render_report(load_draft(SEED), "md")
    assert written == expected
    saved = load_draft(draft_path)
    seed = load_draft(SEED)
    for part in ("meta", "overview", "table2", "table3", "table4", "problems", "other"):
        assert getattr(saved, part) == getattr(seed, part), part
    assert saved.acknowledged == seed.acknowledged


@pytest.mark.slow
def test_end_of_input_saves_and_resumes_where_it_stopped(tmp_path: Path) -> None:
    draft_path = tmp_path / "a.nianbao.yaml"
    first = run_plain(draft_path, ["某市某局", "1"])
    assert first.returncode == 0, first.stderr
    assert "草稿已保存" in first.stdout
    assert load_draft(draft_path).meta.agency == "某市某局"
    second = run_plain(draft_path, [])
    assert second.returncode == 0
    assert "这份年报是哪一年的" in second.stdout
    assert "请填写本机关的全称" not in second.stdout


# ---------------------------------------------------------------- in-process sessions


def session(path: Path, lines: list[str], draft: Draft | None = None) -> tuple[PlainSession, str]:
    out = io.StringIO()
    console = Console(io.StringIO("".join(line + "\n" for line in lines)), out)
    plain = PlainSession(path, draft or Draft(), load_questions(), console)
    assert plain.run() == 0
    return plain, out.getvalue()


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("约2024年", "不是年份"),
        ("", "还没有填写"),
        ("\x1b[31m二〇二四\x1b[0m", "已记录：2024"),
    ],
)
def test_bad_input_is_explained_and_asked_again(tmp_path: Path, bad: str, says: str) -> None:
    plain, out = session(tmp_path / "d.nianbao.yaml", ["某局", "1", bad, "2024"])
    assert says in out
    assert plain.draft.meta.year == 2024
    assert out.count("问：这份年报是哪一年的？") == (1 if "已记录" in says else 2)


def test_back_and_goto_never_lose_answers(tmp_path: Path) -> None:
    lines = [
        "某局",
        "1",
        "2024",
        "/back",
        "",
        "/back",
        "/back",
        "3",
        "/goto 三",
        "否",
        "/goto 0",
        "",
    ]
    plain, out = session(tmp_path / "d.nianbao.yaml", lines)
    assert "已记录：其他机关（乡镇、街道等）" in out
    assert "当前回答：2024（直接回车保留）" in out
    assert plain.draft.meta.agency == "某局"
    assert plain.draft.meta.year == 2024
    assert plain.draft.interview.answers["has_applications"] is False
    assert load_draft(tmp_path / "d.nianbao.yaml").meta.kind == "other"


def test_commands(tmp_path: Path) -> None:
    lines = ["?", "/help", "/skip", "/goto 十", "/nope", "/check", "/quit", "never read"]
    plain, out = session(tmp_path / "d.nianbao.yaml", lines)
    assert "为什么问：" in out and "示例：沈阳市人民政府外事办公室" in out
    assert "/goto <部分>" in out
    assert "已跳过" in out and plain.draft.interview.skipped == ["agency"]
    assert "没有找到「十」这一部分" in out
    assert "没有「/nope」这个命令" in out
    assert "检查结果" in out
    assert "已保存并退出" in out


def test_narrative_takes_several_lines(tmp_path: Path) -> None:
    draft = Draft.model_validate(
        {"meta": {"agency": "某局", "kind": "department", "year": 2024, "published": "2025-01-20"}}
    )
    draft = draft.model_copy(
        update={
            "interview": draft.interview.model_copy(
                update={
                    "answers": {
                        "portal": None,
                        "contact": None,
                        "deadline": None,
                        "compose_help": None,
                    }
                }
            )
        }
    )
    plain, _ = session(
        tmp_path / "d.nianbao.yaml", ["第一段。", "", "第二段。", ".", "第三段", "."], draft
    )
    assert plain.draft.overview.intro == "第一段。\n第二段。"
    assert plain.draft.overview.proactive == "第三段"


@pytest.mark.slow
def test_a_draft_in_use_is_refused_in_chinese(tmp_path: Path) -> None:
    draft_path = tmp_path / "d.nianbao.yaml"
    save_draft(Draft(), draft_path)
    with DraftLock(draft_path):
        result = run_plain(draft_path, ["某局"])
    assert result.returncode == 2
    assert "错误：" in result.stderr and "Traceback" not in result.stderr
    assert load_draft(draft_path).meta.agency is None


@pytest.mark.slow
def test_an_existing_report_is_not_overwritten_without_asking(tmp_path: Path) -> None:
    draft_path = tmp_path / "shenyang-2024.nianbao.yaml"
    existing = tmp_path / "shenyang-2024.md"
    existing.write_text("我的文件", encoding="utf-8")
    lines = [*seed_answers()[:-1], "", "否", ""]  # keep default → refuse overwrite → new name
    result = run_plain(draft_path, lines)
    assert result.returncode == 0, result.stderr
    assert existing.read_text(encoding="utf-8") == "我的文件"
    assert (tmp_path / "shenyang-2024-新.md").exists()


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("三", "applications"),
        ("3", "applications"),
        ("基本信息", "meta"),
        ("0", "meta"),
        ("总体情况", "overview"),
        ("other", "other"),
        ("七", None),
    ],
)
def test_section_words(word: str, key: str | None) -> None:
    assert resolve_section(word) == key


def test_drafting_help_composes_and_the_author_accepts_or_replaces(tmp_path: Path) -> None:
    draft = Draft.model_validate(
        {
            "meta": {
                "agency": "某局",
                "kind": "department",
                "year": 2024,
                "published": "2025-01-20",
            },
            "interview": {"answers": {"portal": None, "contact": None, "deadline": None}},
        }
    )
    lines = [
        "是",  # help me draft
        "",  # the text names the agency "本机关"
        "",  # no lead paragraph
        "门户网站",  # channels
        "32条",  # items
        "",  # areas: none given
        "",  # interpretations: none given
        "",  # key work: none given
        "",  # events: none given
        "",  # accept the composed 一（一）
        "网站依申请公开栏目",  # 依申请公开 channels
        "",  # practice: none
        "《发布审核办法》",  # management rules
        "",
        "我自己写的一段。",  # replace the composed 一（三）
        ".",
    ]
    plain, out = session(tmp_path / "d.nianbao.yaml", lines, draft)
    assert "根据您提供的情况起草的初稿" in out
    assert plain.draft.overview.proactive == "本机关通过门户网站，全年共主动公开政府信息32条。"
    assert plain.draft.overview.management == "我自己写的一段。"
    assert (
        load_draft(tmp_path / "d.nianbao.yaml").overview.proactive == plain.draft.overview.proactive
    )


def _meta_answered() -> Draft:
    """A draft whose required 基本信息 is answered; the optional questions are still to come."""
    return Draft.model_validate(
        {
            "meta": {
                "agency": "某局",
                "kind": "department",
                "year": 2024,
                "published": "2025-01-20",
            },
            "interview": {"answers": {"portal": None}},
        }
    )


@pytest.mark.parametrize("end", ["", "."])
def test_contact_lines_take_several_lines_and_leave_the_next_question_alone(
    tmp_path: Path, end: str
) -> None:
    lines = ["地址：平安县人民路1号", "电话：0123-4567890", end, "", "否"]
    plain, out = session(tmp_path / "d.nianbao.yaml", lines, _meta_answered())
    assert "每行一项；输完后再按一次回车" in out
    assert plain.draft.meta.contact_lines == ["地址：平安县人民路1号", "电话：0123-4567890"]
    assert plain.draft.meta.deadline is None
    assert plain.draft.interview.answers["compose_help"] is False
    assert "看不出是" not in out


def test_contact_lines_can_be_passed_with_an_empty_line(tmp_path: Path) -> None:
    plain, _ = session(tmp_path / "d.nianbao.yaml", ["", "", "否"], _meta_answered())
    assert plain.draft.meta.contact_lines == []
    assert plain.draft.interview.answers["compose_help"] is False


def test_numbered_items_are_not_numbered_twice(tmp_path: Path) -> None:
    questions = load_questions()
    question = next(q for q in questions if q.id == "items_unavailable")
    out = io.StringIO()
    plain = PlainSession(
        tmp_path / "d.nianbao.yaml", Draft(), questions, Console(io.StringIO(), out)
    )
    plain._show(question)
    assert "  1. 本机关不掌握相关政府信息" in out.getvalue()
    assert "1.本机关" not in out.getvalue()


# ---------------------------------------------------------------- saving that fails (issue 17)


def _run(path: Path, lines: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    console = Console(io.StringIO("".join(line + "\n" for line in lines)), out)
    code = PlainSession(path, Draft(), load_questions(), console).run()
    return code, out.getvalue()


def test_a_failed_save_at_quit_is_never_reported_as_saved(
    tmp_path: Path, fail_saving_to: Callable[[Path], None]
) -> None:
    path = tmp_path / "d.nianbao.yaml"
    fail_saving_to(path)
    code, out = _run(path, ["某局", "/quit", ""])  # Enter: no other place
    assert code == 1
    assert "已保存并退出" not in out and "草稿已保存" not in out
    assert "草稿没有保存" in out and "另存" in out
    rescued = list(Path(os.environ["XDG_STATE_HOME"]).rglob("*.nianbao.yaml"))
    assert len(rescued) == 1 and load_draft(rescued[0]).meta.agency == "某局"
    assert str(rescued[0]) in out


def test_a_failed_save_at_quit_can_go_elsewhere(
    tmp_path: Path, fail_saving_to: Callable[[Path], None]
) -> None:
    path = tmp_path / "d.nianbao.yaml"
    other = tmp_path / "other.nianbao.yaml"
    fail_saving_to(path)
    code, out = _run(path, ["某局", "/quit", str(other)])
    assert code == 0
    assert load_draft(other).meta.agency == "某局"
    assert f"草稿改存到 {other}" in out


def test_a_failed_save_at_the_end_of_input_exits_non_zero(
    tmp_path: Path, fail_saving_to: Callable[[Path], None]
) -> None:
    path = tmp_path / "d.nianbao.yaml"
    fail_saving_to(path)
    code, out = _run(path, ["某局"])
    assert code == 1
    assert "草稿已保存" not in out
    assert "回答没有保存到草稿中" in out


@pytest.mark.slow
def test_sigterm_with_a_failed_save_exits_non_zero_and_says_so(tmp_path: Path) -> None:
    """A real process, SIGTERMed while its folder refuses writes."""
    import shutil
    import signal
    import time

    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "d.nianbao.yaml"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--plain", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=env,
    )
    assert process.stdin is not None
    process.stdin.write("某局\n".encode())
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    shutil.rmtree(folder)  # the folder goes away under the session: the next save fails
    process.stdin.write(b"1\n")
    process.stdin.flush()
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    text = out.decode("utf-8") + err.decode("utf-8")
    assert process.returncode == 128 + signal.SIGTERM, text
    assert "Traceback" not in text
    assert "回答没有保存到草稿中" in text
    assert "草稿已保存" not in text


# ---------------------------------------------------------------- read-only, editing at the end


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["/quit", "/退出", "／q"])
def test_quit_at_the_read_only_offer_just_quits(tmp_path: Path, typed: str) -> None:
    draft_path = tmp_path / "d.nianbao.yaml"
    save_draft(Draft.model_validate({"meta": {"agency": "某局"}}), draft_path)
    before = draft_path.read_bytes()
    with DraftLock(draft_path):
        result = run_plain(draft_path, [typed])
    assert result.returncode == 0, result.stderr
    assert "要以只读方式打开吗" in result.stdout
    assert "已退出，草稿没有打开" in result.stdout
    assert "是”或“否" not in result.stdout  # not refused as no yes/no answer
    assert result.stderr == ""
    assert draft_path.read_bytes() == before


@pytest.mark.slow
def test_a_draft_in_use_can_be_opened_read_only(tmp_path: Path) -> None:
    draft_path = tmp_path / "d.nianbao.yaml"
    save_draft(Draft.model_validate({"meta": {"agency": "某局"}}), draft_path)
    before = draft_path.read_bytes()
    with DraftLock(draft_path):
        result = run_plain(draft_path, ["是", "1", "/quit"])
    assert result.returncode == 0, result.stderr
    assert "只读" in result.stdout and "当前回答：某局" not in result.stdout
    assert "回答不会保存" in result.stdout
    assert draft_path.read_bytes() == before


def test_the_first_answer_is_echoed(tmp_path: Path) -> None:
    _, out = session(tmp_path / "d.nianbao.yaml", ["某局"])
    assert "已记录：某局" in out


@pytest.mark.slow
def test_a_finished_draft_can_be_edited_from_the_format_prompt(tmp_path: Path) -> None:
    """/goto at the format prompt goes back to the questions; the report comes after."""
    draft_path = tmp_path / "shenyang-2024.nianbao.yaml"
    answers = seed_answers()[:-2]  # up to the format prompt
    lines = [*answers, "/goto 基本", "新的机关名称", "/continue", "", ""]
    result = run_plain(draft_path, lines)
    assert result.returncode == 0, result.stderr
    assert "现在没有待回答的问题" not in result.stdout
    assert load_draft(draft_path).meta.agency == "新的机关名称"
    assert "已生成 Markdown 文本" in result.stdout


# ---------------------------------------------------------------- opening through the store's check


def test_a_hand_written_draft_without_the_end_marker_is_opened_with_a_notice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "手写.nianbao.yaml"
    path.write_text("schema_version: 2\nmeta:\n  agency: 某市某局\n", encoding="utf-8")
    result = run_plain(path, ["/quit"])
    assert "无法确认文件是否完整" in result.stdout, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_named_pipe_as_the_draft_is_refused_without_hanging(tmp_path: Path) -> None:
    path = tmp_path / "管道.nianbao.yaml"
    os.mkfifo(path)
    result = run_plain(path, ["/quit"], timeout=60)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip(), "the refusal is said"
