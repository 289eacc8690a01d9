"""Report formats by name: each renders a Collation to text.

The HTML, Markdown and CSV writers register here too; the CLI and the app's export key both use
this table, so a format added here is available everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from wirediff.core.model import Collation

Renderer = Callable[[Collation, str], str]


def _json(collation: Collation, version: str) -> str:
    from wirediff.reports.json_report import render_json

    return render_json(collation, version)


def _txt(collation: Collation, version: str) -> str:
    from wirediff.reports.txt_report import render_txt

    return render_txt(collation, version)


def _html(collation: Collation, version: str) -> str:
    from wirediff.reports.html_report import render_html

    return render_html(collation, version)


def _md(collation: Collation, version: str) -> str:
    from wirediff.reports.md_report import render_md

    return render_md(collation, version)


def _csv(collation: Collation, version: str) -> str:
    from wirediff.reports.csv_report import render_csv

    return render_csv(collation, version)


RENDERERS: dict[str, Renderer] = {
    "json": _json,
    "txt": _txt,
    "html": _html,
    "md": _md,
    "csv": _csv,
}
EXTENSIONS: dict[str, str] = {
    "json": ".json",
    "txt": ".txt",
    "html": ".html",
    "md": ".md",
    "csv": ".csv",
}
FORMAT_OF_SUFFIX: dict[str, str] = {
    **{extension: name for name, extension in EXTENSIONS.items()},
    ".htm": "html",
    ".markdown": "md",
    ".text": "txt",
}
"""The format an output file's extension names (lower case): ``.htm`` is HTML too."""


def render(collation: Collation, format_name: str, version: str) -> str:
    """The report in ``format_name`` (one of ``RENDERERS``)."""
    return RENDERERS[format_name](collation, version)
