"""Chunked work on any :class:`concurrent.futures.Executor` (process pools, Dask, or none at all).

Long enumerations split their work into independent chunks and hand them to
an executor.  Everything here relies only on ``executor.submit(fn, *args)``
returning an object with ``.result()`` and ``.cancel()``, which is what a
:class:`~concurrent.futures.ProcessPoolExecutor`, a
:class:`~concurrent.futures.ThreadPoolExecutor`, Dask's
``distributed.Client.get_executor()`` and ``distributed.Client`` itself
provide.  Results come back in input order, so a parallel run yields exactly
what the serial run yields.  At most ``max_pending`` chunks are in flight at
once, which keeps memory flat on long streams; on Ctrl-C the pending chunks
are cancelled before the :class:`KeyboardInterrupt` propagates.

Functions sent to a process pool or a cluster must be importable by name
(defined at module top level) and their arguments picklable.

Examples
--------
>>> from concurrent.futures import ThreadPoolExecutor
>>> with ThreadPoolExecutor(2) as pool:
...     list(map_chunked(abs, range(-3, 3), executor=pool, chunk_size=2))
[3, 2, 1, 0, 1, 2]
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from itertools import islice

from ._progress import progress_bar

__all__ = ["chunks", "map_chunked", "worker_count"]


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last one possibly shorter).

    Examples
    --------
    >>> list(chunks(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    if not isinstance(size, int) or size < 1:
        raise ValueError(f"chunk size must be a positive int, not {size!r}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def worker_count(executor: Executor | None) -> int:
    """How many workers ``executor`` has, as far as can be told (1 for ``None``).

    Reads ``_max_workers`` (concurrent.futures pools) or the thread count of a
    Dask client's workers; falls back to the number of CPUs.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(3) as pool:
    ...     worker_count(pool)
    3
    >>> worker_count(None)
    1
    """
    if executor is None:
        return 1
    workers = getattr(executor, "_max_workers", None)
    if isinstance(workers, int) and workers > 0:
        return workers
    client = getattr(executor, "_client", executor)
    nthreads = getattr(client, "nthreads", None)
    if callable(nthreads):
        try:
            return max(1, sum(nthreads().values()))
        except Exception:  # a client that cannot answer: fall back to the CPU count
            pass
    return os.cpu_count() or 1


def _apply(function: Callable, chunk: list) -> list:
    return [function(item) for item in chunk]


def map_chunked(
    function: Callable,
    items: Iterable,
    *,
    executor: Executor | None = None,
    chunk_size: int | None = None,
    max_pending: int | None = None,
    progress: bool = False,
    desc: str = "chunks",
) -> Iterator:
    """``map(function, items)`` computed chunk by chunk on ``executor``; results in input order.

    Parameters
    ----------
    function : callable
        Applied to every item; must be picklable for a process pool or a cluster.
    items : iterable
        Consumed lazily, ``max_pending`` chunks ahead of the results.
    executor : concurrent.futures.Executor, optional
        Anything with ``submit``; ``None`` runs serially in this process.
    chunk_size : int, optional
        Items per task (default 64).
    max_pending : int, optional
        Chunks in flight at once (default 4 per worker).
    progress : bool, optional
        Show a bar counting finished items.
    desc : str, optional
        Label of the progress bar.

    Yields
    ------
    function(item) for every item, in the order of ``items``.

    Raises
    ------
    ValueError
        A non-positive ``chunk_size`` or ``max_pending``.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     sum(map_chunked(pow, [], executor=pool))
    0
    >>> list(map_chunked(str, [1, 2, 3], chunk_size=2))
    ['1', '2', '3']

    Notes
    -----
    An exception raised by ``function`` in a worker is re-raised here when its
    chunk's turn comes, after cancelling the chunks still pending.
    """
    size = 64 if chunk_size is None else chunk_size
    blocks = chunks(items, size)
    with progress_bar(progress, desc=desc, unit="item") as bar:
        if executor is None:
            for block in blocks:
                results = _apply(function, block)
                bar.update(len(results))
                yield from results
            return
        window = max_pending if max_pending is not None else 4 * worker_count(executor)
        if not isinstance(window, int) or window < 1:
            raise ValueError(f"max_pending must be a positive int, not {window!r}")
        pending: deque = deque()
        try:
            for block in blocks:
                pending.append(executor.submit(_apply, function, block))
                if len(pending) >= window:
                    results = pending.popleft().result()
                    bar.update(len(results))
                    yield from results
            while pending:
                results = pending.popleft().result()
                bar.update(len(results))
                yield from results
        finally:
            for future in pending:
                future.cancel()
