"""How wirediff names and marks each kind of change and each flag: the one table.

The app, the view model and every report take a kind's label, mark (the one character that says
it without colour) and style name, and a flag's label and badge, from here. The style names are
the suffixes of the app's component classes (``aligned-view--mark-moved``) and of the HTML
report's CSS classes (``k-moved``, ``st-moved``); tests check both stylesheets against this table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirediff.core.model import Flag


@dataclass(frozen=True, slots=True)
class KindLook:
    """How one kind of passage (a row kind or a cell status) is shown."""

    name: str
    """The ``RowKind`` or ``CellStatus`` value it describes."""
    label: str
    """What it is called in words: column heads, legends, the detail panel."""
    mark: str
    """One character at the start of a cell or row, so nothing depends on colour."""
    style: str
    """Style name of the mark (a component class suffix in the app)."""
    meaning: str
    """One line for the help screen and legends ("" for cell states that are not a change)."""
    detail: str
    """What the detail panel says about a cell in this state."""


@dataclass(frozen=True, slots=True)
class FlagLook:
    """How one flag is shown."""

    flag: Flag
    label: str
    """Long name: reports, the detail panel, the help."""
    badge: str
    """Short badge on a row or cell."""
    style: str = "badge"
    """Style name of the badge."""


_KINDS = (
    KindLook(
        "identical",
        "identical",
        "=",
        "identical",
        "kept word for word (dimmed)",
        "identical",
    ),
    KindLook(
        "reworded",
        "reworded",
        "~",
        "reworded",
        "same content, other words: highlighted words are the version's own, the words it"
        " dropped are struck in the base column (i: in its own cell)",
        "reworded",
    ),
    KindLook(
        "moved",
        "moved",
        "\u2195",
        "moved",
        "the passage sits elsewhere in this version (the mark says where)",
        "moved here",
    ),
    KindLook("added", "added", "+", "added", "only in this version", "added (not in the base)"),
    KindLook(
        "omitted",
        "omitted",
        "-",
        "omitted",
        "in the base, missing from this version",
        "omitted (no counterpart)",
    ),
    KindLook(
        "boilerplate",
        "page furniture",
        "\u00b7",
        "boilerplate",
        "page furniture (tags, teasers, links); folded at first, z shows it",
        "boilerplate (page furniture)",
    ),
    KindLook(
        "mixed",
        "mixed",
        "*",
        "mixed",
        "the versions differ in more than one way (base column only)",
        "mixed",
    ),
    # Cell states that are not a kind of row of their own.
    KindLook("moved_away", "moved", "\u2195", "moved", "", "moved elsewhere in this version"),
    KindLook("base", "base", " ", "text", "", "base"),
    KindLook("empty", "", " ", "text", "", "nothing in this passage"),
)

KINDS: dict[str, KindLook] = {look.name: look for look in _KINDS}
"""Every row kind and cell status by its value."""

ROW_KINDS: tuple[KindLook, ...] = tuple(look for look in _KINDS if look.meaning)
"""The kinds a row can have, in legend order (what the help and the report legends list)."""

FLAGS: dict[Flag, FlagLook] = {
    look.flag: look
    for look in (
        FlagLook(Flag.QUOTE_ALTERED, "quote altered", "QUOTE≠"),
        FlagLook(Flag.QUOTE_DROPPED, "quote dropped", "UNQUOTED"),
        FlagLook(Flag.NUMBER_CHANGED, "number changed", "NUM≠"),
        FlagLook(Flag.NAME_CHANGED, "name changed", "NAME≠"),
        FlagLook(Flag.ATTRIBUTION_CHANGED, "attribution changed", "ATTR≠"),
    )
}
"""Every flag, in ``Flag`` order."""

ESTIMATE_MARK = "≈"
"""Before a similarity matrix cell estimated through the base rather than measured."""

ESTIMATE_NOTE = (
    f"{ESTIMATE_MARK} estimated through the base: sentences linked to the same base sentence, "
    "or with the same text (--all-pairs aligns every pair and measures them)"
)
"""What reports say under a matrix with estimated cells."""

FLAG_MARK = "⚑"
"""The mark reports put before a flag's label."""

MARK_STYLES: tuple[str, ...] = tuple(dict.fromkeys(look.style for look in _KINDS))
"""Every style name a mark can carry."""

PIECE_STYLES: tuple[str, ...] = (
    "text",
    "identical",
    "inserted",
    "deleted",
    "added",
    "omitted",
    "moved",
    "boilerplate",
    "badge",
    "note",
)
"""Every style name a piece of cell text can carry (``inserted``/``deleted``: word edits)."""


def kind_look(name: str) -> KindLook:
    """The look of a row kind or cell status (``RowKind``/``CellStatus`` or its value)."""
    return KINDS[str(name)]


def flag_label(flag: Flag) -> str:
    """The long name of ``flag``."""
    return FLAGS[flag].label


def flag_labels(flags: Iterable[Flag]) -> str:
    """The long names of ``flags``, comma-separated, as given."""
    return ", ".join(FLAGS[flag].label for flag in flags)


def sentence_numbers(indexes: Iterable[int], separator: str = ",") -> str:
    """Sentence indexes (from 0) as the numbers every report and the app show (from 1): "3,4"."""
    return separator.join(str(index + 1) for index in indexes)
