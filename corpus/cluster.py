"""Stories from verified pairs: connected components, with hubs and oversized components split.

A variant that contains several otherwise unconnected groups of versions (a live blog, a news
round-up, a page carrying several stories) would chain unrelated stories into one; it is detached
and joins the group it is most strongly linked to. A component larger than ``max_size`` keeps only
its strongest edges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Pair


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Limits of clustering."""

    max_size: int = 5000
    """Components with more variants keep only edges at least ``strong`` strong."""
    strong: float = 0.8
    hub_group: int = 2
    """A hub separates at least two groups of at least this many variants."""
    max_hub_search: int = 400
    """Components larger than this are not searched for hubs (the search is quadratic)."""


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def _groups_without(
    node: int, members: Sequence[int], neighbours: dict[int, dict[int, float]]
) -> list[list[int]]:
    """The pieces ``members`` fall into once ``node`` is removed."""
    seen = {node}
    pieces = []
    for start in members:
        if start in seen:
            continue
        piece = [start]
        seen.add(start)
        stack = [start]
        while stack:
            current = stack.pop()
            for other in neighbours[current]:
                if other not in seen:
                    seen.add(other)
                    piece.append(other)
                    stack.append(other)
        pieces.append(sorted(piece))
    return pieces


def _split(
    members: list[int],
    neighbours: dict[int, dict[int, float]],
    sizes: Sequence[int],
    settings: ClusterSettings,
) -> list[list[int]]:
    """Detach hubs from one component; returns the resulting groups."""
    if len(members) < 2 * settings.hub_group + 1 or len(members) > settings.max_hub_search:
        return [members]
    for node in members:
        linked = neighbours[node]
        if len(linked) < 2 * settings.hub_group or any(sizes[o] >= sizes[node] for o in linked):
            continue
        pieces = _groups_without(node, members, neighbours)
        big = [piece for piece in pieces if len(piece) >= settings.hub_group]
        if len(big) < 2:
            continue
        best = max(pieces, key=lambda piece: (sum(linked.get(o, 0.0) for o in piece), -piece[0]))
        best.append(node)
        best.sort()
        for other in list(linked):
            if other not in best:
                del neighbours[node][other]
                del neighbours[other][node]
        out: list[list[int]] = []
        for piece in pieces:
            out.extend(_split(piece, neighbours, sizes, settings))
        return out
    return [members]


def cluster(
    size: int,
    pairs: Sequence[Pair],
    sizes: Sequence[int],
    settings: ClusterSettings = ClusterSettings(),
) -> list[list[int]]:
    """Groups of variants (each sorted), from the edges among ``pairs``.

    Args:
        size: number of variants.
        pairs: verified pairs; only edges count.
        sizes: per variant its length in words (a hub is longer than everything it links).
    """
    edges = [pair for pair in pairs if pair.is_edge]
    by_root: dict[int, list[Pair]] = {}
    found = _UnionFind(size)
    for pair in edges:
        found.union(pair.a, pair.b)
    for pair in edges:
        by_root.setdefault(found.find(pair.a), []).append(pair)
    members_of: dict[int, list[int]] = {}
    for node in range(size):
        members_of.setdefault(found.find(node), []).append(node)
    groups: list[list[int]] = []
    for root, members in members_of.items():
        if len(members) == 1:
            groups.append(members)
            continue
        large = len(members) > settings.max_size
        neighbours: dict[int, dict[int, float]] = {node: {} for node in members}
        for pair in by_root[root]:
            if not large or pair.weight >= settings.strong:
                neighbours[pair.a][pair.b] = pair.weight
                neighbours[pair.b][pair.a] = pair.weight
        for part in components_of(members, neighbours):
            groups.extend(_split(part, neighbours, sizes, settings))
    return sorted(groups, key=lambda group: group[0])


def components_of(
    members: Sequence[int], neighbours: dict[int, dict[int, float]]
) -> list[list[int]]:
    """Connected pieces of ``members`` under ``neighbours``."""
    return _groups_without(-1, members, neighbours)
