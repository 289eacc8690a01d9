"""Read the versions of a story from files, folders or standard input into Documents.

Plain text is decoded exactly (UTF-8, UTF-8 or UTF-16 with a byte-order mark, else cp1252 with a
note saying so); HTML pages are reduced to their article text by jusText, keeping the headline
and byline; Markdown is kept as written. Every problem becomes a one-line ``WirediffError`` that
names the file.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from .errors import WirediffError
from .fetch import Page, fetch_pages, is_url
from .html_text import extract_article
from .manifest import ManifestEntry, apply_manifest, manifest_paths, parse_manifest
from .metadata import (
    PageMetadata,
    dateline_published,
    host_label,
    text_published,
    year_sources,
)
from .model import Document, Role, Sentence
from .roles import assign_roles
from .segment import segment

MAX_BYTES = 5 * 1024 * 1024
"""Largest file accepted: 5 MB is about 35,000 sentences of news text (a story is 5-100 KB).
Two such files align in about 10 s and 350 MB on one core (README, "Input limits")."""
MAX_SENTENCES = 50_000
"""Most sentences a document may have, whatever its size."""
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
STDIN = "-"


def document_from_text(
    text: str,
    path: str = "<text>",
    source_format: str = "text",
    limit: int | None = None,
    *,
    page: PageMetadata | None = None,
) -> Document:
    """Segment and tag ``text`` as one version of the story (only some past ``limit`` sentences).

    ``page`` is what the page the text was extracted from says about itself: its publication
    date comes first; its modification date and address can give a dateline's missing year.
    """
    segments = segment(text, limit)
    roles = assign_roles(text, segments)
    sentences = tuple(
        Sentence(index, s.start, s.end, text[s.start : s.end], role)
        for index, (s, role) in enumerate(zip(segments, roles, strict=True))
    )
    published = (page.published if page else "") or text_published(sentences)
    note = ""
    if not published:
        published, note = dateline_published(sentences, year_sources(sentences, page))
    return Document(
        path=path,
        title=_title(sentences, path),
        text=text,
        sentences=sentences,
        source_format=source_format,
        notes=(note,) if note else (),
        published=published,
    )


TITLE_LENGTH = 90
_LEADING_DATE = re.compile(r"^(?:date\s*:?\s*)?\d{4}-\d{2}-\d{2}\s+(?=\S)", re.IGNORECASE)
"""A date scraped in front of a headline: "date 2025-02-06 Japan PM Heads To US"."""


def _title(sentences: Sequence[Sentence], path: str) -> str:
    """The headline, else the first heading, else the start of the first body sentence."""
    for role in (Role.HEADLINE, Role.HEADING, Role.BODY):
        for sentence in sentences:
            if sentence.role is role:
                title = _LEADING_DATE.sub("", " ".join(sentence.text.lstrip("# ").split()))
                if len(title) > TITLE_LENGTH:
                    title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
                return title
    return Path(path).name or path


def decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as the text they most likely are; the notes say when it was a guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise WirediffError(f"{path}: not valid UTF-16 despite its byte-order mark") from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16, ("decoded as UTF-16 without a byte-order mark",)
    if b"\x00" in data:
        raise WirediffError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        where = error.start
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    try:
        text = data.decode("cp1252")
        return text, (f"not valid UTF-8 (byte {where}); decoded as cp1252",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), (f"not valid UTF-8 (byte {where}); decoded as Latin-1",)


def _mostly_utf8(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few bad bytes (a damaged file): decoded as UTF-8, each bad byte as U+FFFD.

    It is UTF-8 when its valid multi-byte characters are at least as many as its bad bytes:
    cp1252 or Latin-1 text almost never forms a valid multi-byte UTF-8 sequence.
    """
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for character in escaped if "\udc80" <= character <= "\udcff")
    multibyte = sum(1 for character in escaped if character >= "\x80") - bad
    if not bad or multibyte < bad:
        return None
    first = data.decode("utf-8", errors="replace")
    bad_at = next(k for k, c in enumerate(escaped) if "\udc80" <= c <= "\udcff")
    where = len(escaped[:bad_at].encode("utf-8", errors="surrogateescape"))
    plural = "s" if bad > 1 else ""
    note = (
        f"{bad} byte{plural} not valid UTF-8 (the first at byte {where}) shown as \ufffd; "
        "the rest decoded as UTF-8"
    )
    return first, (note,)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark shows a NUL in every other byte."""
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 100)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<article" in head or ("<p>" in head and "</p>" in head)
    )


def parse_bytes(data: bytes, path: str) -> Document:
    """Turn the raw bytes of one version into a Document."""
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    text, notes = decode(data, path)
    if _looks_binary(text):
        raise WirediffError(f"{path}: looks like a binary file, not text")
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        article = extract_article(text, path)
        page = article.metadata
        document = document_from_text(article.text, path, "html", MAX_SENTENCES, page=page)
        if article.title:
            document = replace(document, title=article.title)
        document = replace(document, outlet=page.outlet, url=page.url)
        notes = notes + article.notes
    else:
        source_format = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        document = document_from_text(text, path, source_format, MAX_SENTENCES)
    if len(document.sentences) > MAX_SENTENCES:
        raise WirediffError(f"{path}: too many sentences (more than {MAX_SENTENCES:,}, the limit)")
    if not any(sentence.counts for sentence in document.sentences):
        raise WirediffError(f"{path}: {_nothing_to_compare(data, document)}")
    if notes:
        document = replace(document, notes=document.notes + notes)
    return document


def _too_large(path: str, size: int | None) -> WirediffError:
    """The error for a file over ``MAX_BYTES``; ``size`` None when only "more" is known."""
    found = "more than " + _megabytes(MAX_BYTES) if size is None else _megabytes(size)
    return WirediffError(f"{path}: too large ({found}; the limit is {_megabytes(MAX_BYTES)})")


def _megabytes(size: int) -> str:
    """A size for a message: ``"49.2 MB"``, or bytes below 1 MB when that says more."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def _nothing_to_compare(data: bytes, document: Document) -> str:
    """Why a document with no countable sentence cannot be compared: what was found in it."""
    if not data:
        return "empty file"
    sentences = document.sentences
    if not sentences:
        return f"empty (only white space, {len(data):,} bytes)"
    first = " ".join(sentences[0].text.split())
    preview = first if len(first) <= 60 else first[:59] + "…"
    what = (
        "its only line looks like page furniture"
        if len(sentences) == 1
        else f"all {len(sentences)} of its lines look like page furniture"
    )
    size = f" ({len(first):,} characters)" if len(first) > 60 else ""
    return (
        f"no article text to compare: {what} (a menu, tag list, teaser or credit), "
        f"e.g. \u201c{preview}\u201d{size}"
    )


