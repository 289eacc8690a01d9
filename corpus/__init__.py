"""Corpus mode: find every version of every story in a pile of articles.

Read a pile (``read_pile``), group it into stories (``group``) on all local cores or on Dask,
keep the results in a SQLite store that later runs add to, and rank a pile by how much of one
text each article reuses (``find``). Imports only ``wirediff.core`` and the standard library
(Dask and warcio when their extras are installed).
"""

from .engines import DaskEngine, LocalEngine, make_engine
from .model import (
    Article,
    Fingerprint,
    Grouping,
    Pair,
    Rejection,
    StageTime,
    Story,
    TermCounts,
)
from .original import pile_weights
from .pipeline import DEFAULT, Prior, Settings, group
from .read import Columns, read_pile

__all__ = [
    "DEFAULT",
    "Article",
    "Columns",
    "DaskEngine",
    "Fingerprint",
    "Grouping",
    "LocalEngine",
    "Pair",
    "Prior",
    "Rejection",
    "Settings",
    "StageTime",
    "Story",
    "TermCounts",
    "group",
    "make_engine",
    "pile_weights",
    "read_pile",
]
