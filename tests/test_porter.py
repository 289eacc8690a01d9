"""wirediff's copy of nltk's Porter stemmer stems every word as nltk does."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.porter import PorterStemmer

from wirediff.core import porter

ROOT = Path(__file__).resolve().parent.parent
NLTK = PorterStemmer()


def corpus_words() -> list[str]:
    """Every word of the seeds and the bench's passages."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append((ROOT / "bench" / "data" / "passages.txt").read_text(encoding="utf-8"))
    return sorted({word for text in texts for word in re.findall(r"[^\W\d_]+", text)})


def test_every_corpus_word_stems_as_nltk_stems_it() -> None:
    words = corpus_words()
    assert len(words) > 1500
    different = [(w, porter.stem(w), NLTK.stem(w)) for w in words if porter.stem(w) != NLTK.stem(w)]
    assert different == []


def test_hard_words_stem_as_nltk_stems_them() -> None:
    words = [
        "caresses",
        "ponies",
        "ties",
        "flies",
        "dies",
        "spied",
        "died",
        "agreed",
        "feed",
        "plastered",
        "motoring",
        "sing",
        "conflated",
        "troubled",
        "sized",
        "hopping",
        "tanned",
        "falling",
        "hissing",
        "fizzed",
        "failing",
        "filing",
        "happy",
        "sky",
        "skies",
        "enjoy",
        "relational",
        "conditional",
        "rational",
        "valenci",
        "digitizer",
        "radicalli",
        "formalli",
        "differentli",
        "analogousli",
        "vietnamization",
        "operator",
        "feudalism",
        "hopefulness",
        "sensibiliti",
        "triplicate",
        "formative",
        "electrical",
        "goodness",
        "revival",
        "allowance",
        "adoption",
        "communism",
        "bowdlerize",
        "probate",
        "rate",
        "cease",
        "controll",
        "roll",
        "dying",
        "innings",
        "news",
        "yyyyyy",
        "syzygy",
        "by",
        "AS",
        "Is",
        "analogi",
        "geologi",
        "hopefulli",
        "generously",
        "İstanbul",
    ]
    assert [porter.stem(w) for w in words] == [NLTK.stem(w) for w in words]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdefghilmnoprstuvyz", min_size=1, max_size=14))
def test_any_word_stems_as_nltk_stems_it(word: str) -> None:
    assert porter.stem(word) == NLTK.stem(word)
