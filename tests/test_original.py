"""The original and its copies: --base auto picks the version the others reproduce word for word."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wirediff.core import collate, document_from_text, load_documents
from wirediff.core.load import bundled_seeds
from wirediff.core.model import Document
from wirediff.core.original import (
    copied_from,
    credited_outlets,
    measure_reuse,
    order_moment,
    outlet_agency,
    pick_original,
    rank_originals,
)

ORIGINAL = [
    "Japanese Prime Minister Shigeru Ishiba on Thursday left for the United States ahead of what "
    "will be President Donald Trump's second summit with a foreign leader since his return to the "
    "White House.",
    "Japan is one of the closest allies of the United States in Asia with around 54,000 US "
    "military personnel stationed in the country.",
    "Ishiba will be pushing for reassurance on the importance of the US-Japan alliance, as "
    "Trump's \"America First\" agenda risks encroaching on the nations' trade and defence ties.",
    '"It would be wonderful if we could affirm that we will work together for the development '
    'this region and the world and for peace," Ishiba told reporters in Tokyo before leaving.',
    "Japan's Nikkei newspaper said Thursday the pair will issue a joint statement, which could "
    'vow to build a "golden age" of bilateral relations.',
    "Ishiba is expected to tell Trump that Japan will increase defence purchases from the United "
    "States, the Nikkei said.",
    "Ishiba may also propose importing more US natural gas, chiming with Trump's plan to "
    '"drill, baby, drill" while boosting energy security for resource-poor Japan.',
    "Since Japan has cut its liquefied natural gas imports from Russia, it needs to open up new "
    "sources of energy, Sheila Smith, senior fellow at the Council on Foreign Relations, told AFP.",
    '"The intention is to present a win-win value proposition from Ishiba to the president," '
    "she said.",
    "Trump will meet Ishiba in Washington on Friday, just days after a joint press conference "
    "with Israeli Prime Minister Benjamin Netanyahu.",
]
OWN = [
    "Local business leaders in Osaka said they hoped the summit would calm currency markets.",
    "The yen weakened slightly against the dollar in morning trading in Tokyo on Thursday.",
    "Opposition lawmakers criticised the trip as hastily prepared and short on substance.",
    "Analysts at a Tokyo think tank expect tariffs to dominate the agenda behind closed doors.",
]
REWRITE = [
    "Japan's leader Shigeru Ishiba is flying to Washington for talks with Donald Trump.",
    "The two men are set to discuss security, trade and the cost of stationing American troops.",
    "Tokyo hopes to avoid the tariffs that Trump has threatened against allies and rivals alike.",
    "Energy could be a bargaining chip, with Japan signalling interest in buying American gas.",
    "Observers say a warm personal rapport matters as much as any formal agreement.",
]


def _doc(path: str, sentences: list[str], published: str = "") -> Document:
    return replace(document_from_text("\n\n".join(sentences) + "\n", path), published=published)


def _known_set(dated: bool) -> tuple[tuple[Document, ...], int]:
    """One original, edited copies (trimmed, extended, altered, reordered) and a rewrite."""
    edited = list(ORIGINAL)
    edited[1] = edited[1].replace("around 54,000", "nearly 54,000")
    edited[8] = edited[8].replace("The intention", "The goal")
    edited[3] = edited[3].replace("told reporters", "said")
    reordered = [ORIGINAL[k] for k in (0, 4, 5, 1, 2, 3, 6, 9)]
    stamp = (lambda value: value) if dated else (lambda value: "")
    documents = (
        _doc("extended.txt", ORIGINAL[:9] + OWN[:2], stamp("2025-02-06T11:00:00+00:00")),
        _doc("rewrite.txt", REWRITE, stamp("2025-02-05T22:00:00+00:00")),
        _doc("altered.txt", edited[:9], stamp("2025-02-06T13:30:00+00:00")),
        _doc("original.txt", ORIGINAL, stamp("2025-02-06T08:00:00+00:00")),
        _doc("trimmed.txt", ORIGINAL[:5], stamp("2025-02-06T09:15:00+00:00")),
        _doc("reordered.txt", reordered + OWN[2:], stamp("2025-02-07T10:00:00+00:00")),
    )
    return documents, 3


@pytest.mark.parametrize("dated", [True, False])
def test_auto_base_finds_the_known_original(dated: bool) -> None:
    documents, original = _known_set(dated)
    assert max(documents, key=lambda d: d.body_chars).path != "original.txt"  # not the longest
    collation = collate(documents, base="auto")
    assert collation.base == original
    assert collation.base_is_guess
    assert "reproduce its sentences word for word" in collation.base_reason
    if dated:
        assert "earliest date (2025-02-06 08:00)" in collation.base_reason
    assert "\n" not in collation.base_reason


def test_copies_point_to_an_earlier_version_with_their_share() -> None:
    documents, original = _known_set(dated=True)
    guesses = copied_from(documents)
    by_path = {d.path: guess for d, guess in zip(documents, guesses, strict=True)}
    assert by_path["original.txt"] is None
    assert by_path["rewrite.txt"] is None  # shares no wording with anyone
    trimmed = by_path["trimmed.txt"]
    assert trimmed is not None and trimmed.source == original and trimmed.share == 1.0
    assert trimmed.reason.startswith("published 1 h after it; 100% of its text word for word")
    altered = by_path["altered.txt"]
    # The altered copy is closest to the extended copy published before it (it also stops at
    # the ninth sentence), and holds nearly all its text word for word either way.
    assert altered is not None and altered.source in (original, 0) and altered.share > 0.85
    reordered = by_path["reordered.txt"]
    assert reordered is not None and 0.7 < reordered.share < 0.9
    assert documents[reordered.source].published < documents[-1].published


@pytest.mark.parametrize(
    ("original_date", "copy_date", "said"),
    [
        ("2025-02-06", "2025-02-06T14:30:00+00:00", "published the same day; "),
        ("2025-02-06T14:30:00+00:00", "2025-02-06", "published the same day; "),
        ("2025-02-06", "2025-02-07T09:00:00+00:00", "published the next day; "),
        ("2025-02-06T23:00:00+00:00", "2025-02-09", "published 3 days after it; "),
        ("2025-02-06T08:00:00+00:00", "2025-02-06T09:15:00+00:00", "published 1 h after it; "),
    ],
)
def test_a_bare_date_gives_no_hours(original_date: str, copy_date: str, said: str) -> None:
    """A date without a time is not midnight: "published 14 h after it" was said of a copy
    timed 14:30 and an original whose manifest gave only its day."""
    documents = (
        _doc("original.txt", ORIGINAL, original_date),
        _doc("trimmed.txt", ORIGINAL[:5], copy_date),
    )
    guesses = copied_from(documents)
    guess = guesses[1]
    if original_date == "2025-02-06" and copy_date.startswith("2025-02-06T"):
        # for naming the original a bare date sorts after the times of its day (corpus mode: the
        # agency's timed story before the copies dated by day), so the timed trim is ranked first
        # and the full text is its copy; either way the reason gives no hours
        guess = guesses[0]
        assert guess is not None and guess.source == 1
        assert guess.reason.startswith(said)
        return
    assert guess is not None and guess.source == 0
    assert guess.reason.startswith(said + "100% of its text word for word")


def test_without_dates_a_copy_points_to_a_version_ranked_more_original() -> None:
    documents, original = _known_set(dated=False)
    ranked = [item.index for item in rank_originals(documents)]
    assert ranked[0] == original
    for index, guess in enumerate(copied_from(documents)):
        if guess is not None:
            assert ranked.index(guess.source) < ranked.index(index)


def test_an_independent_earlier_version_does_not_win_by_its_date() -> None:
    documents, original = _known_set(dated=True)
    ranked = rank_originals(documents)
    rewrite = next(item for item in ranked if item.index == 1)
    assert not rewrite.related and not rewrite.earliest
    assert ranked[0].index == original


def test_agency_credit_counts_for_a_related_version() -> None:
    first = _doc("a.txt", ["TOKYO (AFP) - " + ORIGINAL[0], *ORIGINAL[1:6]])
    second = _doc("b.txt", [ORIGINAL[0], *ORIGINAL[1:6]])
    index, reason = pick_original([second, first])
    assert index == 1
    assert "agency dateline or credit (AFP)" in reason


def test_reuse_counts_identical_and_near_identical_sentences() -> None:
    documents, original = _known_set(dated=False)
    reuse = measure_reuse(documents)
    altered = 2
    # nine sentences, three of them edited by a word or two: all still nearly identical
    assert reuse.reproduced[altered][original] == 9
    assert reuse.sentences[altered][original] == pytest.approx(1.0)
    assert reuse.phrases[altered][original] < 1.0
    assert reuse.reproduced[1][original] == 0  # the rewrite


def test_on_the_seeds_auto_picks_the_near_verbatim_afp_copy() -> None:
    documents = load_documents(bundled_seeds())
    collation = collate(documents, base="auto")
    assert documents[collation.base].name.startswith("001_")
    assert "agency dateline or credit (APP)" in collation.base_reason
    assert "2025-02-06" in collation.base_reason
    guesses = collation.copied_from
    assert len(guesses) == len(documents)
    assert guesses[collation.base] is None
    paraphrase = guesses[0]
    assert paraphrase is not None and paraphrase.source == collation.base


def test_collation_fills_copied_from_with_a_manual_base_too() -> None:
    documents, original = _known_set(dated=True)
    collation = collate(documents, base=0)
    assert collation.base == 0 and not collation.base_is_guess
    assert collation.base_reason == ""
    assert collation.copied_from[4] is not None and collation.copied_from[4].source == original


def test_a_bare_date_is_not_earlier_than_a_time_that_day() -> None:
    """A copy dated only by its day does not take "earliest" from the timed original."""
    original = _doc("afp.txt", ORIGINAL, "2025-02-06T07:30:00Z")
    copy = _doc("copy.txt", [*ORIGINAL, *OWN[:2]], "2025-02-06")
    index, reason = pick_original([copy, original])
    assert index == 1
    assert "earliest date (2025-02-06 07:30)" in reason
    assert order_moment("2025-02-06") > order_moment("2025-02-06T23:59:00+00:00")  # type: ignore[operator]
    assert order_moment("2025-02-06") < order_moment("2025-02-07T00:00:00Z")  # type: ignore[operator]
    assert order_moment("") is None and order_moment("someday") is None
    guess = copied_from([copy, original])[0]
    assert guess is not None and guess.source == 1
    assert guess.reason.startswith("published the same day")


def test_an_agency_as_the_outlet_is_a_credit() -> None:
    first = replace(_doc("a.txt", ORIGINAL[:6]), outlet="Agence France-Presse")
    second = replace(_doc("b.txt", ORIGINAL[:6]), outlet="Daily Planet")
    index, reason = pick_original([second, first])
    assert index == 1
    assert "published by AFP" in reason
    assert outlet_agency(" the Associated  Press ") == "AP"
    assert outlet_agency("Daily Planet") == ""


def test_versions_dated_before_another_are_no_evidence_for_it() -> None:
    """A write-through holds text the first write lacks, and its copies reproduce all of it; the
    copies made before it cannot have copied it, so their reuse counts for the first write only."""
    first = _doc("first.txt", ORIGINAL, "2025-02-06T07:30:00Z")
    update = _doc("update.txt", [*OWN, *REWRITE, *ORIGINAL[3:]], "2025-02-06T12:00:00Z")
    early = _doc("early.txt", [*ORIGINAL[:8], OWN[0]], "2025-02-06T08:00:00Z")
    late = [
        _doc(f"late{k}.txt", [*OWN, *REWRITE, *ORIGINAL[3:]], f"2025-02-0{7 + k}T10:00:00Z")
        for k in range(3)
    ]
    documents = [update, *late, first, early]
    reuse = measure_reuse(documents)
    ranked = rank_originals(documents, reuse)
    assert ranked[0].index == 4
    by_index = {item.index: item for item in ranked}
    assert by_index[0].sentences == pytest.approx(sum(reuse.sentences[j][0] for j in (1, 2, 3)))
    assert reuse.sentences[5][0] > 0.5  # the early copy's text is in the update, yet no support
    assert by_index[4].sentences == pytest.approx(
        sum(reuse.sentences[j][4] for j in (0, 1, 2, 3, 5))
    )


def test_the_agency_itself_wins_over_a_copy_carrying_its_credit() -> None:
    lines = ["TOKYO (AFP) - " + ORIGINAL[0], *ORIGINAL[1:6]]
    copy = replace(_doc("copy.txt", lines), outlet="Daily Planet")
    agency = replace(_doc("afp.txt", lines), outlet="AFP")
    index, reason = pick_original([copy, agency])
    assert index == 1
    assert "published by AFP" in reason


def test_the_outlet_a_reprint_credits_wins_over_its_earlier_date() -> None:
    """A reprint that names its source in a credit line ("Political reporter, BBC News") copied
    that outlet's page, even when the reprint's page carries an earlier (wrong) date."""
    own = replace(_doc("bbc.txt", ORIGINAL[:4], "2022-04-13"), outlet="BBC News")
    reprint = replace(
        _doc("reprint.txt", ["By Jennifer Scott", "Political reporter, BBC News", *ORIGINAL[1:6]]),
        outlet="prodrive.sk",
        published="2019-04-29",
    )
    index, reason = pick_original([reprint, own])
    assert index == 1
    assert "1 of the 1 other versions credit its outlet (BBC News)" in reason
    # a body sentence reporting what the outlet said is no credit
    quoting = replace(
        _doc(
            "quoting.txt",
            [
                "The figures were first reported by the BBC News website on Thursday.",
                *ORIGINAL[1:6],
            ],
        ),
        outlet="prodrive.sk",
        published="2019-04-29",
    )
    assert pick_original([quoting, own])[0] == 0
    assert credited_outlets([quoting, own]) == ((), ())
    assert credited_outlets([reprint, own]) == ((), (0,))
    guess = copied_from([reprint, own])[0]
    assert guess is not None and guess.source == 1
    assert guess.reason.startswith("dated 1080 days before it; credits its outlet (BBC News); ")


def test_bare_dates_a_day_apart_do_not_decide_the_original() -> None:
    """Pages dated by their day in their own time zones may be a day apart for the same hour:
    the agency's full text dated the 19th by a Malaysian paper is the original of two captions a
    US video site dated the 18th, which it holds word for word; the calendar still breaks ties."""
    full = _doc("star.txt", ["LOS ANGELES (Reuters) -", *ORIGINAL[:6]], "2021-02-19")
    captions = [
        _doc("video-a.txt", [ORIGINAL[0], ORIGINAL[1], OWN[0]], "2021-02-18"),
        _doc("video-b.txt", [ORIGINAL[0], ORIGINAL[2]], "2021-02-18"),
    ]
    documents = [*captions, full]
    index, reason = pick_original(documents)
    assert index == 2
    assert "no related version is dated more than a day before it (2021-02-19)" in reason
    guesses = copied_from(documents)
    assert guesses[2] is None
    assert all(guess is not None and guess.source == 2 for guess in guesses[:2])
    assert guesses[0] is not None and guesses[0].reason.startswith("dated the day before it; ")
    # two days apart, the dates are known to be in order: the earlier page is not a copy of it
    early = [replace(caption, published="2021-02-17") for caption in captions]
    assert pick_original([*early, full])[0] != 2
    # equal evidence a day apart: the earlier day wins
    one = _doc("one.txt", [*ORIGINAL[:3], *OWN[:2]], "2021-09-28")
    other = _doc("other.txt", [*ORIGINAL[:3], *OWN[2:]], "2021-09-27")
    assert pick_original([one, other])[0] == 1
