"""The JSON report: wirediff's public, stable output format (``"schema": 1``)."""

from __future__ import annotations

import json
from typing import Any

from wirediff.core.model import Collation, Comparison, Document, Link

SCHEMA = 1


def _document(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "format": document.source_format,
        "notes": list(document.notes),
        "outlet": document.outlet,
        "published": document.published,
        "url": document.url,
        "fetched": document.fetched,
        "label": document.label,
        "text": document.text,
        "sentences": [
            {"start": s.start, "end": s.end, "text": s.text, "role": s.role.value}
            for s in document.sentences
        ],
    }


def _link(link: Link) -> dict[str, Any]:
    return {
        "base": list(link.base),
        "other": list(link.other),
        "kind": link.kind.value,
        "moved": link.moved,
        "score": round(link.score, 4),
        "flags": [flag.value for flag in link.flags],
        "edits": [{"op": e.op, "base": e.base, "other": e.other} for e in link.edits],
        "flag_notes": [
            {"flag": n.flag.value, "base": n.base, "other": n.other, "text": n.text}
            for n in link.flag_notes
        ],
        "evidence": None
        if link.evidence is None
        else {
            "terms": list(link.evidence.terms),
            "names": list(link.evidence.names),
            "numbers": list(link.evidence.numbers),
        },
    }


def _comparison(comparison: Comparison) -> dict[str, Any]:
    return {
        "base": comparison.base,
        "other": comparison.other,
        "similarity": comparison.similarity,
        "base_reused": comparison.base_reused,
        "other_reused": comparison.other_reused,
        "links": [_link(link) for link in comparison.links],
        "omitted": list(comparison.omitted),
        "added": list(comparison.added),
    }


def to_dict(collation: Collation, version: str) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "schema": SCHEMA,
        "wirediff": version,
        "base": collation.base,
        "base_is_guess": collation.base_is_guess,
        "documents": [_document(document) for document in collation.documents],
        "comparisons": [_comparison(comparison) for comparison in collation.comparisons],
        "matrix": [list(row) for row in collation.matrix],
        "matrix_estimated": collation.matrix_estimated,
        "base_reason": collation.base_reason,
        "copied_from": [
            None
            if guess is None
            else {"source": guess.source, "share": guess.share, "reason": guess.reason}
            for guess in collation.copied_from
        ],
    }


def render_json(collation: Collation, version: str) -> str:
    """The report as indented JSON text."""
    return json.dumps(to_dict(collation, version), ensure_ascii=False, indent=1) + "\n"
