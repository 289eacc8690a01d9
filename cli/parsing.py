"""What every ``wirediff`` command shares on its command line: one-line usage errors and the
output format chosen from ``--format`` or the extension of ``-o``.

Kept apart from ``main.py`` so that ``wirediff stories`` and ``wirediff find`` use them without
importing the report writers.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from typing import NoReturn

from wirediff.core.errors import WirediffError
from wirediff.core.visible import visible_line

EXIT_USAGE = 2


class CommandParser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage block) that says where the options are listed,
    and the offending argument shown visibly: an argument may hold escape sequences."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            f"{self.prog}: {visible_line(message)} (see '{self.prog} --help')\n",
        )


def output_format(
    output: str | None,
    requested: str | None,
    suffixes: Mapping[str, str],
    default: str = "txt",
    *,
    format_option: bool = True,
) -> str:
    """The format to write: ``requested`` (``--format``), else the one the extension of
    ``output`` names in ``suffixes`` (``.htm`` -> ``html``), else ``default`` for standard
    output or a name without an extension.

    An extension that names no format is an error rather than a file of the wrong kind (a text
    report in ``report.pdf``); ``format_option`` says whether the command has ``--format`` to
    name the format instead.
    """
    if requested:
        return requested
    if not output or output == "-":
        return default
    suffix = os.path.splitext(output)[1].lower()
    if not suffix:
        return default
    if suffix in suffixes:
        return suffixes[suffix]
    raise WirediffError(
        f"{output}: cannot tell the format from the extension {suffix!r}; use one of "
        f"{_listing(_main_suffixes(suffixes))}"
        + (", or name the format with --format" if format_option else "")
    )


def _main_suffixes(suffixes: Mapping[str, str]) -> list[str]:
    """The first extension given for each format (``.html``, not ``.htm`` too)."""
    first: dict[str, str] = {}
    for suffix, name in suffixes.items():
        first.setdefault(name, suffix)
    return list(first.values())


def _listing(items: Sequence[str]) -> str:
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)
