"""Corpus mode's headlines, captions and stamps, and the lead rule of reworded edges."""

from __future__ import annotations

from wirediff.corpus import Article
from wirediff.corpus.text import fingerprint, is_furniture, split_title
from wirediff.corpus.verify import Unpacked, VerifySettings, verify_pair

LEAD = (
    "PARIS (AP) — French President Emmanuel Macron pushed Monday for Europe to take more "
    "responsibility for its own defense, saying the continent's security should not rely so much "
    "on the United States."
)


def test_the_headline_is_found_under_page_furniture() -> None:
    text = "\n".join(
        [
            "Thursday,  July 18 , 2024",
            "Linkedin Pinterest",
            "News / Nation & World",
            "Israel faces new calls for truce after killing of hostages",
            "By WAFAA SHURAFA and SAMY MAGDY, Associated Press",
            LEAD,
        ]
    )
    title, rest = split_title(text)
    assert title == "Israel faces new calls for truce after killing of hostages"
    assert rest[-1] == LEAD


def test_site_names_controls_and_section_labels_are_not_headlines() -> None:
    for top in (
        ["Skip to main content", "Clear icon", "80º"],
        ["DNYUZ", "Home News"],
        ["Error", "• 850-433-1141 | info@example.com | Text line: 850-790-5300", "Business"],
        ["Tag Archives: BRXT"],
        ["Share Comment on this story Comment"],
        ["Today : Feb 24, 2025", "Politics", "31 January 2025"],
        ["Monday, May 14, 2012"],
        ["Estimated read time: Less than a minute"],
        ["Don't miss", "Suspected gas cylinder blast kills 42 on a bus", "Read more"],
    ):
        title, _ = split_title(
            "\n".join([*top, "Macron urges Europe to see to its own defence", LEAD])
        )
        assert title == "Macron urges Europe to see to its own defence", top


def test_without_a_headline_the_title_is_the_lead_without_its_dateline() -> None:
    for top in (
        ["By SYLVIE CORBET", "Associated Press"],
        ["Members of the team study data in mission control. NASA/Handout via REUTERS"],
        ["1/2", "A burned hillside near the town. Photo by National Forest/Twitter"],
        ["Both men have been fined (Picture: AFP/Images)"],
        ["By Jennifer Scott", "Political reporter, BBC News"],
    ):
        title, lines = split_title("\n".join([*top, LEAD]))
        assert title.startswith("French President Emmanuel Macron pushed Monday"), top
        assert len(lines) == len(top) + 1


def test_datelines_with_two_hyphens_or_a_bullet_are_cut_from_the_title() -> None:
    for dateline in ("RABAT, Morocco -- ", "KABUL, Afghanistan (AP) -- ", "LONDON • "):
        title, _ = split_title(dateline + LEAD.split("— ", 1)[1])
        assert title.startswith("French President Emmanuel Macron pushed Monday"), dateline


def test_a_plain_headline_is_kept() -> None:
    title, rest = split_title("Japan PM Heads To US For Trump Summit\n\n" + LEAD)
    assert title == "Japan PM Heads To US For Trump Summit"
    assert rest == ["", LEAD]


def test_captions_and_stamps_are_furniture_but_a_caption_page_keeps_its_text() -> None:
    assert is_furniture("A firefighter battles the Creek Fire. (AP Photo/Noah Berger)")
    assert is_furniture(
        "Ship Ever Given is seen in the canal. Suez Canal Authority/Handout via REUTERS"
    )
    assert is_furniture("Jun 10, 2021, 7:39 AM")
    assert is_furniture("27 September 2021 17321 2021-09-27 10:08")
    assert not is_furniture(LEAD)
    caption = (
        "A volcanic island in New Zealand erupted Monday in a tower of ash and steam while dozens "
        "of tourists were exploring the moon-like surface, killing five people. (AP Photo)"
    )
    assert is_furniture(caption)
    assert fingerprint(Article("gallery", caption)).words > 20


def test_a_page_that_is_only_a_teaser_lead_keeps_its_text() -> None:
    # the lead ends in a "…Read More" link and the headline follows it: every line looks like
    # furniture, but the page's text must be fingerprinted, not rejected as empty
    page = LEAD + "…Read More\nMacron urges Europe to rely less on the US for defense\n"
    fp = fingerprint(Article("teaser", page))
    assert fp.words >= len(LEAD.split()) - 2
    assert fp.body_key != fingerprint(Article("other", "Macron urges Europe\n")).body_key


