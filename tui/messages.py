"""Messages the alignment worker posts to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class AlignProgress(Message):
    """Alignment progress: ``done`` of ``total`` comparisons."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        """A newer progress report makes an unhandled older one pointless."""
        return isinstance(message, AlignProgress)
