"""Shared fixtures: the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirediff.core import Document, load_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
AFP = SEEDS / "001_d2c0166b2a2dd97c.txt"
"""Near-verbatim republication of the AFP original (UrduPoint)."""
PARAPHRASE = SEEDS / "000_5fd63220c0a3b547.txt"
"""Paraphrase of the AFP story with page furniture."""
SEO = SEEDS / "002_004c7a7293647294.txt"
"""SEO rewrite with headings."""
INDEPENDENT_A = SEEDS / "003_e64426c3b047badc.txt"
INDEPENDENT_B = SEEDS / "004_abc8bb8cf5328acc.txt"


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, Document]:
    """Every seed, loaded once, by file name."""
    return {path.name: load_document(str(path)) for path in sorted(SEEDS.glob("*.txt"))}
