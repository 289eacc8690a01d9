"""Extract the article text of a web page: headline, byline and body paragraphs.

jusText (BSD-licensed, maintained, no network) classifies paragraphs as content or boilerplate by
length, link density and stop-word density; lxml reads the headline and byline from the page's
metadata. Scripts, styles and event handlers never reach the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from .errors import WirediffError
from .metadata import PageMetadata, html_metadata

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True)
class Article:
    """The readable part of a page."""

    title: str
    byline: str
    text: str
    notes: tuple[str, ...] = ()
    metadata: PageMetadata = field(default_factory=PageMetadata)
    """Outlet, publication date and canonical url the page states about itself."""


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _first(tree: Any, xpaths: tuple[str, ...]) -> str:
    for xpath in xpaths:
        for found in tree.xpath(xpath):
            value = found if isinstance(found, str) else found.text_content()
            value = _clean(str(value))
            if value:
                return value
    return ""


def _metadata(html: str) -> tuple[str, str, PageMetadata]:
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    title = _first(
        tree,
        (
            "//meta[@property='og:title']/@content",
            "//meta[@name='twitter:title']/@content",
            "//article//h1",
            "//h1",
            "//title",
        ),
    )
    byline = _first(
        tree,
        (
            "//meta[@name='author']/@content",
            "//meta[@property='article:author']/@content",
            "//*[@rel='author']",
            "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]",
            "//*[contains(@class, 'author')]",
        ),
    )
    return title, byline[:200], html_metadata(tree)


def _paragraphs(html: str, *, strict: bool) -> list[Any]:
    import justext

    stoplist = justext.get_stoplist("English")
    if strict:
        paragraphs = justext.justext(
            html,
            stoplist,
            length_low=50,
            length_high=150,
            stopwords_low=0.2,
            stopwords_high=0.3,
            max_link_density=0.25,
        )
    else:
        paragraphs = justext.justext(
            html,
            stoplist,
            length_low=10,
            length_high=40,
            stopwords_low=0.1,
            stopwords_high=0.2,
            max_link_density=0.4,
        )
    return [p for p in paragraphs if p.class_type == "good"]


def extract_article(html: str, path: str) -> Article:
    """The headline, byline and body text of an HTML page."""
    try:
        title, byline, metadata = _metadata(html)
        kept = _paragraphs(html, strict=True)
        if sum(len(p.text) for p in kept) < 200:
            kept = _paragraphs(html, strict=False)
    except WirediffError:
        raise
    except Exception as error:  # lxml and jusText raise many types on broken pages
        raise WirediffError(f"{path}: cannot read this HTML page ({error})") from None
    body = [_clean(p.text) for p in kept if _clean(p.text)]
    fallback = not body
    if fallback:
        body = visible_text(html)
    if not body:
        raise WirediffError(f"{path}: no article text found in this HTML page")
    lines: list[str] = []
    if title and _clean(body[0]).lower() != title.lower():
        lines.append(title)
    if byline and not any(byline in line for line in body[:3]):
        lines.append(byline if byline.lower().startswith("by ") else f"By {byline}")
    lines.extend(body)
    notes = ("no article body recognised; showing all visible text",) if fallback else ()
    text = "\n\n".join(lines) + "\n"
    return Article(title=title, byline=byline, text=text, notes=notes, metadata=metadata)


class _VisibleText(HTMLParser):
    """Collects the text of a page outside scripts, styles and other invisible elements."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> list[str]:
    """Paragraphs of all visible text of a page, for pages no article is recognised in."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return [line for line in (_clean(part) for part in "".join(parser.parts).split("\n")) if line]
