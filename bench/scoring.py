"""Score predicted sentence links against gold: pair P/R/F1, kinds, flags, per edit type."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .gold import FLAGS, GoldCase, GoldLink

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pred:
    """One predicted link in engine sentence indexes."""

    base: tuple[int, ...]
    other: tuple[int, ...]
    kind: str = "reworded"
    flags: frozenset[str] = frozenset()
    moved: bool = False


@dataclass(slots=True)
class Counts:
    """Additive counts; every rate in the tables is computed from these."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind_ok: int = 0
    kind_n: int = 0
    flag_tp: Counter[str] = field(default_factory=Counter)
    flag_fp: Counter[str] = field(default_factory=Counter)
    flag_fn: Counter[str] = field(default_factory=Counter)
    edit_tp: Counter[str] = field(default_factory=Counter)
    edit_fn: Counter[str] = field(default_factory=Counter)
    edit_fp: Counter[str] = field(default_factory=Counter)
    unlinked_ok: Counter[str] = field(default_factory=Counter)
    unlinked_n: Counter[str] = field(default_factory=Counter)
    shape_tp: Counter[str] = field(default_factory=Counter)
    """Gold pairs found, by the shape of their gold link: ``one-to-one``, ``split``, ``merge``."""
    shape_fn: Counter[str] = field(default_factory=Counter)
    """Gold pairs missed, by the shape of their gold link."""

    def add(self, other: Counts) -> None:
        """Add another Counts into this one."""
        for name in ("tp", "fp", "fn", "kind_ok", "kind_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in (
            "flag_tp",
            "flag_fp",
            "flag_fn",
            "edit_tp",
            "edit_fn",
            "edit_fp",
            "unlinked_ok",
            "unlinked_n",
            "shape_tp",
            "shape_fn",
        ):
            getattr(self, name).update(getattr(other, name))


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 (None where undefined)."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return p, r, f


class Locator:
    """Maps character offsets to the index of the sentence whose span contains them."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __call__(self, offset: int) -> int:
        """The containing sentence, else the next one (offsets in the gaps between sentences)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.ends[k]:
            return k
        return min(k + 1, len(self.starts) - 1)


@dataclass(frozen=True, slots=True)
class Mistake:
    """A false or missed link or a wrong flag, with the sentence texts, for the error list."""

    case: str
    what: str
    """``MISSED`` (gold link not found), ``FALSE`` (link not in gold) or ``FLAG +x``/``FLAG -x``."""
    base: str
    other: str
    edits: tuple[str, ...] = ()


def link_shape(link: GoldLink) -> str:
    """``split`` (one base sentence, several others), ``merge``, ``many`` or ``one-to-one``."""
    if len(link.base) == 1:
        return "one-to-one" if len(link.other) == 1 else "split"
    return "merge" if len(link.other) == 1 else "many"


def score_case(
    case: GoldCase,
    base_spans: Sequence[tuple[int, int]],
    other_spans: Sequence[tuple[int, int]],
    preds: Iterable[Pred],
    base_texts: Sequence[str] = (),
    other_texts: Sequence[str] = (),
) -> tuple[Counts, list[Mistake]]:
    """Compare predictions with the case's gold; texts (optional) fill the mistake list."""
    at_base, at_other = Locator(base_spans), Locator(other_spans)
    preds = list(preds)
    gold_pairs: dict[Pair, int] = {}
    for k, link in enumerate(case.links):
        for b in link.base:
            for o in link.other:
                gold_pairs.setdefault((at_base(b), at_other(o)), k)
    pred_pairs: dict[Pair, int] = {}
    for k, pred in enumerate(preds):
        for i in pred.base:
            for j in pred.other:
                pred_pairs.setdefault((i, j), k)
    counts = Counts()
    counts.tp = len(gold_pairs.keys() & pred_pairs.keys())
    counts.fp = len(pred_pairs.keys() - gold_pairs.keys())
    counts.fn = len(gold_pairs.keys() - pred_pairs.keys())
    for pair, k in gold_pairs.items():
        shape = link_shape(case.links[k])
        if pair in pred_pairs:
            counts.shape_tp[shape] += 1
        else:
            counts.shape_fn[shape] += 1
    wrong_flags = _score_links(case, gold_pairs, pred_pairs, preds, counts)
    _score_edits(case, gold_pairs, pred_pairs, at_base, at_other, counts)
    mistakes = []
    if base_texts and other_texts:
        for (i, j), k in sorted(gold_pairs.items()):
            if (i, j) not in pred_pairs:
                edits = case.links[k].edits
                mistakes.append(Mistake(case.name, "MISSED", base_texts[i], other_texts[j], edits))
        for i, j in sorted(pred_pairs.keys() - gold_pairs.keys()):
            mistakes.append(Mistake(case.name, "FALSE", base_texts[i], other_texts[j]))
        for k, flag in wrong_flags:
            pairs = [p for p, g in gold_pairs.items() if g == k]
            base = " | ".join(base_texts[i] for i in sorted({i for i, _ in pairs}))
            other = " | ".join(other_texts[j] for j in sorted({j for _, j in pairs}))
            mistakes.append(Mistake(case.name, f"FLAG {flag}", base, other, case.links[k].edits))
    return counts, mistakes


