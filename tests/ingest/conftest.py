"""Fixtures for ingestion tests: the fixture folder, a local HTTP server, a fresh store."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from forcewatch.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def store(sqlite_url):
    s = open_store(sqlite_url)
    yield s
    s.close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the fixture folder; feeds get `{base}` replaced by the server's address;
    /status/<code> answers with that HTTP status."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path.startswith("/status/"):
            self.send_error(int(self.path.rsplit("/", 1)[1]))
            return
        feed = Path(self.directory) / self.path.lstrip("/")
        if self.path.endswith((".rss", ".atom")) and feed.is_file():
            body = feed.read_text("utf-8")
            body = body.replace("{base}", f"http://127.0.0.1:{self.server.server_port}").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_base(tmp_path):
    """A local http.server on 127.0.0.1 serving a copy of the fixtures; never the internet."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES, root)
    handler = functools.partial(_Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
