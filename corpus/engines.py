"""Where the parallel stages run: all cores of this machine, or a dask.distributed cluster.

An engine maps a picklable top-level function over batches and returns the results in order;
each stage hands it a few large batches (thousands of articles or pairs), never millions of small
tasks. Both engines run the same functions on the same batches, so they give equal results.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from wirediff.core.errors import WirediffError

T = TypeVar("T")
R = TypeVar("R")
Tick = Callable[[int], None]
"""Called with the number of items of each finished batch."""


class Engine(Protocol):
    """Maps a function over batches; results in batch order."""

    name: str
    workers: int

    def map(
        self, function: Callable[[T], R], batches: Sequence[T], sizes: Sequence[int], tick: Tick
    ) -> list[R]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Worker processes on this machine (one per core by default); inline for one worker."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or len(os.sched_getaffinity(0)))
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            # start the workers now, while this process is small: a worker forked after the
            # pile has been read would carry (and count) a copy of it
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
            for started in [self._pool.submit(os.getpid) for _ in range(self.workers)]:
                started.result()

    def map(
        self, function: Callable[[T], R], batches: Sequence[T], sizes: Sequence[int], tick: Tick
    ) -> list[R]:
        if self.workers == 1 or len(batches) <= 1:
            results = []
            for batch, size in zip(batches, sizes, strict=True):
                results.append(function(batch))
                tick(size)
            return results
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        results = []
        for result, size in zip(self._pool.map(function, batches), sizes, strict=True):
            results.append(result)
            tick(size)
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _run_pickled(payload: bytes) -> bytes:
    """Run a pickled ``(function, batch)`` on a Dask worker; the result goes back pickled."""
    function, batch = pickle.loads(payload)
    return pickle.dumps(function(batch), protocol=pickle.HIGHEST_PROTOCOL)


class DaskEngine:
    """Tasks on a dask.distributed cluster: one at ``address``, else a LocalCluster started here."""

    name = "dask"

    def __init__(
        self, address: str | None = None, workers: int | None = None, processes: bool = True
    ) -> None:
        try:
            import dask.distributed
        except ImportError:
            raise WirediffError(
                "--engine dask needs dask.distributed: pip install 'wirediff[dask]'"
            ) from None
        self._cluster: Any = None
        self._direct: bool | None = None
        if address:
            try:
                self._client: Any = dask.distributed.Client(address, timeout="10s")  # type: ignore[no-untyped-call]
            except OSError as error:
                raise WirediffError(
                    f"{address}: cannot reach the Dask scheduler ({error})"
                ) from None
        else:
            count = max(1, workers or len(os.sched_getaffinity(0)))
            self._cluster = dask.distributed.LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=count,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            # the workers are on this machine: scatter and gather straight to and from them
            self._client = dask.distributed.Client(self._cluster, direct_to_workers=True)  # type: ignore[no-untyped-call]
            self._direct = True
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def map(
        self, function: Callable[[T], R], batches: Sequence[T], sizes: Sequence[int], tick: Tick
    ) -> list[R]:
        from dask.distributed import as_completed

        if not batches:
            return []
        workers = sorted(self._client.scheduler_info().get("workers", {})) or [None]
        done: Any = as_completed()  # type: ignore[no-untyped-call]
        position: dict[str, int] = {}
        for index, batch in enumerate(batches):
            # Each batch goes to a worker as one pickled block of bytes, sent straight to it, and
            # its task is submitted at once: the workers compute while the next batch is sent.
            # Dask's own serialisation of nested tuples, dicts and dataclasses and the hop through
            # the scheduler cost the driver about three times the CPU of the local engine's pipes.
            worker = workers[index % len(workers)]
            data = self._client.scatter(
                pickle.dumps((function, batch), protocol=pickle.HIGHEST_PROTOCOL),
                hash=False,
                workers=[worker] if worker else None,
                direct=self._direct,
            )
            future = self._client.submit(_run_pickled, data, pure=False)
            position[future.key] = index
            done.add(future)
            del data  # the task holds it; released with the task
        results: list[Any] = [None] * len(batches)
        for future in done:
            index = position[future.key]
            results[index] = pickle.loads(future.result())
            tick(sizes[index])
            future.release()
        return results

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(
    name: str, address: str | None = None, workers: int | None = None
) -> LocalEngine | DaskEngine:
    """The engine called ``name`` (``local`` or ``dask``)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(address, workers)
    raise WirediffError(f"{name}: unknown engine (use local or dask)")
