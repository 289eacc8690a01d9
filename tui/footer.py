"""A footer that rebuilds its keys only when the keys it would show change.

Textual's ``Footer`` removes and mounts every key whenever its screen publishes "bindings
updated": on a change of focus, and each time a screen is pushed over its own or popped off it.
Opening the help, the detail panel or the export dialog then rebuilt the aligned view's footer
twice (a third of the key's time) though its keys had not changed. This one compares what it
would show with what it shows and keeps its keys when they are the same.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class SteadyFooter(Footer):
    """``Footer`` that skips rebuilding when the shown keys are unchanged."""

    _composed_keys: tuple[Hashable, ...] | None = None

    def _shown_keys(self) -> tuple[Hashable, ...]:
        """What ``compose`` would show: every shown binding, whether enabled, its tooltip."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def recompose(self) -> None:
        if not self.is_attached or not self._bindings_ready:
            await super().recompose()
            return
        keys = self._shown_keys()
        if keys == self._composed_keys and self.children:
            return
        self._composed_keys = keys
        await super().recompose()
