"""Messages the alignment worker posts to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from wirediff.core.model import Collation


@dataclass
class AlignProgress(Message):
    """Alignment progress: ``done`` of ``total`` comparisons."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        """A newer progress report makes an unhandled older one pointless."""
        return isinstance(message, AlignProgress)


@dataclass
class AlignPartial(Message):
    """The versions compared with the base so far (the first alignment shows them early)."""

    collation: Collation

    def can_replace(self, message: Message) -> bool:
        """A later partial result holds everything an unhandled earlier one did."""
        return isinstance(message, AlignPartial)
