"""The access token, the loopback test and the command line that starts each tab."""

from __future__ import annotations

import shlex
import shutil
import time
from pathlib import Path

import pytest

from assistant.commands.serve import resolve_target
from assistant.errors import NianbaoError
from assistant.serve.access import TOKEN_ALPHABET, is_loopback, new_token, token_matches
from assistant.serve.server import content_disposition, start_message
from assistant.serve.tab import command_line

SEED = Path(__file__).resolve().parents[2] / "examples" / "shenyang-2024.nianbao.yaml"


def test_tokens_are_fresh_and_typed_leniently() -> None:
    token = new_token()
    assert len(token) == 14 and token.count("-") == 2
    assert set(token.replace("-", "")) <= set(TOKEN_ALPHABET)
    assert new_token() != token
    assert token_matches(token, token)
    assert token_matches(token, f" {token.lower().replace('-', ' ')} ")
    assert not token_matches(token, token[:-1])
    assert not token_matches(token, "")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("evil.example", False),
        ("", False),
    ],
)
def test_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_start_message_names_the_folder_and_the_token_only_when_asked_for() -> None:
    local = "\n".join(start_message("127.0.0.1", 8000, Path("/srv/年报"), None))
    assert "http://127.0.0.1:8000" in local and "/srv/年报" in local and "口令" not in local
    shared = "\n".join(start_message("0.0.0.0", 8000, Path("/srv"), "ABCD-EFGH-JKMN"))
    assert "访问口令：ABCD-EFGH-JKMN" in shared
    assert "0.0.0.0" not in shared  # no browser can open that address


def test_posix_command_line_survives_spaces_and_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "政务 公开"
    draft = folder / "我的 年报.nianbao.yaml"
    argv = shlex.split(command_line(folder, draft, windows=False))
    assert argv[1:] == ["-m", "assistant.serve.tab", str(folder), str(draft)]


def test_windows_command_line_quotes_every_argument_for_cmd() -> None:
    from assistant.serve.tab import windows_command_line

    line = command_line(
        Path(r"C:\Users\张三\年报 2024"),
        Path(r"C:\Users\张三\年报 2024\a.nianbao.yaml"),
        windows=True,
    )
    folder = r'"C:\Users\张三\年报 2024"'
    assert line.endswith(f'"-m" "assistant.serve.tab" {folder} {folder[:-1]}\\a.nianbao.yaml"')
    assert "'" not in line
    assert windows_command_line([r"D:\R&D", "D:\\"]) == r'"D:\R&D" "D:\\"'


def test_download_names_in_chinese_reach_the_browser() -> None:
    header = content_disposition("attachment", "沈阳 2024年报.docx")
    assert header.startswith('attachment; filename="')
    assert "filename*=UTF-8''%E6%B2%88%E9%98%B3%202024" in header
    assert header.isascii()


def test_target_is_a_folder_or_a_draft(tmp_path: Path) -> None:
    assert resolve_target(None, tmp_path) == (tmp_path.resolve(), None)
    draft = tmp_path / "新.nianbao.yaml"
    assert resolve_target(Path("新.nianbao.yaml"), tmp_path) == (
        tmp_path.resolve(),
        draft.resolve(),
    )
    with pytest.raises(NianbaoError, match="找不到"):
        resolve_target(Path("没有这个目录"), tmp_path)
    with pytest.raises(NianbaoError, match="找不到目录"):
        resolve_target(Path("没有/新.nianbao.yaml"), tmp_path)


def test_tabs_list_only_the_drafts_opened_through_the_served_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.serve.tab import served_state
    from assistant.store.recent import recent_drafts, remember_draft, state_dir

    elsewhere = tmp_path / "别处.nianbao.yaml"
    elsewhere.write_text("schema_version: 1\n", encoding="utf-8")
    remember_draft(elsewhere)
    assert elsewhere in recent_drafts()
    user_state = state_dir()
    a, b = tmp_path / "a", tmp_path / "b"
    assert served_state(a) != served_state(b)
    assert served_state(a).is_relative_to(user_state)
    monkeypatch.setenv("XDG_STATE_HOME", str(served_state(a)))
    assert recent_drafts() == []


def test_a_tab_runs_in_the_served_folder_with_its_own_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from assistant.serve import tab

    seen: dict[str, object] = {}

    def nianbao(argv: list[str]) -> int:
        seen.update(argv=argv, cwd=Path.cwd(), state=os.environ["XDG_STATE_HOME"])
        return 0

    monkeypatch.setattr("assistant.cli.main", nianbao)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "年报"
    folder.mkdir()
    expected = str(tab.served_state(folder))
    assert tab.main([str(folder), "x.nianbao.yaml"]) == 0
    assert seen == {"argv": ["x.nianbao.yaml"], "cwd": folder, "state": expected}


def test_a_taken_port_is_said_in_chinese_and_nothing_claims_to_have_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    from assistant.cli import main

    monkeypatch.chdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    out, err = capsys.readouterr()
    assert f"端口 {port} 已被其他程序占用" in err
    assert "已启动" not in out + err


def test_a_reloaded_tab_waits_for_its_previous_session_to_let_go(tmp_path: Path) -> None:
    import threading

    from assistant.serve.tab import wait_for_previous_tab
    from assistant.store.lock import DraftLock

    draft = tmp_path / "年报.nianbao.yaml"
    shutil.copy(SEED, draft)
    previous = DraftLock(draft)
    previous.acquire()
    released = threading.Event()

    def quit_later() -> None:
        time.sleep(0.3)
        previous.release()
        released.set()

    threading.Thread(target=quit_later).start()
    wait_for_previous_tab(draft, seconds=30)
    assert released.is_set()
    with DraftLock(draft):
        pass  # free for the new session


def test_a_second_tab_still_meets_the_lock(tmp_path: Path) -> None:
    from assistant.errors import DraftLockedError
    from assistant.serve.tab import wait_for_previous_tab
    from assistant.store.lock import DraftLock

    draft = tmp_path / "年报.nianbao.yaml"
    shutil.copy(SEED, draft)
    with DraftLock(draft):
        wait_for_previous_tab(draft, seconds=0.2)  # gives up waiting, does not take it
        with pytest.raises(DraftLockedError):
            DraftLock(draft).acquire()
