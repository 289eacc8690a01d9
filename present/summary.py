"""Per-document figures for the summary panel (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from wirediff.core.model import Collation, Flag, Kind


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
    base = collation.documents[collation.base]
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
        links = comparison.links
        summaries.append(
            DocumentSummary(
                document=index,
                name=document.label,
                title=document.title,
                is_base=False,
                similarity=comparison.similarity,
                base_reused=comparison.base_reused,
                identical=sum(1 for link in links if link.kind is Kind.IDENTICAL),
                reworded=sum(1 for link in links if link.kind is Kind.REWORDED),
                moved=sum(1 for link in links if link.moved),
                added=sum(1 for j in comparison.added if document.sentences[j].counts),
                omitted=sum(1 for i in comparison.omitted if base.sentences[i].counts),
                flags=tuple(
                    (flag, sum(1 for link in links if flag in link.flags)) for flag in Flag
                ),
            )
        )
    return tuple(summaries)
