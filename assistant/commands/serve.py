"""``nianbao serve [DRAFT_OR_FOLDER] [--port N] [--host H]``: the assistant in a browser."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from assistant.errors import NianbaoError
from assistant.locations import DRAFT_SUFFIXES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao serve``."""
    parser.add_argument(
        "target",
        nargs="?",
        type=Path,
        metavar="草稿或目录",
        help="要打开的草稿（每个标签页都打开它），或存放草稿的目录；省略时为当前目录",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="端口",
        help=f"端口号（默认 {DEFAULT_PORT}）",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="地址",
        help=f"监听的地址（默认 {DEFAULT_HOST}，只有本机能访问）；"
        "0.0.0.0 让局域网内的电脑也能访问，此时需要输入启动时显示的访问口令",
    )


def resolve_target(target: Path | None, cwd: Path) -> tuple[Path, Path | None]:
    """(the drafts folder, the draft every tab opens or None for the launcher)."""
    path = (cwd / target).resolve() if target is not None else cwd.resolve()
    if path.is_dir():
        return path, None
    if path.exists() or path.suffix.lower() in DRAFT_SUFFIXES:
        if not path.parent.is_dir():
            raise NianbaoError(f"找不到目录：{path.parent}")
        return path.parent, path
    raise NianbaoError(
        f"找不到“{target}”：请给出一个已有的目录，或以 .nianbao.yaml 结尾的草稿文件名。"
    )


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C."""
    from assistant.serve.access import is_loopback, new_token
    from assistant.serve.server import NianbaoServer
    from assistant.serve.tab import command_line

    if not 0 < args.port < 65536:
        raise NianbaoError(f"端口号应在 1 到 65535 之间，而不是 {args.port}。")
    folder, draft = resolve_target(args.target, Path.cwd())
    token = None if is_loopback(args.host) else new_token()
    server = NianbaoServer(
        command_line(folder, draft), host=args.host, port=args.port, folder=folder, token=token
    )
    try:
        server.serve()
    except OSError as error:
        raise NianbaoError(bind_failure(args.host, args.port, error)) from None
    print("服务已停止。", file=sys.stderr)
    return 0


def bind_failure(host: str, port: int, error: OSError) -> str:
    """Why the server could not listen on ``host:port``, in Chinese."""
    if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
        return f"端口 {port} 已被其他程序占用，请用 --port 换一个端口，例如 --port {port + 1}。"
    if error.errno in (errno.EACCES, getattr(errno, "WSAEACCES", -1)):
        return f"没有权限使用端口 {port}，请换一个大于 1024 的端口。"
    if error.errno in (errno.EADDRNOTAVAIL, getattr(errno, "WSAEADDRNOTAVAIL", -1)):
        return f"本机没有 {host} 这个地址。只给本机用请省略 --host，给局域网用请写 --host 0.0.0.0。"
    return f"无法在 {host}:{port} 上启动服务（{error}）。"
