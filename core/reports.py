"""Report formats by name: each renders a Collation to text.

The HTML, Markdown and CSV writers register here too; the CLI and the app's export key both use
this table, so a format added here is available everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from .model import Collation

Renderer = Callable[[Collation, str], str]


def _json(collation: Collation, version: str) -> str:
    from .report_json import render_json

    return render_json(collation, version)


def _txt(collation: Collation, version: str) -> str:
    from .report_txt import render_txt

    return render_txt(collation, version)


RENDERERS: dict[str, Renderer] = {"json": _json, "txt": _txt}
EXTENSIONS: dict[str, str] = {"json": ".json", "txt": ".txt"}


def render(collation: Collation, format_name: str, version: str) -> str:
    """The report in ``format_name`` (one of ``RENDERERS``)."""
    return RENDERERS[format_name](collation, version)
