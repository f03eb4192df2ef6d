"""DNS rebinding: a server on loopback answers only requests whose Host names this machine."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from forcewatch.web.app import create_app
from forcewatch.web.security import host_name, rebinding_refusal


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_real_loopback_server_refuses_a_foreign_host_header(server):
    port = server.rsplit(":", 1)[1]
    evil = httpx.get(server + "/api/claims", headers={"Host": f"attacker.example:{port}"})
    assert evil.status_code == 421
    error = evil.json()["error"]
    assert error["code"] == "misdirected_host" and "attacker.example" in error["message"]
    assert httpx.get(server + "/api/claims").status_code == 200
    assert httpx.get(server + "/", headers={"Host": f"localhost:{port}"}, timeout=60).status_code == 200


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_rebinding_check_guards_pages_and_writes_too(app):
    with TestClient(app, base_url="http://127.0.0.1:8350") as client:
        assert client.get("/", headers={"Host": "rebind.attacker.example"}).status_code == 421
        upload = client.post("/api/ingest", headers={"Host": "rebind.attacker.example"},
                             files={"files": ("a.txt", b"Russia moved 20 tanks.", "text/plain")})
        assert upload.status_code == 421
        for host in ("127.0.0.1:8350", "[::1]:8350", "localhost", "LOCALHOST.:8350", "dash.localhost:8350"):
            assert client.get("/api/problems", headers={"Host": host}).status_code == 200, host


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_allowed_hosts_let_a_reverse_proxy_name_through(seeded_url):
    from forcewatch.config import get_settings

    app = create_app(get_settings(db_url=seeded_url), allowed_hosts=["Dash.Example.org"])
    with TestClient(app, base_url="http://127.0.0.1:8350") as client:
        assert client.get("/api/problems", headers={"Host": "dash.example.org:443"}).status_code == 200
        assert client.get("/api/problems", headers={"Host": "other.example.org"}).status_code == 421
    app.state.store.close()


def test_only_requests_arriving_on_loopback_are_checked():
    assert rebinding_refusal("192.0.2.10", "dashboard.example.org", frozenset()) is None
    assert rebinding_refusal("127.0.0.1", None, frozenset()) is not None  # no Host at all
    assert rebinding_refusal("::1", "[::1]:8350", frozenset()) is None
    assert [host_name(h) for h in ("[::1]:80", "Example.ORG.:8080", "localhost")] == ["::1", "example.org", "localhost"]
