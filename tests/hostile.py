"""Story versions whose text tries to run script, inject markup, formulas or Markdown."""

from __future__ import annotations

from wirediff.core import Collation, collate, document_from_text

BASE = """Officials warn of a costly plan

Officials said on Monday <script>alert(1)</script> the plan would cost $5 million & more.

A witness wrote <img src=x onerror=alert(1)> on the wall, and 3 < 4 was noted by police.

"We will not back down," said Mayor Jane Doe, adding that *nothing* was [decided](http://evil.example) yet | maybe.

=HYPERLINK("http://evil.example","click") appeared in the leaked spreadsheet, the report said.

The council will meet again on Friday to discuss the budget & the schedule.
"""

OTHER = """Officials warn of a costly plan

Officials said on Tuesday <script>alert(1)</script> the plan would cost $7 million & more.

"We will never back down," said Mayor Jane Doe, adding that *nothing* was [decided](http://evil.example) yet | maybe.

+SUM(A1:A9) and -2+3 and @cmd showed up in a second sheet, officials added.

A witness wrote <img src=x onerror=alert(1)> on the wall, and 3 < 4 was noted by police.

<svg onload=alert(2)></svg> # Heading? 1. list? > quote? ~~gone~~ `code` \\ end & &amp; &lt;
"""


def hostile_collation() -> Collation:
    """A base and a rewrite carrying script tags, event handlers, formulas and Markdown."""
    return collate(
        [document_from_text(BASE, "hostile-base.txt"), document_from_text(OTHER, "hostile.txt")]
    )
