"""Work a query can do on a second core while the model embeds it.

The embedding engines run their model with the GIL released, so a hybrid query's lexical side (Kiwi, the BM25
scores: a millisecond or two on a new question) can run meanwhile on a helper thread and leave the query's
critical path. That pays only when a core is free: on a busy machine the helper waits for a core while
holding up the query at every hand-over of the GIL, so the work then runs in place (load average at or above
the cores less :data:`FREE_CORE`, read at most once a second).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
#: Helper threads a process keeps (hybrid queries served at once).
THREADS = 4
#: A core counts as free while the load average stays this far below the number of cores.
FREE_CORE = 0.5
_pool: tuple[int, ThreadPoolExecutor] | None = None
_lock = threading.Lock()
_load: tuple[float, bool] = (-1.0, False)  # (when read, a core free)


def core_free() -> bool:
    """Whether the 1-minute load average leaves a core free (read at most once a second)."""
    global _load
    now = time.monotonic()
    if now - _load[0] > 1.0:
        try:
            free = os.getloadavg()[0] < (os.cpu_count() or 1) - FREE_CORE
        except OSError:
            free = False
        _load = (now, free)
    return _load[1]


def _executor() -> ThreadPoolExecutor:
    """This process's helper threads (a forked child starts its own)."""
    global _pool
    with _lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(THREADS, thread_name_prefix="gyoryu-side"))
        return _pool[1]


def beside(work: Callable[..., T], *args) -> Future:
    """``work(*args)`` started on a helper thread when a core is free, else done now; its future either way."""
    if core_free():
        return _executor().submit(work, *args)
    done: Future = Future()
    try:
        done.set_result(work(*args))
    except Exception as exc:  # noqa: BLE001 - handed to the caller by result(), as a helper thread's would be
        done.set_exception(exc)
    return done
