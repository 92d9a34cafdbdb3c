"""`nianbao check` and `nianbao render`: exit codes, listings, outputs, no file clobbered."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import NianbaoError, OutputExistsError
from assistant.render import render_report
from assistant.render.output import default_output, write_output
from assistant.store import load_draft

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    path = tmp_path / "shenyang-2024.nianbao.yaml"
    shutil.copy(SEED, path)
    return path


@pytest.fixture
def broken_sums(tmp_path: Path) -> Path:
    """The seed with one more new application than the results account for (rule 1, E1)."""
    path = tmp_path / "broken.nianbao.yaml"
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("  new: {natural: 0,", "  new: {natural: 3,", 1)
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


# ---------------------------------------------------------------- check


def test_check_seed_passes(capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path) -> None:
    code, out, _ = _run(capsysbinary, "check", str(seed_path))
    assert code == 0
    assert "【六、其他需要报告的事项】" in out
    assert "  [警告（已确认）] 六、其他需要报告的事项没有说明信息处理费情况" in out
    assert "（审核规则 E14）" in out  # the rule id comes last, not first
    assert "修改方法：" in out
    assert out.rstrip().splitlines()[-1].startswith("共 1 项：错误 0 个，警告 1 个（已确认 1 个）")


def test_check_lists_blocking_errors_and_exits_1(
    capsysbinary: pytest.CaptureFixture[bytes], broken_sums: Path
) -> None:
    code, out, _ = _run(capsysbinary, "check", str(broken_sums))
    assert code == 1
    assert "【三、收到和处理政府信息公开申请情况】" in out
    assert "[错误] 表三“自然人”列：一（3）+ 二（0）= 3" in out
    assert "（审核规则 E1）" in out
    assert "[错误] E1" not in out
    assert "需要修改或确认" in out.splitlines()[-1]


def test_check_json(capsysbinary: pytest.CaptureFixture[bytes], broken_sums: Path) -> None:
    code, out, _ = _run(capsysbinary, "check", str(broken_sums), "--json")
    assert code == 1
    assert "\\u" not in out  # Chinese as is, not escaped
    data = json.loads(out)
    assert data["ok"] is False and data["blocking"] >= 1
    e1 = [f for f in data["findings"] if f["rule"] == "E1"]
    assert e1 and e1[0]["severity"] == "error" and e1[0]["severity_label"] == "错误"
    assert e1[0]["blocking"] is True and e1[0]["location"]["section"] == "applications"
    assert {"message", "fix", "where", "key", "acknowledged"} <= set(e1[0])


def test_check_json_of_the_seed(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path
) -> None:
    code, out, _ = _run(capsysbinary, "check", str(seed_path), "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    assert [(f["rule"], f["acknowledged"], f["blocking"]) for f in data["findings"]] == [
        ("E14", True, False)
    ]


@pytest.mark.parametrize("command", ["check", "render"])
@pytest.mark.parametrize(
    "content", ["meta: [unclosed\n", "meta:\n  year: 二〇二四\n", "unknown_key: 1\n"]
)
def test_unreadable_draft_exits_2_and_is_untouched(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, command: str, content: str
) -> None:
    path = tmp_path / "bad.nianbao.yaml"
    path.write_text(content, encoding="utf-8")
    extra = ["--format", "md"] if command == "render" else []
    code, out, err = _run(capsysbinary, command, str(path), *extra)
    assert code == 2
    assert err.startswith("错误：") and str(path) in err
    assert "Traceback" not in err and out == ""
    assert path.read_text(encoding="utf-8") == content


def test_missing_draft_exits_2(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    code, _, err = _run(capsysbinary, "check", str(tmp_path / "none.nianbao.yaml"))
    assert code == 2 and err.startswith("错误：")


# ---------------------------------------------------------------- render


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_render_text_format_to_stdout(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path, fmt: str
) -> None:
    code, out, _ = _run(capsysbinary, "render", str(seed_path), "--format", fmt)
    assert code == 0
    assert out == render_report(load_draft(seed_path), fmt)


def test_render_to_a_named_file_replaces_it(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "报告.html"
    target.write_text("旧内容", encoding="utf-8")
    code, out, err = _run(capsysbinary, "render", str(seed_path), "-o", str(target))
    assert code == 0 and out == ""
    assert str(target) in err
    assert target.read_text(encoding="utf-8") == render_report(load_draft(seed_path), "html")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_written_message_spaces_the_label_never_the_path(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "某局report年报.docx"
    code, _, err = _run(capsysbinary, "render", str(seed_path), "-o", str(target))
    assert code == 0
    assert "已生成 Word" in err and str(target) in err


def test_render_refuses_while_findings_block(
    capsysbinary: pytest.CaptureFixture[bytes], broken_sums: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    code, out, err = _run(capsysbinary, "render", str(broken_sums), "-f", "md", "-o", str(target))
    assert code == 1 and out == ""
    assert "报告还不能生成" in err and "[错误]" in err
    assert not target.exists()


@pytest.fixture
def unfinished(tmp_path: Path) -> Path:
    """A draft with only its agency, kind and year: about 175 answers missing."""
    path = tmp_path / "unfinished.nianbao.yaml"
    path.write_text("meta:\n  agency: 某局\n  kind: department\n  year: 2024\n", encoding="utf-8")
    return path


def test_render_refused_on_an_unfinished_draft_prints_a_summary(
    capsysbinary: pytest.CaptureFixture[bytes], unfinished: Path
) -> None:
    code, out, err = _run(capsysbinary, "render", str(unfinished), "-f", "md")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) <= 15, err
    assert lines[0].startswith("报告还不能生成：还有 ")
    assert "其中：基本信息 1 个；一、总体情况 5 个" in lines[1]
    assert len([line for line in lines if line.startswith("  [错误]")]) == 10
    assert "其余" in err
    assert f"nianbao {unfinished}" in lines[-1] and f"nianbao check {unfinished}" in lines[-1]
    assert "表二“规章”行“本年制发件数”列尚未填写。" in err


def test_check_says_each_place_once(
    capsysbinary: pytest.CaptureFixture[bytes], unfinished: Path
) -> None:
    _, out, _ = _run(capsysbinary, "check", str(unfinished))
    assert "  [错误] 表三“3.其他”行“其他”列尚未填写。" in out
    assert "尚未填写：" not in out
    for line in out.splitlines():
        if line.startswith("  ["):
            place = line.split("] ", 1)[1][:8]
            assert line.count(place) == 1, line


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["-o", "out.doc"], "不支持 .doc 格式（旧版 Word 文档）。请改用 .docx"),
        (["-f", "docx", "-o", "out.doc"], "例如：-o out.docx"),
        (["-o", "out.xlsx"], "无法从输出文件名“out.xlsx”看出报告格式"),
    ],
)
def test_an_unsupported_output_suffix_is_named(
    capsysbinary: pytest.CaptureFixture[bytes],
    seed_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    says: str,
) -> None:
    monkeypatch.chdir(seed_path.parent)
    code, _, err = _run(capsysbinary, "render", str(seed_path), *argv)
    assert code == 2
    assert says in err
    assert not (seed_path.parent / argv[-1]).exists()


def test_htm_is_html(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path, tmp_path: Path
) -> None:
    code, _, _ = _run(capsysbinary, "render", str(seed_path), "-o", str(tmp_path / "r.htm"))
    assert code == 0
    assert (tmp_path / "r.htm").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>")


def test_binary_format_goes_beside_the_draft_and_never_clobbers(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path
) -> None:
    pytest.importorskip("assistant.render.docx")
    beside = seed_path.with_name("shenyang-2024.docx")
    code, out, _ = _run(capsysbinary, "render", str(seed_path), "--format", "docx")
    assert code == 0 and out == ""
    assert beside.read_bytes()[:2] == b"PK"

    beside.write_bytes(b"the user's own file")
    code, _, err = _run(capsysbinary, "render", str(seed_path), "--format", "docx")
    assert code == 1
    assert "已经存在" in err and "-o" in err
    assert beside.read_bytes() == b"the user's own file"

    code, _, _ = _run(capsysbinary, "render", str(seed_path), "-f", "docx", "--force")
    assert code == 0 and beside.read_bytes()[:2] == b"PK"


def test_binary_format_refuses_stdout(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path
) -> None:
    code, out, err = _run(capsysbinary, "render", str(seed_path), "-f", "pdf", "-o", "-")
    assert code == 2 and out == "" and "-o" in err


def test_format_from_the_output_suffix_or_asked_for(
    capsysbinary: pytest.CaptureFixture[bytes], seed_path: Path, tmp_path: Path
) -> None:
    code, _, _ = _run(capsysbinary, "render", str(seed_path), "-o", str(tmp_path / "r.txt"))
    assert code == 0 and (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("沈阳市")
    code, _, err = _run(capsysbinary, "render", str(seed_path))
    assert code == 2 and "--format" in err


@pytest.mark.parametrize(
    ("draft", "suffix", "expected"),
    [
        ("a/shenyang-2024.nianbao.yaml", ".docx", "a/shenyang-2024.docx"),
        ("a/b.nianbao.yml", ".pdf", "a/b.pdf"),
        ("a/b.yaml", ".docx", "a/b.docx"),
        ("a/草稿", ".pdf", "a/草稿.pdf"),
        ("a/.nianbao.yaml", ".docx", "a/.nianbao.docx"),
    ],
)
def test_default_output(draft: str, suffix: str, expected: str) -> None:
    assert default_output(Path(draft), suffix) == Path(expected)


def test_write_output_never_replaces_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    write_output(target, b"one", replace=False)
    with pytest.raises(OutputExistsError, match="已经存在"):
        write_output(target, b"two", replace=False)
    assert target.read_bytes() == b"one"
    write_output(target, "三", replace=True)
    assert target.read_text(encoding="utf-8") == "三"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx"]


def test_write_output_failure_is_chinese_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(NianbaoError, match="文件夹不存在"):
        write_output(tmp_path / "no" / "x.md", "t", replace=True)
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- imports


@pytest.mark.parametrize(
    ("argv", "jinja"),
    [
        (["check", str(SEED)], False),
        (["check", str(SEED), "--json"], False),
        (["render", str(SEED), "--format", "html"], True),
        (["render", str(SEED), "--format", "txt"], True),
    ],
)
def test_commands_do_not_import_textual(argv: list[str], jinja: bool) -> None:
    code = (
        "import sys\n"
        "from assistant.cli import main\n"
        f"rc = main({argv!r})\n"
        "sys.stdout.flush()\n"
        "print('\\nMODULES', rc, 'textual' in sys.modules, 'jinja2' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.splitlines()[-1] == f"MODULES 0 False {jinja}"
