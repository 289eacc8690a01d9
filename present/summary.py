"""Counts per comparison and per version: the one counting function the app and reports share."""

from __future__ import annotations

from dataclasses import dataclass

from wirediff.core.model import Collation, Comparison, Flag, Kind


@dataclass(frozen=True, slots=True)
class Counts:
    """How one comparison breaks down: passages by kind, sentences omitted and added, flags."""

    identical: int = 0
    """Passages kept word for word in place (a moved identical passage counts as moved)."""
    reworded: int = 0
    """Passages whose words changed, moved or not."""
    moved: int = 0
    """Passages out of the base's order, reworded or not."""
    omitted: int = 0
    """Base sentences with no counterpart, page furniture left out."""
    added: int = 0
    """Sentences of the other version with no counterpart in the base, page furniture left out."""
    flags: tuple[tuple[Flag, int], ...] = ()
    """Passages carrying each flag, in ``Flag`` order."""

    @property
    def flagged(self) -> int:
        """Flags in all."""
        return sum(count for _, count in self.flags)


def count(collation: Collation, comparison: Comparison) -> Counts:
    """The figures of ``comparison``, as the app's summary panel and every report show them."""
    base = collation.documents[comparison.base]
    other = collation.documents[comparison.other]
    links = comparison.links
    return Counts(
        identical=sum(1 for link in links if link.kind is Kind.IDENTICAL and not link.moved),
        reworded=sum(1 for link in links if link.kind is Kind.REWORDED),
        moved=sum(1 for link in links if link.moved),
        omitted=sum(1 for i in comparison.omitted if base.sentences[i].counts),
        added=sum(1 for j in comparison.added if other.sentences[j].counts),
        flags=tuple((flag, sum(1 for link in links if flag in link.flags)) for flag in Flag),
    )


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """How one version compares with the base."""

    document: int
    name: str
    """The version's label: outlet and date, else a short file name."""
    title: str
    is_base: bool
    similarity: float | None
    """``Comparison.similarity``; None for the base itself."""
    base_reused: float | None
    """Share of the base's body text this version reuses; None for the base."""
    identical: int = 0
    """Passages kept word for word in place (see ``Counts``)."""
    reworded: int = 0
    """Links whose words changed."""
    moved: int = 0
    """Links out of the base's order."""
    added: int = 0
    """Body sentences with no counterpart in the base."""
    omitted: int = 0
    """Base body sentences with no counterpart here."""
    flags: tuple[tuple[Flag, int], ...] = ()
    """Links carrying each flag, in flag order."""

    @property
    def flagged(self) -> int:
        """Flags in all."""
        return sum(count for _, count in self.flags)


def summarize(collation: Collation) -> tuple[DocumentSummary, ...]:
    """One summary per document, in document order; the base has no figures."""
    summaries: list[DocumentSummary] = []
    for index, document in enumerate(collation.documents):
        comparison = collation.comparison(collation.base, index)
        if index == collation.base or comparison is None:
            summaries.append(
                DocumentSummary(
                    index, document.label, document.title, index == collation.base, None, None
                )
            )
            continue
        figures = count(collation, comparison)
        summaries.append(
            DocumentSummary(
                document=index,
                name=document.label,
                title=document.title,
                is_base=False,
                similarity=comparison.similarity,
                base_reused=comparison.base_reused,
                identical=figures.identical,
                reworded=figures.reworded,
                moved=figures.moved,
                added=figures.added,
                omitted=figures.omitted,
                flags=figures.flags,
            )
        )
    return tuple(summaries)
