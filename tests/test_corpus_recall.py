"""Corpus mode's recall on short and reworded versions: what joins a story and what must not."""

from __future__ import annotations

from wirediff.corpus import Article, LocalEngine, group
from wirediff.corpus.index import IndexSettings, candidates
from wirediff.corpus.text import fingerprint, is_furniture, unpack
from wirediff.corpus.verify import Unpacked, VerifySettings, verify_pair

NO_VERBATIM = VerifySettings(min_containment=1.01)
"""Verification with the verbatim test switched off, to look at the reworded test alone."""


def _unpacked(text: str) -> Unpacked:
    return Unpacked.of(fingerprint(Article("x", text)))


def test_typographic_and_plain_apostrophes_hash_alike() -> None:
    curly = fingerprint(Article("a", "The nation’s top court said it’s ending the state’s ban."))
    plain = fingerprint(Article("b", "The nation's top court said it's ending the state's ban."))
    assert curly.body_key == plain.body_key
    assert curly.narrative == plain.narrative
    assert curly.sentences == plain.sentences


SHORT_SENTENCES = (
    "Firefighters battled a blaze at the old mill near the river overnight. "
    "Police closed the bridge road between the two villages until morning. "
    "The mill owner thanked volunteers who carried water buckets from nearby farms. "
    "Investigators will examine the burnt roof beams later this week."
)
LONG_SENTENCES = (
    "Firefighters battled a blaze at the old mill near the river overnight, as neighbours "
    "watched smoke drift across rooftops, schools, shops and the empty market square. "
    "Police closed the bridge road between the two villages until morning, diverting buses, "
    "delivery lorries and commuters through narrow lanes past the quarry and cemetery. "
    "The mill owner thanked volunteers who carried water buckets from nearby farms, bakeries, "
    "garages and gardens along streets lined with parked cars and tractors. "
    "Investigators will examine the burnt roof beams later this week, alongside insurers, "
    "engineers, planning officers and heritage experts from the county archive."
)


def test_the_verdict_does_not_depend_on_the_order_of_the_pair() -> None:
    # as many sentences on each side: every short sentence is inside a long one, but no long one
    # is mostly inside a short one; the pair is one story whichever side comes first
    short, long = _unpacked(SHORT_SENTENCES), _unpacked(LONG_SENTENCES)
    forward = verify_pair(0, 1, 5, short, long, NO_VERBATIM)
    backward = verify_pair(0, 1, 5, long, short, NO_VERBATIM)
    assert forward.verdict == backward.verdict == "reworded"
    assert forward.reworded == backward.reworded == 1.0


def test_a_short_text_sharing_two_anchors_is_a_candidate_but_two_long_ones_are_not() -> None:
    def anchors(numbers: range) -> list[int]:
        return [number << 32 for number in numbers]  # the index keeps an anchor's top bits

    shared = anchors(range(7, 9))
    brief = shared + anchors(range(100, 110))  # a brief: a dozen anchors
    story = shared + anchors(range(1000, 1200))
    other = shared + anchors(range(2000, 2200))
    found = candidates([brief, story, other], IndexSettings())
    assert [(a, b) for a, b, _ in found] == [(0, 1), (0, 2)]
    assert candidates([story, other], IndexSettings()) == []


ROVER = (
    "NASA's science rover Perseverance, the most advanced astrobiology laboratory ever sent to "
    "another world, streaked through the Martian atmosphere on Thursday and landed safely on the "
    "floor of a vast crater, its first stop on a search for traces of ancient microbial life on "
    "the Red Planet. "
    "The six-wheeled rover touched down inside Jezero Crater after a seven-month journey from "
    "Earth, and flight controllers at the laboratory in California erupted in applause. "
    "The vehicle will spend two years drilling rocks and collecting samples for a later "
    "mission to bring back to scientists on Earth. "
    "Engineers expect the first photographs from the surface within days of the landing."
)
SPUN_BRIEF = (
    "NASA’s science rover Perseverance, essentially the most advanced astrobiology laboratory "
    "ever sent to a different world, streaked via the Martian atmosphere on Thursday and landed "
    "safely on the ground of a vast crater, it’s first cease on a search for traces of historical "
    "microbial life on the Purple Planet."
)
OTHER_LEAD = (
    "A search for ancient microbial life began on Thursday when the Perseverance rover of NASA, "
    "the most advanced laboratory sent to the Red Planet, landed in a vast crater on another "
    "world after streaking safely through the Martian atmosphere."
)


def test_a_spun_one_sentence_brief_joins_its_source_but_another_lead_on_the_event_does_not() -> (
    None
):
    # the brief keeps the order of its source's lead with a word in four replaced; another
    # outlet's lead shares most of the names and facts in another order
    story, brief, other = _unpacked(ROVER), _unpacked(SPUN_BRIEF), _unpacked(OTHER_LEAD)
    assert verify_pair(0, 1, 5, story, brief).verdict == "reworded"
    assert verify_pair(0, 1, 5, brief, story).verdict == "reworded"
    assert not verify_pair(0, 1, 5, story, other).is_edge


