"""The server's page, its guard and its downloads, through aiohttp's test client."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from assistant.serve.access import COOKIE
from assistant.serve.server import NianbaoServer

TOKEN = "ABCD-EFGH-JKMN"
LINKS = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


async def _client(folder: Path, token: str | None) -> TestClient[object, object]:
    server = NianbaoServer("true", host="127.0.0.1", port=0, folder=folder, token=token)
    client: TestClient[object, object] = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client


@pytest.fixture
async def local(tmp_path: Path) -> AsyncIterator[TestClient[object, object]]:
    client = await _client(tmp_path / "草稿<b>", None)
    yield client
    await client.close()


@pytest.fixture
async def shared(tmp_path: Path) -> AsyncIterator[TestClient[object, object]]:
    client = await _client(tmp_path, TOKEN)
    yield client
    await client.close()


async def test_page_loads_only_what_this_server_serves(local: TestClient[object, object]) -> None:
    response = await local.get("/")
    page = await response.text()
    assert response.status == 200
    links = LINKS.findall(page)
    assert links, "the page links its assets"
    for link in links:
        if link.startswith("data:"):
            continue
        assert link.startswith("/static/"), link
        asset = await local.get(link)
        assert asset.status == 200, link
        body = await asset.read()
        # No web font, stylesheet or script fetched from elsewhere by the assets themselves.
        assert b"fonts.googleapis" not in body and b"@import" not in body, link
    urls = re.findall(r"(?:https?|wss?)://[^\"'\s]+", page)
    assert urls == [f"ws://{local.server.host}:{local.server.port}/ws"]
    assert "fonts.googleapis" not in page


async def test_page_shows_the_drafts_folder_escaped(
    local: TestClient[object, object], tmp_path: Path
) -> None:
    page = await (await local.get("/")).text()
    assert f"{tmp_path}/草稿&lt;b&gt;" in page
    assert "草稿<b>" not in page


async def test_loopback_server_refuses_other_host_names(local: TestClient[object, object]) -> None:
    response = await local.get("/", headers={"Host": "rebound.example:8000"})
    assert response.status == 403


async def test_websocket_from_another_site_is_refused(local: TestClient[object, object]) -> None:
    response = await local.get(
        "/ws", headers={"Origin": "http://evil.example", "Upgrade": "websocket"}
    )
    assert response.status == 403


async def test_nothing_but_the_token_form_without_the_token(
    shared: TestClient[object, object],
) -> None:
    page = await (await shared.get("/")).text()
    assert "请输入访问口令" in page and "data-session-websocket-url" not in page
    for path in ("/ws", "/download/some-key"):
        assert (await shared.get(path)).status == 403, path
    wrong = await shared.post("/login", data={"token": "WRONG-TOKEN"})
    assert wrong.status == 200 and "口令不对" in await wrong.text()
    assert COOKIE not in shared.session.cookie_jar.filter_cookies(shared.make_url("/"))
    assert (await shared.get("/ws")).status == 403


async def test_the_token_opens_the_page(shared: TestClient[object, object]) -> None:
    response = await shared.post("/login", data={"token": TOKEN.lower()})
    assert response.status == 200 and response.url.path == "/"
    page = await response.text()
    assert "data-session-websocket-url" in page
    assert (await shared.get("/download/no-such-key")).status == 404
