"""Roles: headline, heading, byline, dateline, body, boilerplate."""

from __future__ import annotations

from wirediff.core import Document, Role


def roles_of(document: Document, starting: str) -> list[Role]:
    return [s.role for s in document.sentences if s.text.startswith(starting)]


def test_page_furniture_is_boilerplate(seed_documents: dict[str, Document]) -> None:
    paraphrase = seed_documents["000_5fd63220c0a3b547.txt"]
    for start in (
        "Read more",
        "Similar News:",
        "Philippines Latest News",
        "US-Japan Relations Donald Trump",
        "Marcos Jr. Meets with Biden",
    ):
        assert set(roles_of(paraphrase, start)) == {Role.BOILERPLATE}, start
    assert roles_of(seed_documents["004_abc8bb8cf5328acc.txt"], "Today : Feb 24") == [
        Role.BOILERPLATE
    ]


def test_story_text_is_not_boilerplate(seed_documents: dict[str, Document]) -> None:
    paraphrase = seed_documents["000_5fd63220c0a3b547.txt"]
    assert roles_of(paraphrase, "Japan, a key US ally in Asia") == [Role.BODY]
    assert roles_of(paraphrase, "Japan and the US are each other's top") == [Role.BODY]


def test_headline_byline_dateline_and_headings(seed_documents: dict[str, Document]) -> None:
    afp = seed_documents["001_d2c0166b2a2dd97c.txt"]
    # The crawl's " date 2025-02-06 " in front of the headline is a date line of its own.
    assert (afp.sentences[0].text, afp.sentences[0].role) == ("date 2025-02-06", Role.DATELINE)
    assert afp.sentences[1].role is Role.HEADLINE
    assert afp.title == "Japan PM Heads To US For Trump Summit"
    assert roles_of(afp, "Umer Jamshaid Published") == [Role.BYLINE]
    assert roles_of(afp, "Tokyo, (APP") == [Role.DATELINE]
    seo = seed_documents["002_004c7a7293647294.txt"]
    assert seo.sentences[0].role is Role.HEADLINE
    assert roles_of(seo, "Energy and Economic Cooperation") == [Role.HEADING]
    assert roles_of(seo, "A Pivotal Moment for Global Diplomacy") == [Role.HEADING]
    independent = seed_documents["004_abc8bb8cf5328acc.txt"]
    assert roles_of(independent, "31 January 2025") == [Role.DATELINE]
    assert roles_of(independent, "Japanese Prime Minister Ishiba Plans") == [Role.HEADLINE]
    assert independent.title == "Japanese Prime Minister Ishiba Plans US Summit With Trump"


def test_a_section_path_over_the_headline_is_furniture() -> None:
    """A section path ("News / Nation & World") is where the page sits, not its headline (the title the reports
    and the app's column titles show)."""
    from wirediff.core import document_from_text

    for path in ("News / Nation & World", "World » Middle East", "Home > Politics > Congress"):
        document = document_from_text(
            f"{path}\n\nIsrael faces new calls for truce after killing of hostages\n\n"
            "Israel's government faced calls for a ceasefire on Sunday. It said no.\n",
            "page.txt",
        )
        assert document.sentences[0].role is Role.BOILERPLATE, path
        assert document.sentences[1].role is Role.HEADLINE, path
        assert document.title == "Israel faces new calls for truce after killing of hostages"
    headline = document_from_text(
        "Trade talks / What comes next for the summit\n\nThe leaders met on Sunday.\n", "page.txt"
    )
    assert headline.sentences[0].role is Role.HEADLINE  # a part of over three words: a headline


def test_a_line_that_is_only_an_agency_credit_is_a_byline() -> None:
    """ "Associated Press" under a headline credits the story; it is not a heading of its own
    (which the grid and the reports showed as a row)."""
    from wirediff.core import document_from_text

    for credit in ("Associated Press", "By AFP", "Reuters staff", "The Associated Press"):
        document = document_from_text(
            f"Israel faces new ceasefire calls\n\n{credit}\n\n"
            "Israel's government faced calls for a ceasefire on Sunday. It said no.\n",
            "page.txt",
        )
        assert document.sentences[1].role is Role.BYLINE, credit
    heading = document_from_text(
        "Israel faces new ceasefire calls\n\nWhat the Associated Press found\n\n"
        "Israel's government faced calls for a ceasefire on Sunday. It said no.\n",
        "page.txt",
    )
    assert heading.sentences[1].role is Role.HEADING
