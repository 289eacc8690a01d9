"""A footer that rebuilds its keys only when the keys it would show change, and cheaply.

Textual's ``Footer`` removes and mounts every key whenever its screen publishes "bindings
updated": on a change of focus, and each time a screen is pushed over its own or popped off it.
Opening the help, the detail panel or the export dialog then rebuilt the aligned view's footer
twice (a third of the key's time) though its keys had not changed. This one compares what it
would show with what it shows and keeps its keys when they are the same.

When they do change (``S`` moves into the summary panel), each key is made with its final
classes: Textual's footer binds each key's ``compact`` flag after mounting it, which styles
every key twice.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class SteadyFooter(Footer):
    """A compact ``Footer`` without the command palette key, rebuilt only when its keys change."""

    _composed_keys: tuple[Hashable, ...] | None = None

    def _shown_keys(self) -> tuple[Hashable, ...]:
        """What ``compose`` would show: every shown binding, whether enabled, its tooltip."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        first_of_action: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:  # one key per action, as Footer shows it
                first_of_action.setdefault(binding.action, (binding, enabled, tooltip))
        grouped = any(binding.group is not None for binding, _, _ in first_of_action.values())
        if not self.compact or self.show_command_palette or grouped:
            yield from super().compose()
            return
        self.styles.grid_size_columns = len(first_of_action)
        for binding, enabled, tooltip in first_of_action.values():
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
                classes="-compact",
            )

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild at once, not after the next refresh as Footer does: moving into the summary
        panel (``S``) and out of it then shows its keys one frame (about 20 ms) sooner."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_next(self.recompose)

    async def recompose(self) -> None:
        if not self.is_attached or not self._bindings_ready:
            await super().recompose()
            return
        keys = self._shown_keys()
        if keys == self._composed_keys and self.children:
            return
        self._composed_keys = keys
        await super().recompose()
