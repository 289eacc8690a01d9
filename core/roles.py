"""Tag each segment with its role: headline, heading, byline, dateline, body, boilerplate.

Boilerplate is page furniture that is not the story ("Read more »", "Similar News:" and the
teasers under it, tag lists, "Today : Feb 24, 2025"). It is kept and shown, but does not count as
an addition or against similarity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Role
from .segment import CRAWL_DATE, Segment

_FURNITURE_ZONE = re.compile(
    r"^\s*(similar news|related (news|articles|stories|posts|content|coverage)|"
    r"more (news|stories|from)|you (may|might) also (like|read)|recommended( for you| stories)?|"
    r"most (read|popular|viewed)|trending( now)?|latest stories)\b",
    re.IGNORECASE,
)
_FURNITURE_LINE = re.compile(
    r"^\s*(read more\b|also read\b|read next\b|read also\b|see also\b|continue reading|"
    r"advertisement$|sponsored\b|share (this|on)\b|"
    r"follow us\b|sign up\b|subscribe\b|click here\b|copyright\b|\u00a9|all rights reserved|"
    r"today\s*:|tags?\s*:|topics?\s*:|filed under\b|photo\s*:|image\s*:|"
    r"home\s*[|>\u203a\u00bb]|skip to\b)",
    re.IGNORECASE,
)
_NEWS_LABEL = re.compile(r"\b(latest news|headlines|breaking news|top stories|news feed)\b", re.I)
_BYLINE = re.compile(
    r"^\s*((by|written by|reporting by|words by)\s+[A-Z]"
    r"|.{0,60}\b(published|updated|posted)\b.{0,40}\d)",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(
    r"^\s*(?:(?:by|source|credit)\s*:?\s*)?(?:the\s+)?"
    r"(?:associated press|agence france[- ]presse|reuters|afp|ap|pa media|press association|"
    r"press trust of india|pti|xinhua|bloomberg|dpa|anadolu(?: agency)?|ani|ians|"
    r"kyodo(?: news)?|efe|ansa|upi|tass|yonhap)"
    r"(?:\s+(?:staff|news|wire|reporters?|writers?))?\s*\.?\s*$",
    re.IGNORECASE,
)
"""A line that is only an agency's credit: "Associated Press", "By AFP", "Reuters staff"."""
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_DATE_LINE = re.compile(
    r"^\s*((mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?("
    r"\d{1,2}(st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}"
    r"|" + _MONTH + r"\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"([\s,|]+\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_SECTION_PATH = re.compile(
    r"^\s*[\w&'\u2019.-]+(?:\s+[\w&'\u2019.-]+){0,2}"
    r"(?:\s+[/>|\u203a\u00bb]\s+[\w&'\u2019.-]+(?:\s+[\w&'\u2019.-]+){0,2})+\s*$"
)
"""A section path over the headline: "News / Nation & World", "World » Middle East"."""
_TERMINAL = re.compile(r"""[.!?]['"\u2019\u201d)\]]*\s*$""")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def _is_tag_list(line: str) -> bool:
    """A run of capitalised keywords with no function words: "Trade Defense Security"."""
    words = _WORD.findall(line)
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def _line_role(line: str, *, seen_title: bool, seen_body: bool) -> Role:
    """Role of a one-segment line that has no sentence-final punctuation."""
    words = _WORD.findall(line)
    if _FURNITURE_LINE.search(line) or _NEWS_LABEL.search(line):
        return Role.BOILERPLATE
    if (_BYLINE.search(line) and len(line) <= 160) or _AGENCY_CREDIT.match(line):
        return Role.BYLINE
    if _DATE_LINE.match(line):
        return Role.DATELINE
    if seen_body and _is_tag_list(line):
        return Role.BOILERPLATE
    if not seen_title and not seen_body:
        if len(words) <= 2 or _SECTION_PATH.match(line):
            return Role.BOILERPLATE  # a section label or path over the headline: "Politics"
        return Role.HEADLINE
    if len(words) > 25:
        return Role.BODY
    return Role.HEADING


TEASER_LENGTH = 160
"""Inside a list of related stories, a block this short is a teaser whatever follows it."""


def assign_roles(text: str, segments: Sequence[Segment]) -> tuple[Role, ...]:
    """The role of each segment, in order."""
    by_block: dict[int, list[int]] = {}
    for position, segment in enumerate(segments):
        by_block.setdefault(segment.block, []).append(position)
    blocks = list(by_block.values())
    block_texts = [text[segments[b[0]].start : segments[b[-1]].end] for b in blocks]

    roles: list[Role] = [Role.BODY] * len(segments)
    seen_title = seen_body = in_furniture = False
    for number, (positions, block_text) in enumerate(zip(blocks, block_texts, strict=True)):
        if _FURNITURE_ZONE.match(block_text):
            in_furniture = True
        elif in_furniture:
            # A list of related stories goes on while its blocks are short teasers or are
            # followed by a "Read more" line; running text after it is the story again.
            following = block_texts[number + 1] if number + 1 < len(block_texts) else ""
            in_furniture = (
                len(block_text) <= TEASER_LENGTH
                or bool(_FURNITURE_LINE.match(block_text))
                or bool(_FURNITURE_LINE.match(following))
            )
        if in_furniture:
            for position in positions:
                roles[position] = Role.BOILERPLATE
            continue
        if len(positions) == 2 and CRAWL_DATE.match(text, segments[positions[0]].start):
            # A crawl's date in front of a page's first line: a date line, then the line as
            # the page's first (its title, as a rule).
            roles[positions[0]] = Role.DATELINE
            line = text[segments[positions[1]].start : segments[positions[1]].end]
            if not _TERMINAL.search(line):
                role = _line_role(line, seen_title=False, seen_body=False)
                roles[positions[1]] = role
                seen_title = seen_title or role is Role.HEADLINE
                seen_body = seen_body or role is Role.BODY
                continue
            positions = positions[1:]
        if len(positions) == 1 and not _TERMINAL.search(block_text):
            role = _line_role(block_text, seen_title=seen_title, seen_body=seen_body)
            roles[positions[0]] = role
            seen_title = seen_title or role is Role.HEADLINE
            seen_body = seen_body or role is Role.BODY
            continue
        if _FURNITURE_LINE.match(block_text) and len(block_text) < 120:
            for position in positions:
                roles[position] = Role.BOILERPLATE
            continue
        for position in positions:
            roles[position] = Role.DATELINE if segments[position].dateline else Role.BODY
        seen_body = True
    return tuple(roles)
