"""textual-serve's server, with a page that loads nothing from elsewhere and an access token.

The stock server builds every URL on the page from the address it listens on (``0.0.0.0`` is no
address a browser can reach), links a web font from the internet and greets in English; this
subclass builds URLs from the request, serves its own Chinese page from ``page/`` and, when it
listens beyond this machine, lets no request but the token form and the static files through
until the browser has given the token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import signal
import socket
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from assistant.serve.access import COOKIE, is_loopback, token_matches

PAGE = Path(__file__).resolve().parent / "page"

WRONG_TOKEN_PAUSE = 1.0
"""Seconds every wrong token waits, one at a time: guessing stays hopeless."""

Handler = Any  # aiohttp's handler type is not exported in a form mypy accepts for middlewares


class NianbaoServer(Server):
    """Serves one folder's drafts; each browser tab is its own ``nianbao`` process."""

    def __init__(
        self, command: str, *, host: str, port: int, folder: Path, token: str | None
    ) -> None:
        super().__init__(command, host=host, port=port, title="年报助手", templates_path=PAGE)
        self.folder = folder
        self.token = token
        """Asked for by the page when not None (the server listens beyond this machine)."""
        self._session_key = secrets.token_urlsafe(32)
        """What the browser's cookie holds once the token was given (never the token itself)."""
        self._login_lock = asyncio.Lock()

    def initialize_logging(self) -> None:
        # The stock setup logs every request in English; the console keeps to the start message
        # and to real problems.
        logging.basicConfig(level="WARNING", format="%(message)s")

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        # autoescape: the folder's name is shown on the page and may hold any character.
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(PAGE), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/login", self.handle_login, name="login"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM); OSError when the address cannot be bound."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            # Said once the port is really ours: a taken port is reported instead.
            for line in start_message(self.host, self.port, self.folder, self.token):
                self.console.print(line, highlight=False, markup=False)
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                # Windows has no signal handlers in asyncio: Ctrl+C arrives as KeyboardInterrupt.
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(signum, stop.set)
            await stop.wait()
        finally:
            # Closes every tab's websocket: each tab's process is told to quit, and saves.
            await runner.cleanup()

    def authorized(self, request: web.Request) -> bool:
        if self.token is None:
            return True
        given = request.cookies.get(COOKIE, "")
        return secrets.compare_digest(given.encode(), self._session_key.encode())

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.token is None and not is_loopback(request.url.host or ""):
            # Served to this machine only: a page elsewhere that points a name of its own at
            # 127.0.0.1 (DNS rebinding) gets nothing.
            raise web.HTTPForbidden(text="只接受本机的访问。")
        if request.path.startswith("/static/") or request.path == "/login":
            response: web.StreamResponse = await handler(request)
            return response
        if not self.authorized(request):
            if request.path == "/":
                return self._login_page(request, wrong=False)
            raise web.HTTPForbidden(text="需要访问口令：请先打开首页并输入口令。")
        response = await handler(request)
        return response

    def _login_page(self, request: web.Request, *, wrong: bool) -> web.Response:
        context = {"static": "/static/", "wrong": wrong}
        return aiohttp_jinja2.render_template("login.html", request, context)

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        typed = form.get("token", "")
        async with self._login_lock:
            if self.token is None or (isinstance(typed, str) and token_matches(self.token, typed)):
                response = web.HTTPSeeOther("/")
                response.set_cookie(
                    COOKIE, self._session_key, httponly=True, samesite="Strict", path="/"
                )
                raise response
            await asyncio.sleep(WRONG_TOKEN_PAUSE)
        return self._login_page(request, wrong=True)

    @aiohttp_jinja2.template("index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        scheme = "wss" if request.secure else "ws"
        return {
            "static": "/static/",
            "websocket_url": f"{scheme}://{request.host}/ws",
            "font_size": _font_size(request.query.get("fontsize", "")),
            "folder": str(self.folder),
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        # Another site's page may open a websocket to this server; only this page may drive it.
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            raise web.HTTPForbidden(text="拒绝来自其他网页的连接。")
        return await super().handle_websocket(request)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A rendered file, under its own name (RFC 6266, so names in Chinese survive)."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="这个下载已失效，请在审阅页重新点击下载。") from None
        response = web.StreamResponse()
        response.content_type = meta.mime_type
        if meta.encoding:
            response.charset = meta.encoding
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        response.headers["Content-Disposition"] = content_disposition(disposition, meta.file_name)
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response


def content_disposition(disposition: str, name: str) -> str:
    """``attachment; filename="…"; filename*=UTF-8''…``: an ASCII stand-in, then the real name."""
    fallback = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name
    )
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _font_size(text: str) -> int:
    try:
        return max(8, min(40, int(text)))
    except ValueError:
        return 16


def reachable_address() -> str:
    """This machine's address on the office network, for the start message (no packet is sent:
    connecting a UDP socket only picks the outgoing interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address: str = probe.getsockname()[0]
        except OSError:
            return socket.gethostname()
    return address


def start_message(host: str, port: int, folder: Path, token: str | None) -> list[str]:
    """What the server prints when it is ready, in Chinese."""
    shown = host if is_loopback(host) or host not in ("0.0.0.0", "::") else reachable_address()
    if ":" in shown:
        shown = f"[{shown}]"
    lines = [
        "年报助手浏览器模式已启动。",
        f"在浏览器中打开：http://{shown}:{port}",
        f"草稿目录：{folder}",
    ]
    if token is not None:
        lines.append(f"访问口令：{token}（页面会要求输入；只告诉需要使用的同事）")
    else:
        lines.append("只有本机可以访问。要让同一局域网的同事访问，请加上 --host 0.0.0.0。")
    lines.append("每个浏览器标签页是一个独立的会话。按 Ctrl+C 停止服务（已接受的回答都已保存）。")
    return lines
