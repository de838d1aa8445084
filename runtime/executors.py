"""Where per-document build work runs: in this process, in local worker processes, or on a Dask cluster.

A task is a module-level function of one picklable item (a document, a chunk of passage texts); its
result must pickle too. :meth:`Executor.map` returns results **in the order of the items**, one at a
time as they are ready, so callers merge them exactly as a serial loop would and can report each.
A failed task raises :class:`WorkFailed` naming its item; the tasks not yet run are cancelled.
Imports no project code (workers unpickle tasks by module and name).

>>> with open_executor() as ex:
...     list(ex.map(abs, [-2, 3], labels=["a", "b"]))
[2, 3]
>>> with open_executor() as ex:
...     list(ex.map(int, ["1", "x"], labels=["one", "ex"]))
Traceback (most recent call last):
...
runtime.executors.WorkFailed: ex: ValueError: invalid literal for int() with base 10: 'x'
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import socket
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
#: The cluster setting that means this machine.
LOCAL = "local"
#: Seconds to wait for a Dask scheduler to answer before the build fails.
CONNECT_TIMEOUT_S = 10


class ExecutorError(RuntimeError):
    """The executor could not be started (Dask missing, scheduler unreachable, bad worker count)."""


class WorkFailed(RuntimeError):
    """A task failed: ``label`` names its item (a document id), the message its cause."""

    def __init__(self, label: str, cause: BaseException) -> None:
        super().__init__(f"{label}: {type(cause).__name__}: {cause}")
        self.label = label


class Executor(Protocol):
    """Maps a task over items; :attr:`workers` is how many run at once, :attr:`description` says where,
    :attr:`same_disk` whether tasks see this process's files."""

    workers: int
    description: str
    same_disk: bool

    def map(self, fn: Callable[[Any], T], items: Sequence[Any], labels: Sequence[str]) -> Iterator[T]:
        """``fn(item)`` for every item, yielded in item order; :class:`WorkFailed` names the first failure."""
        ...

    def close(self) -> None:
        """Release workers or the cluster connection."""
        ...


class SerialExecutor:
    """Every task in this process, one after another (the default)."""

    workers = 1
    description = "in this process"
    same_disk = True

    def map(self, fn: Callable[[Any], T], items: Sequence[Any], labels: Sequence[str]) -> Iterator[T]:
        for item, label in zip(items, labels, strict=True):
            try:
                result = fn(item)
            except Exception as exc:
                raise WorkFailed(label, exc) from exc
            yield result

    def close(self) -> None:
        return None


def _in_order(futures: list, labels: Sequence[str], cancel: Callable[[list], object]) -> Iterator[Any]:
    """Results of ``futures`` in order, each let go once read; on the first failure (or an abandoned loop)
    ``cancel`` the rest and name the failed item."""
    try:
        for n, label in enumerate(labels):
            try:
                result = futures[n].result()
            except Exception as exc:
                raise WorkFailed(label, exc) from exc
            futures[n] = None  # a cluster keeps a result while a future refers to it
            yield result
    finally:
        left = [f for f in futures if f is not None]
        if left:
            cancel(left)


def _limit_threads(threads: int) -> None:
    """Worker start-up: numeric libraries use ``threads`` threads unless the environment already says."""
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(name, str(threads))


class ProcessExecutor:
    """``workers`` local processes (started fresh, not forked: the parent may hold torch's threads)."""

    same_disk = True

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.description = f"in {workers} local worker processes"
        threads = max(1, (os.cpu_count() or 1) // workers)
        self._pool = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_limit_threads,
            initargs=(threads,))

    def map(self, fn: Callable[[Any], T], items: Sequence[Any], labels: Sequence[str]) -> Iterator[T]:
        futures = [self._pool.submit(fn, item) for item in items]
        return _in_order(futures, labels, lambda left: [f.cancel() for f in left])

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Tasks on the Dask cluster whose scheduler listens at ``address`` (``tcp://host:port``).

    Its workers need the same Gyoryu code and packages as this process (they import the tasks by name);
    they may run on other machines, so tasks get their data, not paths.
    """

    same_disk = False

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ExecutorError("a cluster address needs Dask: install the `cluster` extra "
                                "(pip install 'gyoryu[cluster]')") from exc
        try:
            self._client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except TimeoutError as exc:
            self._client.close()
            raise ExecutorError(f"the Dask scheduler at {address} has no workers "
                                f"(none joined within {CONNECT_TIMEOUT_S} s)") from exc
        self.workers = len(self._client.scheduler_info().get("workers", {}))
        self.description = f"on the Dask cluster at {address} ({self.workers} workers)"

    def map(self, fn: Callable[[Any], T], items: Sequence[Any], labels: Sequence[str]) -> Iterator[T]:
        futures = self._client.map(fn, list(items), pure=False) if items else []
        return _in_order(futures, labels, self._client.cancel)

    def close(self) -> None:
        self._client.close()


@contextmanager
def open_executor(cluster: str = LOCAL, workers: int = 1) -> Iterator[Executor]:
    """The Dask cluster whose scheduler is at ``cluster``, or for :data:`LOCAL` ``workers`` local processes
    (1: this process)."""
    if workers < 1:
        raise ExecutorError(f"workers must be at least 1, not {workers}")
    if cluster and cluster != LOCAL:
        executor: Executor = DaskExecutor(cluster)
    elif workers > 1:
        executor = ProcessExecutor(workers)
    else:
        executor = SerialExecutor()
    try:
        yield executor
    finally:
        executor.close()


_PER_WORKER: dict[Hashable, object] = {}
_PER_WORKER_LOCK = threading.Lock()
#: How many times :func:`per_worker` made each key in this process (a test reads it through a task).
made_count: dict[Hashable, int] = {}


def per_worker(key: Hashable, make: Callable[[], T]) -> T:
    """``make()`` once per process for ``key``: every later task on the same worker reuses it (a model, a registry)."""
    with _PER_WORKER_LOCK:
        if key not in _PER_WORKER:
            _PER_WORKER[key] = make()
            made_count[key] = made_count.get(key, 0) + 1
        return _PER_WORKER[key]  # type: ignore[return-value]


def chunks(items: Iterable[T], size: int) -> list[list[T]]:
    """``items`` cut into consecutive lists of at most ``size``.

    >>> chunks(range(5), 2)
    [[0, 1], [2, 3], [4]]
    """
    out: list[list[T]] = []
    for item in items:
        if not out or len(out[-1]) == size:
            out.append([])
        out[-1].append(item)
    return out


def worker_id() -> str:
    """``host:pid`` of the process running a task."""
    return f"{socket.gethostname()}:{os.getpid()}"
