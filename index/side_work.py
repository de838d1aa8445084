"""Work a hybrid query does on the second core while the model embeds it.

The query's model run (ONNX Runtime on one intra-op thread, decision 0035) releases the GIL and keeps one core busy
for some 20 ms; the query's lexical side (Kiwi, BM25: a millisecond or two on a new question) does not need the
query vector. A :class:`SideWork` starts on a helper thread only when the model starts — the encoder calls
:meth:`SideWork.start` right before its run — so the helper never holds the GIL while the query is still on its way
to the model (a helper started earlier took the GIL whenever the tokenizer released it and held the model's start
up; decision 0040 gated it on the load average for that reason, decision 0049 removed the gate). When its result is
asked, work the helper has not begun yet (no core came free during the whole model run) is taken back and done in
place, as is work whose model never ran (a remembered vector, an engine without the hook, a single core): the query
never waits for a helper that has not started, and the answer is the same either way.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

T = TypeVar("T")
#: Helper threads a process keeps (hybrid queries served at once).
THREADS = 4
_pool: tuple[int, ThreadPoolExecutor] | None = None
_lock = threading.Lock()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _executor() -> ThreadPoolExecutor:
    """This process's helper threads (a forked child starts its own)."""
    global _pool
    with _lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(THREADS, thread_name_prefix="gyoryu-side"))
        return _pool[1]


class SideWork(Generic[T]):
    """``work(*args)``: started on a helper thread by :meth:`start` (when the model starts), else done in place by
    :meth:`result`."""

    def __init__(self, work: Callable[..., T], *args) -> None:
        self._work, self._args = work, args
        self._future: Future | None = None

    def start(self) -> None:
        """Hand the work to a helper thread (once; not on a single core)."""
        if self._future is None and cores() > 1:
            self._future = _executor().submit(self._work, *self._args)

    @property
    def on_helper(self) -> bool:
        """Whether a helper thread took the work (for tests)."""
        return self._future is not None and not self._future.cancelled()

    def result(self) -> T:
        """The work's result: the helper's, or computed now if no helper has begun it."""
        if self._future is None or self._future.cancel():
            return self._work(*self._args)
        return self._future.result()
