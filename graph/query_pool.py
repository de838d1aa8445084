"""A pool of stoppable SPARQL worker processes sharing one read-only on-disk store.

pyoxigraph cannot interrupt a running query, so each query runs in a worker process
(:mod:`graph.query_worker`). One that outlives its time limit is killed, a spare worker started
beforehand takes its place at once, and a new spare starts in the background (two spares, so
two runaway queries stopped together are both replaced at once). With several
workers, a runaway query holds one of them and the others keep answering. Every worker opens the
same on-disk store with ``Store.read_only`` (:class:`graph.store.SharedStore`): no copy per worker.

Use :meth:`QueryPool.run`: a query text, a format name and optional time limit and dataset in,
a serialised :class:`graph.sparql.QueryOutcome` out.
"""

from __future__ import annotations

import logging
import os
import queue
import select
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from graph.sparql import QueryError, QueryOutcome, QueryTimeout, ResultTooLarge, check_query
from graph.store import QueryDataset, SharedStore

log = logging.getLogger("gyoryu.sparql")
#: The project root, put on the workers' ``PYTHONPATH`` so they import this very code.
_ROOT = Path(__file__).resolve().parent.parent
_ERRORS = {"QueryError": QueryError, "QueryTimeout": QueryTimeout, "ResultTooLarge": ResultTooLarge}
#: A query still running after this many seconds is slow: its worker yields the CPU to the others.
SLOW_AFTER = 0.2
#: The niceness a slow query's worker runs at (0 is normal; 19 the lowest priority).
SLOW_NICENESS = 10
#: Workers kept started beside the pool, to replace stopped ones without waiting for a process start.
SPARES = 2


