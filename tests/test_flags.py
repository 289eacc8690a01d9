"""Flags: altered and dropped quotes, changed numbers, names and attribution."""

from __future__ import annotations

from wirediff.core import Flag, collate, document_from_text
from wirediff.core.flags import attributions, numbers, quotations

from .conftest import AFP, PARAPHRASE


def flags_between(base: str, other: str) -> set[Flag]:
    collation = collate([document_from_text(base, "a.txt"), document_from_text(other, "b.txt")])
    links = collation.comparisons[0].links
    assert len(links) == 1, links
    return set(links[0].flags)


def test_altered_quote() -> None:
    base = '"The intention is to present a win-win value proposition from Ishiba to the president," she said.'
    other = "'The goal is to present a win-win proposition from Ishiba to the president,' she said."
    assert Flag.QUOTE_ALTERED in flags_between(base, other)


def test_same_quote_in_other_marks_is_not_altered() -> None:
    base = 'Trump backs his plan to "drill, baby, drill" while boosting energy security, he said.'
    other = "Trump backs his plan to \u2018drill, baby, drill\u2019 while boosting energy security, he said."
    assert flags_between(base, other) == set()


def test_partial_quotation_is_not_altered() -> None:
    base = (
        'The allies will vow to bring the alliance to "new heights of cooperation", officials said.'
    )
    other = 'The allies will vow to bring the alliance to "new heights", officials said.'
    assert Flag.QUOTE_ALTERED not in flags_between(base, other)


def test_quote_turned_into_paraphrase_is_dropped() -> None:
    base = (
        'Since Japan has cut its LNG imports from Russia, it "desperately needs to open up new '
        'sources of LNG", Sheila Smith told AFP.'
    )
    other = (
        "Since Japan has cut its LNG imports from Russia, it desperately needs new sources of "
        "LNG, Sheila Smith told AFP."
    )
    assert Flag.QUOTE_DROPPED in flags_between(base, other)


def test_number_qualifier_change_is_flagged_but_formatting_is_not() -> None:
    base = (
        "Japan hosts around 54,000 US military personnel stationed in the country, officials said."
    )
    other = (
        "Japan hosts nearly 54,000 US military personnel stationed in the country, officials said."
    )
    assert Flag.NUMBER_CHANGED in flags_between(base, other)
    assert numbers("Nippon Steel's $14.9-billion bid") == numbers(
        "Nippon Steel's $14.9 billion bid"
    )
    assert numbers("around 54,000 troops") == numbers("about 54000 troops")
    assert numbers("on Thursday, Feb. 6") == numbers("on Thursday, February 6")


def test_vanished_number_is_flagged() -> None:
    base = "The Stargate drive aims to invest up to $500 billion in US AI infrastructure, it said."
    other = "The Stargate drive aims to invest heavily in US AI infrastructure, it said."
    assert Flag.NUMBER_CHANGED in flags_between(base, other)


def test_dropped_name_is_flagged() -> None:
    base = (
        "The Japan summit could be less startling, analyst Sheila Smith said, citing the alliances."
    )
    other = "The Japan summit could be less startling, an analyst said, citing the alliances."
    assert Flag.NAME_CHANGED in flags_between(base, other)


def test_attribution_change_is_flagged() -> None:
    base = "Japan must secure new energy sources, Sheila Smith, a senior fellow at the Council, told AFP."
    other = (
        "Japan must secure new energy sources, Sheila Smith, a senior fellow at the Council, "
        "stated to Agence France-Presse (AFP)."
    )
    assert Flag.ATTRIBUTION_CHANGED in flags_between(base, other)


def test_quotations_handle_apostrophes_and_curly_quotes() -> None:
    text = "Smith noted, 'That's where the relationship could get sticky.' He said \u201cno\u201d."
    found = [text[start:end] for start, end in quotations(text)]
    assert found == ["That's where the relationship could get sticky.", "no"]


def test_seed_pair_reports_the_altered_win_win_quote() -> None:
    afp = document_from_text(AFP.read_text(encoding="utf-8"), str(AFP))
    paraphrase = document_from_text(PARAPHRASE.read_text(encoding="utf-8"), str(PARAPHRASE))
    comparison = collate([afp, paraphrase]).comparisons[0]
    win_win = [
        link
        for link in comparison.links
        if any("win-win value proposition" in afp.sentences[i].text for i in link.base)
    ]
    assert len(win_win) == 1
    assert Flag.QUOTE_ALTERED in win_win[0].flags
    assert Flag.ATTRIBUTION_CHANGED in win_win[0].flags


def test_splitting_or_merging_attributed_sentences_is_not_an_attribution_change() -> None:
    base = (
        "Dairy exporters had demanded full access to protected markets, while two importing "
        "countries insisted on keeping quotas for butter and cheese."
    )
    other = (
        "Dairy exporters had demanded full access to protected markets. Meanwhile, two importing "
        "countries insisted on keeping quotas for butter and cheese."
    )
    assert attributions(base) == attributions(other)
    assert attributions(
        "The government rejected the criticism and said it had spent $120 million."
    ) == (
        attributions("The government rejected the accusation and said it had spent $120 million.")
    )
    assert attributions("Governor Hannah Lindqvist said inflation had fallen.") == attributions(
        "Rates held, and Governor Hannah Lindqvist said inflation had fallen."
    )


def test_renamed_speaker_is_an_attribution_change() -> None:
    assert attributions(
        '"Prices will fall," said hydrologist Mira Castellanos of the Institute.'
    ) != (attributions('"Prices will fall," said hydrologist Priya Moreau of the Institute.'))
    assert attributions("Menon told analysts on a call.") != attributions(
        "Menon told investors on a call."
    )
