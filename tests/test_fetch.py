"""Versions from the web, against a local HTTP server (127.0.0.1 only; nothing else contacted)."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from wirediff.cli.main import main
from wirediff.core import WirediffError, load_documents
from wirediff.core import fetch as fetch_module
from wirediff.core.fetch import cache_folder, fetch_page

BODY = (
    "Japanese Prime Minister Shigeru Ishiba on Thursday left for the United States ahead of what "
    "will be President Donald Trump's second summit with a foreign leader since his return. "
    "Japan is one of the closest allies of the United States in Asia with around 54,000 US "
    "military personnel stationed in the country, officials in Tokyo said on Thursday."
)


def _page(outlet: str, published: str, body: str = BODY) -> bytes:
    head = f'<meta property="og:site_name" content="{outlet}">' if outlet else ""
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    return (
        f"<!DOCTYPE html><html><head><title>Japan PM heads to US</title>{head}</head>"
        f"<body><article><h1>Japan PM heads to US</h1><p>{body}</p></article></body></html>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, content_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        _Handler.hits[self.path] = _Handler.hits.get(self.path, 0) + 1
        if self.path == "/wire":
            self._send(200, "text/html; charset=utf-8", _page("Wire Daily", "2025-02-06T03:00:00Z"))
        elif self.path == "/copy":
            self._send(200, "text/html", _page("", "2025-02-06T09:00:00Z", BODY + " More."))
        elif self.path == "/gzip":
            data = gzip.compress(_page("Zipped Times", ""))
            self._send(200, "text/html", data, Content_Encoding="gzip")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/wire")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/html", _page("Slow", ""))
        elif self.path == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>")
        elif self.path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        else:
            self._send(404, "text/plain", b"not found")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIREDIFF_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(fetch_module, "TIMEOUT", 0.5)
    monkeypatch.setattr(fetch_module, "MAX_PAGE_BYTES", 100_000)
    _Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_urls_load_as_versions_with_provenance_and_work_offline_from_the_cache(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = load_documents([f"{server}/wire", f"{server}/copy"])
    wire, copy = documents
    assert wire.path == f"{server}/wire" and wire.source_format == "html"
    assert wire.outlet == "Wire Daily" and wire.published == "2025-02-06T03:00+00:00"
    assert wire.url == f"{server}/wire" and wire.fetched.endswith("+00:00")
    assert copy.outlet == "127.0.0.1"  # no site name: the host
    assert "54,000" in wire.text
    assert _Handler.hits == {"/wire": 1, "/copy": 1}
    # The server is still up, but the second run reads the cache: no request is made.
    again = load_documents([f"{server}/wire", f"{server}/copy"])
    assert [d.text for d in again] == [d.text for d in documents]
    assert again[0].fetched == wire.fetched
    assert _Handler.hits == {"/wire": 1, "/copy": 1}
    assert len(list(cache_folder().iterdir())) == 4
    load_documents([f"{server}/wire", f"{server}/copy"], refresh=True)
    assert _Handler.hits == {"/wire": 2, "/copy": 2}


def test_redirects_and_gzip(server: str) -> None:
    page = fetch_page(f"{server}/moved")
    assert page.url == f"{server}/moved" and page.final_url == f"{server}/wire"
    assert b"Wire Daily" in page.body
    assert b"Zipped Times" in fetch_page(f"{server}/gzip").body


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/slow", "timed out after 0.5 s"),
        ("/big", "too large"),
        ("/pdf", "not a web page (application/pdf)"),
        ("/to-file", "is not allowed"),
    ],
)
def test_a_failed_url_is_one_line_naming_it(server: str, path: str, message: str) -> None:
    with pytest.raises(WirediffError) as raised:
        fetch_page(server + path)
    assert raised.value.message.startswith(f"{server}{path}: ")
    assert message in raised.value.message
    assert "\n" not in raised.value.message


def test_unreachable_and_malformed_addresses() -> None:
    with pytest.raises(WirediffError, match="not a web address"):
        fetch_page("http://")
    with pytest.raises(WirediffError, match="cannot connect"):
        fetch_page("http://127.0.0.1:9/", refresh=True)  # the discard port: nothing listens


def test_cli_reports_urls_and_prints_one_line_per_failure(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", f"{server}/wire", f"{server}/copy", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [d["url"] for d in report["documents"]] == [f"{server}/wire", f"{server}/copy"]
    assert all(d["fetched"] for d in report["documents"])
    assert report["documents"][0]["label"] == "Wire Daily 2025-02-06"
    code = main(["report", f"{server}/wire", f"{server}/missing", f"{server}/pdf"])
    assert code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"wirediff: {server}/missing: the server answered 404 Not Found",
        f"wirediff: {server}/pdf: not a web page (application/pdf)",
    ]


def test_the_app_command_without_a_terminal_prints_the_report_of_urls(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([f"{server}/wire", f"{server}/copy"]) == 0
    out = capsys.readouterr().out
    assert "[   0] Wire Daily 2025-02-06" in out or "[base] Wire Daily 2025-02-06" in out
    assert f"{server}/wire" in out and "fetched" in out
