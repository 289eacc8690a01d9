"""Evidence as short text: what each flag changed, and why a link was made.

The app's detail panel and the reports word these the same way: ``NUM≠ around 54,000 -> nearly
54,000``, ``linked at 0.69 by Sheila Smith, 54,000, liquefied``.
"""

from __future__ import annotations

from wirediff.core.model import FlagNote, Link

from .legend import FLAGS


def note_line(note: FlagNote) -> str:
    """``NUM≠ around 54,000 -> nearly 54,000``."""
    return f"{FLAGS[note.flag].badge} {note.text}"


def shared_words(link: Link) -> list[str]:
    """The names, numbers and rare words that carried a link, most telling first."""
    if link.evidence is None:
        return []
    evidence = link.evidence
    return list(dict.fromkeys([*evidence.names, *evidence.numbers, *evidence.terms]))


def evidence_line(link: Link) -> str:
    """Why the link was made: ``identical text`` or ``score 0.69; shared: Smith, 54,000``."""
    if link.evidence is None:
        return "identical text"
    words = shared_words(link)
    shared = f"; shared: {', '.join(words)}" if words else ""
    return f"score {link.score:.2f}{shared}"