class Worker:
    """One worker process and the two pipes to it."""

    def __init__(self, config: dict, startup_timeout: float) -> None:
        child_reads, to_child = os.pipe()
        from_child, child_writes = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")])),
               "OMP_NUM_THREADS": "1"}
        self.proc = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
            [sys.executable, "-m", "graph.query_worker", str(child_reads), str(child_writes)],
            pass_fds=(child_reads, child_writes), env=env, stdin=subprocess.DEVNULL)
        os.close(child_reads)
        os.close(child_writes)
        self.outbox = Connection(to_child, readable=False)
        self.inbox = Connection(from_child, writable=False)
        self._answer = select.poll()  # registered once, not a selector built for every wait
        self._answer.register(from_child, select.POLLIN)
        self.outbox.send(config)
        if not self.inbox.poll(startup_timeout):
            self.kill()
            raise RuntimeError(f"the SPARQL worker did not start within {startup_timeout:g} s")
        status, detail = self.inbox.recv()
        if status != "ready":
            self.kill()
            raise RuntimeError(f"the SPARQL worker failed to start: {detail}")
        self.pid: int = detail
        self.niceness = 0

    def ask(self, request: tuple, timeout: float) -> tuple[str, object] | None:
        """Send one query; its ``(status, payload)``, or ``None`` if it did not answer within ``timeout``.

        A query still running after :data:`SLOW_AFTER` seconds lowers its worker's CPU priority, so
        that cheap queries in the other workers are not slowed by a runaway one.
        """
        self.outbox.send(request)
        deadline = time.monotonic() + timeout
        if not self._answered(min(timeout, SLOW_AFTER)):
            self.renice(SLOW_NICENESS)
            if not self._answered(deadline - time.monotonic()):
                return None
        return self.inbox.recv()

    def _answered(self, seconds: float) -> bool:
        """Whether the worker answered (or closed its pipe) within ``seconds``."""
        return bool(self._answer.poll(max(seconds, 0.0) * 1000))

    def renice(self, niceness: int) -> bool:
        """Set the worker's niceness; ``False`` if not allowed (lowering it needs privileges)."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.pid, niceness)
        except (PermissionError, ProcessLookupError):
            return False
        self.niceness = niceness
        return True

    def kill(self) -> None:
        """Stop the process at once and close the pipes."""
        self.proc.kill()
        self.proc.wait(5)
        for conn in (self.outbox, self.inbox):
            conn.close()


class QueryPool:
    """``workers`` stoppable processes over the store of ``data_dir``; queries beyond ``timeout`` are stopped."""

    def __init__(self, data_dir: Path, *, workers: int = 3, timeout: float = 10.0, max_length: int = 20000,
                 max_results: int = 10000, store_setting: str = "oxigraph", startup_timeout: float = 60.0) -> None:
        if workers < 1:
            raise ValueError(f"a query pool needs at least one worker, not {workers}")
        self.size = workers
        self.timeout = timeout
        self.max_length = max_length
        self.startup_timeout = startup_timeout
        remote = store_setting.startswith(("http://", "https://"))
        if not remote and store_setting not in ("", "oxigraph"):
            raise ValueError(f"GYORYU_STORE={store_setting!r}: use 'oxigraph' or an http(s) SPARQL endpoint URL")
        self.shared = None if remote else SharedStore(Path(data_dir))
        self.config = {"store_dir": str(self.shared.path) if self.shared else None,
                       "endpoint": store_setting if remote else None, "timeout": timeout,
                       "max_results": max_results}
        #: Seconds from killing a stopped worker to a ready one taking its place, one entry per replacement.
        self.replacements: list[float] = []
        #: Free workers, the last one freed taken first: consecutive queries meet a worker whose caches (its store's
        #: blocks, its memory) are warm, instead of going round every worker in turn.
        self._idle: queue.LifoQueue[Worker] = queue.LifoQueue()
        #: A started worker kept aside, so a stopped one is replaced at once (not after a process start).
        self._spares: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._workers: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            started = self._start_many(workers + SPARES)
        except BaseException:
            self._release_store()
            raise
        for _ in range(SPARES):
            self._spares.put(started.pop())
        for worker in started:
            self._idle.put(worker)

    @classmethod
    def from_settings(cls, settings) -> QueryPool:
        """A pool configured by the settings (``GYORYU_SPARQL_WORKERS``, ``GYORYU_QUERY_TIMEOUT`` …)."""
        return cls(settings.data_dir, workers=settings.sparql_workers, timeout=settings.query_timeout,
                   max_length=settings.max_query_length, max_results=settings.max_results,
                   store_setting=settings.store)

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers (spares included)."""
        with self._lock:
            return sorted(w.pid for w in self._workers)

    def _start(self) -> Worker:
        worker = Worker(self.config, self.startup_timeout)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _start_many(self, count: int) -> list[Worker]:
        """Start ``count`` workers side by side (each takes a fraction of a second)."""
        results: list[Worker | BaseException] = []
        def start() -> None:
            try:
                results.append(self._start())
            except BaseException as exc:  # noqa: BLE001 - re-raised below
                results.append(exc)
        threads = [threading.Thread(target=start) for _ in range(count)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            for r in results:
                if isinstance(r, Worker):
                    self._discard(r)
            raise failures[0]
        return [r for r in results if isinstance(r, Worker)]

    def _discard(self, worker: Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.kill()

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` now and put a ready spare in its place; a new spare starts in the background."""
        began = time.perf_counter()
        self._discard(worker)
        try:
            spare = self._spares.get_nowait()
        except queue.Empty:  # more stopped at once than there are spares: this one waits for a fresh start
            self._start_in_background(self._idle, began)
            return
        self._idle.put(spare)
        self.replacements.append(time.perf_counter() - began)
        self._start_in_background(self._spares, None)

    def _start_in_background(self, target: queue.SimpleQueue[Worker] | queue.LifoQueue[Worker],
                             began: float | None) -> None:
        """Start a worker in a thread and put it into ``target`` (retrying while the store cannot be opened)."""
        def start() -> None:
            delay = 0.5
            while not self._closed:
                try:
                    fresh = self._start()
                except (RuntimeError, OSError) as exc:
                    if self._closed:
                        return
                    log.warning("could not start a SPARQL worker: %s; retrying", exc)
                    time.sleep(delay)
                    delay = min(delay * 2, 10.0)
                    continue
                if began is not None:
                    self.replacements.append(time.perf_counter() - began)
                if self._closed:
                    self._discard(fresh)
                else:
                    target.put(fresh)
                return

        threading.Thread(target=start, name="gyoryu-sparql-start", daemon=True).start()

    def run(self, text: str, fmt: str = "json", *, timeout: float | None = None,
            dataset: QueryDataset | None = None, base_iri: str | None = None,
            checked: bool = False) -> QueryOutcome:
        """Run one query in a free worker within ``timeout`` seconds (at most the pool's limit), waiting included.

        ``checked``: the caller already passed the query through :func:`graph.sparql.check_query` and held the
        user's text to the length limit (a query with search results inlined may be longer); otherwise the pool
        checks it here. The worker never checks it again. Raises :class:`QueryError` (bad query),
        :class:`ResultTooLarge` or :class:`QueryTimeout` (the worker was stopped, or none became free in time).
        """
        if not checked:
            check_query(text, self.max_length)
        limit = self.timeout if timeout is None else min(timeout, self.timeout)
        deadline = time.monotonic() + limit
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryTimeout(f"all {self.size} query workers stayed busy for {limit:g} s; try again") from None
        if deadline - time.monotonic() <= 0:
            self._idle.put(worker)
            raise QueryTimeout(f"no query worker became free within {limit:g} s; try again")
        try:
            left = deadline - time.monotonic()
            answer = worker.ask((text, fmt, dataset, base_iri, left), left)
        except (OSError, EOFError) as exc:
            self._replace(worker)
            raise QueryError(f"the query worker stopped: {exc}") from exc
        if answer is None:
            self._replace(worker)
            raise QueryTimeout(f"query stopped after {limit:g} s (limit: `timeout` parameter, at most "
                               f"GYORYU_QUERY_TIMEOUT = {self.timeout:g} s)")
        if worker.niceness and not worker.renice(0):
            self._replace(worker)  # it may not regain normal priority: the spare takes its place
        else:
            self._idle.put(worker)
        status, payload = answer
        if status == "ok":
            assert isinstance(payload, QueryOutcome)
            return payload
        raise _ERRORS.get(status, QueryError)(str(payload))

    def _release_store(self) -> None:
        if self.shared is not None:
            self.shared.close()

    def close(self) -> None:
        """Stop every worker and remove a temporary store."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._discard(worker)
        self._release_store()
