"""A SPARQL worker process: ``python -m graph.query_worker IN_FD OUT_FD`` (started by :mod:`graph.query_pool`).

It receives its configuration, opens the shared store read-only, answers ``ready`` and then runs
one query at a time with :func:`graph.sparql.execute`. It imports only pyoxigraph and the light
``graph`` modules, so a replacement starts in a fraction of a second.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path

from graph.sparql import QueryError, QueryTimeout, ResultTooLarge, execute
from graph.store import GraphStore, OxigraphStore


def open_worker_store(config: dict) -> GraphStore:
    """The shared on-disk store (read-only), or the remote endpoint of ``GYORYU_STORE``."""
    if config.get("endpoint"):
        from graph.remote_store import RemoteStore

        return RemoteStore(config["endpoint"], timeout=config["timeout"])
    return OxigraphStore.open_read_only(Path(config["store_dir"]))


def serve(inbox: Connection, outbox: Connection) -> None:
    """Answer requests ``(text, fmt, dataset, base_iri, timeout)`` with ``(status, payload)`` until the pipe closes.

    ``timeout`` (seconds left) goes to a remote store, which stops the query itself.
    """
    config = inbox.recv()
    try:
        store = open_worker_store(config)
    except Exception as exc:  # noqa: BLE001 - reported to the pool, which refuses to start
        outbox.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    outbox.send(("ready", os.getpid()))
    limits = {"checked": True, "max_results": config["max_results"]}  # the pool (or its caller) checked the query
    while True:
        try:
            text, fmt, dataset, base_iri, timeout = inbox.recv()
        except EOFError:
            return
        try:
            began = time.perf_counter()
            outcome = execute(store, text, fmt, dataset=dataset, base_iri=base_iri, timeout=timeout, **limits)
            outbox.send(("ok", replace(outcome, seconds=time.perf_counter() - began)))
        except (QueryError, QueryTimeout, ResultTooLarge) as exc:
            outbox.send((type(exc).__name__, str(exc)))
        except Exception as exc:  # noqa: BLE001 - reported to the caller, the worker lives on
            outbox.send(("QueryError", f"query failed: {exc}"))


def main(argv: list[str]) -> None:
    """Entry point: the two pipe ends the pool passed down."""
    serve(Connection(int(argv[1]), writable=False), Connection(int(argv[2]), readable=False))


if __name__ == "__main__":
    main(sys.argv)
