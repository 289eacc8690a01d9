"""Read a pile of articles: folders of text, Markdown and HTML files, CSV, JSON Lines and WARC.

Every record becomes an ``Article`` or a ``Rejection`` naming its file and line (CSV, JSON Lines)
or record number (WARC) and the reason, so that the summary accounts for every input. A path that
does not exist, or a CSV without the text column, is a ``WirediffError`` (the command exits 2).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from wirediff.core.errors import WirediffError
from wirediff.core.html_text import extract_article
from wirediff.core.load import HTML_SUFFIXES, TEXT_SUFFIXES, decode

from .model import Article, Rejection

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
MAX_FILE_BYTES = 50 * 1024 * 1024
"""A text or HTML file larger than this is rejected (a pile's CSV or WARC may be larger)."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Names of the fields in CSV and JSON Lines input."""

    id: str = "id"
    outlet: str = "outlet"
    date: str = "date"
    url: str = "url"
    text: str = "text"
    title: str = "title"


def kind_of(path: str) -> str:
    """``csv``, ``jsonl``, ``warc``, ``html``, ``text`` or ``""`` (not part of a pile)."""
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = Path(name).suffix
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return ""


def pile_files(paths: Sequence[str]) -> list[str]:
    """Every readable file named by ``paths``; folders are walked, sorted by name."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                found.extend(
                    os.path.join(folder, name)
                    for name in sorted(names)
                    if not name.startswith(".") and kind_of(name)
                )
            if not found:
                raise WirediffError(
                    f"{path}: folder has no text, Markdown, HTML, CSV, JSON Lines or WARC files"
                )
            files.extend(found)
        elif os.path.isfile(path) or path == "-":
            files.append(path)
        elif not os.path.exists(path):
            raise WirediffError(f"{path}: no such file or directory")
        else:
            raise WirediffError(f"{path}: not a regular file")
    return files


def read_pile(paths: Sequence[str], columns: Columns = Columns()) -> Iterator[Article | Rejection]:
    """Every article (or rejection) of the pile, in file order."""
    for path in pile_files(paths):
        kind = kind_of(path) or "text"
        if kind == "csv":
            yield from read_csv(path, columns)
        elif kind == "jsonl":
            yield from read_jsonl(path, columns)
        elif kind == "warc":
            yield from read_warc(path)
        else:
            yield read_file(path, html=kind == "html")


def _read_bytes(path: str) -> bytes:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as handle:
            return handle.read()
    except PermissionError:
        raise WirediffError(f"{path}: permission denied") from None
    except OSError as error:
        raise WirediffError(f"{path}: cannot read ({error.strerror or error})") from None


def _article(
    article_id: str,
    text: str,
    source: str,
    outlet: str = "",
    date: str = "",
    url: str = "",
    title: str = "",
) -> Article | Rejection:
    if not text.strip():
        return Rejection(source, "empty text", article_id)
    if "\x00" in text:
        return Rejection(source, "undecodable text (NUL bytes)", article_id)
    if not outlet and url:
        outlet = urlsplit(url).hostname or ""
        outlet = outlet.removeprefix("www.")
    return Article(
        id=article_id,
        text=text,
        outlet=outlet.strip(),
        published=date.strip(),
        url=url.strip(),
        title=title.strip(),
        source=source,
    )


def read_file(path: str, html: bool = False) -> Article | Rejection:
    """One text, Markdown or HTML file as one article (its path is its id)."""
    data = _read_bytes(path)
    if len(data) > MAX_FILE_BYTES:
        return Rejection(path, f"too large ({len(data) // (1024 * 1024)} MB)", path)
    try:
        text, _notes = decode(data, path)
    except WirediffError as error:
        return Rejection(path, f"undecodable: {error.message.split(': ', 1)[-1]}", path)
    title = ""
    if html or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        try:
            page = extract_article(text, path)
        except WirediffError as error:
            return Rejection(path, error.message.split(": ", 1)[-1], path)
        text, title = page.text, page.title
    return _article(path, text, path, title=title)


def _field(row: Mapping[str, object], name: str) -> str:
    value = row.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def read_csv(path: str, columns: Columns = Columns()) -> Iterator[Article | Rejection]:
    """Articles from a CSV file with a header row (a .tsv file is tab-separated)."""
    data = _read_bytes(path)
    text = data.decode("utf-8-sig", errors="surrogateescape")
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise WirediffError(f"{path}: empty CSV file (no header row)") from None
    except csv.Error as error:
        raise WirediffError(f"{path}: malformed CSV header ({error})") from None
    header = [name.strip() for name in header]
    if columns.text not in header:
        raise WirediffError(
            f"{path}: no column {columns.text!r} (columns: {', '.join(header)[:200]}); "
            "name the text column with --text-column"
        )
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Rejection(f"{path}:{start}", f"malformed CSV row ({error})")
            continue
        line = start
        source = f"{path}:{line}"
        if not values or not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield Rejection(
                source, f"malformed row: {len(values)} fields, the header has {len(header)}"
            )
            continue
        if any("\udc80" <= ch <= "\udcff" for value in values for ch in value):
            yield Rejection(source, "undecodable text (not valid UTF-8)")
            continue
        row = dict(zip(header, values, strict=True))
        yield _from_row(row, columns, source, f"{Path(path).name}:{line}")


def _from_row(
    row: Mapping[str, object], columns: Columns, source: str, fallback_id: str
) -> Article | Rejection:
    article_id = _field(row, columns.id).strip() or fallback_id
    return _article(
        article_id,
        _field(row, columns.text),
        source,
        outlet=_field(row, columns.outlet),
        date=_field(row, columns.date),
        url=_field(row, columns.url),
        title=_field(row, columns.title),
    )


def read_jsonl(path: str, columns: Columns = Columns()) -> Iterator[Article | Rejection]:
    """Articles from a JSON Lines file: one object per line."""
    data = _read_bytes(path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        source = f"{path}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield Rejection(source, f"undecodable text (not valid UTF-8 at byte {error.start})")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(source, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(row, dict):
            yield Rejection(source, "malformed record: not a JSON object")
            continue
        text = row.get(columns.text)
        if text is None:
            yield Rejection(source, f"malformed record: no {columns.text!r} field")
            continue
        if not isinstance(text, str):
            yield Rejection(source, f"malformed record: {columns.text!r} is not a string")
            continue
        yield _from_row(row, columns, source, f"{Path(path).name}:{number}")


def read_warc(path: str) -> Iterator[Article | Rejection]:
    """Articles from the HTML and text responses of a WARC file (needs ``wirediff[warc]``)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise WirediffError(
            f"{path}: reading WARC files needs warcio: pip install 'wirediff[warc]'"
        ) from None
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as error:
        raise WirediffError(f"{path}: cannot read ({error.strerror or error})") from None
    with handle:
        number = 0
        try:
            for record in ArchiveIterator(handle):
                number += 1
                if record.rec_type not in ("response", "resource", "conversion"):
                    continue
                source = f"{path}#{number}"
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                record_id = record.rec_headers.get_header("WARC-Record-ID") or source
                date = record.rec_headers.get_header("WARC-Date") or ""
                content_type = ""
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    if status and not status.startswith("2"):
                        yield Rejection(source, f"HTTP status {status}", url or record_id)
                        continue
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                content_type = content_type.split(";")[0].strip().lower()
                if content_type not in ("text/html", "application/xhtml+xml", "text/plain", ""):
                    yield Rejection(source, f"not a page ({content_type})", url or record_id)
                    continue
                payload = record.content_stream().read(MAX_FILE_BYTES + 1)
                try:
                    text, _ = decode(payload, source)
                except WirediffError as error:
                    yield Rejection(source, f"undecodable: {error.message.split(': ', 1)[-1]}", url)
                    continue
                title = ""
                if content_type != "text/plain":
                    try:
                        page = extract_article(text, source)
                    except WirediffError as error:
                        yield Rejection(source, error.message.split(": ", 1)[-1], url)
                        continue
                    text, title = page.text, page.title
                yield _article(url or record_id, text, source, date=date, url=url, title=title)
        except ArchiveLoadFailed as error:
            yield Rejection(f"{path}#{number + 1}", f"malformed WARC record ({error})")
