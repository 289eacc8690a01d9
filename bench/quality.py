"""Quality runs: the engine and the naive baseline on the seed labels and the synthetic set."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .gold import FLAGS, GoldCase
from .scoring import Counts, Mistake, Pred, prf, score_case
from .tables import Cell, table

if TYPE_CHECKING:
    from wirediff.core import Document

Aligner = Callable[["Document", "Document"], list[Pred]]
TARGET_SYNTHETIC, TARGET_SEEDS, TARGET_FLAG_P = 0.95, 0.90, 0.90
TARGET_WIRE = 0.96
TARGET_REWRITES = 0.80


@dataclass(slots=True)
class Evaluation:
    """Counts per system and case, and the engine's mistakes."""

    cases: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, Counts]] = field(default_factory=dict)
    mistakes: list[Mistake] = field(default_factory=list)

    def total(self, system: str) -> Counts:
        """All of one system's counts added up."""
        total = Counts()
        for counts in self.counts[system].values():
            total.add(counts)
        return total


def systems() -> dict[str, Aligner]:
    """The aligners compared: the engine first."""
    from .systems import baseline_preds, engine_preds

    return {"wirediff": engine_preds, "baseline": baseline_preds}


def evaluate(cases: Sequence[GoldCase], aligners: dict[str, Aligner]) -> Evaluation:
    """Run every aligner on every case and score it."""
    from .systems import documents

    result = Evaluation(cases=[c.name for c in cases])
    for name in aligners:
        result.counts[name] = {}
    for case in cases:
        base, other = documents(case)
        spans = (
            [(s.start, s.end) for s in base.sentences],
            [(s.start, s.end) for s in other.sentences],
        )
        texts = (_labelled(base), _labelled(other))
        for name, aligner in aligners.items():
            first = name == next(iter(aligners))
            counts, mistakes = score_case(
                case, *spans, aligner(base, other), *(texts if first else ((), ()))
            )
            result.counts[name][case.name] = counts
            result.mistakes += mistakes
    return result


def _labelled(document: Document) -> list[str]:
    """Sentence texts for the error list, marked when the engine took them for page furniture."""
    return [
        f"[{s.role.value}] {s.text}" if s.role.value == "boilerplate" else s.text
        for s in document.sentences
    ]


def shape_table(title: str, evaluations: dict[str, Evaluation]) -> str:
    """Recall of gold pairs by the shape of their gold link (splits and merges), per set."""
    names = list(next(iter(evaluations.values())).counts)
    headers = ["set", "shape", "gold"] + [f"{n} R" for n in names]
    rows: list[list[Cell]] = []
    for label, ev in evaluations.items():
        engine = ev.total(names[0])
        for shape in ("split", "merge", "many"):
            gold = engine.shape_tp[shape] + engine.shape_fn[shape]
            if not gold:
                continue
            row: list[Cell] = [label, shape, gold]
            for n in names:
                c = ev.total(n)
                row.append(c.shape_tp[shape] / gold)
            rows.append(row)
    return table(title, headers, rows)


def _rates(c: Counts) -> list[Cell]:
    p, r, f = prf(c.tp, c.fp, c.fn)
    kind = c.kind_ok / c.kind_n if c.kind_n else None
    return [p, r, f, kind]


def pair_table(title: str, ev: Evaluation, target: float) -> str:
    """P/R/F1 and kind accuracy per case and in total, for every system."""
    names = list(ev.counts)
    headers = ["case", "gold"] + [f"{n} {m}" for n in names for m in ("P", "R", "F1", "kind")]
    rows: list[list[Cell]] = []
    for case in ev.cases:
        gold = ev.counts[names[0]][case]
        row: list[Cell] = [case, gold.tp + gold.fn]
        rows.append(row + [x for n in names for x in _rates(ev.counts[n][case])])
    total = ev.total(names[0])
    last: list[Cell] = ["ALL", total.tp + total.fn]
    rows.append(last + [x for n in names for x in _rates(ev.total(n))])
    return table(f"{title} (target link F1 >= {target:.2f})", headers, rows)


def flag_table(title: str, ev: Evaluation) -> str:
    """Per flag: gold count, precision and recall on the links each system found."""
    names = list(ev.counts)
    headers = ["flag", "gold"] + [f"{n} {m}" for n in names for m in ("P", "R")]
    rows: list[list[Cell]] = []
    for flag in [*FLAGS, "moved"]:
        engine = ev.total(names[0])
        gold = engine.flag_tp[flag] + engine.flag_fn[flag]
        row: list[Cell] = [flag, gold]
        for n in names:
            c = ev.total(n)
            p, r, _ = prf(c.flag_tp[flag], c.flag_fp[flag], c.flag_fn[flag])
            row += [p, r]
        rows.append(row)
    return table(f"{title} (target flag precision >= {TARGET_FLAG_P:.2f})", headers, rows)


def edit_table(title: str, ev: Evaluation, edits: Sequence[str]) -> str:
    """Per edit type: gold pairs, recall and precision of pairs touching it, unlinked share."""
    names = list(ev.counts)
    headers = ["edit", "gold"] + [f"{n} {m}" for n in names for m in ("R", "P", "unlinked")]
    rows: list[list[Cell]] = []
    for edit in ["none", *edits]:
        engine = ev.total(names[0])
        row: list[Cell] = [edit, engine.edit_tp[edit] + engine.edit_fn[edit]]
        for n in names:
            c = ev.total(n)
            p, r, _ = prf(c.edit_tp[edit], c.edit_fp[edit], c.edit_fn[edit])
            un = c.unlinked_ok[edit] / c.unlinked_n[edit] if c.unlinked_n[edit] else None
            row += [r, p, un]
        rows.append(row)
    note = "unlinked = share of added/omitted sentences the system left unlinked"
    return table(f"{title} ({note})", headers, rows)


def mistakes_text(mistakes: Sequence[Mistake], limit: int = 200) -> str:
    """The engine's missed and false links and wrong flags, with sentence texts."""
    lines = []
    for m in mistakes[:limit]:
        edits = f" [{','.join(m.edits)}]" if m.edits else ""
        lines.append(f"{m.what} {m.case}{edits}\n    base:  {m.base}\n    other: {m.other}")
    more = f"\n... and {len(mistakes) - limit} more" if len(mistakes) > limit else ""
    return "\n".join(lines) + more


def summary(ev: Evaluation) -> dict[str, Any]:
    """JSON-ready totals per system."""
    out: dict[str, Any] = {}
    for name in ev.counts:
        c = ev.total(name)
        p, r, f = prf(c.tp, c.fp, c.fn)
        flags = {}
        for flag in [*FLAGS, "moved"]:
            fp_, fr_, _ = prf(c.flag_tp[flag], c.flag_fp[flag], c.flag_fn[flag])
            flags[flag] = {
                "precision": fp_,
                "recall": fr_,
                "gold": c.flag_tp[flag] + c.flag_fn[flag],
            }
        out[name] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "kind_accuracy": c.kind_ok / c.kind_n if c.kind_n else None,
            "flags": flags,
            "per_case": {
                k: dict(zip(("precision", "recall", "f1", "kind"), _rates(v), strict=True))
                for k, v in ev.counts[name].items()
            },
        }
    return out
