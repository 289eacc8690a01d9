"""Alignment: paraphrases, reordering, splits and merges, and abstaining on unrelated text."""

from __future__ import annotations

from wirediff.core import Comparison, Document, collate, document_from_text


def pairs(comparison: Comparison) -> set[tuple[int, int]]:
    return {(i, j) for link in comparison.links for i in link.base for j in link.other}


def compare_texts(base: str, other: str) -> tuple[Document, Document, Comparison]:
    first, second = document_from_text(base, "base.txt"), document_from_text(other, "other.txt")
    return first, second, collate([first, second]).comparisons[0]


STORY = [
    "Japanese Prime Minister Shigeru Ishiba on Thursday left for the United States ahead of "
    "what will be President Donald Trump's second summit with a foreign leader.",
    "Japan is one of the closest allies of the United States in Asia with around 54,000 US "
    "military personnel stationed in the country.",
    'Since Japan has cut its liquefied natural gas (LNG) imports from Russia, it "desperately '
    'needs to open up new sources of LNG, and other energy more broadly", Sheila Smith, senior '
    "fellow at the Council on Foreign Relations, told AFP.",
    "Trump will meet Ishiba in Washington on Friday, days after a joint press conference with "
    "Israeli Prime Minister Benjamin Netanyahu.",
]


def test_paraphrases_are_linked() -> None:
    other = [
        "Japan, a key US ally in Asia, hosts around 54,000 US military personnel.",
        "Notably, Japan has reduced its liquefied natural gas (LNG) imports from Russia, creating "
        "a pressing need to explore new LNG and energy sources.",
    ]
    _, _, comparison = compare_texts(" ".join(STORY), " ".join(other))
    assert pairs(comparison) == {(1, 0), (2, 1)}
    assert comparison.omitted == (0, 3)


def test_identical_text_links_everything_as_identical() -> None:
    _, _, comparison = compare_texts(" ".join(STORY), "\n".join(STORY))
    assert pairs(comparison) == {(0, 0), (1, 1), (2, 2), (3, 3)}
    assert {link.kind.value for link in comparison.links} == {"identical"}
    assert comparison.similarity == 1.0


def test_reordered_sentence_is_linked_and_marked_moved() -> None:
    reordered = [STORY[0], STORY[2], STORY[3], STORY[1]]
    _, _, comparison = compare_texts(" ".join(STORY), " ".join(reordered))
    assert pairs(comparison) == {(0, 0), (1, 3), (2, 1), (3, 2)}
    moved = [link for link in comparison.links if link.moved]
    assert [(link.base, link.other) for link in moved] == [((1,), (3,))]


def test_split_sentence_is_one_group() -> None:
    split = [
        STORY[0],
        "Japan is one of the closest allies of the United States in Asia.",
        "Around 54,000 US military personnel are stationed in the country.",
        STORY[3],
    ]
    _, _, comparison = compare_texts(" ".join(STORY), " ".join(split))
    groups = {(link.base, link.other) for link in comparison.links}
    assert ((1,), (1, 2)) in groups


def test_merged_sentences_are_one_group() -> None:
    merged = [STORY[0].rstrip(".") + "; " + STORY[3][0].lower() + STORY[3][1:]]
    base = [STORY[1], STORY[0], STORY[3], STORY[2]]
    _, _, comparison = compare_texts(" ".join(base), " ".join(merged))
    groups = {(link.base, link.other) for link in comparison.links}
    assert ((1, 2), (0,)) in groups


def test_independent_articles_on_the_same_event_share_almost_no_links(
    seed_documents: dict[str, Document],
) -> None:
    for name in ("003_e64426c3b047badc.txt", "004_abc8bb8cf5328acc.txt"):
        collation = collate([seed_documents["001_d2c0166b2a2dd97c.txt"], seed_documents[name]])
        assert len(collation.comparisons[0].links) <= 2, name


def test_republished_seed_links_most_of_the_wire_copy(seed_documents: dict[str, Document]) -> None:
    afp = seed_documents["001_d2c0166b2a2dd97c.txt"]
    paraphrase = seed_documents["000_5fd63220c0a3b547.txt"]
    comparison = collate([afp, paraphrase]).comparisons[0]
    texts = {
        (afp.sentences[link.base[0]].text[:30], paraphrase.sentences[link.other[0]].text[:30])
        for link in comparison.links
    }
    assert ("Japan is one of the closest al", "Japan, a key US ally in Asia, ") in texts
    assert ("Since Japan has cut its liquef", "Notably, Japan has reduced its") in texts
    assert comparison.base_reused > 0.7


def test_auto_base_picks_the_likely_original_not_the_most_complete(
    seed_documents: dict[str, Document],
) -> None:
    documents = list(seed_documents.values())
    collation = collate(documents, base="auto")
    assert collation.base_is_guess
    # 000 carries most of the AFP story but paraphrases it; 001 is the near-verbatim AFP copy
    # with the agency dateline and a date (see tests/test_original.py).
    assert documents[collation.base].name == "001_d2c0166b2a2dd97c.txt"
    assert all(len(row) == len(documents) for row in collation.matrix)
    assert all(collation.matrix[k][k] == 1.0 for k in range(len(documents)))
