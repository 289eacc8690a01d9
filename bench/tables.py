"""Plain-text tables for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

Cell = str | int | float | None


def fmt(value: Cell, digits: int = 3) -> str:
    """A cell as text: floats rounded, None as a dash."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A titled table with right-aligned columns (the first column left-aligned)."""
    cells = [[fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[k]) for r in cells)) for k, h in enumerate(headers)]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "-" * len(line(list(headers)))
    return "\n".join([f"\n{title}", rule, line(list(headers)), rule, *map(line, cells), rule])
