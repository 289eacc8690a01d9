"""The Porter stemmer as nltk runs it by default (``PorterStemmer()``, ``NLTK_EXTENSIONS`` mode).

Ported from nltk 3.10's ``nltk/stem/porter.py`` (Apache License 2.0, Copyright (C) 2001-2026
NLTK Project, https://www.nltk.org; the licence is in ``core/data/nltk-LICENSE.txt``), keeping
only the default mode and adding types. Why a copy: importing ``nltk.stem.porter`` runs nltk's
package ``__init__``, which imports all of nltk (0.15-0.4 s) before a one-sentence report could
start; and a copy stems the same on every machine whatever nltk version is installed.
``tests/test_porter.py`` checks it against nltk word for word.

The algorithm: Porter, M. "An algorithm for suffix stripping." Program 14.3 (1980): 130-137.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Condition = Callable[[str], bool] | None
Rule = tuple[str, str, Condition]

_VOWELS = frozenset("aeiou")

_IRREGULAR = {
    "sky": ("sky", "skies"),
    "die": ("dying",),
    "lie": ("lying",),
    "tie": ("tying",),
    "news": ("news",),
    "inning": ("innings", "inning"),
    "outing": ("outings", "outing"),
    "canning": ("cannings", "canning"),
    "howe": ("howe",),
    "proceed": ("proceed",),
    "exceed": ("exceed",),
    "succeed": ("succeed",),
}
_POOL = {form: key for key, forms in _IRREGULAR.items() for form in forms}
"""Irregular forms and their stems (nltk's extension)."""


def stem(word: str) -> str:
    """The Porter stem of ``word``, lower-cased (what ``nltk``'s ``PorterStemmer().stem`` gives)."""
    lowered = word.lower()
    if lowered in _POOL:
        return _POOL[lowered]
    if len(word) <= 2:
        return lowered
    for step in (_step1a, _step1b, _step1c, _step2, _step3, _step4, _step5a, _step5b):
        lowered = step(lowered)
    return lowered


def _is_consonant(word: str, i: int) -> bool:
    """A letter other than a vowel, and other than a y after a consonant."""
    if word[i] in _VOWELS:
        return False
    if word[i] == "y":
        negate = False
        while i > 0 and word[i] == "y":
            negate = not negate
            i -= 1
        return (word[i] not in _VOWELS) != negate
    return True


def _consonant_flags(word: str) -> list[bool]:
    flags: list[bool] = []
    for i, char in enumerate(word):
        if char in _VOWELS:
            flags.append(False)
        elif char == "y":
            flags.append(True if i == 0 else not flags[i - 1])
        else:
            flags.append(True)
    return flags


def _measure(stem: str) -> int:
    """m in [C](VC){m}[V]: how many vowel-consonant runs ``stem`` has."""
    return "".join("c" if consonant else "v" for consonant in _consonant_flags(stem)).count("vc")


def _positive_measure(stem: str) -> bool:
    return _measure(stem) > 0


def _measure_over_1(stem: str) -> bool:
    return _measure(stem) > 1


def _contains_vowel(stem: str) -> bool:
    return not all(_consonant_flags(stem))


def _ends_double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _is_consonant(word, len(word) - 1)


def _ends_cvc(word: str) -> bool:
    """Consonant, vowel, consonant other than w, x or y (or vowel, consonant for two letters)."""
    return (
        len(word) >= 3
        and _is_consonant(word, len(word) - 3)
        and not _is_consonant(word, len(word) - 2)
        and _is_consonant(word, len(word) - 1)
        and word[-1] not in ("w", "x", "y")
    ) or (len(word) == 2 and not _is_consonant(word, 0) and _is_consonant(word, 1))


def _without(word: str, suffix: str) -> str:
    return word[: -len(suffix)] if suffix else word


def _apply_rules(word: str, rules: Sequence[Rule]) -> str:
    """The first rule whose suffix ends ``word`` decides: applied if its condition holds."""
    for suffix, replacement, condition in rules:
        if suffix == "*d" and _ends_double_consonant(word):
            stem = word[:-2]
            return stem + replacement if condition is None or condition(stem) else word
        if word.endswith(suffix):
            stem = _without(word, suffix)
            return stem + replacement if condition is None or condition(stem) else word
    return word


def _step1a(word: str) -> str:
    if word.endswith("ies") and len(word) == 4:
        return _without(word, "ies") + "ie"
    return _apply_rules(
        word, [("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)]
    )


def _step1b(word: str) -> str:
    if word.endswith("ied"):
        return _without(word, "ied") + ("ie" if len(word) == 4 else "i")
    if word.endswith("eed"):
        stem = _without(word, "eed")
        return stem + "ee" if _measure(stem) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _contains_vowel(_without(word, suffix)):
            stem = _without(word, suffix)
            break
    else:
        return word
    last = stem[-1]
    return _apply_rules(
        stem,
        [
            ("at", "ate", None),
            ("bl", "ble", None),
            ("iz", "ize", None),
            ("*d", last, lambda _: last not in ("l", "s", "z")),
            ("", "e", lambda rest: _measure(rest) == 1 and _ends_cvc(rest)),
        ],
    )


def _step1c(word: str) -> str:
    return _apply_rules(
        word, [("y", "i", lambda stem: len(stem) > 1 and _is_consonant(stem, len(stem) - 1))]
    )


_STEP2 = (
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("fulli", "ful"),
)


def _step2(word: str) -> str:
    if word.endswith("alli") and _positive_measure(_without(word, "alli")):
        return _step2(_without(word, "alli") + "al")
    rules: list[Rule] = [(suffix, to, _positive_measure) for suffix, to in _STEP2]
    rules.append(("logi", "log", lambda _: _positive_measure(word[:-3])))
    return _apply_rules(word, rules)


_STEP3: tuple[Rule, ...] = tuple(
    (suffix, to, _positive_measure)
    for suffix, to in (
        ("icate", "ic"),
        ("ative", ""),
        ("alize", "al"),
        ("iciti", "ic"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
    )
)


def _step3(word: str) -> str:
    return _apply_rules(word, _STEP3)


_STEP4: tuple[Rule, ...] = (
    *((suffix, "", _measure_over_1) for suffix in ("al", "ance", "ence", "er", "ic", "able")),
    *((suffix, "", _measure_over_1) for suffix in ("ible", "ant", "ement", "ment", "ent")),
    ("ion", "", lambda stem: _measure(stem) > 1 and stem[-1] in ("s", "t")),
    *((suffix, "", _measure_over_1) for suffix in ("ou", "ism", "ate", "iti", "ous", "ive")),
    ("ize", "", _measure_over_1),
)


def _step4(word: str) -> str:
    return _apply_rules(word, _STEP4)


def _step5a(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        if _measure(stem) > 1 or (_measure(stem) == 1 and not _ends_cvc(stem)):
            return stem
    return word


def _step5b(word: str) -> str:
    return _apply_rules(word, [("ll", "l", lambda _: _measure(word[:-1]) > 1)])
