"""Every threshold of the aligner, by name, with its default: one frozen value to pass around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """The aligner's thresholds. Scores are on a 0-1 scale; counts are sentences or terms."""

    anchor_score: float = 0.5
    """A pair at least this similar is linked wherever it sits (and marked moved if it crosses).
    A rewrite moves single sentences about: "The accident occurred on U.S. Highway 20 near
    Henry's Lake ..." put second scores 0.53 with its place sentence lower down."""
    in_order_score: float = 0.34
    """A pair at least this similar is linked when it keeps the order between its anchors."""
    group_score: float = 0.40
    """A split or merge group of unlinked sentences needs this score."""
    candidates: int = 8
    """Sentences of the other version scored for each base sentence."""
    index_terms: int = 24
    """Rarest terms of a sentence used to look up candidates (a long sentence's partner may
    share only its commoner terms)."""
    max_postings: int = 100
    """Terms found in more sentences than this are too common to find candidates with."""
    gap_width: int = 6
    """Gaps between anchors up to this many sentences wide are scored exhaustively."""
    grow_alone_score: float = 0.3
    """An adjacent free sentence this similar to a group's other side joins the group."""
    part_cover: float = 0.6
    """A free neighbour whose best match is in a group joins it when it carries this share of
    the other side's content the group does not cover yet (a split's part judged on its own),"""
    part_terms: int = 2
    """... at least this many of those terms,"""
    part_drop: float = 0.2
    """... and the group's bag-of-words score falls by at most this much."""
    join_score: float = 0.2
    """A free sentence whose best match is in an adjacent group, this similar, joins it."""
    headline_score: float = 0.12
    """Headlines (or a headline and the other's lead) this similar are linked, once every other
    link is made, between versions of one story only."""
    related_links: int = 3
    """Versions with fewer links than this, or than ``related_share`` of the shorter version's
    sentences, are independent stories: links below ``unrelated_score`` are dropped."""
    related_share: float = 0.3
    """The share of the shorter version's sentences that versions of one story link."""
    one_story: bool = False
    """The versions are known to tell one story (corpus mode verified that they share narrative
    text): the aligner never treats them as independent stories, so a heavy rewrite's few links
    are kept rather than dropped below ``unrelated_score``."""
    unrelated_score: float = 0.8
    """Between independent stories only links this strong are kept (a sentence or quote both
    carry); two agencies' stories on one event share names and topic words, not facts."""
    standfirst_reach: int = 3
    """A summary line under the headline that repeats the lead (a PTI-style standfirst) is
    looked for this many sentences before the lead at most (titles, bylines between)."""
    standfirst_share: float = 0.6
    """... and, when the lead carries more than the summary (a dateline in front), the summary
    is at least this share of the lead's characters."""
    small_gap: int = 2
    """A gap between two links (or before the first) of at most this many free sentences on each
    side (a sentence linked elsewhere is not in the gap) is filled in order."""
    gap_score: float = 0.2
    """A pair in such a small gap needs this score (loose paraphrase keeps its place)."""
    wide_gap_score: float = 0.3
    """A pair in a wider gap between two links (up to ``gap_width`` free sentences a side) needs
    this score."""
    gap_group_score: float = 0.3
    """A one-to-two or two-to-one group in a gap between two links needs this score (and each
    of its two sentences must bring content the other lacks)."""
    copy_checks: int = 64
    """Links of a repeated sentence checked for a copy that keeps the order better (each check
    looks at every link once)."""
    title_mismatch: float = 0.75
    """Factor on the score of a headline or heading paired with running text."""
    small_weight: float = 6.0
    """Total term weight below which containment alone is not trusted (short sentences)."""
    character_check_score: float = 0.3
    """Pairs scoring above this on terms are also compared character by character."""
    character_ratio: float = 0.85
    """A character similarity at least this high lifts a pair's score to it (near-copies)."""
    part_share: float = 0.5
    """Each part of a merge must cover at least this share of the content the other part lacks."""
    grow_alone_drop: float = 0.05
    """A neighbour similar on its own may lower the group's score by at most this much."""
    belongs_drop: float = 0.1
    """A neighbour whose best match is in the group may lower its score by at most this much."""
    complete_covered: float = 0.5
    """A neighbour this much covered by the other side completes a group that gains ..."""
    complete_gain: float = 0.02
    """... more than this much score;"""
    complete_half_covered: float = 0.3
    """or a neighbour this much covered completes a group that gains ..."""
    complete_clear_gain: float = 0.08
    """... at least this much score."""


DEFAULT_SETTINGS = AlignSettings()
"""The settings wirediff uses unless told otherwise."""
