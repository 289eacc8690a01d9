"""The likely original of a story: earliest day, an agency's credit, verbatim support, time.

Within a story the articles are ranked by the day they were published (unknown last), then by
whether the outlet is a news agency, then by whether the text credits one, then by the time of day
(an article with a date only comes after timed ones of that day), then by how many other variants
reproduce it verbatim, then by id. The reason says which of these decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from .text import AGENCIES

_AGENCY_NAMES = {name.casefold() for name, _ in AGENCIES} | {
    "agence france-presse",
    "associated press",
    "the associated press",
    "press association",
    "reuters",
}


def is_agency(outlet: str) -> bool:
    """Whether an outlet name is a news agency."""
    return outlet.strip().casefold() in _AGENCY_NAMES


def parse_when(published: str) -> tuple[str, str]:
    """(day, time) in UTC as sortable strings; ``("9999-99-99", "")`` when unknown."""
    text = published.strip()
    if not text:
        return "9999-99-99", ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return (text[:10], "") if len(text) >= 10 and text[4] == "-" else ("9999-99-99", "")
    has_time = "T" in text or " " in text.strip()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M:%S") if has_time else ""


def pick_original(
    members: Sequence[int],
    outlets: Sequence[str],
    published: Sequence[str],
    credits: Sequence[str],
    support: Sequence[int],
    ids: Sequence[str],
) -> tuple[int, str]:
    """The likely original among ``members`` (article indexes) and the reason."""

    def key(i: int) -> tuple[str, bool, bool, str, int, str]:
        day, time = parse_when(published[i])
        return (day, not is_agency(outlets[i]), not credits[i], time or "99", -support[i], ids[i])

    ranked = sorted(members, key=key)
    best = ranked[0]
    reasons = []
    day = parse_when(published[best])[0]
    if day != "9999-99-99":
        same_day = [i for i in members if parse_when(published[i])[0] == day]
        first = (
            "earliest" if len(same_day) == 1 else f"earliest day (with {len(same_day) - 1} more)"
        )
        reasons.append(f"{first}: {published[best]}")
    else:
        reasons.append("no article has a date")
    if is_agency(outlets[best]):
        reasons.append(f"published by {outlets[best]}")
    elif credits[best]:
        reasons.append(f"credits {credits[best]}")
    others = len(members) - 1
    if others:
        reasons.append(f"{support[best]} of {others} other versions reproduce it verbatim")
    return best, "; ".join(reasons)
