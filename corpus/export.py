"""Stories as JSON, CSV or plain text, for scripts and for a terminal or a pipe."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from typing import Any

from .model import Grouping, Story, counted
from .original import when_key

JSON_SCHEMA = 1
_CONTROL = {c: " " for c in range(32)} | {127: " "} | {c: " " for c in range(0x80, 0xA0)}


def clean(text: str) -> str:
    """``text`` on one line without control characters (safe to print on a terminal)."""
    return " ".join(text.translate(_CONTROL).split())


def span(grouping: Grouping, story: Story) -> tuple[str, str]:
    """First and last known publication dates of a story (empty when none is known)."""
    dates = sorted(
        (when_key(grouping.articles[i].published), grouping.articles[i].published)
        for i in story.articles
        if grouping.articles[i].published
    )
    return (dates[0][1], dates[-1][1]) if dates else ("", "")


def outlets(grouping: Grouping, story: Story) -> list[str]:
    """The outlets of a story, most frequent first."""
    counts = Counter(
        grouping.articles[i].outlet for i in story.articles if grouping.articles[i].outlet
    )
    return [name for name, _ in counts.most_common()]


def _article(grouping: Grouping, index: int) -> dict[str, Any]:
    a = grouping.articles[index]
    return {
        "id": a.id,
        "outlet": a.outlet,
        "date": a.published,
        "url": a.url,
        "title": a.title,
        "source": a.source,
        "variant": grouping.variant_of[index],
    }


def to_json(grouping: Grouping, version: str) -> str:
    """The complete result: stories, articles alone, rejections, counts and stage times."""
    stories = []
    for story in grouping.stories:
        first, last = span(grouping, story)
        stories.append(
            {
                "id": story.id,
                "size": len(story.articles),
                "variants": len(story.variants),
                "original": grouping.articles[story.original].id,
                "original_reason": story.reason,
                "title": grouping.articles[story.original].title,
                "first": first,
                "last": last,
                "outlets": outlets(grouping, story),
                "articles": [
                    {**_article(grouping, i), "is_original": i == story.original}
                    for i in story.articles
                ],
                "shares_quotes_with": list(story.hints),
            }
        )
    document = {
        "schema": JSON_SCHEMA,
        "wirediff": version,
        "summary": grouping.summary(),
        "counts": dict(grouping.counts),
        "stories": stories,
        "alone": [_article(grouping, i) for i in grouping.alone],
        "rejected": [
            {"source": r.source, "id": r.id, "reason": r.reason} for r in grouping.rejected
        ],
        "stages": [
            {
                "stage": s.name,
                "seconds": round(s.seconds, 3),
                "items": s.items,
                "peak_mb": round(s.peak_mb, 1),
            }
            for s in grouping.stages
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(grouping: Grouping) -> str:
    """One row per input article: in a story, alone or rejected (with the reason)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            "status",
            "story",
            "id",
            "outlet",
            "date",
            "url",
            "title",
            "variant",
            "is_original",
            "reason",
            "source",
        ]
    )
    for story in grouping.stories:
        for i in story.articles:
            a = grouping.articles[i]
            writer.writerow(
                [
                    _cell(v)
                    for v in (
                        "story",
                        story.id,
                        a.id,
                        a.outlet,
                        a.published,
                        a.url,
                        a.title,
                        grouping.variant_of[i],
                        int(i == story.original),
                        story.reason if i == story.original else "",
                        a.source,
                    )
                ]
            )
    for i in grouping.alone:
        a = grouping.articles[i]
        writer.writerow(
            [
                _cell(v)
                for v in (
                    "alone",
                    "",
                    a.id,
                    a.outlet,
                    a.published,
                    a.url,
                    a.title,
                    grouping.variant_of[i],
                    0,
                    "",
                    a.source,
                )
            ]
        )
    for r in grouping.rejected:
        writer.writerow(
            [_cell(v) for v in ("rejected", "", r.id, "", "", "", "", "", 0, r.reason, r.source)]
        )
    return out.getvalue()


def to_text(grouping: Grouping, limit: int = 0) -> str:
    """A readable list of stories (all, or the ``limit`` largest) and the summary."""
    lines = []
    shown = grouping.stories[:limit] if limit else grouping.stories
    for story in shown:
        first, last = span(grouping, story)
        when = first[:16] if first[:10] == last[:10] else f"{first[:10]} – {last[:10]}"
        original = grouping.articles[story.original]
        lines.append(
            f"story {story.id}: {counted(len(story.articles), 'article')}, "
            f"{counted(len(story.variants), 'variant')}, "
            f"{len(outlets(grouping, story))} outlets, {when}".rstrip(", ")
        )
        lines.append(
            f"  original: {clean(original.id)} ({clean(original.outlet) or 'outlet unknown'}) "
            f"{clean(original.title)}"
        )
        lines.append(f"  why: {clean(story.reason)}")
        if story.hints:
            lines.append("  shares quotes with stories " + ", ".join(map(str, story.hints)))
        for i in story.articles:
            if i != story.original:
                a = grouping.articles[i]
                lines.append(
                    "    " + "  ".join(clean(v) for v in (a.id, a.outlet, a.published) if v)
                )
    if limit and len(grouping.stories) > limit:
        lines.append(f"… and {len(grouping.stories) - limit} more stories")
    lines.append(grouping.summary())
    return "\n".join(lines) + "\n"


def rejection_report(grouping: Grouping, limit: int = 20) -> list[str]:
    """Lines naming the first ``limit`` rejections and counting them by reason."""
    lines = [f"{clean(r.source)}: {clean(r.reason)}" for r in grouping.rejected[:limit]]
    if len(grouping.rejected) > limit:
        reasons = Counter(_reason_kind(r.reason) for r in grouping.rejected[limit:])
        lines.append(
            f"… {len(grouping.rejected) - limit} more rejected: "
            + ", ".join(f"{n} {clean(reason)}" for reason, n in reasons.most_common())
        )
    return lines


_PARTICULARS = re.compile(r"\s*(?:\([^)]*\)|'[^']*'|\"[^\"]*\"|:.*$)")


def _reason_kind(reason: str) -> str:
    """A rejection's reason without its particulars (the id, the size, the line's detail)."""
    return _PARTICULARS.sub("", reason).strip() or reason
