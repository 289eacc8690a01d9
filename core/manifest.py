"""A manifest says who published each version and when: CSV or JSON rows of path, outlet, date, url.

CSV needs a header row naming its columns (``path,outlet,date,url``; ``file`` and ``published``
are accepted too). JSON is a list of objects with those keys, or ``{"versions": [...]}``. Paths
are relative to the manifest's folder; a path may also be a web address. What a manifest states
wins over what a page says about itself.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .errors import WirediffError
from .fetch import is_url
from .metadata import clean_field, parse_date
from .model import Document

_COLUMNS = {
    "path": "path",
    "file": "path",
    "filename": "path",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "date": "date",
    "published": "date",
    "datepublished": "date",
    "url": "url",
    "link": "url",
}


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One version as the manifest describes it."""

    path: str
    """Resolved against the manifest's folder (or a web address); empty if only a url is given."""
    outlet: str = ""
    published: str = ""
    """ISO 8601."""
    url: str = ""


def _entry(row: dict[str, Any], where: str, folder: str) -> ManifestEntry:
    fields: dict[str, str] = {}
    for key, value in row.items():
        name = _COLUMNS.get(str(key).strip().lower().replace("_", "").replace(" ", ""))
        if name and value is not None and str(value).strip():
            fields.setdefault(name, clean_field(str(value), 2000))
    path, url = fields.get("path", ""), fields.get("url", "")
    if not path and not url:
        raise WirediffError(f"{where}: names neither a path nor a url")
    if path and not is_url(path) and not os.path.isabs(path):
        path = os.path.normpath(os.path.join(folder, path))
    published = ""
    if fields.get("date"):
        published = parse_date(fields["date"])
        if not published:
            raise WirediffError(f"{where}: cannot read the date {fields['date']!r}")
    return ManifestEntry(path, fields.get("outlet", "")[:80], published, url)


def parse_manifest(text: str, path: str) -> tuple[ManifestEntry, ...]:
    """The entries of a manifest file's ``text`` (JSON if it starts with ``[`` or ``{``)."""
    folder = os.path.dirname(path)
    stripped = text.lstrip("\ufeff \t\r\n")
    rows: list[tuple[str, dict[str, Any]]] = []
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(stripped)
        except ValueError as error:
            raise WirediffError(f"{path}: not valid JSON ({error})") from None
        if isinstance(data, dict):
            data = data.get("versions", data.get("documents"))
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise WirediffError(
                f"{path}: a JSON manifest is a list of objects (path, outlet, date, url)"
            )
        rows = [(f"{path}: entry {number}", item) for number, item in enumerate(data, start=1)]
    else:
        reader = csv.DictReader(io.StringIO(stripped))
        header = [str(name).strip().lower() for name in reader.fieldnames or []]
        if not any(_COLUMNS.get(name) in ("path", "url") for name in header):
            raise WirediffError(
                f"{path}: a CSV manifest needs a header row with a path or url column"
            )
        rows = [(f"{path}: line {reader.line_num}", dict(row)) for row in reader]
    entries = tuple(_entry(row, where, folder) for where, row in rows)
    if not entries:
        raise WirediffError(f"{path}: the manifest lists no versions")
    return entries


def _same_file(first: str, second: str) -> bool:
    if is_url(first) or is_url(second):
        return first == second
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.normpath(os.path.abspath(first)) == os.path.normpath(os.path.abspath(second))


def entry_for(document: Document, entries: Sequence[ManifestEntry]) -> ManifestEntry | None:
    """The manifest's entry for ``document``: same file, else same url, else same file name."""
    for entry in entries:
        if entry.path and _same_file(entry.path, document.path):
            return entry
    for entry in entries:
        if entry.url and document.url and entry.url == document.url:
            return entry
        if entry.url and entry.url == document.path:
            return entry
    named = [e for e in entries if e.path and os.path.basename(e.path) == document.name]
    return named[0] if len(named) == 1 else None


def apply_manifest(
    documents: Sequence[Document], entries: Sequence[ManifestEntry]
) -> tuple[Document, ...]:
    """``documents`` with the outlet, date and url their manifest entries state."""
    result = []
    for document in documents:
        entry = entry_for(document, entries)
        if entry is not None:
            document = replace(
                document,
                outlet=entry.outlet or document.outlet,
                published=_published(entry.published, document.published),
                url=entry.url or document.url,
            )
        result.append(document)
    return tuple(result)


def _published(stated: str, found: str) -> str:
    """The manifest's date, unless it is the very day the page gives with its time."""
    if len(stated) == 10 and found.startswith(stated) and len(found) > 10:
        return found  # "2025-02-06" and the page's "2025-02-06T16:30": the time is kept
    return stated or found


def manifest_paths(entries: Sequence[ManifestEntry]) -> list[str]:
    """The versions a manifest lists, to load when no files are given: paths, else urls."""
    return [entry.path or entry.url for entry in entries]