def test_a_spun_one_sentence_brief_is_a_candidate_of_its_source() -> None:
    story = fingerprint(Article("story", ROVER))
    brief = fingerprint(Article("brief", SPUN_BRIEF))
    found = candidates([unpack(story.anchors), unpack(brief.anchors)], IndexSettings())
    assert [(a, b) for a, b, _ in found] == [(0, 1)]


def test_paywall_prompts_promotions_and_archive_disclaimers_are_furniture() -> None:
    furniture = [
        "Already have an account? Log in here »",
        "To continue reading, please subscribe:",
        "Monthly Digital Subscription",
        "- Enjoy unlimited reading on example.com",
        "- Read the E-Edition, our digital replica newspaper",
        "*Billed as $4.00 plus tax every four weeks. Cancel any time.",
        "This archived news story is available only for your personal, non-commercial use. "
        "Information in the story may be outdated or superseded by additional information. "
        "Reading or replaying the story in its archived form does not constitute a republication "
        "of the story.",
        "Your support helps us to tell the story Read more Support Now From reproductive rights to "
        "climate change to Big Tech, the paper is on the ground when the story is developing. "
        "Whether it is investigating the financials of a campaign or producing our latest "
        "documentary, we know how important it is to parse out the facts from the messaging. "
        "Your support makes all the difference. Read more",
    ]
    story = [
        "Officials on the Hawaiian island of Maui have lifted evacuation orders for residents "
        "living near a wildfire that broke out late Tuesday, after police went door-to-door "
        "evacuating residents and emergency sirens sounded before firefighters stopped the "
        "blaze's forward progress near the north shore town, where many homes are wooden and "
        "the brush around them has been dry for weeks, officials said at a news conference.",
        "The streaming service raised the price of its monthly subscription for new customers.",
    ]
    assert [line for line in furniture if not is_furniture(line)] == []
    assert [line for line in story if is_furniture(line)] == []


EARLY_WRITE = (
    "The country is engaged in a war against extremist ideology and more militant attacks on its "
    "soil are likely, the interior minister said on Friday. "
    "The minister was speaking a day after a knife-wielding attacker beheaded a woman and killed "
    "two other people in a church in the port city before being shot by police and taken away. "
    "A judicial source said a 47-year-old man had been taken into custody on Thursday evening on "
    "suspicion of having been in contact with the perpetrator. "
    "The chief anti-terrorism prosecutor said the suspect had arrived by boat a month earlier. "
    "Security sources named the suspected attacker and said he had entered the city by train."
)
LATER_WRITE = (
    "The interior minister said on Friday more militant attacks on the country's soil were "
    "likely and it was engaged in a war against extremist ideology after the second deadly knife "
    "attack in two weeks. "
    "The minister was speaking a day after an assailant beheaded a woman and killed two other "
    "people in a church in the port city. "
    "He is now in critical condition in a hospital, officials said. "
    "The president has deployed thousands of soldiers to protect places of worship and schools. "
    "The attack came at a time of swelling anger abroad at the government's defence of the right "
    "to publish cartoons of the prophet."
)
OTHER_AGENCY = (
    "A war against extremist ideology is under way, the interior minister warned on Friday, "
    "likely to bring more militant attacks to the country's soil. "
    "In the port city a church was attacked by a man with a knife who killed two other people "
    "and beheaded a woman before police shot him and a day later the minister was speaking. "
    "Prosecutors opened a terrorism inquiry and the mayor called for calm. "
    "Bishops ordered church bells rung at noon across the country in memory of the victims. "
    "Police have increased patrols near schools and synagogues in the region."
)


def test_a_later_write_keeping_the_top_joins_but_the_same_facts_in_another_order_do_not() -> None:
    # the later write keeps the first two sentences (reworded in places, phrases in order), then
    # goes on differently: only two of five sentences match, under the share of rewording;
    # another agency's story has the same facts at its top, in another order
    early, later, other = _unpacked(EARLY_WRITE), _unpacked(LATER_WRITE), _unpacked(OTHER_AGENCY)
    assert verify_pair(0, 1, 5, early, later, NO_VERBATIM).verdict == "reworded"
    assert verify_pair(0, 1, 5, later, early, NO_VERBATIM).verdict == "reworded"
    assert not verify_pair(0, 1, 5, early, other, NO_VERBATIM).is_edge
    assert not verify_pair(0, 1, 5, later, other, NO_VERBATIM).is_edge


def test_the_pile_groups_a_spun_brief_and_a_later_write_with_their_stories() -> None:
    articles = [
        Article("rover", ROVER, outlet="Wire"),
        Article("brief", SPUN_BRIEF, outlet="Spinner"),
        Article("other-lead", OTHER_LEAD, outlet="Other"),
        Article("early", EARLY_WRITE, outlet="Agency"),
        Article("later", LATER_WRITE, outlet="Paper"),
        Article("other-agency", OTHER_AGENCY, outlet="Rival"),
    ]
    grouping, _ = group(articles, LocalEngine(1))
    ids = [article.id for article in grouping.articles]
    stories = sorted(sorted(ids[i] for i in story.articles) for story in grouping.stories)
    assert stories == [["brief", "rover"], ["early", "later"]]
