"""Rich styles from component classes, translucent colours included."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


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
