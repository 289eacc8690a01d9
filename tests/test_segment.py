"""Sentence segmentation: offline Punkt plus the rules wire copy needs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirediff.core.segment import segment

from .conftest import AFP, INDEPENDENT_A, INDEPENDENT_B, PARAPHRASE


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text)]


def seed_sentences(path) -> list[str]:
    return sentences(path.read_text(encoding="utf-8"))


def test_missing_space_after_full_stop_splits() -> None:
    found = seed_sentences(PARAPHRASE)
    assert any(s.endswith("Ishiba recently affirmed to parliament.") for s in found)
    assert any(s.startswith("Trump and Ishiba are expected to reiterate") for s in found)
    assert any(s.endswith("Shiraishi told AFP.") for s in found)
    assert any(s.startswith("One example is the Stargate drive") for s in found)


def test_glued_opening_quote_goes_with_the_next_sentence() -> None:
    found = seed_sentences(PARAPHRASE)
    assert any(s.endswith("energy security for resource-scarce Japan.") for s in found)
    assert any(s.startswith("'The goal is to present a win-win proposition") for s in found)


def test_glued_closing_quote_stays_with_its_sentence() -> None:
    found = seed_sentences(PARAPHRASE)
    assert (
        "Smith noted, 'That's where... the Ishiba-Trump relationship could get a bit sticky.'"
        in found
    )
    assert any(s.startswith("Trump's imposition of trade tariffs") for s in found)
    assert any(s.endswith("elevate the alliance to 'new heights.'") for s in found)


def test_abbreviations_inside_and_at_the_end_of_sentences() -> None:
    found = seed_sentences(INDEPENDENT_B)
    assert any(
        s.startswith("One point likely") and s.endswith("by Japan's Nippon Steel Corp.")
        for s in found
    )
    assert any(s.startswith("This acquisition, which faced") for s in found)
    found = seed_sentences(INDEPENDENT_A)
    assert any(s.endswith("particularly in terms of investments in the U.S.") for s in found)
    assert any(
        s.startswith("This includes encouraging investments in U.S. manufacturing") for s in found
    )
    text = "Nippon Steel bid for U.S. Steel on Monday. Sen. Smith and Gov. Jones met Mr. Lee."
    assert sentences(text) == [
        "Nippon Steel bid for U.S. Steel on Monday.",
        "Sen. Smith and Gov. Jones met Mr. Lee.",
    ]


def test_heading_lines_are_not_glued_to_the_next_sentence() -> None:
    text = "Energy and Economic Cooperation\nBeyond security matters, trade will be discussed."
    assert sentences(text) == [
        "Energy and Economic Cooperation",
        "Beyond security matters, trade will be discussed.",
    ]


def test_dateline_is_its_own_segment() -> None:
    found = seed_sentences(AFP)
    assert "Tokyo, (APP - UrduPoint / Pakistan Point News - 6th Feb, 2025)" in found
    assert (
        sentences("TOKYO (AFP) - Japan's leader left on Thursday. He flew.")[0] == "TOKYO (AFP) -"
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("New Delhi, Feb 6 (PTI) The cabinet met. It agreed.", "New Delhi, Feb 6 (PTI)"),
        ("NEW DELHI, Feb 6 (PTI) - The cabinet met.", "NEW DELHI, Feb 6 (PTI) -"),
        ("BEIJING, Feb. 6, 2025 (Xinhua) -- China said so.", "BEIJING, Feb. 6, 2025 (Xinhua) --"),
        ("LONDON, 6 February (AFP) - Britain said so.", "LONDON, 6 February (AFP) -"),
    ],
)
def test_a_dateline_with_a_date_is_its_own_segment(text: str, dateline: str) -> None:
    assert sentences(text)[0] == dateline


def test_a_crawls_date_in_front_of_the_first_line_is_cut_off() -> None:
    text = " date 2025-02-06 Japan PM Heads To US For Trump Summit\nTokyo, (AFP) He left."
    assert sentences(text)[:2] == ["date 2025-02-06", "Japan PM Heads To US For Trump Summit"]
    assert sentences("The date 2025-02-06 was set.") == ["The date 2025-02-06 was set."]


def test_curly_quotes_and_dashes() -> None:
    text = "He said \u201cwe will win.\u201d Then he left \u2014 quickly -- and quietly. Done."
    assert sentences(text) == [
        "He said \u201cwe will win.\u201d",
        "Then he left \u2014 quickly -- and quietly.",
        "Done.",
    ]


def test_question_inside_quote_followed_by_attribution_is_one_sentence() -> None:
    assert sentences('"Is it over?" she asked. No.') == ['"Is it over?" she asked.', "No."]


def test_hard_wrapped_text_is_unwrapped() -> None:
    text = (
        "Japanese Prime Minister Shigeru Ishiba on Thursday left for the United\n"
        "States ahead of what will be President Donald Trump's second summit with\n"
        "a foreign leader since his return to the White House. Japan is one of the\n"
        "closest allies of the United States in Asia with around 54,000 US military\n"
        "personnel stationed in the country.\n"
    )
    assert len(sentences(text)) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab C.D'\"\n\u2019\u201c?! -U.S.12,$")), max_size=200))
def test_offsets_cover_every_non_space_character_in_order(text: str) -> None:
    found = segment(text)
    position = 0
    for s in found:
        assert position <= s.start < s.end <= len(text)
        assert not text[position : s.start].strip()
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        position = s.end
    assert not text[position:].strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_segments_without_error(text: str) -> None:
    covered = "".join(text[s.start : s.end] for s in segment(text))
    assert "".join(covered.split()) == "".join(text.split())


def test_abbreviation_before_an_opening_quote_ends_the_sentence() -> None:
    text = 'Officials sought investments in the U.S. "The intention is clear," she said.'
    assert sentences(text) == [
        "Officials sought investments in the U.S.",
        '"The intention is clear," she said.',
    ]


def test_quoted_name_after_an_abbreviation_stays_in_the_sentence() -> None:
    text = 'The U.S. "America First" agenda worries Tokyo.'
    assert sentences(text) == [text]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(alphabet="Ab. \n'\"!?U.S(AFP)-—TOKYO,", min_size=0, max_size=80),
        min_size=1,
        max_size=6,
    )
)
def test_a_paragraph_splits_the_same_whatever_surrounds_it(paragraphs: list[str]) -> None:
    """Blocks are split once per process (copies repeat paragraphs): the cached split of a block
    equals the split of the whole text without the cache (the ``limit`` path)."""
    text = "\n\n".join(paragraphs)
    shuffled = "\n\n".join(reversed(paragraphs))
    for whole in (text, shuffled, "\n" + text + "\n\nLast one here."):
        cached = segment(whole)
        uncached = segment(whole, limit=10**6)
        assert cached == uncached


def test_seeds_split_the_same_through_the_block_cache() -> None:
    for path in (AFP, PARAPHRASE, INDEPENDENT_A, INDEPENDENT_B):
        text = path.read_text(encoding="utf-8")
        assert segment(text) == segment(text, limit=10**6)
        assert segment(text + "\n\n" + text)[: len(segment(text))] == segment(text)
