"""Who published a version and when: from the page's metadata, its text, or its file name.

Pure functions: the HTML metadata (``og:site_name``, ``article:published_time``, JSON-LD
``NewsArticle``), the "Published February 06, 2025 | 04:30 PM" lines and bare datelines of
saved text, datelines ("WASHINGTON, Feb 6 (Reuters) -": the year, when missing, only from
another date the version states), the agency credit of wire copy ("TOKYO (AFP) -", "--
Reuters"), and ISO 8601 dates.
Only what is stated in a reliable place is taken: "Today : Feb 24, 2025" page furniture is not a
publication date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from .model import Document, Role, Sentence


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about itself; empty strings where it says nothing."""

    outlet: str = ""
    published: str = ""
    """ISO 8601: ``2025-02-06`` or ``2025-02-06T16:30:00+05:00``."""
    url: str = ""
    modified: str = ""
    """When the page was last modified (``article:modified_time``, ``dateModified``), ISO 8601."""


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_field(value: str, limit: int = 200) -> str:
    """A metadata value on one line, without control or direction-changing characters."""
    return " ".join(_INVISIBLE.sub(" ", value).split())[:limit]


# -- dates ------------------------------------------------------------------------------------
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = (
    r"(?:\s*(?:[|,]|at)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?)?(?:\s*(?P<zone>UTC|GMT|Z))?)?"
)
_WRITTEN_DATES = (
    re.compile(_DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(
        r"(?P<year>(?:19|20)\d{2})-(?P<monthnum>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?"
        r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
    ),
)


def parse_date(text: str) -> str:
    """The first date written in ``text`` as ISO 8601 (``2025-02-06`` or with a time), or ``""``.

    Reads ISO dates and times ("2025-02-06T16:30:00+05:00") and written ones ("February 06,
    2025 | 04:30 PM", "6th Feb, 2025", "31 January 2025").
    """
    found = [
        (match.start(), match)
        for pattern in _WRITTEN_DATES
        for match in [pattern.search(text)]
        if match
    ]
    if not found:
        return ""
    _, match = min(found, key=lambda item: item[0])
    groups = match.groupdict()
    month = int(groups["monthnum"]) if groups.get("monthnum") else _MONTHS[groups["month"].lower()]
    try:
        day = datetime(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return ""
    iso = day.date().isoformat()
    if groups.get("hour") is None:
        return iso
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return iso
    iso += f"T{hour:02d}:{minute:02d}"
    offset = groups.get("offset") or ("Z" if groups.get("zone") else "")
    if offset == "Z":
        iso += "+00:00"
    elif offset:
        digits = offset.replace(":", "")
        iso += f"{digits[:3]}:{digits[3:]}"
    return iso


def published_datetime(published: str) -> datetime | None:
    """``Document.published`` as a datetime in UTC for ordering (a bare date is midnight UTC)."""
    published = published.strip()
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# -- text -------------------------------------------------------------------------------------
_PUBLISHED_LINE = re.compile(
    r"\b(?:published|posted|first published)\b(?:\s+on)?\s*:?\s*(?P<rest>.{6,60})", re.IGNORECASE
)
_DATE_PREFIX = re.compile(r"^\s*date\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_HEAD_SENTENCES = 6
"""Publication lines are looked for among the first sentences only."""


def text_published(sentences: Sequence[Sentence]) -> str:
    """The publication date a saved text states near its top, or ``""``.

    Trusted: a "Published February 06, 2025 | 04:30 PM" line, a "date 2025-02-06" in front of
    the headline, or a line that is only a date (a dateline role). Page furniture ("Today : Feb
    24, 2025") and dates inside the running text are not publication dates.
    """
    head = [s for s in sentences if s.role is not Role.BOILERPLATE][:_HEAD_SENTENCES]
    for sentence in head:
        match = _PUBLISHED_LINE.search(sentence.text)
        if match and sentence.role is not Role.BODY:
            date = parse_date(match.group("rest"))
            if date:
                return date
    for sentence in head:
        match = _DATE_PREFIX.match(sentence.text)
        if match and sentence.role in (Role.HEADLINE, Role.DATELINE, Role.BYLINE):
            return parse_date(match.group("date"))
    for sentence in head:
        if sentence.role is Role.DATELINE and len(sentence.text) <= 60:
            date = parse_date(sentence.text)
            if date:
                return date
    return ""


# -- agency credits ---------------------------------------------------------------------------
AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "app": "APP",
    "pa": "PA",
    "pa media": "PA",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "uni": "UNI",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "jiji": "Jiji",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "aap": "AAP",
    "anadolu": "Anadolu",
    "aa": "Anadolu",
    "tass": "TASS",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "antara": "Antara",
    "pna": "PNA",
    "lusa": "Lusa",
    "belga": "Belga",
    "the canadian press": "CP",
    "cp": "CP",
}
_AGENCY = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
_DATELINE_CREDIT = re.compile(
    r"^\s*(?:[A-Z][\w.'\u2019 ,-]{1,60}?)?\s*[,:]?\s*\(\s*(?P<agency>" + _AGENCY + r")\b"
    r"\s*(?:\)\s*[-\u2013\u2014:]|[-\u2013\u2014/,])",
    re.IGNORECASE,
)
"""``TOKYO (AFP) -``, ``DEIR AL-BALAH, Gaza Strip (AP) —``, ``Tokyo, (APP - UrduPoint ...)``."""
_BYLINE_AGENCY = re.compile(
    r"\b(?P<agency>Associated Press|Agence France-Presse|Agence France Presse|Reuters|AFP|AP|"
    r"PTI|IANS|ANI|Xinhua|Kyodo|Yonhap|Bernama|dpa|EFE|ANSA|AAP|APP|PA Media)\b"
)
"""An agency named in a byline: "By Wafaa Shurafa and Samy Magdy, Associated Press"."""
_CREDIT_LINE = re.compile(
    r"^\s*(?:[-\u2014\u2013]+\s*|source\s*:\s*|with\s+|\u00a9\s*|\(c\)\s*|by\s+|copyright\s+)?"
    r"\(?(?P<agency>" + _AGENCY + r")\)?(?:\s+(?:staff|news|reporters?))?\s*[.)]?\s*$",
    re.IGNORECASE,
)
"""A line that is only a credit: ``-- AFP``, ``Source: Reuters``, ``(AFP)``, ``By AFP``."""


def agency_credit(document: Document) -> str:
    """The news agency a version credits in its dateline or a credit line (``AFP``), or ``""``.

    "told AFP" inside a sentence is an attribution, not a credit, and does not count.
    """
    sentences = [s for s in document.sentences if s.role is not Role.BOILERPLATE]
    for sentence in sentences[:_HEAD_SENTENCES]:
        match = _DATELINE_CREDIT.match(sentence.text)
        if match and sentence.role in (Role.DATELINE, Role.BODY, Role.BYLINE):
            return AGENCIES[" ".join(match.group("agency").lower().split())]
    for sentence in [*sentences[:_HEAD_SENTENCES], *sentences[-3:]]:
        match = _CREDIT_LINE.match(sentence.text)
        if match:
            return AGENCIES[" ".join(match.group("agency").lower().split())]
    for sentence in sentences[:_HEAD_SENTENCES]:
        found = _BYLINE_AGENCY.search(sentence.text) if sentence.role is Role.BYLINE else None
        if found:
            return AGENCIES[" ".join(found.group("agency").lower().split())]
    return ""


# -- datelines -------------------------------------------------------------------------------
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?),?\s+"
_PLACE = r"(?:[A-Z][\w.'\u2019 -]{1,60}?,\s*)?"
_DATELINE_END = (
    r"(?:,?\s+" + _YEAR + r")?"
    r"\s*(?:\(\s*(?:" + _AGENCY + r")\b[^()]{0,40}\)\s*(?:[-\u2013\u2014:]+|(?=\w)|$)"
    r"|(?P<alone>\s*$))"
)
_DATELINES = tuple(
    re.compile(r"^\s*" + _PLACE + r"(?:" + _WEEKDAY + r")?" + order + _DATELINE_END, re.IGNORECASE)
    for order in (_MONTH + r"\s+" + _DAY + r"\b", _DAY + r"\s+" + _MONTH + r"\b")
)
"""``WASHINGTON, Feb 6 (Reuters) -``, ``6 February (AFP) -``, ``New Delhi, Feb 6 (PTI) The``,
``BEIJING, Feb. 6, 2025 (Xinhua) --``, or a line that is only a date (``Feb. 6``)."""
_UPDATED_LINE = re.compile(
    r"\b(?:last\s+updated|updated|modified)\b(?:\s+on)?\s*:?\s*(?P<rest>.{6,60})", re.IGNORECASE
)
_URL_DATE = re.compile(
    r"[/_-](?P<year>(?:19|20)\d{2})[/-]?(?P<month>\d{2})[/-]?(?P<day>\d{2})(?=[/_.-])"
)
"""``/2025/02/06/``, ``/2025-02-06-slug``, ``/story-20250206.html`` in a page's address."""


def url_date(url: str) -> str:
    """The date a page's address holds (``/2025/02/06/``) as ISO 8601, or ``""``."""
    match = _URL_DATE.search(urlsplit(url).path + "/")
    if not match:
        return ""
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
    except ValueError:
        return ""


def year_sources(
    sentences: Sequence[Sentence], page: PageMetadata | None = None
) -> list[tuple[str, str]]:
    """Dates a version states besides its publication date, each with where it is stated: the
    page's modification date, the date in its address, an "Updated ..." line near its top.

    Dates inside the running text are not among them: a story may recall any past year.
    """
    sources: list[tuple[str, str]] = []
    if page is not None:
        if parse_date(page.modified):
            sources.append((parse_date(page.modified), "the page's modification date"))
        if url_date(page.url):
            sources.append((url_date(page.url), "the date in its address"))
    head = [s for s in sentences if s.role is not Role.BOILERPLATE][:_HEAD_SENTENCES]
    for sentence in head:
        match = _UPDATED_LINE.search(sentence.text)
        if match and sentence.role is not Role.BODY and parse_date(match.group("rest")):
            sources.append((parse_date(match.group("rest")), "its “updated” line"))
    return sources


def _nearest_year(month: int, day: int, reference: date) -> date | None:
    """The day ``month``/``day`` nearest to ``reference`` (the year before, of, or after it)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February of a common year
            continue
    return min(candidates, key=lambda day: abs(day - reference), default=None)


def dateline_published(
    sentences: Sequence[Sentence], sources: Sequence[tuple[str, str]] = ()
) -> tuple[str, str]:
    """The date a dateline states, and a note when its year had to be found elsewhere.

    ``WASHINGTON, Feb 6, 2025 (Reuters) -`` gives ``2025-02-06``. ``Feb 6 (Reuters) -`` has no
    year: it takes the year that puts the day nearest the first of ``sources`` (dates the
    version states elsewhere, ``year_sources``), and the note says so; with no source the date
    is left unset (``("", "")``): a year is never guessed.
    """
    head = [s for s in sentences if s.role is not Role.BOILERPLATE][:_HEAD_SENTENCES]
    for sentence in head:
        match = next((m for p in _DATELINES if (m := p.match(sentence.text))), None)
        if match is None or (match["alone"] is not None and sentence.role is Role.BODY):
            continue
        month, day = _MONTHS[match["month"].lower()], int(match["day"])
        if match["year"]:
            try:
                return date(int(match["year"]), month, day).isoformat(), ""
            except ValueError:
                return "", ""
        for source, where in sources:
            reference = published_datetime(source)
            found = _nearest_year(month, day, reference.date()) if reference else None
            if found is not None:
                written = " ".join(match.group(0).split())
                return found.isoformat(), (
                    f"published {found.isoformat()}: the dateline “{written}” has no year; "
                    f"the year is from {where} ({source[:10]})"
                )
        return "", ""
    return "", ""


# -- HTML -------------------------------------------------------------------------------------
_NEWS_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "webpage",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "liveblogposting",
    }
)


def _json_ld_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _json_ld_objects(item)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _json_ld_objects(value["@graph"])


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _name(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def json_ld_metadata(scripts: Sequence[str]) -> PageMetadata:
    """Publisher, date and url of the first article described in JSON-LD ``scripts``."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in _json_ld_objects(data):
            if not _types(item) & _NEWS_TYPES:
                continue
            published = parse_date(str(item.get("datePublished") or item.get("dateCreated") or ""))
            modified = parse_date(str(item.get("dateModified") or ""))
            url = item.get("url") or item.get("mainEntityOfPage") or ""
            if isinstance(url, dict):
                url = url.get("@id", "")
            outlet = _name(item.get("publisher"))
            if outlet or published or modified:
                url = clean_field(url, 2000) if isinstance(url, str) else ""
                return PageMetadata(clean_field(outlet, 80), published, url, modified)
    return PageMetadata()


def html_metadata(tree: Any) -> PageMetadata:
    """Outlet, publication date and canonical url an lxml HTML tree states about itself."""

    def first(*xpaths: str) -> str:
        for xpath in xpaths:
            for found in tree.xpath(xpath):
                value = " ".join(str(found).split())
                if value:
                    return value
        return ""

    ld = json_ld_metadata(
        [str(s) for s in tree.xpath("//script[@type='application/ld+json']/text()")]
    )
    outlet = (
        first(
            "//meta[@property='og:site_name']/@content",
            "//meta[@name='application-name']/@content",
            "//meta[@name='publisher']/@content",
        )
        or ld.outlet
    )
    published = (
        parse_date(
            first(
                "//meta[@property='article:published_time']/@content",
                "//meta[@name='article:published_time']/@content",
                "//meta[@itemprop='datePublished']/@content",
                "//meta[@name='pubdate']/@content",
                "//meta[@name='publish-date']/@content",
                "//meta[@name='date']/@content",
                "//meta[@name='dc.date']/@content",
                "//meta[@name='DC.date.issued']/@content",
            )
        )
        or ld.published
        or parse_date(first("//time[@datetime][1]/@datetime"))
    )
    modified = (
        parse_date(
            first(
                "//meta[@property='article:modified_time']/@content",
                "//meta[@property='og:updated_time']/@content",
                "//meta[@itemprop='dateModified']/@content",
            )
        )
        or ld.modified
    )
    url = first("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content") or ld.url
    if not url.startswith(("http://", "https://")):
        url = ""
    return PageMetadata(clean_field(outlet, 80), published, clean_field(url, 2000), modified)


def host_label(url: str) -> str:
    """The host name of ``url`` without ``www.``: who published a page with no site name."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
