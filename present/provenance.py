"""Who published each version, when, and which earlier version it was copied from, as short text.

The app, the summary and every report word these the same way.
"""

from __future__ import annotations

from wirediff.core.model import Collation, Document


def when(document: Document) -> str:
    """The publication date and time as written for people: ``2025-02-06 16:30``."""
    return document.published[:16].replace("T", " ")


def provenance(document: Document) -> str:
    """Outlet, date, address and fetch time, the ones known, joined by `` · ``."""
    parts = [document.outlet, when(document), document.url]
    if document.fetched:
        parts.append("fetched " + document.fetched[:16].replace("T", " ") + " UTC")
    return " · ".join(part for part in parts if part)


def copied_from_text(collation: Collation, index: int, with_reason: bool = True) -> str:
    """``copied from 1 (UrduPoint 2025-02-06): <reason>`` (or ``, 82% word for word`` without the
    reason), or ``""`` when there is no guess."""
    guesses = collation.copied_from
    guess = guesses[index] if index < len(guesses) else None
    if guess is None:
        return ""
    source = collation.documents[guess.source]
    text = f"copied from {guess.source} ({source.label})"
    if with_reason and guess.reason:
        return f"{text}: {guess.reason}"
    return f"{text}, {guess.share:.0%} word for word"


def base_role(collation: Collation) -> str:
    """What the base is called: ``likely wire original`` with ``--base auto``, else ``base``."""
    return "likely wire original" if collation.base_is_guess else "base"
