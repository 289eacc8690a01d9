"""Invariants of the engine on arbitrary text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirediff.core import collate, document_from_text

WORDS = st.sampled_from(
    [
        "Japan",
        "Trump",
        "Ishiba",
        "said",
        "told",
        "the",
        "a",
        "of",
        "summit",
        "alliance",
        "54,000",
        "$14.9",
        "billion",
        "'quote'",
        '"word"',
        "U.S.",
        "Corp.",
        "Dr.",
        "--",
        "—",
        "“yes”",
        ".",
        ".",
        "?",
        "!",
        "\n",
        "\n\n",
        "Read",
        "more",
        "»",
    ]
)
TEXTS = st.one_of(
    st.lists(WORDS, max_size=60).map(" ".join),
    st.text(max_size=200),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=2, max_size=3))
def test_every_sentence_is_accounted_for_exactly_once(texts: list[str]) -> None:
    documents = [document_from_text(text, f"d{k}.txt") for k, text in enumerate(texts)]
    collation = collate(documents, base="auto", all_pairs=True)
    for comparison in collation.comparisons:
        base = collation.documents[comparison.base]
        other = collation.documents[comparison.other]
        base_seen = [i for link in comparison.links for i in link.base] + list(comparison.omitted)
        other_seen = [j for link in comparison.links for j in link.other] + list(comparison.added)
        assert sorted(base_seen) == list(range(len(base.sentences)))
        assert sorted(other_seen) == list(range(len(other.sentences)))
        assert 0.0 <= comparison.similarity <= 1.0
        for link in comparison.links:
            assert 0.0 < link.score <= 1.0
            for edit in link.edits:
                assert base.text[edit.base_span[0] : edit.base_span[1]] == edit.base
                assert other.text[edit.other_span[0] : edit.other_span[1]] == edit.other
    for row in collation.matrix:
        assert all(0.0 <= value <= 1.0 for value in row)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=80).map(" ".join))
def test_a_text_aligned_with_itself_is_identical(text: str) -> None:
    first = document_from_text(text, "a.txt")
    if not any(s.counts for s in first.sentences):
        return
    comparison = collate([first, document_from_text(text, "b.txt")]).comparisons[0]
    counted = [s.index for s in first.sentences if s.counts]
    linked = {i for link in comparison.links for i in link.base}
    assert set(counted) <= linked
    assert all(not link.moved for link in comparison.links)