def _unpacked(text: str) -> Unpacked:
    return Unpacked.of(fingerprint(Article("x", text)))


BACKGROUND = (
    "The attacker beheaded a woman and killed two other people in a church in Nice before "
    "police shot him and took him away. "
    "The attack came at a time of swelling anger across the globe at the government's defence of "
    "the right to publish cartoons of the prophet. "
    "Protesters have denounced the government in street rallies in several countries this week."
)


def test_stories_sharing_only_background_are_not_joined_by_rewording() -> None:
    first = _unpacked(
        "The interior minister said on Friday more militant attacks on the country's soil were "
        "likely and warned of a long war against extremist ideology after the second deadly "
        "knife attack in two weeks. " + BACKGROUND
    )
    second = _unpacked(
        "Tens of thousands of demonstrators marched through the streets of Dhaka on Friday "
        "calling for a boycott of French products and burning effigies of the president. "
        + BACKGROUND
    )
    pair = verify_pair(0, 1, 5, first, second, VerifySettings(min_containment=1.01))
    assert pair.verdict != "reworded"


def test_a_rewrite_keeping_the_lead_is_a_reworded_edge() -> None:
    first = _unpacked(
        "The interior minister said on Friday more militant attacks on the country's soil were "
        "likely and warned of a long war against extremist ideology. " + BACKGROUND
    )
    second = _unpacked(
        "More militant attacks on the country's soil are likely, the interior minister warned on "
        "Friday, speaking of a long war against extremist ideology. " + BACKGROUND
    )
    pair = verify_pair(0, 1, 5, first, second, VerifySettings(min_containment=1.01))
    assert pair.verdict == "reworded"


def test_a_two_sentence_brief_reworded_from_a_story_joins_it_but_one_sentence_does_not() -> None:
    story = _unpacked(
        "Notre-Dame Cathedral went up in flames on Monday in a roaring blaze that devastated the "
        "Parisian landmark, one of the most visited places in France. Flames burst through the "
        "roof of the centuries-old cathedral and quickly engulfed the spire, which collapsed. "
        "A huge plume of smoke wafted across the city and ash fell over a large area. "
        "Firefighters cleared the area around the cathedral, which marks the centre of Paris."
    )
    brief = _unpacked(
        "Notre Dame Cathedral has gone up in flames this evening in a roaring blaze that "
        "devastated the Parisian landmark, leaving the city distraught. Flames that began in the "
        "early evening burst through the roof of the centuries-old cathedral and engulfed the "
        "spire, which collapsed."
    )
    one = _unpacked(
        "Notre Dame Cathedral has gone up in flames this evening in a roaring blaze that "
        "devastated the Parisian landmark, leaving the city distraught."
    )
    settings = VerifySettings(min_containment=1.01)
    assert verify_pair(0, 1, 5, story, brief, settings).verdict == "reworded"
    assert verify_pair(0, 1, 5, story, one, settings).verdict != "reworded"


QUOTE = (
    "It is a dark day for our country and for every family that has lost someone in this "
    "terrible attack on our freedom and our way of life"
)


def test_a_single_quoted_quote_shared_by_two_stories_is_a_hint_not_an_edge() -> None:
    # the British style quotes in single marks; both typographic and plain ones are masked,
    # and an apostrophe inside a word (it's, Smiths’) neither opens nor closes a quote
    for opening, closing in (("‘", "’"), ("'", "'")):
        said = f"{opening}{QUOTE},{closing} the prime minister’s spokesman said."
        first = _unpacked(
            "Police in Nice said a man armed with a knife killed three people in a church on "
            f"Thursday morning before officers shot and detained him. {said}"
        )
        second = _unpacked(
            "Markets in Paris fell sharply on Thursday as investors worried about the economy and "
            f"the government's plans for new taxes on the country's largest companies. {said}"
        )
        pair = verify_pair(0, 1, 5, first, second)
        assert not pair.is_edge, opening
        assert pair.shared_quotes > 0, opening