def printable_path(path: str) -> str:
    """``path`` as text: bytes of a file name that are not valid UTF-8 show as U+FFFD.

    Python keeps such bytes as lone surrogates, which no report or terminal can encode.
    """
    return path.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def _read(path: str) -> bytes:
    name = printable_path(path)
    if path == STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise _too_large(name, None)
        return data
    try:
        status = os.stat(path)
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            # A named pipe or a device would block or never end: only files and - are read.
            raise WirediffError(f"{name}: not a regular file ({_file_kind(mode)})")
        if status.st_size > MAX_BYTES:
            raise _too_large(name, status.st_size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # it grew since
            raise _too_large(name, None)
        return data
    except FileNotFoundError:
        raise WirediffError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise WirediffError(f"{name}: is a directory") from None
    except PermissionError:
        raise WirediffError(f"{name}: permission denied") from None
    except OSError as error:
        raise WirediffError(f"{name}: cannot read ({error.strerror or error})") from None


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def load_document(path: str) -> Document:
    """Load one version of the story from a file, or from standard input for ``-``."""
    return parse_bytes(_read(path), printable_path(path))


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Replace each folder by the text and HTML files in it, sorted by name."""
    expanded: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            try:
                names = sorted(os.listdir(path))
            except OSError as error:
                raise WirediffError(f"{path}: cannot list folder ({error.strerror})") from None
            files = [
                os.path.join(path, name)
                for name in names
                if Path(name).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
                and os.path.isfile(os.path.join(path, name))
            ]
            if not files:
                raise WirediffError(f"{path}: folder has no text, Markdown or HTML files")
            expanded.extend(files)
        else:
            expanded.append(path)
    return expanded


def load_documents(
    paths: Iterable[str], manifest: str | None = None, refresh: bool = False
) -> tuple[Document, ...]:
    """Load every version named by ``paths`` (files, folders, ``-``, web addresses).

    At least two are needed. ``manifest`` names a CSV or JSON file stating each version's
    outlet, date and url (and the versions, when ``paths`` is empty); ``refresh`` fetches web
    pages again instead of reading them from the cache.
    """
    entries = load_manifest(manifest) if manifest else ()
    paths = list(paths)
    if not paths and entries:
        paths = manifest_paths(entries)
    expanded = expand_paths(paths)
    if expanded.count(STDIN) > 1:
        raise WirediffError("-: given more than once (it can be read only once)")
    urls = [path for path in expanded if is_url(path)]
    pages = fetch_pages(urls, refresh=refresh) if urls else {}
    documents = tuple(
        document_from_page(pages[path]) if is_url(path) else load_document(path)
        for path in expanded
    )
    if entries:
        documents = apply_manifest(documents, entries)
    if len(documents) < 2:
        named = documents[0].path if documents else "no input"
        raise WirediffError(
            f"{named}: need at least two documents to compare, got {len(documents)}"
        )
    return documents


def document_from_page(page: Page) -> Document:
    """A version fetched from the web, with its address and fetch time as provenance."""
    document = parse_bytes(page.body, page.url)
    return replace(
        document,
        url=document.url or page.final_url,
        fetched=page.fetched,
        outlet=document.outlet or host_label(page.final_url),
    )


def load_manifest(path: str) -> tuple[ManifestEntry, ...]:
    """Read a manifest (CSV or JSON) naming the versions' outlets, dates and urls."""
    text, _ = decode(_read(path), path)
    return parse_manifest(text, path)


def bundled_seeds() -> list[str]:
    """Paths of the five sample versions that ship with wirediff."""
    import importlib.util

    # ``seeds/`` has no __init__.py (it holds the samples and nothing else), so it installs as a
    # namespace package; look in each of its folders.
    spec = importlib.util.find_spec("wirediff.seeds")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        if os.path.isdir(folder):
            names = sorted(name for name in os.listdir(folder) if name.endswith(".txt"))
            if names:
                return [os.path.join(folder, name) for name in names]
    raise WirediffError("the bundled sample story is missing from this installation")


SEEDS_LABEL = "seeds"
"""How reports and the app name the bundled samples' folder, wherever it is installed."""


def load_bundled_seeds() -> tuple[Document, ...]:
    """The bundled sample versions, each named ``seeds/NAME`` rather than its installed path."""
    return tuple(
        replace(document, path=f"{SEEDS_LABEL}/{document.name}")
        for document in load_documents(bundled_seeds())
    )
