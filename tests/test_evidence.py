"""Evidence for every mark: what each flag changed, and why each link was made."""

from __future__ import annotations

import json

from wirediff.core import collate, load_documents
from wirediff.core.flags import (
    attribution_changes,
    name_changes,
    number_changes,
    numbers,
    quote_changes,
    quote_words,
)
from wirediff.core.load import bundled_seeds, document_from_text
from wirediff.core.model import Flag, FlagNote, Kind
from wirediff.core.words import content_terms
from wirediff.reports.json_report import to_dict


def test_number_notes_pair_the_same_value() -> None:
    notes = number_changes(
        "Japan hosts around 54,000 US troops and spent $14.9-billion.",
        "Japan hosts nearly 54,000 US troops and spent $14.9 billion on Friday.",
    )
    assert [note.text for note in notes] == ["around 54,000 -> nearly 54,000", "+Friday"]
    assert notes[0] == FlagNote(Flag.NUMBER_CHANGED, "around 54,000", "nearly 54,000")


def test_quote_notes_show_the_words_that_changed() -> None:
    base = quote_words("The intention is to present a win-win value proposition")
    other = quote_words("The goal is to present a win-win proposition")
    notes = quote_changes([base], [other], frozenset(other), frozenset(base))
    assert [note.text for note in notes] == ['"intention" -> "goal"', '-"value"']
    assert {note.flag for note in notes} == {Flag.QUOTE_ALTERED}
    dropped = quote_changes([base], [], frozenset(), frozenset(base))
    assert dropped == [
        FlagNote(Flag.QUOTE_DROPPED, '"the intention is to present a win-win value …"', "")
    ]


def test_name_notes_name_the_person_as_written() -> None:
    notes = name_changes(
        "It needs new sources, Sheila Smith, senior fellow at the Council on Foreign Relations, "
        "told AFP.",
        "It needs new sources, an analyst said.",
    )
    assert [note.text for note in notes] == [
        "-Sheila Smith",
        "-Council on Foreign Relations",
        "-AFP",
    ]
    titled = name_changes("Prime Minister Shigeru Ishiba's plan.", "The plan.")
    assert [note.text for note in titled] == ["-Shigeru Ishiba"]


def test_attribution_notes_show_verb_speaker_and_recipient() -> None:
    notes = attribution_changes("Smith told AFP.", "Smith stated to Agence France-Presse (AFP).")
    assert [note.text for note in notes] == [
        "Smith told AFP -> Smith stated to Agence France-Presse"
    ]
    assert attribution_changes("Smith said.", "Smith said.") == []


def _seed_collation():  # type: ignore[no-untyped-def]
    return collate(load_documents(bundled_seeds()), base="auto", all_pairs=True)


def test_every_flag_of_every_aligned_link_has_a_note_and_reworded_links_have_evidence() -> None:
    collation = _seed_collation()
    flagged = 0
    for comparison in collation.comparisons:
        base = collation.documents[comparison.base]
        other = collation.documents[comparison.other]
        for link in comparison.links:
            assert {note.flag for note in link.flag_notes} == set(link.flags)
            assert all(note.base or note.other for note in link.flag_notes)
            flagged += bool(link.flags)
            base_text = " ".join(base.sentences[i].text for i in link.base)
            other_text = " ".join(other.sentences[j].text for j in link.other)
            if link.kind is Kind.IDENTICAL:
                assert link.evidence is None
                continue
            evidence = link.evidence
            assert evidence is not None
            assert evidence.terms or evidence.names or evidence.numbers
            shared = content_terms(base_text) & content_terms(other_text)
            for word in evidence.terms:
                assert content_terms(word) <= shared, (word, base_text, other_text)
            for name in evidence.names:
                assert name in base_text
            for number in evidence.numbers:
                assert number in base_text and numbers(number).keys() <= numbers(other_text).keys()
    assert flagged > 20


def test_the_issue_examples_on_the_seeds() -> None:
    collation = _seed_collation()
    texts = {
        note.text
        for comparison in collation.comparisons
        for link in comparison.links
        for note in link.flag_notes
    }
    assert "around 54,000 -> nearly 54,000" in texts
    assert '"intention" -> "goal"' in texts
    assert "-Sheila Smith" in texts


def test_json_links_carry_notes_and_evidence() -> None:
    collation = _seed_collation()
    report = json.loads(json.dumps(to_dict(collation, "test")))
    for comparison, data in zip(collation.comparisons, report["comparisons"], strict=True):
        for link, item in zip(comparison.links, data["links"], strict=True):
            assert item["flag_notes"] == [
                {"flag": n.flag.value, "base": n.base, "other": n.other, "text": n.text}
                for n in link.flag_notes
            ]
            if link.evidence is None:
                assert item["evidence"] is None
            else:
                assert item["evidence"] == {
                    "terms": list(link.evidence.terms),
                    "names": list(link.evidence.names),
                    "numbers": list(link.evidence.numbers),
                }
    documents = report["documents"]
    assert {"outlet", "published", "url", "label", "fetched"} <= documents[0].keys()
    assert report["base_reason"] == collation.base_reason
    assert len(report["copied_from"]) == len(documents)


def test_reports_show_the_notes_and_why_links_were_made() -> None:
    from wirediff.reports import render

    collation = collate(load_documents(bundled_seeds()), base="auto")
    html = render(collation, "html", "test")
    assert '<span class="flag-note">around 54,000 -&gt; nearly 54,000</span>' in html
    assert '<span class="flag-note">&#34;intention&#34; -&gt; &#34;goal&#34;</span>' in html
    assert "score 0.75; shared: around 54,000, personnel" in html
    txt = render(collation, "txt", "test")
    assert "! NUM≠ around 54,000 -> nearly 54,000" in txt
    assert "why linked: score 0.75; shared: around 54,000" in txt
    md = render(collation, "md", "test")
    assert "NUM≠ around 54,000 -\\> nearly 54,000" in md  # ">" escaped for Markdown
    assert "Why linked: score 0.75; shared: around 54,000" in md


def test_quote_notes_keep_the_quote_as_written() -> None:
    """The README promises flag notes "as written": not '-"from ishiba to the president"'."""
    base = document_from_text(
        "'The goal is to present a win-win proposition from Ishiba to the president,' "
        "Sheila Smith told AFP.\n",
        "base.txt",
    )
    other = document_from_text(
        'Sheila Smith said Japan would present a "win-win value proposition" to Trump.\n',
        "other.txt",
    )
    [link] = collate([base, other]).comparisons[0].links
    quotes = [note.text for note in link.flag_notes if note.flag is Flag.QUOTE_ALTERED]
    assert '-"The goal is to present a"' in quotes
    assert '-"from Ishiba to the president"' in quotes
