"""The Dask engine gives the same stories as the local one (a LocalCluster of two workers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirediff.corpus import DaskEngine, LocalEngine, group, read_pile

from .corpus_pile import write_jsonl

pytest.importorskip("dask.distributed")


@pytest.mark.parametrize("processes", [False, True])
def test_dask_and_local_give_identical_stories(tmp_path: Path, processes: bool) -> None:
    pile = str(write_jsonl(tmp_path))
    local, _ = group(read_pile([pile]), LocalEngine(1))
    engine = DaskEngine(workers=2, processes=processes)
    try:
        assert engine.workers == 2
        distributed, _ = group(read_pile([pile]), engine)
    finally:
        engine.close()
    assert distributed.stories == local.stories
    assert distributed.pairs == local.pairs
    assert distributed.variant_of == local.variant_of
    assert len(distributed.stories) == 1
