"""The presentation layer: rows side by side and a terminal-independent view model.

Computed from a ``Collation``; used by the terminal app and the HTML report. No Textual here.
"""
