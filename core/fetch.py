"""Fetch versions of a story from the web: a timeout, a size limit and an on-disk cache.

The standard library's ``urllib`` is enough for what wirediff asks of HTTP: one GET per page,
redirects (http and https only), TLS checked against the system's certificates, proxies from the
environment, gzip. A timeout bounds every wait and the whole read; a page larger than the limit
is refused before it is read to the end. Every page fetched is kept in a cache folder
(``$WIREDIFF_CACHE``, else ``$XDG_CACHE_HOME/wirediff``, else ``~/.cache/wirediff``) and read from
there on later runs, so a comparison can be repeated offline and compares the same text; pass
``refresh`` to fetch again. Each failure becomes one line naming the address.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from .errors import WirediffError

CACHE_ENV = "WIREDIFF_CACHE"
TIMEOUT = 20.0
"""Seconds to wait for a connection, for each read, and for the whole page."""
MAX_PAGE_BYTES = 10 * 1024 * 1024
"""Largest page accepted (after decompression)."""
PARALLEL = 4
"""Pages fetched at once."""
USER_AGENT = "wirediff/0.1 (compares versions of a news story)"
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True, slots=True)
class Page:
    """One fetched page and where and when it came from."""

    url: str
    """The address as asked for."""
    final_url: str
    """The address after redirects."""
    fetched: str
    """When it was fetched, ISO 8601 in UTC."""
    content_type: str
    body: bytes
    from_cache: bool = False


def is_url(path: str) -> bool:
    """Whether ``path`` is a web address rather than a file."""
    return path.startswith(("http://", "https://"))


def cache_folder() -> Path:
    """Where fetched pages are kept."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wirediff"


def _cache_paths(url: str, folder: Path) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
    return folder / f"{key}.json", folder / f"{key}.body"


def _from_cache(url: str, folder: Path) -> Page | None:
    info_path, body_path = _cache_paths(url, folder)
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("url") != url:
        return None
    return Page(
        url=url,
        final_url=str(info.get("final_url", url)),
        fetched=str(info.get("fetched", "")),
        content_type=str(info.get("content_type", "")),
        body=body,
        from_cache=True,
    )


def _to_cache(page: Page, folder: Path) -> None:
    """Keep ``page``; a cache that cannot be written only costs a fetch next time."""
    info_path, body_path = _cache_paths(page.url, folder)
    info = {
        "url": page.url,
        "final_url": page.final_url,
        "fetched": page.fetched,
        "content_type": page.content_type,
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, data in ((body_path, page.body), (info_path, json.dumps(info).encode("utf-8"))):
            partial = path.with_suffix(path.suffix + f".{os.getpid()}.part")
            partial.write_bytes(data)
            os.replace(partial, path)
    except OSError:
        pass


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https addresses only (never ``file:`` or ``ftp:``)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web address", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(url: str) -> urllib.request.OpenerDirector:
    host = (urlsplit(url).hostname or "").lower()
    handlers: list[urllib.request.BaseHandler] = [
        _HttpOnlyRedirects(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ]
    if host in _LOOPBACK:
        handlers.append(urllib.request.ProxyHandler({}))  # this machine: never via a proxy
    return urllib.request.build_opener(*handlers)


def _read_limited(response: Any, url: str, timeout: float, max_bytes: int) -> bytes:
    """The body, decompressed, refusing more than ``max_bytes`` or more than ``timeout`` s."""
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise WirediffError(
            f"{url}: too large ({int(length) // 1024} KB; the limit is {max_bytes // 1024} KB)"
        )
    encoding = (response.headers.get("Content-Encoding") or "identity").lower()
    inflater = None
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(64 * 1024)
        if not chunk:
            break
        if inflater is not None:
            chunk = inflater.decompress(chunk, max_bytes + 1 - size)
        size += len(chunk)
        chunks.append(chunk)
        if size > max_bytes:
            raise WirediffError(f"{url}: too large (more than {max_bytes // 1024} KB)")
        if time.monotonic() > deadline:
            raise WirediffError(f"{url}: timed out after {timeout:g} s (page still arriving)")
    return b"".join(chunks)


def download(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """Fetch ``url`` now (no cache); raise a one-line WirediffError naming it on failure."""
    if not is_url(url) or not urlsplit(url).hostname:
        raise WirediffError(f"{url}: not a web address (http:// or https://)")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, identity",
        },
    )
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type() or ""
            if response.headers.get("Content-Type") and content_type not in _ACCEPTED_TYPES:
                raise WirediffError(f"{url}: not a web page ({content_type})")
            body = _read_limited(response, url, timeout, max_bytes)
            final_url = response.geturl() or url
    except WirediffError:
        raise
    except urllib.error.HTTPError as error:
        raise WirediffError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise WirediffError(f"{url}: timed out after {timeout:g} s") from None
        if isinstance(reason, ssl.SSLError):
            raise WirediffError(f"{url}: secure connection failed ({reason})") from None
        if isinstance(reason, OSError):
            reason = reason.strerror or reason
        raise WirediffError(f"{url}: cannot connect ({reason})") from None
    except TimeoutError:
        raise WirediffError(f"{url}: timed out after {timeout:g} s") from None
    except (http.client.HTTPException, OSError) as error:
        raise WirediffError(f"{url}: connection failed ({error or type(error).__name__})") from None
    except ValueError as error:
        raise WirediffError(f"{url}: not a valid web address ({error})") from None
    fetched = datetime.now(UTC).replace(microsecond=0).isoformat()
    return Page(url, final_url, fetched, content_type, body)


def fetch_page(
    url: str,
    *,
    refresh: bool = False,
    timeout: float | None = None,
    max_bytes: int | None = None,
    folder: Path | None = None,
) -> Page:
    """``url`` from the cache, else from the web (then kept in the cache).

    ``timeout`` and ``max_bytes`` default to ``TIMEOUT`` and ``MAX_PAGE_BYTES``.
    """
    folder = folder or cache_folder()
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_PAGE_BYTES if max_bytes is None else max_bytes
    if not refresh:
        cached = _from_cache(url, folder)
        if cached is not None:
            return cached
    page = download(url, timeout=timeout, max_bytes=max_bytes)
    _to_cache(page, folder)
    return page


def fetch_pages(urls: Sequence[str], *, refresh: bool = False) -> dict[str, Page]:
    """Every page in ``urls`` (a few at once); one error line per address that failed."""
    unique = list(dict.fromkeys(urls))
    results: dict[str, Page] = {}
    errors: dict[str, str] = {}

    def one(url: str) -> None:
        try:
            results[url] = fetch_page(url, refresh=refresh)
        except WirediffError as error:
            errors[url] = error.message

    if len(unique) == 1:
        one(unique[0])
    else:
        with ThreadPoolExecutor(max_workers=min(PARALLEL, len(unique))) as pool:
            list(pool.map(one, unique))
    if errors:
        raise WirediffError("\n".join(errors[url] for url in unique if url in errors))
    return results
