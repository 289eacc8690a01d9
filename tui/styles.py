"""Rich styles from component classes, translucent colours included; a stylesheet that keeps
the rules it parsed for each theme."""

from __future__ import annotations

from collections.abc import Hashable

from rich.style import Style
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

KEPT_PARSES = 8
"""Parsed rule lists kept (one per theme and set of sources; two themes need two)."""


def component_style(widget: Widget, name: str) -> Style:
    """The style a component class sets, to lay over other styles.

    A partial style drops the alpha of translucent colours (``$primary 20%``, ``$text-muted``);
    the colours it sets are taken from the full style instead, where Textual blends them.
    """
    styles = widget.get_component_styles(name)
    style = widget.get_component_rich_style(name, partial=True)
    full = widget.get_component_rich_style(name)
    return style + Style(
        color=full.color if styles.has_rule("color") else None,
        bgcolor=full.bgcolor if styles.has_rule("background") else None,
    )


class KeptStylesheet(Stylesheet):
    """A ``Stylesheet`` whose ``reparse`` keeps its result per variables and sources.

    Textual parses every rule of every widget again when the theme changes (``t``): a third of
    that key's time. The rules of a theme already seen are taken back instead. Should a later
    Textual name its internals otherwise, this parses as Textual does.
    """

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._kept: dict[Hashable, list[RuleSet]] = {}

    def reparse(self) -> None:
        try:
            key = (tuple(self._variables.items()), tuple(self.source.items()))
            rules = self._kept.get(key)
        except (AttributeError, TypeError):  # internals renamed, or a source not hashable
            super().reparse()
            return
        if rules is None:
            super().reparse()
            if len(self._kept) >= KEPT_PARSES:
                self._kept.clear()
            self._kept[key] = self.rules
            return
        # What Stylesheet.reparse sets once it has parsed (the sources are the same).
        self._rules = rules
        self._rules_map = None
        self._require_parse = False
