"""A long answer written in the author's own editor: the text goes out and comes back intact."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from assistant.core.draft import Draft
from assistant.editor import EditorError, decode, edit_text, editor_command


def fake_editor(tmp_path: Path, body: str) -> list[str]:
    """An "editor": a Python script given the file's path as its last argument."""
    script = tmp_path / "editor.py"
    script.write_text("import sys\npath = sys.argv[1]\n" + body, encoding="utf-8")
    return [sys.executable, str(script)]


def test_the_edited_text_comes_back(tmp_path: Path) -> None:
    editor = fake_editor(
        tmp_path,
        "text = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text + '，并按时发布。\\n')\n",
    )
    assert edit_text("本年度主动公开文件32件", editor, windows=False) == (
        "本年度主动公开文件32件，并按时发布。"
    )


def test_notepad_files_with_a_bom_and_crlf_come_back_clean(tmp_path: Path) -> None:
    editor = fake_editor(
        tmp_path,
        "data = open(path, 'rb').read()\n"
        "assert data.startswith(b'\\xef\\xbb\\xbf') and b'\\r\\n' in data, data\n"
        "open(path, 'wb').write(data + '第三段'.encode('utf-8'))\n",
    )
    assert edit_text("第一段\n第二段\n", editor, windows=True) == "第一段\n第二段\n第三段"


def test_an_ansi_notepad_save_is_read_as_gbk(tmp_path: Path) -> None:
    editor = fake_editor(tmp_path, "open(path, 'wb').write('依申请公开'.encode('gbk'))\n")
    assert edit_text("", editor, windows=False) == "依申请公开"


def test_a_failing_editor_keeps_the_answer_and_names_its_file(tmp_path: Path) -> None:
    editor = fake_editor(
        tmp_path, "open(path, 'a', encoding='utf-8').write('新写的')\nsys.exit(3)\n"
    )
    with pytest.raises(EditorError, match="异常退出（代码 3）") as raised:
        edit_text("原来的回答", editor, windows=False)
    kept = Path(str(raised.value).rsplit("可在 ", 1)[1].split(" 找到")[0])
    assert kept.read_text(encoding="utf-8") == "原来的回答新写的"


def test_an_editor_that_cannot_start_says_how_to_choose_one(tmp_path: Path) -> None:
    with pytest.raises(EditorError, match="EDITOR"):
        edit_text("x", [str(tmp_path / "no-such-editor")], windows=False)


def test_a_unicode_notepad_save_is_read_as_utf16() -> None:
    assert decode("第一段\r\n第二段".encode("utf-16")) == "第一段\n第二段"


def test_bytes_in_no_known_encoding_are_refused() -> None:
    with pytest.raises(EditorError, match="UTF-8"):
        decode(b"\xff\xfe\xfa\x80\x81")


@pytest.mark.parametrize(
    ("environ", "windows", "expected"),
    [
        ({"VISUAL": "code --wait", "EDITOR": "nano"}, False, ["code", "--wait"]),
        ({"EDITOR": "nano -w"}, False, ["nano", "-w"]),
        (
            {"EDITOR": '"C:\\Program Files\\Notepad++\\notepad++.exe"'},
            True,
            ["C:\\Program Files\\Notepad++\\notepad++.exe"],
        ),
        ({}, True, ["notepad.exe"]),
    ],
)
def test_the_editor_is_chosen_from_the_environment(
    environ: dict[str, str], windows: bool, expected: list[str]
) -> None:
    assert editor_command(environ, windows=windows) == expected


def test_without_a_display_no_desktop_editor_is_tried(tmp_path: Path) -> None:
    for name in ("gedit", "nano"):
        tool = tmp_path / name
        tool.write_text("#!/bin/sh\n", encoding="utf-8")
        tool.chmod(0o755)
    path = str(tmp_path)
    assert editor_command({"PATH": path}, windows=False) == [str(tmp_path / "nano")]
    desktop = {"PATH": path, "DISPLAY": ":0"}
    assert editor_command(desktop, windows=False) == [str(tmp_path / "gedit"), "--wait"]
    assert editor_command({"PATH": str(tmp_path / "empty")}, windows=False) is None


def _plain(tmp_path: Path, lines: list[str], draft: Draft) -> tuple[Draft, str]:
    from assistant.commands.plain import Console, PlainSession
    from assistant.promptfiles import load_questions

    out = io.StringIO()
    console = Console(io.StringIO("".join(line + "\n" for line in lines)), out)
    plain = PlainSession(tmp_path / "d.nianbao.yaml", draft, load_questions(), console)
    assert plain.run() == 0
    return plain.draft, out.getvalue()


def test_plain_answers_a_paragraph_from_the_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = fake_editor(
        tmp_path, "open(path, 'w', encoding='utf-8').write('编辑器里写的一段。')\n"
    )
    monkeypatch.setenv("VISUAL", " ".join(editor))
    meta = {"agency": "某局", "kind": "department", "year": 2024, "published": "2025-01-20"}
    skipped = {"portal": None, "contact": None, "deadline": None, "compose_help": None}
    draft = Draft.model_validate({"meta": meta, "interview": {"answers": skipped}})
    answered, said = _plain(tmp_path, ["/editor"], draft)
    assert answered.overview.intro == "编辑器里写的一段。"
    assert "正在打开编辑器" in said


def test_plain_refuses_the_editor_for_a_short_answer(tmp_path: Path) -> None:
    _, said = _plain(tmp_path, ["/编辑器"], Draft())
    assert "只有要写一段文字的问题可以在编辑器中写" in said


def test_nothing_written_in_the_editor_is_not_an_answer(tmp_path: Path) -> None:
    from assistant.editor import EMPTY, edit_answer

    editor = fake_editor(tmp_path, "open(path, 'w', encoding='utf-8').write('\\n\\n')\n")
    with pytest.raises(EditorError, match=EMPTY):
        edit_answer("原来的回答", editor)