def _score_links(
    case: GoldCase,
    gold_pairs: dict[Pair, int],
    pred_pairs: dict[Pair, int],
    preds: Sequence[Pred],
    counts: Counts,
) -> list[tuple[int, str]]:
    """Kind accuracy and flag counts over gold links that the prediction found at least partly.

    Returns the wrong flags as (gold link, ``+flag`` for a false one or ``-flag`` for a missed one).
    """
    wrong: list[tuple[int, str]] = []
    by_link: dict[int, list[Pair]] = {}
    for pair, k in gold_pairs.items():
        by_link.setdefault(k, []).append(pair)
    for k, link in enumerate(case.links):
        hit = {pred_pairs[p] for p in by_link.get(k, ()) if p in pred_pairs}
        if not hit:
            continue
        found = [preds[h] for h in sorted(hit)]
        if link.kind is not None:
            counts.kind_n += 1
            counts.kind_ok += found[0].kind == link.kind
        predicted = set().union(*(p.flags for p in found)) & set(FLAGS)
        if link.edits:
            predicted |= {"moved"} if any(p.moved for p in found) else set()
        gold = set(link.flags) | ({"moved"} if "reorder" in link.edits else set())
        for flag in predicted | gold:
            if flag in predicted and flag in gold:
                counts.flag_tp[flag] += 1
            elif flag in predicted:
                counts.flag_fp[flag] += 1
                wrong.append((k, "+" + flag))
            else:
                counts.flag_fn[flag] += 1
                wrong.append((k, "-" + flag))
    return wrong


def _score_edits(
    case: GoldCase,
    gold_pairs: dict[Pair, int],
    pred_pairs: dict[Pair, int],
    at_base: Locator,
    at_other: Locator,
    counts: Counts,
) -> None:
    """Per edit type: pair recall/precision, and how often added/omitted text stays unlinked."""
    if not any(link.edits for link in case.links):
        return
    other_edits: dict[int, set[str]] = {}
    base_edits: dict[int, set[str]] = {}
    for (i, j), k in gold_pairs.items():
        other_edits.setdefault(j, set()).update(case.links[k].edits)
        base_edits.setdefault(i, set()).update(case.links[k].edits)
    for offset, edit in zip(case.added, case.added_edits, strict=True):
        other_edits.setdefault(at_other(offset), set()).add(edit)
    for offset, edit in zip(case.omitted, case.omitted_edits, strict=True):
        base_edits.setdefault(at_base(offset), set()).add(edit)
    for pair, k in gold_pairs.items():
        for edit in case.links[k].edits:
            if pair in pred_pairs:
                counts.edit_tp[edit] += 1
            else:
                counts.edit_fn[edit] += 1
    for i, j in pred_pairs.keys() - gold_pairs.keys():
        for edit in other_edits.get(j, set()) | base_edits.get(i, set()):
            counts.edit_fp[edit] += 1
    linked_base = {i for i, _ in pred_pairs}
    linked_other = {j for _, j in pred_pairs}
    for offset, edit in zip(case.added, case.added_edits, strict=True):
        counts.unlinked_n[edit] += 1
        counts.unlinked_ok[edit] += at_other(offset) not in linked_other
    for offset, edit in zip(case.omitted, case.omitted_edits, strict=True):
        counts.unlinked_n[edit] += 1
        counts.unlinked_ok[edit] += at_base(offset) not in linked_base
